// SPDX-License-Identifier: MIT
#include "prime_sieve.hpp"
