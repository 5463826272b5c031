// SPDX-License-Identifier: MIT
// goroutine_fuzz.hpp's check for ctest: pseudo-random programs across
// goroutines must run on gort as some schedule of Go's would, deadlock
// included, and hand-written programs whose ending Go fixes (must deadlock,
// must complete, may do either) must be predicted so by the model and end so
// on gort at every maxprocs. A failure prints the program's bytes, which the
// libFuzzer target (scripts/fuzz goroutines) replays.
#include "goroutine_fuzz.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <iostream>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fz = goroutine_fuzz;

std::string hex(const std::vector<std::uint8_t>& program) {
  std::ostringstream text;
  text << std::hex;
  for (std::uint8_t b : program) text << static_cast<int>(b) / 16 << static_cast<int>(b) % 16;
  return text.str();
}

struct random_program {
  std::vector<std::uint8_t> bytes;
  fz::program p;
};

random_program next_program(std::mt19937& random) {
  random_program made{std::vector<std::uint8_t>(random() % 40), {}};
  for (auto& b : made.bytes) b = static_cast<std::uint8_t>(random());
  made.p = fz::decode(made.bytes.data(), made.bytes.size());
  return made;
}

// finish_one() waits for one of the running children and checks its run;
// "" if Go agrees, else the program's bytes and what went wrong.
std::string finish_one(const std::vector<random_program>& programs, std::vector<fz::child>& running,
                       int endings[2]) {
  const std::size_t i = fz::await_any(running);
  fz::child c = std::move(running[i]);
  running.erase(running.begin() + static_cast<std::ptrdiff_t>(i));
  const random_program& made = programs[c.tag];
  const fz::run_record run = fz::classify(made.p, fz::reap(c));
  ++endings[run.how == fz::ending::deadlocked];
  const std::string problem = fz::compare(made.p, run);
  return problem.empty()
             ? ""
             : "program " + std::to_string(c.tag) + ": " + hex(made.bytes) + "\n" + problem;
}

// 1500 programs, 16 at a time, take about 10 s on two cores: a child mostly
// waits for the runtime to see its deadlock, and most programs deadlock.
TEST(GoroutineFuzz, RandomProgramsAgreeWithGosSemantics) {
  constexpr std::size_t kInFlight = 16;
  std::mt19937 random(20261127);  // fixed: a failure reproduces
  std::vector<random_program> programs;
  for (int i = 0; i < 1500; ++i) programs.push_back(next_program(random));
  std::vector<fz::child> running;
  std::string problem;
  int endings[2] = {0, 0};
  for (std::size_t started = 0;
       problem.empty() && (started < programs.size() || !running.empty());) {
    for (; running.size() < kInFlight && started < programs.size(); ++started) {
      running.push_back(fz::start_child(programs[started].p, started));
    }
    problem = finish_one(programs, running, endings);
  }
  for (fz::child& c : running) fz::reap(c);  // after a failure: the rest are not needed
  ASSERT_TRUE(problem.empty()) << problem;
  std::cout << endings[0] << " programs completed, " << endings[1] << " deadlocked\n";
}

// ---- Hand-written programs ----

fz::op send(std::uint8_t c) { return {fz::op_kind::send, c, c}; }
fz::op recv(std::uint8_t c) { return {fz::op_kind::recv, c, c}; }
fz::op close_chan(std::uint8_t c) { return {fz::op_kind::close, c, c}; }
fz::op select_recv(std::uint8_t a, std::uint8_t b) { return {fz::op_kind::select_recv_recv, a, b}; }
fz::op select_send(std::uint8_t a, std::uint8_t b) { return {fz::op_kind::select_send_recv, a, b}; }
fz::op select_default(std::uint8_t a, std::uint8_t b) {
  return {fz::op_kind::select_default, a, b};
}

struct known {
  const char* name;
  std::array<int, fz::kChannels> caps;
  std::vector<std::vector<fz::op>> goroutines;
  fz::prediction ends;
};

