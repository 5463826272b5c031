// SPDX-License-Identifier: MIT
// Exercise 15: timeout_call (being written).
#pragma once

namespace exercise {}  // namespace exercise
