// SPDX-License-Identifier: MIT
#include "pipeline.hpp"
