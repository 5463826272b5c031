// SPDX-License-Identifier: MIT
// Exercise 08: lazy_evaluator (being written).
#pragma once

namespace exercise {}  // namespace exercise
