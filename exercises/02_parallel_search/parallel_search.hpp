// SPDX-License-Identifier: MIT
// Exercise 02: parallel_search (being written).
#pragma once

namespace exercise {}  // namespace exercise
