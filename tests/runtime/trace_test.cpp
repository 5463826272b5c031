// SPDX-License-Identifier: MIT
// The execution trace (options.trace, GORT_TRACE) and GORT_SCHEDTRACE: the
// trace of a small program is valid JSON whose events pair up in a valid
// order, it is complete however the program ends, and schedtrace prints
// Go-like lines whose counts match what the program does.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "child_process.hpp"
#include "json.hpp"
#include "runtime_test.hpp"
#include "trace.hpp"

namespace {

using namespace std::chrono_literals;
namespace json = timeline::json;

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::filesystem::path temp_trace(const std::string& name) {
  return std::filesystem::temp_directory_path() /
         (name + "-" + std::to_string(::getpid()) + ".json");
}

// event: the fields of one traceEvents entry the checks below read.
struct event {
  std::string ph, name;
  std::int64_t tid = 0;
  double ts = 0;
  const json::value* args = nullptr;
  std::int64_t id = 0;  // flows
};

// events_of() points into doc, which must outlive the events.
std::vector<event> events_of(const json::value& doc) {
  std::vector<event> out;
  for (const json::value& v : doc.at("traceEvents").as_array()) {
    event e;
    e.ph = v.at("ph").as_string();
    if (const auto* name = v.find("name")) e.name = name->as_string();
    if (const auto* tid = v.find("tid")) e.tid = tid->as_int64();
    if (const auto* ts = v.find("ts")) e.ts = ts->as_number();
    if (const auto* id = v.find("id")) e.id = id->as_int64();
    e.args = v.find("args");
    out.push_back(e);
  }
  // By time, keeping file order (each thread's order) among equal times.
  std::stable_sort(out.begin(), out.end(), [](const event& a, const event& b) { return a.ts < b.ts; });
  return out;
}

std::int64_t arg(const event& e, const char* key) { return e.args->at(key).as_int64(); }

// expect_slices_alternate(): on each thread, "B" and "E" alternate, starting
// with "B" and ending with "E" (a thread runs one goroutine at a time).
void expect_slices_alternate(const std::vector<event>& events) {
  std::map<std::int64_t, bool> open;
  for (const event& e : events) {
    if (e.ph == "B") {
      EXPECT_FALSE(open[e.tid]) << "a second B on tid " << e.tid << " at " << e.ts;
      open[e.tid] = true;
    } else if (e.ph == "E") {
      EXPECT_TRUE(open[e.tid]) << "an E without B on tid " << e.tid << " at " << e.ts;
      open[e.tid] = false;
    }
  }
  for (const auto& [tid, still_open] : open) EXPECT_FALSE(still_open) << "tid " << tid << " ends inside a slice";
}

// expect_flows_pair(): every arrow has one start and one end, the end no earlier.
void expect_flows_pair(const std::vector<event>& events) {
  std::map<std::int64_t, std::vector<const event*>> starts, ends;
  for (const event& e : events) {
    if (e.ph == "s") starts[e.id].push_back(&e);
    if (e.ph == "f") ends[e.id].push_back(&e);
  }
  for (const auto& [id, s] : starts) {
    ASSERT_EQ(s.size(), 1U) << "flow " << id;
    ASSERT_EQ(ends[id].size(), 1U) << "flow " << id << " starts but never ends";
    EXPECT_LE(s.front()->ts, ends[id].front()->ts) << "flow " << id;
  }
  for (const auto& [id, f] : ends) EXPECT_EQ(starts.count(id), 1U) << "flow " << id << " ends but never starts";
}

// Blocks and unblocks of each goroutine, in time order.
std::map<std::int64_t, std::vector<const event*>> waits_of(const std::vector<event>& events) {
  std::map<std::int64_t, std::vector<const event*>> waits;
  for (const event& e : events) {
    if (e.ph == "i" && (e.name == "block" || e.name == "unblock")) waits[arg(e, "goroutine")].push_back(&e);
  }
  return waits;
}

// A pipeline of three goroutines: sender -> relay -> main, 50 values.
int traced_pipeline(int maxprocs, const std::filesystem::path& path) {
  int sum = 0;
  const int status = gort::run({.maxprocs = maxprocs, .trace = path.string()}, [&] {
    auto first = gort::make_chan<int>(), second = gort::make_chan<int>();
    gort::wait_group done;
    done.add(2);
    gort::go(gort::named{"sender"}, [&, first] {
      for (int i = 1; i <= 50; ++i) first << i;
      first.close();
      done.done();
    });
    gort::go(gort::named{"relay"}, [&, first, second] {
      for (int v : first) second << v;
      second.close();
      done.done();
    });
    for (int v : second) sum += v;
    done.wait();
  });
  EXPECT_EQ(sum, 50 * 51 / 2);
  return status;
}

class TraceOfAPipeline : public gort_test::Maxprocs {};

TEST_P(TraceOfAPipeline, IsValidJsonWhoseEventsPairUpInOrder) {
  const auto path = temp_trace("pipeline");
  ASSERT_EQ(traced_pipeline(GetParam(), path), 0);
  const std::string text = read_file(path);
  std::filesystem::remove(path);
  const json::value doc = json::parse(text);  // throws, failing the test, if not JSON
  const std::vector<event> events = events_of(doc);

  expect_slices_alternate(events);
  expect_flows_pair(events);

  std::map<std::int64_t, std::string> started;  // goroutine id -> name, from "go" events
  for (const event& e : events) {
    if (e.ph == "i" && e.name == "go") started[arg(e, "goroutine")] = e.args->at("name").as_string();
  }
  EXPECT_EQ(started[1], "G1 main");
  EXPECT_EQ(started[2], "G2 sender");
  EXPECT_EQ(started[3], "G3 relay");

  // Every goroutine that blocked was unblocked, by the same object, and in
  // order: block, unblock, block, unblock, ... (the program ends with none blocked).
  const auto waits = waits_of(events);
  for (std::int64_t g : {1, 2, 3}) {
    const auto& w = waits.at(g);
    ASSERT_EQ(w.size() % 2, 0U) << "G" << g << " ends blocked";
    for (std::size_t i = 0; i < w.size(); i += 2) {
      EXPECT_EQ(w[i]->name, "block") << "G" << g << " event " << i;
      EXPECT_EQ(w[i + 1]->name, "unblock") << "G" << g << " event " << i + 1;
      EXPECT_EQ(w[i]->args->at("object").as_string(), w[i + 1]->args->at("object").as_string());
    }
  }
  // 50 values through two unbuffered channels: the relay waits at least once.
  EXPECT_GE(waits.at(3).size(), 2U);

  std::int64_t most_blocked = 0;
  for (const event& e : events) {
    if (e.ph != "C") continue;
    EXPECT_GE(arg(e, "runnable"), 0);
    most_blocked = std::max(most_blocked, arg(e, "blocked"));
  }
  EXPECT_GE(most_blocked, 1);

  // The timeline tool reads it too.
  const timeline::trace loaded = timeline::load_trace(text);
  EXPECT_LE(loaded.lanes.size(), static_cast<std::size_t>(GetParam()));
  EXPECT_FALSE(loaded.slices.empty());
}

GORT_INSTANTIATE_MAXPROCS(TraceOfAPipeline);

// Goroutine names are written as JSON strings, whatever they hold: quotes,
// a backslash and a control character escaped, bytes that are not UTF-8
// replaced by U+FFFD.
TEST(Trace, NamesNeedingEscapesOrNotUtf8StayValidJson) {
  const auto path = temp_trace("names");
  const std::string quoted = "say \"hi\"\\\t";
  const std::string not_utf8 = "caf\xe9";
  ASSERT_EQ(gort::run({.maxprocs = 1, .trace = path.string()},
                      [&] {
                        gort::wait_group wg;
                        wg.add(2);
                        for (const std::string& name : {quoted, not_utf8}) {
                          gort::go(gort::named{name}, [&] { wg.done(); });
                        }
                        wg.wait();
                      }),
            0);
  const std::string text = read_file(path);
  std::filesystem::remove(path);
  const json::value doc = json::parse(text);  // throws, failing the test, if not JSON
  std::set<std::string> names;
  for (const event& e : events_of(doc)) {
    if (e.ph == "i" && e.name == "go") names.insert(e.args->at("name").as_string());
  }
  EXPECT_EQ(names.count("G2 " + quoted), 1U);
  EXPECT_EQ(names.count("G3 caf\xef\xbf\xbd"), 1U) << "U+FFFD for the stray byte";
}

// The programs below run in a child with the environment set for it.
class Observed : public testing::Test {
 protected:
  void TearDown() override {
    ::unsetenv("GORT_TRACE");
    ::unsetenv("GORT_SCHEDTRACE");
    ::unsetenv("GOMAXPROCS");
    std::filesystem::remove(path_);
  }
  gort_test::child_result run(const std::string& program) {
    return gort_test::run_child(OBSERVED_PROGRAM, {program}, 30s);
  }
  const std::filesystem::path path_ = temp_trace("observed");
};

TEST_F(Observed, TraceIsCompleteWhenMainReturnsWithAGoroutineBlocked) {
  ::setenv("GORT_TRACE", path_.c_str(), 1);
  const auto child = run("blocked_at_exit");
  ASSERT_EQ(child.exit_code, 0) << child.err;
  EXPECT_EQ(child.out, "0\n");
  const json::value doc = json::parse(read_file(path_));
  const std::vector<event> events = events_of(doc);
  expect_slices_alternate(events);
  // pump, named by its function, ends blocked on its second send.
  bool pump_named = false;
  for (const event& e : events) pump_named = pump_named || (e.ph == "B" && e.name == "G2 pump");
  EXPECT_TRUE(pump_named);
  const auto waits = waits_of(events);
  const auto& pump_waits = waits.at(2);
  ASSERT_FALSE(pump_waits.empty());
  EXPECT_EQ(pump_waits.back()->name, "block");
  EXPECT_EQ(pump_waits.back()->args->at("reason").as_string(), "chan send");
}

TEST_F(Observed, TraceIsCompleteAfterAPanic) {
  ::setenv("GORT_TRACE", path_.c_str(), 1);
  const auto child = run("panics");
  EXPECT_EQ(child.exit_code, 2);
  EXPECT_NE(child.err.find("panic: on purpose"), std::string::npos) << child.err;
  const json::value doc = json::parse(read_file(path_));
  const std::vector<event> events = events_of(doc);
  expect_slices_alternate(events);
  EXPECT_TRUE(std::any_of(events.begin(), events.end(),
                          [](const event& e) { return e.ph == "B" && e.name == "G2 panicker"; }));
}

TEST_F(Observed, AnUnwritableTraceFileIsAClearError) {
  ::setenv("GORT_TRACE", "/nonexistent-directory/t.json", 1);
  const auto child = run("blocked_at_exit");
  EXPECT_EQ(child.exit_code, 2);
  EXPECT_NE(child.err.find("gort::run: cannot write the trace to /nonexistent-directory/t.json"),
            std::string::npos)
      << child.err;
}

TEST_F(Observed, SchedtraceCountsTheBlockedCrowd) {
  ::setenv("GORT_SCHEDTRACE", "40", 1);
  ::setenv("GOMAXPROCS", "2", 1);
  const auto child = run("sleeping_crowd");
  ASSERT_EQ(child.exit_code, 0) << child.err;
  EXPECT_EQ(child.out, "done\n");
  const std::regex line(
      R"(SCHED (\d+)ms: gomaxprocs=2 idleprocs=[0-2] threads=2 spinningthreads=[0-2] runqueue=\d+ \[\d+ \d+\] goroutines=(\d+) runnable=\d+ blocked=(\d+) steals=\d+)");
  std::istringstream lines(child.err);
  int seen = 0, crowd = 0;
  for (std::string text; std::getline(lines, text);) {
    std::smatch m;
    ASSERT_TRUE(std::regex_match(text, m, line)) << "not a schedtrace line: " << text;
    ++seen;
    // While main sleeps: main and the ten, all blocked.
    if (m[2] == "11" && m[3] == "11") ++crowd;
  }
  EXPECT_GE(seen, 3) << "300 ms at one line per 40 ms";
  EXPECT_GE(crowd, 2) << child.err;
}

TEST_F(Observed, SchedtraceDoesNotHideADeadlock) {
  ::setenv("GORT_SCHEDTRACE", "20", 1);
  const auto child = run("deadlock");
  EXPECT_EQ(child.exit_code, 2);
  EXPECT_NE(child.err.find("fatal error: all goroutines are asleep - deadlock!"), std::string::npos)
      << child.err;
}

TEST_F(Observed, ABadSchedtracePeriodIsAClearError) {
  for (const char* bad : {"0", "-5", "abc", "10ms"}) {
    ::setenv("GORT_SCHEDTRACE", bad, 1);
    const auto child = run("sleeping_crowd");
    EXPECT_EQ(child.exit_code, 2) << bad;
    EXPECT_NE(child.err.find(std::string("gort::run: GORT_SCHEDTRACE is '") + bad + "'"),
              std::string::npos)
        << child.err;
    EXPECT_EQ(child.out, "") << "the program must not run";
  }
}

TEST_F(Observed, ABadChaosSeedIsAClearError) {
  ::setenv("GORT_CHAOS", "seven", 1);
  const auto child = run("sleeping_crowd");
  ::unsetenv("GORT_CHAOS");
  EXPECT_EQ(child.exit_code, 2);
  EXPECT_NE(child.err.find("gort::run: GORT_CHAOS is 'seven'"), std::string::npos) << child.err;
}

}  // namespace
