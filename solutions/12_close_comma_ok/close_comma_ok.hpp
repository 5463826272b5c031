// SPDX-License-Identifier: MIT
// Exercise 12: close_comma_ok (being written).
#pragma once

namespace exercise {}  // namespace exercise
