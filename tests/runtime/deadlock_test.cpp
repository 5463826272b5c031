// SPDX-License-Identifier: MIT
// Deadlock detection, checked from outside on the programs of deadlock_cases:
// exit status 2 and Go's report for each must-deadlock case, a normal end for
// each must-not case, and a goroutine dump on SIGQUIT.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>

#include <regex>

#include "child_process.hpp"

namespace {

using namespace std::chrono_literals;
using testing::HasSubstr;

constexpr const char* kDeadlock = "fatal error: all goroutines are asleep - deadlock!\n\n";

gort_test::child_result run_case(const std::string& name, int signal_on_output = 0) {
  return gort_test::run_child(DEADLOCK_CASES_PROGRAM, {name}, 30s, signal_on_output);
}

// detection_latency() is the time from "blocking at" (printed by the case just
// before it blocks) to the moment the parent saw the child end.
std::chrono::nanoseconds detection_latency(const gort_test::child_result& child) {
  std::smatch match;
  if (!std::regex_search(child.err, match, std::regex("blocking at (\\d+)"))) return {};
  const std::chrono::steady_clock::time_point blocked{
      std::chrono::steady_clock::duration(std::stoll(match[1]))};
  return child.ended - blocked;
}

struct must_deadlock {
  const char* name;
  std::vector<const char*> dump;  // blocks that must appear after the message
};

class MustDeadlock : public testing::TestWithParam<must_deadlock> {};

TEST_P(MustDeadlock, ReportsLikeGoAndExitsWith2) {
  const auto child = run_case(GetParam().name);
  ASSERT_FALSE(child.timed_out) << "no deadlock was reported";
  EXPECT_EQ(child.exit_code, 2);
  EXPECT_THAT(child.err, HasSubstr(kDeadlock));
  for (const char* block : GetParam().dump) EXPECT_THAT(child.err, HasSubstr(block));
  const auto latency = detection_latency(child);
  EXPECT_GT(latency.count(), 0) << child.err;
  EXPECT_LT(latency, 2s) << "detected far too late";
  std::cout << GetParam().name << ": reported "
            << std::chrono::duration_cast<std::chrono::microseconds>(latency).count()
            << " us after it began\n";
}

INSTANTIATE_TEST_SUITE_P(
    Cases, MustDeadlock,
    testing::Values(
        must_deadlock{"send_before_receiver", {"goroutine 1 [chan send]:\nmain\n"}},
        must_deadlock{"each_waits_for_the_other",
                      {"goroutine 1 [sync.WaitGroup.Wait]:\nmain\n",
                       "goroutine 2 [chan receive]:\nleft\n", "goroutine 3 [chan receive]:\nright\n"}},
        must_deadlock{"workers_on_an_open_empty_channel",
                      {"goroutine 1 [sync.WaitGroup.Wait]:\nmain\n",
                       "goroutine 2 [chan receive]:\nworker\n", "goroutine 3 [chan receive]:\nworker\n",
                       "goroutine 4 [chan receive]:\nworker\n"}},
        must_deadlock{"empty_select_in_main", {"goroutine 1 [select (no cases)]:\nmain\n"}},
        must_deadlock{"mutex_locked_twice", {"goroutine 1 [sync.Mutex.Lock]:\nmain\n"}},
        must_deadlock{"send_on_nil_channel", {"goroutine 1 [chan send (nil chan)]:\nmain\n"}},
        must_deadlock{"deadlock_on_virtual_time", {"goroutine 1 [chan receive]:\nmain\n"}}),
    [](const testing::TestParamInfo<must_deadlock>& param_info) {
      return std::string(param_info.param.name);
    });

struct must_not_deadlock {
  const char* name;
  const char* out;
};

class MustNotDeadlock : public testing::TestWithParam<must_not_deadlock> {};

TEST_P(MustNotDeadlock, EndsNormally) {
  const auto child = run_case(GetParam().name);
  ASSERT_FALSE(child.timed_out);
  EXPECT_EQ(child.exit_code, 0) << child.err;
  EXPECT_EQ(child.out, GetParam().out);
  EXPECT_EQ(child.err, "");
}

INSTANTIATE_TEST_SUITE_P(
    Cases, MustNotDeadlock,
    testing::Values(must_not_deadlock{"sleeper_then_send", "42\n"},
                    must_not_deadlock{"select_with_after", "timeout\n"},
                    must_not_deadlock{"active_ticker", "5 ticks\n"},
                    must_not_deadlock{"main_returns_others_blocked", "main done\n"},
                    must_not_deadlock{"plain_thread_sends_later", "7\n"}),
    [](const testing::TestParamInfo<must_not_deadlock>& param_info) {
      return std::string(param_info.param.name);
    });

TEST(Dump, NamesAnUnnamedGoroutineByWhatItRuns) {
  const auto child = run_case("unnamed_goroutine");
  EXPECT_EQ(child.exit_code, 2);
  EXPECT_THAT(child.err, testing::ContainsRegex("goroutine 2 \\[chan receive\\]:\n[^\n]*lambda"));
  EXPECT_THAT(child.err, HasSubstr("goroutine 3 [chan receive]:\nf1\n"));
}

TEST(Sigquit, DumpsEveryGoroutineAndExitsWith2) {
  const auto child = run_case("wait_for_sigquit", SIGQUIT);
  ASSERT_FALSE(child.timed_out);
  EXPECT_EQ(child.exit_code, 2);
  EXPECT_THAT(child.err, testing::StartsWith("SIGQUIT: quit\n\n"));
  EXPECT_THAT(child.err, HasSubstr("goroutine 1 [chan receive]:\nmain\n"));
  EXPECT_THAT(child.err, HasSubstr("goroutine 2 [chan receive]:\nblocked\n"));
}

TEST(BadInput, UnknownCaseIsRefused) {
  const auto child = run_case("no_such_case");
  EXPECT_NE(child.exit_code, 0);
  EXPECT_THAT(child.err, HasSubstr("unknown case 'no_such_case'"));
}

}  // namespace
