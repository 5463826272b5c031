// SPDX-License-Identifier: MIT
#include "parallel_search.hpp"
