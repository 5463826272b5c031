// SPDX-License-Identifier: MIT
#include "fix_deadlock.hpp"
