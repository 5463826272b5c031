// SPDX-License-Identifier: MIT
// The registry of live goroutines (of every run in the process) and the
// goroutine dumps printed by panics, fatal errors, deadlocks and SIGQUIT, in
// Go's format: "goroutine N [state]:" then what started it.
#pragma once

#include <cstdio>
#include <string>

#include "gort/detail/park.hpp"

namespace gort::detail {

class goroutine;
class pool;

void register_goroutine(goroutine& g) noexcept;
void unregister_goroutine(goroutine& g) noexcept;
// any_goroutine_alive() is true while any goroutine of any run is registered.
bool any_goroutine_alive() noexcept;

// wait_words() is what a goroutine blocked for why waits on, in Go's words
// ("chan receive", "sync.Mutex.Lock").
const char* wait_words(wait_reason why);

// start_of() names what g runs, for dumps and traces: its label ("main",
// named{...}), else its function's name when go() got an exported plain
// function ("pump"), else "lambda in <enclosing function>", else its
// callable's demangled type.
std::string start_of(const goroutine& g);

// write_goroutine() prints one goroutine's block; `running` marks the caller.
void write_goroutine(std::FILE* out, const goroutine& g, bool running);
// write_all_goroutines() prints every live goroutine, oldest first.
void write_all_goroutines(std::FILE* out, const goroutine* running);
// write_goroutines() prints the live goroutines of pool `of` that the
// program counts (not the runtime's own), oldest first; all when of is nullptr.
void write_goroutines(std::FILE* out, const pool* of, const goroutine* running);

}  // namespace gort::detail
