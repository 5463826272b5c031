// SPDX-License-Identifier: MIT
// Exercise 10: prime_sieve (being written).
#pragma once

namespace exercise {}  // namespace exercise
