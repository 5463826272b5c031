// SPDX-License-Identifier: MIT
#include "ping_pong.hpp"
