// SPDX-License-Identifier: MIT
// Exercise 03: fix the deadlocks — two small programs that stop with Go's
// "fatal error: all goroutines are asleep - deadlock!".
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace exercise {

// word_lengths() hands the words, one by one, to a goroutine that measures
// them, and returns their lengths in the order of the words.
std::vector<std::size_t> word_lengths(const std::vector<std::string>& words);

// total_length() measures every word in a goroutine of its own, waits for
// all of them with a wait_group, and returns the sum of the lengths.
std::size_t total_length(const std::vector<std::string>& words);

}  // namespace exercise
