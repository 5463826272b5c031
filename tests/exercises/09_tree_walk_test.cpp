// SPDX-License-Identifier: MIT
// Exercise 09: tree_walk.
#include <algorithm>
#include <atomic>
#include <memory>
#include <numeric>
#include <random>
#include <vector>

#include "exercise_test.hpp"
#include "tree_walk.hpp"

namespace {

using exercise::same;
using exercise::tree;
using exercise::walk;
using grading::graded;

// tree_of() builds a search tree by inserting values in the order given: the
// same values in another order make another shape.
std::unique_ptr<tree> tree_of(const std::vector<int>& values) {
  std::unique_ptr<tree> root;
  for (int v : values) exercise::insert(root, v);
  return root;
}

// shuffled() is first, first + 1, ..., first + n - 1 in an order fixed by seed.
std::vector<int> shuffled(int first, int n, unsigned seed) {
  std::vector<int> values(static_cast<std::size_t>(n));
  std::iota(values.begin(), values.end(), first);
  std::shuffle(values.begin(), values.end(), std::mt19937(seed));
  return values;
}

// walked() runs walk(t) in a goroutine and collects what it sends until it closes.
std::vector<int> walked(const tree* t) {
  auto ch = gort::make_chan<int>();
  gort::go(walk, t, ch);
  std::vector<int> values;
  for (int v : ch) values.push_back(v);
  return values;
}

TEST(TreeWalk, WalkSendsEveryValueInAscendingOrderThenCloses) {
  for (int procs : {1, 2}) {
    graded(
        [] {
          auto t = tree_of(shuffled(1, 100, 9));
          std::vector<int> expected(100);
          std::iota(expected.begin(), expected.end(), 1);
          EXPECT_EQ(walked(t.get()), expected);
          EXPECT_TRUE(grading::goroutines_settle_at(1)) << "the walker never ended";
        },
        procs);
    if (HasFailure()) break;  // once is enough: a leak costs the hang guard's wait
  }
}

TEST(TreeWalk, WalkKeepsDuplicatesAndNegatives) {
  graded([] {
    auto t = tree_of({5, -3, 5, 0, -3, 7});
    EXPECT_EQ(walked(t.get()), (std::vector<int>{-3, -3, 0, 5, 5, 7}));
  });
}

TEST(TreeWalk, WalkOfTheEmptyTreeOnlyCloses) {
  graded([] {
    auto ch = gort::make_chan<int>();
    gort::go(walk, nullptr, ch);
    auto [value, ok] = ch.recv_ok();
    EXPECT_FALSE(ok) << "the empty tree sent " << value << " instead of closing";
    EXPECT_TRUE(grading::goroutines_settle_at(1));
  });
}

TEST(TreeWalk, WalkOfOneNodeSendsItThenCloses) {
  graded([] {
    auto t = tree_of({42});
    EXPECT_EQ(walked(t.get()), std::vector<int>{42});
  });
}

TEST(TreeWalk, WalkOfAOneSidedTree) {
  // Inserted in order, a search tree is a list: every left subtree is empty.
  graded([] {
    std::vector<int> values(300);
    std::iota(values.begin(), values.end(), 0);
    auto t = tree_of(values);
    EXPECT_EQ(walked(t.get()), values);
  });
}

TEST(TreeWalk, WalkSendsOneValueAtATime) {
  // Unbuffered: each send waits for the receiver, so the walker is never more
  // than one value ahead and the values come out in order as they are asked for.
  graded(
      [] {
        auto t = tree_of({2, 1, 3});
        auto ch = gort::make_chan<int>();
        gort::go(walk, t.get(), ch);
        EXPECT_EQ(ch.recv(), 1);
        EXPECT_EQ(gort::num_goroutine(), 2) << "the walker should still be running";
        EXPECT_EQ(ch.recv(), 2);
        EXPECT_EQ(ch.recv(), 3);
        EXPECT_FALSE(ch.recv_ok().ok) << "walk did not close its channel after the last value";
      },
      1);
}

TEST(TreeWalk, SameValuesInDifferentShapesAreTheSame) {
  for (int procs : {1, 2}) {
    graded(
        [] {
          auto a = tree_of(shuffled(1, 200, 1));
          auto b = tree_of(shuffled(1, 200, 2));
          EXPECT_TRUE(same(a.get(), b.get()));
          EXPECT_TRUE(same(a.get(), a.get()));
          EXPECT_TRUE(grading::goroutines_settle_at(1)) << "a walker never ended";
        },
        procs);
    if (HasFailure()) break;
  }
}

TEST(TreeWalk, TwoEmptyTreesAreTheSame) {
  graded([] {
    EXPECT_TRUE(same(nullptr, nullptr));
    EXPECT_TRUE(grading::goroutines_settle_at(1));
  });
}

TEST(TreeWalk, ZeroIsAValueNotTheEnd) {
  // A closed channel gives 0 to recv(): only recv_ok tells {0} from {}.
  graded([] {
    auto zero = tree_of({0});
    EXPECT_FALSE(same(zero.get(), nullptr));
    EXPECT_FALSE(same(nullptr, zero.get()));
    EXPECT_TRUE(grading::goroutines_settle_at(1));
  });
}

TEST(TreeWalk, DifferentValuesAreNotTheSame) {
  graded([] {
    auto a = tree_of({2, 1, 3});
    auto b = tree_of({2, 1, 4});
    EXPECT_FALSE(same(a.get(), b.get()));
    EXPECT_FALSE(same(b.get(), a.get()));
  });
}

TEST(TreeWalk, APrefixIsNotTheSame) {
  graded([] {
    auto shorter = tree_of({2, 1, 3});
    auto longer = tree_of({2, 1, 3, 4});
    auto one = tree_of({1});
    EXPECT_FALSE(same(shorter.get(), longer.get()));
    EXPECT_FALSE(same(longer.get(), shorter.get()));
    EXPECT_FALSE(same(one.get(), nullptr));
    EXPECT_FALSE(same(nullptr, one.get()));
    EXPECT_TRUE(grading::goroutines_settle_at(1)) << "a walker was left blocked on a send";
  });
}

TEST(TreeWalk, StoppingAtTheFirstDifferenceLeavesNoWalkerBehind) {
  for (int procs : {1, 2}) {
    graded(
        [] {
          // The trees differ at their first value; 999 values are left to walk.
          std::vector<int> values = shuffled(1, 1000, 3);
          auto a = tree_of(values);
          std::replace(values.begin(), values.end(), 1, 0);
          auto b = tree_of(values);
          EXPECT_FALSE(same(a.get(), b.get()));
          EXPECT_TRUE(grading::goroutines_settle_at(1))
              << gort::num_goroutine() - 1 << " walker(s) left blocked on a send nobody receives";
        },
        procs);
    if (HasFailure()) break;
  }
}

TEST(TreeWalk, SameWalksBothTreesInGoroutinesOfItsOwn) {
  // A probe goroutine counts the live goroutines while same() runs: the
  // header asks for the two trees to be walked in two goroutines at once.
  // On one thread the probe runs whenever main and both walkers are blocked
  // on the channels, in the runtime's order; on two, it ran on a thread of
  // its own that a loaded machine could deschedule for the whole comparison.
  graded(
      [] {
        const auto a = tree_of(shuffled(0, 2000, 7));
        const auto b = tree_of(shuffled(0, 2000, 8));
        std::atomic<bool> compared{false};
        std::atomic<int> most{0};
        auto probe_ended = gort::make_chan<gort::signal>();
        gort::go([&compared, &most, probe_ended] {
          while (!compared) {
            most = std::max(most.load(), gort::num_goroutine());
            gort::gosched();
          }
          probe_ended.close();
        });
        EXPECT_TRUE(same(a.get(), b.get()));
        compared = true;
        probe_ended.recv();
        EXPECT_GE(most, 4) << "same() compared the trees without walking them in two goroutines "
                              "of its own (main, the test's probe and two walkers make 4; seen: "
                           << most << ")";
      },
      1);
}

}  // namespace
