// SPDX-License-Identifier: MIT
// Exercise 14: merge_nil (being written).
#pragma once

namespace exercise {}  // namespace exercise
