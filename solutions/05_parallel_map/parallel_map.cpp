// SPDX-License-Identifier: MIT
#include "parallel_map.hpp"
