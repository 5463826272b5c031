// SPDX-License-Identifier: MIT
#include "parallel_search.hpp"

namespace exercise {
namespace {

// stopped() is Go's `select { case <-quit: … default: }`: it never blocks, and
// it sees a close, which try_recv() cannot tell from an empty channel.
bool stopped(const gort::recv_chan<gort::signal>& quit) {
  return gort::select(gort::recv_case(quit), gort::default_case()) == 0;
}

// search_part() looks for target in haystack[begin, end) and sends exactly one
// answer: the index where it found the target, or nullopt.
void search_part(std::span<const int> haystack, std::size_t begin, std::size_t end, int target,
                 const std::function<void(std::size_t)>& examine,
                 gort::recv_chan<gort::signal> quit,
                 gort::send_chan<std::optional<std::size_t>> answers) {
  for (std::size_t i = begin; i < end; ++i) {
    if (stopped(quit)) break;  // another searcher found it: the rest of this part is wasted work
    examine(i);
    if (haystack[i] == target) {
      answers << i;
      return;
    }
  }
  answers << std::nullopt;
}

}  // namespace

std::optional<std::size_t> parallel_search(std::span<const int> haystack, int target, int parts,
                                           std::function<void(std::size_t index)> examine) {
  const auto count = static_cast<std::size_t>(parts);
  const std::size_t n = haystack.size();
  // Closed at the first find: one close reaches every searcher at once.
  auto quit = gort::make_chan<gort::signal>();
  // Room for every answer, so no searcher ever waits to report and each can end.
  auto answers = gort::make_chan<std::optional<std::size_t>>(count);
  for (std::size_t k = 0; k < count; ++k) {
    // go() copies the arguments now, so each searcher gets its own bounds.
    gort::go(search_part, haystack, k * n / count, (k + 1) * n / count, target, examine, quit,
             answers);
  }
  std::optional<std::size_t> found;
  // Each searcher answers exactly once, found or not: after `count` answers
  // none is left running, so none touches haystack or examine after we return.
  for (std::size_t k = 0; k < count; ++k) {
    const std::optional<std::size_t> answer = answers.recv();
    if (answer && !found) {
      found = answer;
      quit.close();
    }
  }
  return found;
}

}  // namespace exercise
