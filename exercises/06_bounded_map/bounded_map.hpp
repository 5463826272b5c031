// SPDX-License-Identifier: MIT
// Exercise 06: bounded_map (being written).
#pragma once

namespace exercise {}  // namespace exercise
