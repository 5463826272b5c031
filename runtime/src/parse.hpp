// SPDX-License-Identifier: MIT
// parse_number<N>(text): the runtime's one parser of whole numbers, for
// environment variables (GOMAXPROCS, GORT_SCHEDTRACE, GORT_CHAOS), cgroup
// files and /proc: the number text is, if it is one and nothing else.
#pragma once

#include <charconv>
#include <optional>
#include <string_view>

namespace gort::detail {

template <class N>
std::optional<N> parse_number(std::string_view text) noexcept {
  N n{};
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return n;
}

}  // namespace gort::detail
