// SPDX-License-Identifier: MIT
#include "map_service.hpp"
