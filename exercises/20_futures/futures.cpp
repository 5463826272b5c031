// SPDX-License-Identifier: MIT
#include "futures.hpp"
