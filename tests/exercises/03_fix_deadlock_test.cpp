// SPDX-License-Identifier: MIT
// Exercise 03: fix_deadlock. The untouched exercise fails every test with Go's
// deadlock report; the fixed one returns the right answers.
#include <cstddef>
#include <string>
#include <vector>

#include "exercise_test.hpp"
#include "fix_deadlock.hpp"

namespace {

using exercise::total_length;
using exercise::word_lengths;

// many_words() is 500 words of 1 to 10 letters.
std::vector<std::string> many_words() {
  std::vector<std::string> words;
  for (std::size_t i = 0; i < 500; ++i) words.emplace_back(i % 10 + 1, 'a');
  return words;
}

// Every test runs on one thread and on two.
class FixDeadlock : public testing::TestWithParam<int> {};
INSTANTIATE_TEST_SUITE_P(Maxprocs, FixDeadlock, testing::Values(1, 2), gort_test::maxprocs_name);

TEST_P(FixDeadlock, WordLengthsInTheOrderOfTheWords) {
  grading::graded(
      [] {
        EXPECT_EQ(word_lengths({"go", "channel", "deadlock", ""}),
                  (std::vector<std::size_t>{2, 7, 8, 0}));
      },
      GetParam());
}

TEST_P(FixDeadlock, WordLengthsOfOneWordAndOfNone) {
  grading::graded(
      [] {
        EXPECT_EQ(word_lengths({"gopher"}), std::vector<std::size_t>{6});
        EXPECT_EQ(word_lengths({}), std::vector<std::size_t>{});
      },
      GetParam());
}

TEST_P(FixDeadlock, WordLengthsOfManyWordsLeavesNoGoroutine) {
  grading::graded(
      [] {
        const std::vector<std::string> words = many_words();
        const std::vector<std::size_t> lengths = word_lengths(words);
        ASSERT_EQ(lengths.size(), words.size());
        for (std::size_t i = 0; i < words.size(); ++i) EXPECT_EQ(lengths[i], words[i].size());
        EXPECT_TRUE(grading::goroutines_settle_at(1)) << "a goroutine of word_lengths never ended";
      },
      GetParam());
}

TEST_P(FixDeadlock, TotalLengthAddsUpEveryWord) {
  grading::graded(
      [] {
        EXPECT_EQ(total_length({"go", "channel", "deadlock", ""}), 17u);
      },
      GetParam());
}

TEST_P(FixDeadlock, TotalLengthOfOneWordAndOfNone) {
  grading::graded(
      [] {
        EXPECT_EQ(total_length({"gopher"}), 6u);
        EXPECT_EQ(total_length({}), 0u);
      },
      GetParam());
}

TEST_P(FixDeadlock, TotalLengthOfManyWordsLeavesNoGoroutine) {
  grading::graded(
      [] {
        EXPECT_EQ(total_length(many_words()), 50u * (1 + 10) * 10 / 2);
        EXPECT_TRUE(grading::goroutines_settle_at(1)) << "a goroutine of total_length never ended";
      },
      GetParam());
}

}  // namespace
