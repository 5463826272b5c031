// SPDX-License-Identifier: MIT
// Bad input, for every example at once: an unknown flag and a stray argument
// each end the program at once with a message naming them and a non-zero
// status. (Each chapter's tests check --help and its own flags' values.)
#include <filesystem>
#include <string>
#include <vector>

#include "example_test.hpp"

namespace {

using testing::HasSubstr;
using testing::IsEmpty;
using namespace std::chrono_literals;

// every_example() is the NN_name of every example under chapters/.
std::vector<std::string> every_example() {
  std::vector<std::string> names;
  for (const auto& chapter : std::filesystem::directory_iterator(CHAPTERS_DIR)) {
    if (!chapter.is_directory()) continue;
    for (const auto& example : std::filesystem::directory_iterator(chapter.path())) {
      if (std::filesystem::exists(example.path() / "main.cpp")) names.push_back(example.path().filename());
    }
  }
  return names;
}

TEST(EveryExample, ThereAreThirtyOne) { EXPECT_EQ(every_example().size(), 31U); }

// expect_rejected() runs every example with args and expects each to refuse
// them at once, naming word.
void expect_rejected(const std::vector<std::string>& args, const std::string& word) {
  for (const std::string& name : every_example()) {
    const auto run = gort_test::run_example(name, args, 20s);
    EXPECT_FALSE(run.timed_out) << name;
    EXPECT_EQ(run.signal, 0) << name;
    EXPECT_NE(run.exit_code, 0) << name;
    EXPECT_THAT(run.err, HasSubstr(word)) << name;
    EXPECT_THAT(run.out, IsEmpty()) << name << " ran anyway";
  }
}

TEST(EveryExample, RejectsAnUnknownFlag) { expect_rejected({"--no-such-flag"}, "--no-such-flag"); }

TEST(EveryExample, RejectsAStrayArgument) { expect_rejected({"stray"}, "stray"); }

}  // namespace
