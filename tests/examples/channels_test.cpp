// SPDX-License-Identifier: MIT
// Chapter 2, channels: each example prints what the course says it does.
#include <sstream>
#include <string>
#include <vector>

#include "example_test.hpp"

namespace {

using gort_test::expected_output;
using gort_test::run_example;
using testing::HasSubstr;
using testing::IsEmpty;

// lines() splits out at each '\n'; a last line without one is kept.
std::vector<std::string> lines(const std::string& out) {
  std::vector<std::string> result;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) result.push_back(line);
  return result;
}

TEST(Channels, SendDataPrintsTheCitiesInOrder) {
  const auto run = run_example("06_send_data");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, expected_output("channels/06_send_data"));
}

TEST(Channels, SendDataRejectsABadDuration) {
  const auto run = run_example("06_send_data", {"--wait", "soon"});
  EXPECT_NE(run.exit_code, 0);
  EXPECT_THAT(run.err, HasSubstr("'soon' is not a duration like 1s or 250ms"));
}

TEST(Channels, EveryExampleAnswersHelp) {
  for (const char* name :
       {"07_channel_block", "08_pump_suck", "09_deadlock", "10_buffered", "11_semaphore",
        "12_parallel_for", "13_channel_factory", "14_channel_iterator", "15_producer_consumer",
        "16_directions", "17_pipeline", "18_close"}) {
    const auto run = run_example(name, {"--help"});
    EXPECT_EQ(run.exit_code, 0) << name << ": " << run.err;
    EXPECT_THAT(run.out, HasSubstr(std::string(name).substr(0, 2) + " ")) << name;
    EXPECT_THAT(run.out, HasSubstr("Usage:")) << name;
  }
}

TEST(Channels, ChannelBlockPrintsOnlyZero) {
  const auto run = run_example("07_channel_block");
  EXPECT_EQ(run.exit_code, 0) << run.err;  // pump is still blocked, yet main's return ends it all
  EXPECT_EQ(run.out, expected_output("channels/07_channel_block"));
}

TEST(Channels, ChannelBlockRejectsAnUnknownFlag) {
  const auto run = run_example("07_channel_block", {"--bogus"});
  EXPECT_NE(run.exit_code, 0);
  EXPECT_THAT(run.err, HasSubstr("--bogus"));
  EXPECT_THAT(run.out, IsEmpty());
}

// The numbers suck prints must count up from 0 with none skipped or repeated.
// The process may end while suck is writing, so a last line without '\n'
// may be cut short: it must be the start of the next number.
TEST(Channels, PumpSuckPrintsConsecutiveNumbersUntilMainReturns) {
  const auto run = run_example("08_pump_suck", {"--duration", "100ms"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::vector<std::string> numbers = lines(run.out);
  std::string cut_short;
  if (!run.out.empty() && run.out.back() != '\n') {
    cut_short = numbers.back();
    numbers.pop_back();
  }
  EXPECT_GE(numbers.size(), 3U) << "pump and suck should hand over many numbers in 100ms";
  for (std::size_t i = 0; i < numbers.size(); ++i) {
    ASSERT_EQ(numbers[i], std::to_string(i)) << "line " << i;
  }
  EXPECT_TRUE(std::to_string(numbers.size()).starts_with(cut_short)) << cut_short;
}

TEST(Channels, PumpSuckRejectsABadDuration) {
  const auto run = run_example("08_pump_suck", {"--duration", "10"});
  EXPECT_NE(run.exit_code, 0);
  EXPECT_THAT(run.err, HasSubstr("'10' is not a duration like 1s or 250ms"));
}

TEST(Channels, DeadlockIsGosFatalErrorWithStatusTwo) {
  const auto run = run_example("09_deadlock");
  ASSERT_FALSE(run.timed_out) << "the deadlock was not detected";
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.out, IsEmpty());  // f1 never ran
  const auto fatal = run.err.find("fatal error: all goroutines are asleep - deadlock!");
  const auto dump = run.err.find("goroutine 1 [chan send]:\nmain");
  ASSERT_NE(fatal, std::string::npos) << run.err;
  ASSERT_NE(dump, std::string::npos) << run.err;
  EXPECT_LT(fatal, dump) << run.err;
}

TEST(Channels, BufferedFillsWithoutAReceiverThenEmptiesInOrder) {
  const auto run = run_example("10_buffered");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, expected_output("channels/10_buffered"));
}

