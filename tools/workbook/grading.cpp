// SPDX-License-Identifier: MIT
// grade(): build one exercise's test binary, list its tests, run each alone.
#include "grading.hpp"

#include <stdlib.h>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <regex>
#include <sstream>

#include "child_process.hpp"
#include "messages.hpp"

namespace workbook {
namespace {

using namespace std::chrono_literals;

constexpr auto kTestTimeout = 30s;
constexpr auto kRaceRunTimeout = 120s;  // all of an exercise's tests, under ThreadSanitizer

// lines_from() is text from the first line containing `marker`, at most `limit` lines.
std::string lines_from(const std::string& text, const std::string& marker, int limit) {
  const auto start = text.find(marker);
  if (start == std::string::npos) return {};
  std::istringstream in(
      text.substr(text.rfind('\n', start) == std::string::npos ? 0 : text.rfind('\n', start) + 1));
  std::string out;
  std::string line;
  for (int i = 0; i < limit && std::getline(in, line); ++i) out += "  " + line + "\n";
  return out;
}

// failure_text() is what GoogleTest printed about a failed assertion.
std::string failure_text(const std::string& out) {
  std::istringstream in(out);
  std::string text;
  bool inside = false;
  for (std::string line; std::getline(in, line);) {
    if (line.find(": Failure") != std::string::npos) inside = true;
    if (line.starts_with("[  FAILED  ]")) inside = false;
    if (inside) text += "  " + line + "\n";
  }
  return text;
}

// test_names() lists Suite.Test names from --gtest_list_tests.
std::vector<std::string> test_names(const std::string& listing) {
  std::vector<std::string> names;
  std::istringstream in(listing);
  std::string suite;
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    if (line[0] != ' ') {
      suite = line.substr(0, line.find(' '));
    } else {
      const auto first = line.find_first_not_of(' ');
      names.push_back(suite + line.substr(first, line.find(' ', first) - first));
    }
  }
  return names;
}

// race_accesses() is, for each access a ThreadSanitizer report names ("Write
// of size 8 at 0x… by thread T3:"), the access and the first line of its stack
// in a file whose path holds own_code, or where that stack begins.
std::string race_accesses(const std::string& report, const std::string& own_code) {
  std::istringstream in(report);
  std::string text;
  std::string access;  // the access whose stack is being read; empty once placed
  std::string first_frame;
  const auto place = [&](const std::string& where) {
    text += "  " + access + "\n    at " + where + "\n";
    access.clear();
  };
  for (std::string line; std::getline(in, line);) {
    const auto first = line.find_first_not_of(' ');
    if (first == std::string::npos) {
      if (!access.empty()) place(say(msg::not_in_your_code, {first_frame}));
      continue;
    }
    line.erase(0, first);
    if ((line.starts_with("Read of size ") || line.starts_with("Write of size ") ||
         line.starts_with("Previous read of size ") ||
         line.starts_with("Previous write of size ")) &&
        line.ends_with(":")) {
      // "Read of size 8 at 0x7b18… by thread T14:" without the address.
      const auto at = line.find(" at 0x");
      const auto by = line.find(" by ");
      access = at != std::string::npos && by != std::string::npos ? line.erase(at, by - at) : line;
      access.pop_back();
      first_frame.clear();
    } else if (!access.empty() && line.starts_with("#")) {
      // "#6 operator() /path/exercises/21_web_crawler/web_crawler.cpp:24 (binary+0x4c931)"
      const auto mine = own_code.empty() ? std::string::npos : line.find(own_code);
      const auto path_start =
          line.rfind(' ', mine == std::string::npos ? line.rfind(" (") - 1 : mine);
      const auto path_end = line.find(' ', path_start + 1);
      const std::string where = line.substr(path_start + 1, path_end - path_start - 1);
      if (first_frame.empty()) first_frame = where;
      if (mine != std::string::npos) place(where.substr(where.find(own_code) + 1));
    }
  }
  return text;
}

}  // namespace

