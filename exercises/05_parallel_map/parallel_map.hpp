// SPDX-License-Identifier: MIT
// Exercise 05: parallel_map (being written).
#pragma once

namespace exercise {}  // namespace exercise
