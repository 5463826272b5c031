// SPDX-License-Identifier: MIT
// Exercise 07: generator (being written).
#pragma once

namespace exercise {}  // namespace exercise
