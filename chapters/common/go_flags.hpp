// SPDX-License-Identifier: MIT
// Go-style flags for the example programs: durations written as Go writes
// them ("1s", "250ms", "1m30s"), so `--wait 2s` means the same to a C++
// example and to its Go twin.
#pragma once

#include <CLI/CLI.hpp>
#include <cctype>
#include <chrono>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>

namespace workbook {

// parse_go_duration() reads Go's time.ParseDuration syntax: an optional sign,
// then decimal numbers with units ns, us, µs, ms, s, m, h; "0" alone is allowed.
inline std::optional<std::chrono::nanoseconds> parse_go_duration(std::string_view text) {
  double sign = 1;
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
    sign = text[0] == '-' ? -1 : 1;
    text.remove_prefix(1);
  }
  if (text == "0") return std::chrono::nanoseconds(0);
  if (text.empty()) return std::nullopt;
  struct unit {
    std::string_view name;
    double nanoseconds;
  };
  static constexpr unit units[] = {{"ns", 1},   {"us", 1e3},   {"µs", 1e3},        {"ms", 1e6},
                                   {"s", 1e9},  {"m", 60e9},   {"h", 3600e9}};
  double total = 0;
  while (!text.empty()) {
    std::size_t digits = 0;
    while (digits < text.size() && (std::isdigit(static_cast<unsigned char>(text[digits])) != 0 ||
                                     text[digits] == '.')) {
      ++digits;
    }
    if (digits == 0) return std::nullopt;
    double number = 0;
    try {
      std::size_t used = 0;
      number = std::stod(std::string(text.substr(0, digits)), &used);
      if (used != digits) return std::nullopt;  // "1..5" is not a number
    } catch (const std::exception&) {
      return std::nullopt;
    }
    text.remove_prefix(digits);
    const unit* matched = nullptr;
    for (const unit& u : units) {  // longest names first where they share a prefix: "ms" before "m"
      if (text.starts_with(u.name) && (matched == nullptr || u.name.size() > matched->name.size())) {
        matched = &u;
      }
    }
    if (matched == nullptr) return std::nullopt;
    text.remove_prefix(matched->name.size());
    total += number * matched->nanoseconds;
  }
  return std::chrono::nanoseconds(std::llround(sign * total));
}

// add_duration() adds a flag taking a Go duration; a bad value is CLI11's
// clear error and exit code.
template <class Duration>
CLI::Option* add_duration(CLI::App& app, const std::string& name, Duration& value,
                          const std::string& help) {
  return app
      .add_option_function<std::string>(
          name,
          [&value, name](const std::string& text) {
            const auto parsed = parse_go_duration(text);
            if (!parsed) {
              throw CLI::ValidationError(name, "'" + text + "' is not a duration like 1s or 250ms");
            }
            value = std::chrono::duration_cast<Duration>(*parsed);
          },
          help)
      ->type_name("DURATION");
}

// positive_duration checks a duration flag (after add_duration) for a value
// above zero, as the Go twins check `d <= 0`: zero and negative are refused.
inline const CLI::Validator positive_duration(
    [](std::string& text) -> std::string {
      const auto parsed = parse_go_duration(text);
      return parsed && *parsed <= std::chrono::nanoseconds::zero() ? "must be more than 0" : "";
    },
    "POSITIVE");

}  // namespace workbook
