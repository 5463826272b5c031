// SPDX-License-Identifier: MIT
// Exercise 16: rate_limiter (being written).
#pragma once

namespace exercise {}  // namespace exercise
