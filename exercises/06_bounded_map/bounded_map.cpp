// SPDX-License-Identifier: MIT
#include "bounded_map.hpp"
