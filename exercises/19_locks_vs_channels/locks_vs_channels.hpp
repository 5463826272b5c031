// SPDX-License-Identifier: MIT
// Exercise 19: locks_vs_channels (being written).
#pragma once

namespace exercise {}  // namespace exercise
