// SPDX-License-Identifier: MIT
// Exercise 17: heartbeat (being written).
#pragma once

namespace exercise {}  // namespace exercise