TEST(Channels, BufferedHoldsAsManyAsItsCapacity) {
  const auto run = run_example("10_buffered", {"--cap", "1"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out,
            "sent item0: len=1 cap=1\n"
            "buffer full: extra not sent\n"
            "received item0: len=0\n");
}

TEST(Channels, BufferedRejectsAnUnbufferedCapacity) {
  const auto run = run_example("10_buffered", {"--cap", "0"});
  EXPECT_NE(run.exit_code, 0);
  EXPECT_THAT(run.err, HasSubstr("--cap: Value 0 not in range 1 to 100"));
}

// 11 and its standard-library twin, std.cpp, behave the same.
TEST(Channels, SemaphoreWaitsForBothGoroutines) {
  for (const std::string name : {"11_semaphore", "11_semaphore_std"}) {
    const auto run = run_example(name);
    EXPECT_EQ(run.exit_code, 0) << run.err << " (" << name << ")";
    EXPECT_EQ(run.out, expected_output("channels/11_semaphore")) << name;
  }
}

TEST(Channels, SemaphoreUsesN) {
  for (const std::string name : {"11_semaphore", "11_semaphore_std"}) {
    const auto run = run_example(name, {"-n", "3"});
    EXPECT_EQ(run.exit_code, 0) << run.err << " (" << name << ")";
    EXPECT_THAT(run.out, HasSubstr("compute sent 14\n"));  // 1 + 4 + 9
    EXPECT_THAT(run.out, HasSubstr("squares up to 6 add up to 91\n")) << name;
  }
}

TEST(Channels, SemaphoreRejectsAZeroN) {
  for (const std::string name : {"11_semaphore", "11_semaphore_std"}) {
    const auto run = run_example(name, {"-n", "0"});
    EXPECT_NE(run.exit_code, 0) << name;
    EXPECT_THAT(run.err, HasSubstr("-n: Value 0 not in range")) << name;
  }
}

// 12 and its standard-library twin, std.cpp, behave the same.
TEST(Channels, ParallelForPrintsEveryResultInIndexOrder) {
  for (const std::string name : {"12_parallel_for", "12_parallel_for_std"}) {
    const auto run = run_example(name);
    EXPECT_EQ(run.exit_code, 0) << run.err << " (" << name << ")";
    EXPECT_EQ(run.out, expected_output("channels/12_parallel_for")) << name;
  }
}

TEST(Channels, ParallelForWaitsForAllOfManyGoroutines) {
  for (const std::string name : {"12_parallel_for", "12_parallel_for_std"}) {
    const auto run = run_example(name, {"-n", "500"});
    ASSERT_EQ(run.exit_code, 0) << run.err << " (" << name << ")";
    const std::vector<std::string> results = lines(run.out);
    ASSERT_EQ(results.size(), 500U) << name;
    for (std::size_t i = 0; i < results.size(); ++i) {
      ASSERT_TRUE(results[i].starts_with("res[" + std::to_string(i) + "] = "))
          << results[i] << " (" << name << ")";
    }
    EXPECT_EQ(results[499], "res[499] = sqrt(249002.0) / 500 =   0.9980") << name;
  }
}

TEST(Channels, ParallelForRejectsZeroElements) {
  for (const std::string name : {"12_parallel_for", "12_parallel_for_std"}) {
    const auto run = run_example(name, {"-n", "0"});
    EXPECT_NE(run.exit_code, 0) << name;
    EXPECT_THAT(run.err, HasSubstr("-n: Value 0 not in range")) << name;
  }
}

TEST(Channels, ChannelFactoryStreamsCountNumbers) {
  for (const std::string name : {"12_parallel_for", "12_parallel_for_std"}) {
    const auto run = run_example("13_channel_factory", {"--count", "5"});
    EXPECT_EQ(run.exit_code, 0) << run.err << " (" << name << ")";
    EXPECT_EQ(run.out, expected_output("channels/13_channel_factory")) << name;
  }
}

TEST(Channels, ChannelFactoryPrintsTenByDefault) {
  for (const std::string name : {"12_parallel_for", "12_parallel_for_std"}) {
    const auto run = run_example("13_channel_factory");
    EXPECT_EQ(run.exit_code, 0) << run.err << " (" << name << ")";
    EXPECT_EQ(run.out, "0\n1\n2\n3\n4\n5\n6\n7\n8\n9\n") << name;
  }
}

TEST(Channels, ChannelFactoryRejectsANegativeCount) {
  for (const std::string name : {"12_parallel_for", "12_parallel_for_std"}) {
    const auto run = run_example("13_channel_factory", {"--count", "-1"});
    EXPECT_NE(run.exit_code, 0) << name;
    EXPECT_THAT(run.err, HasSubstr("--count: Value -1 not in range")) << name;
  }
}

TEST(Channels, ChannelIteratorRangesOverTheContainer) {
  for (const std::string name : {"12_parallel_for", "12_parallel_for_std"}) {
    const auto run = run_example("14_channel_iterator");
    EXPECT_EQ(run.exit_code, 0) << run.err;  // the range loop ended: Iter's goroutine closed
    EXPECT_EQ(run.out, expected_output("channels/14_channel_iterator")) << name;
  }
}

TEST(Channels, ChannelIteratorRejectsAnUnknownFlag) {
  for (const std::string name : {"12_parallel_for", "12_parallel_for_std"}) {
    const auto run = run_example("14_channel_iterator", {"--items", "3"});
    EXPECT_NE(run.exit_code, 0) << name;
    EXPECT_THAT(run.err, HasSubstr("--items")) << name;
  }
}

TEST(Channels, ProducerConsumerRunsEachRoundToTheClose) {
  for (const std::string name : {"12_parallel_for", "12_parallel_for_std"}) {
    const auto run = run_example("15_producer_consumer");
    EXPECT_EQ(run.exit_code, 0) << run.err << " (" << name << ")";
    EXPECT_EQ(run.out, expected_output("channels/15_producer_consumer")) << name;
  }
}

TEST(Channels, ProducerConsumerEndsARoundWithNoValues) {
  for (const std::string name : {"12_parallel_for", "12_parallel_for_std"}) {
    const auto run = run_example("15_producer_consumer", {"--rounds", "2", "--count", "0"});
    EXPECT_EQ(run.exit_code, 0) << run.err << " (" << name << ")";
    EXPECT_EQ(run.out, "total 0\ntotal 0\n") << name;
  }
}

TEST(Channels, ProducerConsumerRejectsBadCounts) {
  for (const std::string name : {"12_parallel_for", "12_parallel_for_std"}) {
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"--rounds", "0"}, std::vector<std::string>{"--count", "100"}}) {
      const auto run = run_example("15_producer_consumer", args);
      EXPECT_NE(run.exit_code, 0) << args[0] << " (" << name << ")";
      EXPECT_THAT(run.err, HasSubstr(args[0] + ": Value " + args[1] + " not in range"))
          << args[0] << " (" << name << ")";
    }
  }
}

