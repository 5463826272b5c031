// SPDX-License-Identifier: MIT
#include "timeout_call.hpp"
