// SPDX-License-Identifier: MIT
// Exercise 15: a call with a timeout — run a function in a goroutine and wait
// for its result or for a timer, whichever comes first.
#pragma once

#include <functional>
#include <gort/gort.hpp>
#include <optional>

namespace exercise {

// call_with_timeout() runs f in a new goroutine and returns f's result as soon
// as f returns, or nullopt as soon as timeout has passed without f returning.
// It leaves no goroutine behind: after a timeout, f's goroutine still ends as
// soon as f returns, although nobody wants its result any more.
std::optional<int> call_with_timeout(std::function<int()> f, gort::clock::duration timeout);

}  // namespace exercise
