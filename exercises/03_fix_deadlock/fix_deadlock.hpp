// SPDX-License-Identifier: MIT
// Exercise 03: fix_deadlock (being written).
#pragma once

namespace exercise {}  // namespace exercise
