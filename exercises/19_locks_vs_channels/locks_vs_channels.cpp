// SPDX-License-Identifier: MIT
#include "locks_vs_channels.hpp"