TEST(Channels, DirectionsPassesValuesFromSourceToSink) {
  for (const std::string name : {"12_parallel_for", "12_parallel_for_std"}) {
    const auto run = run_example("16_directions");
    EXPECT_EQ(run.exit_code, 0) << run.err << " (" << name << ")";
    EXPECT_EQ(run.out, expected_output("channels/16_directions")) << name;
  }
}

TEST(Channels, DirectionsSinkSeesTheCloseWhenNothingIsSent) {
  for (const std::string name : {"12_parallel_for", "12_parallel_for_std"}) {
    const auto run = run_example("16_directions", {"--count", "0"});
    EXPECT_EQ(run.exit_code, 0) << run.err << " (" << name << ")";
    EXPECT_EQ(run.out, "sink received 0 values\n") << name;
  }
}

TEST(Channels, DirectionsRejectsANegativeCount) {
  for (const std::string name : {"12_parallel_for", "12_parallel_for_std"}) {
    const auto run = run_example("16_directions", {"--count", "-5"});
    EXPECT_NE(run.exit_code, 0) << name;
    EXPECT_THAT(run.err, HasSubstr("--count: Value -5 not in range")) << name;
  }
}

TEST(Channels, PipelineTurnsEachNumberIntoABar) {
  for (const std::string name : {"12_parallel_for", "12_parallel_for_std"}) {
    const auto run = run_example("17_pipeline");
    EXPECT_EQ(run.exit_code, 0) << run.err << " (" << name << ")";
    EXPECT_EQ(run.out, expected_output("channels/17_pipeline")) << name;
  }
}

TEST(Channels, PipelineEndsWhenItsInputIsClosedEmpty) {
  for (const std::string name : {"12_parallel_for", "12_parallel_for_std"}) {
    const auto run = run_example("17_pipeline", {"--count", "0"});
    EXPECT_EQ(run.exit_code, 0) << run.err << " (" << name << ")";
    EXPECT_THAT(run.out, IsEmpty()) << name;
  }
}

TEST(Channels, PipelineRejectsATooLongBar) {
  for (const std::string name : {"12_parallel_for", "12_parallel_for_std"}) {
    const auto run = run_example("17_pipeline", {"--count", "81"});
    EXPECT_NE(run.exit_code, 0) << name;
    EXPECT_THAT(run.err, HasSubstr("--count: Value 81 not in range")) << name;
  }
}

TEST(Channels, CloseShowsOkFalseAndTheEndOfRange) {
  for (const std::string name : {"12_parallel_for", "12_parallel_for_std"}) {
    const auto run = run_example("18_close");
    EXPECT_EQ(run.exit_code, 0) << run.err << " (" << name << ")";
    EXPECT_EQ(run.out, expected_output("channels/18_close")) << name;
  }
}

TEST(Channels, CloseOfAnEmptyChannelGivesZeroAndNotOk) {
  for (const std::string name : {"12_parallel_for", "12_parallel_for_std"}) {
    const auto run = run_example("18_close", {"--count", "0"});
    EXPECT_EQ(run.exit_code, 0) << run.err << " (" << name << ")";
    EXPECT_EQ(run.out,
              "closed:  v=0.00 ok=false\n"
              "buffered: v=1.50 ok=true\n"
              "buffered: v=2.50 ok=true\n"
              "buffered: v=0.00 ok=false\n");
  }
}

TEST(Channels, CloseRejectsANegativeCount) {
  for (const std::string name : {"12_parallel_for", "12_parallel_for_std"}) {
    const auto run = run_example("18_close", {"--count", "-1"});
    EXPECT_NE(run.exit_code, 0) << name;
    EXPECT_THAT(run.err, HasSubstr("--count: Value -1 not in range")) << name;
  }
}

}  // namespace
