// SPDX-License-Identifier: MIT
#include "merge_nil.hpp"
