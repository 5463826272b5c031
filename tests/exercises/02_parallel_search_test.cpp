// SPDX-License-Identifier: MIT
// Exercise 02: parallel_search.
#include <atomic>
#include <chrono>
#include <cstddef>
#include <vector>

#include "exercise_test.hpp"
#include "parallel_search.hpp"

namespace {

using exercise::parallel_search;
using namespace std::chrono_literals;

void examine_nothing(std::size_t) {}

// Every test runs on one thread and on two.
class ParallelSearch : public testing::TestWithParam<int> {};
INSTANTIATE_TEST_SUITE_P(Maxprocs, ParallelSearch, testing::Values(1, 2), gort_test::maxprocs_name);

TEST_P(ParallelSearch, FindsTheTargetInEveryPartAndAtEveryBoundary) {
  grading::graded(
      [] {
        std::vector<int> haystack(100);
        for (std::size_t i = 0; i < haystack.size(); ++i) haystack[i] = static_cast<int>(i) * 3;
        for (std::size_t at : {0, 1, 24, 25, 49, 50, 74, 75, 98, 99}) {
          EXPECT_EQ(parallel_search(haystack, haystack[at], 4, examine_nothing), at);
        }
        EXPECT_TRUE(grading::goroutines_settle_at(1)) << "a searcher never ended";
      },
      GetParam());
}

TEST_P(ParallelSearch, ExaminesEveryElementExactlyOnceWhenTheTargetIsMissing) {
  grading::graded(
      [] {
        const std::vector<int> haystack(1000, 7);
        std::vector<std::atomic<int>> examined(haystack.size());
        EXPECT_EQ(parallel_search(haystack, 8, 7, [&](std::size_t i) { ++examined[i]; }),
                  std::nullopt);
        for (std::size_t i = 0; i < examined.size(); ++i) {
          EXPECT_EQ(examined[i].load(), 1) << "element " << i;
        }
        EXPECT_TRUE(grading::goroutines_settle_at(1)) << "a searcher never ended";
      },
      GetParam());
}

TEST_P(ParallelSearch, EmptyHaystackFindsNothingAndExaminesNothing) {
  grading::graded(
      [] {
        std::atomic<int> examined{0};
        EXPECT_EQ(parallel_search({}, 1, 3, [&](std::size_t) { ++examined; }), std::nullopt);
        EXPECT_EQ(examined.load(), 0);
        EXPECT_TRUE(grading::goroutines_settle_at(1)) << "a searcher never ended";
      },
      GetParam());
}

TEST_P(ParallelSearch, OneElementAndMorePartsThanElements) {
  grading::graded(
      [] {
        EXPECT_EQ(parallel_search(std::vector{42}, 42, 1, examine_nothing), 0u);
        EXPECT_EQ(parallel_search(std::vector{42}, 41, 1, examine_nothing), std::nullopt);
        const std::vector<int> three{5, 6, 7};
        EXPECT_EQ(parallel_search(three, 7, 8, examine_nothing), 2u);
        std::vector<std::atomic<int>> examined(three.size());
        EXPECT_EQ(parallel_search(three, 9, 8, [&](std::size_t i) { ++examined[i]; }),
                  std::nullopt);
        for (std::size_t i = 0; i < examined.size(); ++i) {
          EXPECT_EQ(examined[i].load(), 1) << "element " << i;
        }
        EXPECT_TRUE(grading::goroutines_settle_at(1)) << "a searcher never ended";
      },
      GetParam());
}

TEST_P(ParallelSearch, SearchesAllPartsAtOnce) {
  // The first element of each part waits until all four searchers are inside
  // examine() together: only one goroutine per part, running at once, gets there.
  grading::graded(
      [] {
        constexpr int kParts = 4;
        const std::vector<int> haystack(400, 0);
        std::atomic<int> waiting{0};
        std::atomic<bool> gave_up{false};
        auto examine = [&](std::size_t i) {
          if (i % 100 != 0) return;
          ++waiting;
          if (!grading::soon([&] { return waiting.load() == kParts || gave_up.load(); })) {
            gave_up = true;
          }
        };
        EXPECT_EQ(parallel_search(haystack, 1, kParts, examine), std::nullopt);
        EXPECT_FALSE(gave_up.load())
            << "the " << kParts << " parts were never searched at the same time";
        EXPECT_TRUE(grading::goroutines_settle_at(1)) << "a searcher never ended";
      },
      GetParam());
}

TEST_P(ParallelSearch, StopsTheOtherSearchersSoonAfterAFind) {
  // On virtual time: the part holding the target is searched for free, every
  // other element costs a virtual second. Searchers that do not stop would
  // examine all 3000 other elements; searchers that do stop examine about one.
  grading::graded_on_virtual_time(
      [] {
        constexpr std::size_t kPartSize = 1000;
        std::vector<int> haystack(4 * kPartSize, 0);
        const std::size_t at = 2 * kPartSize + 10;
        haystack[at] = 1;
        std::atomic<int> slow_examined{0};
        std::atomic<int> inside{0};
        auto examine = [&](std::size_t i) {
          if (i / kPartSize == at / kPartSize) return;
          ++inside;
          ++slow_examined;
          gort::sleep(1s);
          --inside;
        };
        const auto start = gort::now();
        EXPECT_EQ(parallel_search(haystack, 1, 4, examine), at);
        EXPECT_EQ(inside.load(), 0) << "returned while a searcher was still examining";
        EXPECT_LE(slow_examined.load(), 3 * 2) << "the other searchers kept going after the find";
        EXPECT_LE(gort::now() - start, 2s) << "the search went on after the find (virtual time)";
        const int at_return = slow_examined.load();
        gort::sleep(5s);  // virtual time moves only while main sleeps: wake any searcher left
        EXPECT_TRUE(grading::goroutines_settle_at(1)) << "a searcher never ended";
        EXPECT_EQ(slow_examined.load(), at_return) << "a searcher examined after the return";
      },
      GetParam());
}

TEST_P(ParallelSearch, AllSearchersAdvanceTogetherAndStopTogether) {
  // On virtual time every element costs a virtual second, so the four
  // searchers advance in step; the find at offset 10 of part 1 must stop the
  // others within about one element.
  grading::graded_on_virtual_time(
      [] {
        std::vector<int> haystack(4000, 0);
        haystack[1010] = 1;
        std::atomic<int> examined{0};
        auto examine = [&](std::size_t) {
          ++examined;
          gort::sleep(1s);
        };
        EXPECT_EQ(parallel_search(haystack, 1, 4, examine), 1010u);
        EXPECT_LE(examined.load(), 4 * 13) << "the other searchers kept going after the find";
        gort::sleep(5s);  // virtual time moves only while main sleeps: wake any searcher left
        EXPECT_TRUE(grading::goroutines_settle_at(1)) << "a searcher never ended";
      },
      GetParam());
}

}  // namespace
