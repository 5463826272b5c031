// SPDX-License-Identifier: MIT
#include "worker_pool.hpp"
