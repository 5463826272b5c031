// SPDX-License-Identifier: MIT
// Exercise 20: futures (being written).
#pragma once

namespace exercise {}  // namespace exercise
