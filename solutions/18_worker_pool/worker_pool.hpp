// SPDX-License-Identifier: MIT
// Exercise 18: worker_pool (being written).
#pragma once

namespace exercise {}  // namespace exercise