const known kKnown[] = {
    // Both wait for the other's send on unbuffered channels.
    {"each_waits_for_the_other",
     {0, 0, fz::kNil},
     {{}, {recv(0), send(1)}, {recv(1), send(0)}},
     fz::prediction::must_deadlock},
    {"send_on_nil_channel", {fz::kNil, 0, 0}, {{}, {send(0)}}, fz::prediction::must_deadlock},
    {"main_blocks_on_recv",
     {0, 1, 2},
     {{recv(2)}, {send(0)}, {recv(0)}},
     fz::prediction::must_deadlock},
    {"unbuffered_rendezvous",
     {0, fz::kNil, fz::kNil},
     {{recv(0)}, {send(0)}},
     fz::prediction::must_complete},
    {"buffered_values_in_order",
     {fz::kNil, fz::kNil, 2},
     {{recv(2), recv(2)}, {send(2), send(2)}},
     fz::prediction::must_complete},
    {"close_wakes_blocked_receivers",
     {0, fz::kNil, fz::kNil},
     {{close_chan(0)}, {recv(0)}, {recv(0)}, {recv(0)}},
     fz::prediction::must_complete},
    {"close_panics_a_blocked_sender",
     {0, fz::kNil, fz::kNil},
     {{close_chan(0)}, {send(0)}},
     fz::prediction::must_complete},
    {"close_of_nil_and_closed_panic",
     {fz::kNil, 1, fz::kNil},
     {{close_chan(0), close_chan(1), close_chan(1)}},
     fz::prediction::must_complete},
    // A select on two channels meets a select that sends on one of them.
    {"select_meets_select",
     {0, 0, fz::kNil},
     {{select_send(1, 2)}, {select_recv(0, 1)}},
     fz::prediction::must_complete},
    // Default runs if main gets there before the receiver waits; the receiver then waits for good.
    {"default_or_rendezvous",
     {0, fz::kNil, fz::kNil},
     {{select_default(2, 0)}, {recv(0)}},
     fz::prediction::may_deadlock},
};

struct known_run {
  const known* program;
  int maxprocs;
};

void PrintTo(const known_run& run, std::ostream* out) {
  *out << run.program->name << " at maxprocs " << run.maxprocs;
}

class KnownProgram : public testing::TestWithParam<known_run> {};

TEST_P(KnownProgram, EndsAsGoSays) {
  const known& k = *GetParam().program;
  for (const std::optional<std::uint64_t> chaos :
       {std::optional<std::uint64_t>{}, std::optional<std::uint64_t>{7}}) {
    const fz::program p{.maxprocs = GetParam().maxprocs,
                        .chaos_seed = chaos,
                        .caps = k.caps,
                        .goroutines = k.goroutines};
    ASSERT_STREQ(fz::name(fz::predict(p)), fz::name(k.ends)) << fz::describe(p);
    const fz::run_record run = fz::run_on_gort(p);
    const std::string problem = fz::compare(p, run);
    EXPECT_TRUE(problem.empty()) << problem;
    if (k.ends != fz::prediction::may_deadlock) {
      const fz::ending must =
          k.ends == fz::prediction::must_deadlock ? fz::ending::deadlocked : fz::ending::completed;
      EXPECT_STREQ(fz::name(run.how), fz::name(must));
    }
  }
}

std::vector<known_run> every_known_run() {
  std::vector<known_run> runs;
  for (const known& k : kKnown) {
    for (int maxprocs = 1; maxprocs <= 4; ++maxprocs) runs.push_back({&k, maxprocs});
  }
  return runs;
}

INSTANTIATE_TEST_SUITE_P(GoroutineFuzz, KnownProgram, testing::ValuesIn(every_known_run()),
                         [](const testing::TestParamInfo<known_run>& param_info) {
                           return std::string(param_info.param.program->name) + "_maxprocs" +
                                  std::to_string(param_info.param.maxprocs);
                         });

// The model alone: what a known program's goroutines may see.
TEST(GoroutineFuzzModel, ARendezvousHandsTheSendersValueOver) {
  const fz::program p{.caps = {0, fz::kNil, fz::kNil}, .goroutines = {{recv(0)}, {send(0)}}};
  fz::observation got = fz::observed(0, 0);
  got.value = fz::value_of(1, 0);
  got.ok = true;
  const fz::observations right = {{got}, {fz::observed(1, 0)}};
  got.value = 0;
  const fz::observations wrong = {{got}, {fz::observed(1, 0)}};
  EXPECT_TRUE(fz::replay(p, right).possible(fz::ending::completed));
  EXPECT_FALSE(fz::replay(p, right).possible(fz::ending::deadlocked));
  EXPECT_FALSE(fz::replay(p, wrong).possible(fz::ending::completed));
}

TEST(GoroutineFuzzModel, DecodesEveryByteSequence) {
  const std::vector<std::uint8_t> none;
  const fz::program empty = fz::decode(none.data(), none.size());
  EXPECT_EQ(empty.maxprocs, 1);
  EXPECT_EQ(empty.goroutines.size(), 2u);
  EXPECT_EQ(fz::predict(empty), fz::prediction::must_complete);
  const std::vector<std::uint8_t> full(64, 0xff);
  const fz::program busy = fz::decode(full.data(), full.size());
  EXPECT_LE(busy.goroutines.size(), fz::kMaxGoroutines);
  for (const auto& ops : busy.goroutines) EXPECT_LE(ops.size(), fz::kMaxOps);
}

}  // namespace
