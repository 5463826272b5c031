// SPDX-License-Identifier: MIT
#include "heartbeat.hpp"
