// SPDX-License-Identifier: MIT
// Exercise 13: quit_select (being written).
#pragma once

namespace exercise {}  // namespace exercise
