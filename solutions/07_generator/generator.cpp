// SPDX-License-Identifier: MIT
#include "generator.hpp"
