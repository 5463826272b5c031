// SPDX-License-Identifier: MIT
#include "tree_walk.hpp"
