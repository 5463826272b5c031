// SPDX-License-Identifier: MIT
#include "lazy_evaluator.hpp"
