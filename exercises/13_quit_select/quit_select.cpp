// SPDX-License-Identifier: MIT
#include "quit_select.hpp"
