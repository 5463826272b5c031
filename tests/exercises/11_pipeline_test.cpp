// SPDX-License-Identifier: MIT
// Exercise 11: pipeline.
#include <algorithm>
#include <atomic>
#include <numeric>
#include <vector>

#include "exercise_test.hpp"
#include "pipeline.hpp"

namespace {

using exercise::generate;
using exercise::merge;
using exercise::run_pipeline;
using exercise::transform;
using grading::graded;
using testing::UnorderedElementsAreArray;

std::vector<int> received(const gort::recv_chan<int>& ch) {
  std::vector<int> values;
  for (int v : ch) values.push_back(v);
  return values;
}

// closed_after() is a channel holding values, already closed.
gort::recv_chan<int> closed_after(const std::vector<int>& values) {
  auto ch = gort::make_chan<int>(values.size());
  for (int v : values) ch << v;
  ch.close();
  return ch;
}

TEST(Pipeline, GenerateSendsEveryValueInOrderThenCloses) {
  graded([] {
    auto ch = gort::make_chan<int>();
    gort::go(generate, std::vector<int>{3, 0, 3, -1}, ch);
    EXPECT_EQ(received(ch), (std::vector<int>{3, 0, 3, -1}));
    EXPECT_TRUE(grading::goroutines_settle_at(1));
  });
}

TEST(Pipeline, GenerateOfNothingOnlyCloses) {
  graded([] {
    auto ch = gort::make_chan<int>();
    gort::go(generate, std::vector<int>{}, ch);
    EXPECT_FALSE(ch.recv_ok().ok) << "generate did not close its output";
    EXPECT_TRUE(grading::goroutines_settle_at(1));
  });
}

TEST(Pipeline, TransformAppliesFInOrderAndClosesAfterItsInput) {
  graded([] {
    auto in = gort::make_chan<int>();
    auto out = gort::make_chan<int>();
    gort::go(transform, in, out, [](int v) { return v + 100; });
    in << 1;
    EXPECT_EQ(out.recv(), 101);
    in << 0;
    EXPECT_EQ(out.recv(), 100);
    in << 2;
    EXPECT_EQ(out.recv(), 102);
    in.close();
    EXPECT_FALSE(out.recv_ok().ok) << "transform did not close its output after its input";
    EXPECT_TRUE(grading::goroutines_settle_at(1));
  });
}

TEST(Pipeline, TransformOfAClosedEmptyInputOnlyCloses) {
  graded([] {
    auto out = gort::make_chan<int>();
    int calls = 0;
    gort::go(transform, closed_after({}), out, [&calls](int v) { return ++calls, v; });
    EXPECT_FALSE(out.recv_ok().ok);
    EXPECT_EQ(calls, 0);
    EXPECT_TRUE(grading::goroutines_settle_at(1));
  });
}

TEST(Pipeline, MergeForwardsEveryValueOfEveryInput) {
  for (int procs : {1, 2}) {
    graded(
        [] {
          auto out = gort::make_chan<int>();
          std::vector<gort::recv_chan<int>> inputs = {closed_after({1, 2, 3}), closed_after({}),
                                                      closed_after({10, 20}), closed_after({0})};
          gort::go(merge, inputs, out);
          EXPECT_THAT(received(out), UnorderedElementsAreArray({0, 1, 2, 3, 10, 20}));
          EXPECT_TRUE(grading::goroutines_settle_at(1)) << "a merge goroutine never ended";
        },
        procs);
    if (HasFailure()) break;  // once is enough: a leak costs the hang guard's wait
  }
}

TEST(Pipeline, MergeForwardsAValueOfAnyInputAsItArrives) {
  // Fan-in: while the first input stays open and silent, a value of the
  // second must still come through; a merge that drains its inputs one
  // after the other waits on the first forever.
  for (int procs : {1, 2}) {
    graded(
        [] {
          auto silent = gort::make_chan<int>();
          auto talking = gort::make_chan<int>(1);
          auto out = gort::make_chan<int>();
          gort::go(merge, std::vector<gort::recv_chan<int>>{silent, talking}, out);
          talking << 7;
          int got = 0;
          const auto ready = gort::select(gort::recv_case(out, [&got](int v) { got = v; }),
                                          gort::recv_case(gort::after(grading::kSoon)));
          EXPECT_EQ(ready, 0u) << "merge did not forward the second input's value while the first "
                                  "input was open and silent: it reads its inputs one after the other";
          EXPECT_EQ(got, 7);
          silent.close();
          talking.close();
          for (int v : out) ADD_FAILURE() << "unexpected value " << v;
        },
        procs);
    if (HasFailure()) break;
  }
}

TEST(Pipeline, MergeOfNoInputsClosesAtOnce) {
  graded([] {
    auto out = gort::make_chan<int>();
    gort::go(merge, std::vector<gort::recv_chan<int>>{}, out);
    EXPECT_FALSE(out.recv_ok().ok);
    EXPECT_TRUE(grading::goroutines_settle_at(1));
  });
}

TEST(Pipeline, MergeClosesOnlyAfterTheLastInputCloses) {
  for (int procs : {1, 2}) {
    graded(
        [] {
          auto early = gort::make_chan<int>();
          auto late = gort::make_chan<int>();
          auto out = gort::make_chan<int>();
          gort::go(merge, std::vector<gort::recv_chan<int>>{early, late}, out);
          early << 1;
          EXPECT_EQ(out.recv(), 1);
          early.close();
          // Merge must still forward what the open input sends, and only then close.
          for (int v : {2, 3}) {
            late << v;
            auto [got, ok] = out.recv_ok();
            ASSERT_TRUE(ok) << "merge closed its output while an input was still open";
            EXPECT_EQ(got, v);
          }
          late.close();
          EXPECT_FALSE(out.recv_ok().ok) << "merge did not close after its last input closed";
          EXPECT_TRUE(grading::goroutines_settle_at(1));
        },
        procs);
    if (HasFailure()) break;
  }
}

TEST(Pipeline, RunPipelineReturnsEveryResult) {
  for (int procs : {1, 2}) {
    graded(
        [] {
          std::vector<int> values(500);
          std::iota(values.begin(), values.end(), -250);
          std::vector<int> expected;
          for (int v : values) expected.push_back(v * v);
          EXPECT_THAT(run_pipeline(values, 4, [](int v) { return v * v; }),
                      UnorderedElementsAreArray(expected));
          EXPECT_TRUE(grading::goroutines_settle_at(1))
              << gort::num_goroutine() - 1 << " goroutine(s) of the pipeline never ended";
        },
        procs);
    if (HasFailure()) break;
  }
}

TEST(Pipeline, RunPipelineWithOneWorkerAndOneValue) {
  graded([] {
    EXPECT_EQ(run_pipeline({7}, 1, [](int v) { return -v; }), std::vector<int>{-7});
    EXPECT_TRUE(grading::goroutines_settle_at(1));
  });
}

TEST(Pipeline, RunPipelineOfNoValuesEndsEveryStage) {
  graded([] {
    int calls = 0;
    EXPECT_TRUE(run_pipeline({}, 3, [&calls](int v) { return ++calls, v; }).empty());
    EXPECT_EQ(calls, 0);
    EXPECT_TRUE(grading::goroutines_settle_at(1))
        << gort::num_goroutine() - 1 << " goroutine(s) of the pipeline never ended";
  });
}

TEST(Pipeline, RunPipelineRunsItsWorkersAtOnce) {
  for (int procs : {1, 2}) {
    graded(
        [] {
          constexpr int kWorkers = 4;
          grading::at_once probe(kWorkers);
          std::vector<int> values(20);
          std::iota(values.begin(), values.end(), 1);
          std::vector<int> expected;
          for (int v : values) expected.push_back(v * 10);
          EXPECT_THAT(run_pipeline(values, kWorkers, [&probe](int v) {
                        probe.visit();
                        return v * 10;
                      }),
                      UnorderedElementsAreArray(expected));
          ASSERT_TRUE(probe.reached()) << "f never ran in " << kWorkers << " workers at once";
          EXPECT_LE(probe.peak(), kWorkers) << "more calls of f at once than there are workers";
          EXPECT_TRUE(grading::goroutines_settle_at(1));
        },
        procs);
    if (HasFailure()) break;
  }
}

}  // namespace
