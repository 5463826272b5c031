// SPDX-License-Identifier: MIT
// Exercise 09: tree_walk (being written).
#pragma once

namespace exercise {}  // namespace exercise
