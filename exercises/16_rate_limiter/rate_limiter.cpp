// SPDX-License-Identifier: MIT
#include "rate_limiter.hpp"