test_outcome judge(const std::string& name, const gort_test::child_result& run,
                   const std::string& own_code) {
  test_outcome t;
  t.name = name;
  // GoogleTest's summary, "[  PASSED  ] 1 test." (or N tests, for a whole run):
  // a solution that ends the process early never prints it, and a run whose
  // tests were skipped says "[  PASSED  ] 0 tests." and "[  SKIPPED ]".
  static const std::regex passed(R"(\[  PASSED  \] [1-9][0-9]* tests?\.)");
  const bool skipped = run.out.find("[  SKIPPED ]") != std::string::npos;
  const bool reported_pass = std::regex_search(run.out, passed) && !skipped;
  // With halt_on_error=1, ThreadSanitizer ends the run at its first report.
  const auto race = run.err.find("WARNING: ThreadSanitizer: data race");
  if (race != std::string::npos) {
    t.verdict = "data race";
    t.detail = say(msg::detail_data_race) + race_accesses(run.err.substr(race), own_code);
  } else if (run.err.find("WARNING: ThreadSanitizer: ") != std::string::npos) {
    t.verdict = "ThreadSanitizer report";
    t.detail = lines_from(run.err, "WARNING: ThreadSanitizer: ", 6);
  } else if (run.timed_out) {
    t.verdict = "hung";
    t.detail = say(msg::detail_hung);
  } else if (run.err.find("grading: the test did not finish") != std::string::npos) {
    t.verdict = "too slow: spinning or waiting forever";
    t.detail = lines_from(run.err, "grading: the test did not finish", 24);
  } else if (run.signal != 0) {
    t.verdict = "crashed";
    t.detail = say(msg::detail_crashed, {std::to_string(run.signal)});
  } else if (skipped) {
    t.verdict = "skipped";
    t.detail = say(msg::detail_skipped);
  } else if (run.exit_code == 0 && reported_pass) {
    t.passed = true;
    t.verdict = "passed";
  } else if (run.err.find("fatal error: all goroutines are asleep - deadlock!") !=
             std::string::npos) {
    t.verdict = "deadlock";
    t.detail = lines_from(run.err, "fatal error:", 24);
  } else if (run.err.find("panic: TODO(exercise)") != std::string::npos) {
    t.verdict = "not written yet";
    t.detail = lines_from(run.err, "panic: TODO(exercise)", 1);
  } else if (run.err.find("panic: ") != std::string::npos) {
    t.verdict = "panicked";
    t.detail = lines_from(run.err, "panic: ", 4);
  } else if (run.out.find("a goroutine was left behind (leaked)") != std::string::npos) {
    t.verdict = "leaked goroutine";
    t.detail = failure_text(run.out);
  } else if (run.out.find(": Failure") != std::string::npos) {
    t.verdict = "wrong result";
    t.detail = failure_text(run.out);
  } else {
    t.verdict = "the solution ended the process";
    t.detail = say(msg::detail_ended_process, {std::to_string(run.exit_code)});
  }
  return t;
}

int graded_exercise::passed() const {
  return static_cast<int>(
      std::count_if(tests.begin(), tests.end(), [](const test_outcome& t) { return t.passed; }));
}

bool ensure_configured(const project& p) {
  if (fs::exists(p.build / "CMakeCache.txt")) return true;
  std::cout << say(msg::setting_up_build, {p.build.string()});
  const auto configure = gort_test::run_child(
      "cmake",
      {"-S", p.root.string(), "-B", p.build.string(), "-G", "Ninja", "-DWORKBOOK_TRACK=exercises",
       "-DWORKBOOK_BOOK_SITE=OFF", "-DCMAKE_BUILD_TYPE=RelWithDebInfo"},
      600s);
  if (configure.exit_code == 0) return true;
  std::cerr << say(msg::configure_failed, {p.build.string()}) << configure.out << configure.err;
  return false;
}

graded_exercise grade(const project& p, const exercise& e,
                      const std::function<void(const test_outcome&)>& on_outcome,
                      bool stop_at_first_failure) {
  graded_exercise result;
  const std::string target = e.id() + "_exercises_test";
  const auto build =
      gort_test::run_child("cmake", {"--build", p.build.string(), "--target", target}, 600s);
  if (build.exit_code != 0) {
    result.build_errors = lines_from(build.out + build.err, "error", 30);
    if (result.build_errors.empty()) result.build_errors = build.out + build.err;
    return result;
  }
  result.built = true;
  const std::string binary = (p.build / "exercises" / target).string();
  const auto listing = gort_test::run_child(binary, {"--gtest_list_tests"}, 60s);
  const std::vector<std::string> names = test_names(listing.out);
  result.listed = static_cast<int>(names.size());
  for (const std::string& name : names) {
    result.tests.push_back(
        judge(name, gort_test::run_child(binary, {"--gtest_filter=" + name}, kTestTimeout)));
    if (on_outcome) on_outcome(result.tests.back());
    if (stop_at_first_failure && !result.tests.back().passed) break;
  }
  if (!e.race_check) return result;
  // Like `go test -race`: the same tests once more, all in one run, under
  // ThreadSanitizer; worth running only once they pass.
  ++result.listed;
  if (result.passed() != static_cast<int>(names.size())) {
    if (!stop_at_first_failure) {
      result.tests.push_back({"race detector", false, "not run yet", say(msg::detail_not_run_yet)});
      if (on_outcome) on_outcome(result.tests.back());
    }
    return result;
  }
  // Built only now: compiling under ThreadSanitizer takes a while.
  const std::string race_target = e.id() + "_exercises_race_test";
  const auto race_build =
      gort_test::run_child("cmake", {"--build", p.build.string(), "--target", race_target}, 600s);
  if (race_build.exit_code != 0) {
    result.tests.push_back({"race detector", false, "did not build",
                            lines_from(race_build.out + race_build.err, "error", 30)});
    if (on_outcome) on_outcome(result.tests.back());
    return result;
  }
  ::setenv("TSAN_OPTIONS", "halt_on_error=1", 1);  // stop at the first race, with its report
  const auto race_run =
      gort_test::run_child((p.build / "exercises" / race_target).string(), {}, kRaceRunTimeout);
  result.tests.push_back(judge("race detector", race_run, "/" + e.id() + "/"));
  if (on_outcome) on_outcome(result.tests.back());
  return result;
}

}  // namespace workbook
