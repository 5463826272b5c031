// SPDX-License-Identifier: MIT
// gort: Go's goroutines, channels and sync for C++. The one header to include.
#pragma once

#include "gort/chan.hpp"
#include "gort/runtime.hpp"
#include "gort/select.hpp"
#include "gort/sync.hpp"
#include "gort/time.hpp"
