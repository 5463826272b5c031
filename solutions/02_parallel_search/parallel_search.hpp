// SPDX-License-Identifier: MIT
// Exercise 02: parallel search — one goroutine per part of a long vector, and
// the others stop as soon as one of them finds the target.
#pragma once

#include <cstddef>
#include <functional>
#include <gort/gort.hpp>
#include <optional>
#include <span>

namespace exercise {

// parallel_search() looks for target in haystack with one goroutine per part:
// part k of `parts` (parts >= 1) is haystack[k*n/parts, (k+1)*n/parts), with
// n = haystack.size(), so parts past the last element are empty. A searcher
// calls examine(i) before it compares haystack[i], and before every element it
// checks whether the search is over: once one searcher finds the target, the
// others stop early. Returns the index of the target (any one, if several) or
// nullopt, and returns only after every searcher has stopped.
std::optional<std::size_t> parallel_search(std::span<const int> haystack, int target, int parts,
                                           std::function<void(std::size_t index)> examine);

}  // namespace exercise
