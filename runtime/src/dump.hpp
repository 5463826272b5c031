// SPDX-License-Identifier: MIT
// The registry of live goroutines (of every run in the process) and the
// goroutine dumps printed by panics, fatal errors, deadlocks and SIGQUIT, in
// Go's format: "goroutine N [state]:" then what started it.
#pragma once

#include <cstdio>

namespace gort::detail {

class goroutine;

void register_goroutine(goroutine& g) noexcept;
void unregister_goroutine(goroutine& g) noexcept;
// any_goroutine_alive() is true while any goroutine of any run is registered.
bool any_goroutine_alive() noexcept;

// write_goroutine() prints one goroutine's block; `running` marks the caller.
void write_goroutine(std::FILE* out, const goroutine& g, bool running);
// write_all_goroutines() prints every live goroutine, oldest first.
void write_all_goroutines(std::FILE* out, const goroutine* running);

}  // namespace gort::detail
