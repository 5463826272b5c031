// SPDX-License-Identifier: MIT
// Exercise 04: ping_pong (being written).
#pragma once

namespace exercise {}  // namespace exercise
