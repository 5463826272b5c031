// SPDX-License-Identifier: MIT
// 04 parallel_search: a long array is cut into slices that do not overlap,
// and one goroutine searches each slice for the target. Watch for: the
// answers arrive in whatever order the goroutines finish, yet the result is
// always the same, because main keeps the lowest index.
#include <CLI/CLI.hpp>
#include <cstdint>
#include <gort/gort.hpp>
#include <iostream>
#include <span>
#include <vector>

// book:begin
// found is one goroutine's answer: the first index of the target in its
// slice, or -1.
struct found {
  int slice;
  std::int64_t index;
};

// search looks for target in part, the slice of the array that starts at
// index offset, and reports on answers.
void search(std::span<const std::int64_t> part, std::size_t offset, std::int64_t target, int slice,
            gort::chan<found> answers) {
  for (std::size_t i = 0; i < part.size(); ++i) {
    if (part[i] == target) {
      answers << found{slice, static_cast<std::int64_t>(offset + i)};
      return;
    }
  }
  answers << found{slice, -1};
}

int main(int argc, char** argv) {
  // book:end
  CLI::App app{"04 parallel_search: one goroutine per slice of a long array"};
  std::int64_t size = 10'000'000;
  int slices = 8;
  std::int64_t target = 4242;
  app.add_option("--size", size, "length of the array")
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{50'000'000}))
      ->capture_default_str();
  app.add_option("--slices", slices, "how many slices, one goroutine each")
      ->check(CLI::Range(1, 10'000))
      ->capture_default_str();
  app.add_option("--target", target, "the number to look for")->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  if (slices > size) {
    std::cerr << "--slices must not be more than --size\n";
    return 2;
  }

  // book:begin
  return gort::run([&] {
    // bigArray holds 0..size-1 scrambled: i*7919 mod size (a permutation
    // when size is not a multiple of the prime 7919).
    std::vector<std::int64_t> bigArray(static_cast<std::size_t>(size));
    for (std::int64_t i = 0; i < size; ++i) {
      bigArray[static_cast<std::size_t>(i)] = i * 7919 % size;
    }
    std::cout << slices << " goroutines search " << size << " numbers for " << target << ", about "
              << size / slices << " each\n";

    // One goroutine per slice; slice k is [k*size/slices, (k+1)*size/slices).
    // A span, like a Go slice, is a view: the goroutines share bigArray.
    const std::span<const std::int64_t> whole(bigArray);
    auto answers = gort::make_chan<found>();
    for (int k = 0; k < slices; ++k) {
      const auto begin = static_cast<std::size_t>(k * size / slices);
      const auto end = static_cast<std::size_t>((k + 1) * size / slices);
      gort::go(search, whole.subspan(begin, end - begin), begin, target, k, answers);
    }

    // Every goroutine answers once; the lowest index is the first occurrence.
    found first{-1, -1};
    for (int k = 0; k < slices; ++k) {
      const found answer = answers.recv();
      if (answer.index >= 0 && (first.index < 0 || answer.index < first.index)) first = answer;
    }
    if (first.index < 0) {
      std::cout << target << " is not in the array\n";
    } else {
      std::cout << "found " << target << " at index " << first.index << " (slice " << first.slice
                << ")\n";
    }
  });
}
// book:end
