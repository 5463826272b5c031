// SPDX-License-Identifier: MIT
// Exercise 22: map_service (being written).
#pragma once

namespace exercise {}  // namespace exercise
