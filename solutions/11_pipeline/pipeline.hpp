// SPDX-License-Identifier: MIT
// Exercise 11: pipeline (being written).
#pragma once

namespace exercise {}  // namespace exercise
