// SPDX-License-Identifier: MIT
#include "close_comma_ok.hpp"
