// SPDX-License-Identifier: MIT
// workbook: the learner's companion, in the spirit of rustlings.
//   workbook list          every exercise, in course order, and how far you got
//   workbook run NN        build and run example NN of the course
//   workbook check NN      build and grade exercise NN, stop at and explain the first failure
//   workbook hint NN       the next hint for exercise NN
//   workbook watch         re-check the current exercise on every save; move on when it passes
//   workbook grade         grade every exercise: the score table and a points file
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <optional>
#include <stdexcept>
#include <thread>

#include "child_process.hpp"
#include "exercises.hpp"
#include "grading.hpp"
#include "messages.hpp"

namespace {

using namespace workbook;
using namespace std::chrono_literals;

constexpr int kUsageError = 2;

std::string progress_file(const project& p) { return (p.build / "workbook-progress.txt").string(); }

// exercise_or_exit() finds exercise NN, or says how to find the right number.
exercise exercise_or_exit(const project& p, const std::string& number) {
  if (auto e = p.find_exercise(number)) return *e;
  std::cerr << say(msg::no_such_exercise, {number});
  std::exit(kUsageError);
}

std::string state_of(const progress& done, const exercise& e) {
  const auto r = done.result_of(e.id());
  if (!r) return say(msg::state_not_checked);
  if (r->done()) return say(msg::state_done);
  return say(msg::state_tests_pass, {std::to_string(r->passed), std::to_string(r->total)});
}

int list(const project& p) {
  const progress done(progress_file(p));
  bool current_marked = false;
  for (const exercise& e : p.exercises()) {
    const auto r = done.result_of(e.id());
    const bool current = !current_marked && !(r && r->done());
    current_marked = current_marked || current;
    std::cout << (current ? "→ " : "  ") << e.number << "  " << padded(e.name, 22) << " "
              << say(msg::list_chapter, {std::to_string(e.chapter)}) << "  " << state_of(done, e)
              << "\n";
  }
  return 0;
}

void offer_hint(const project& p, const progress& done, const exercise& e) {
  const auto hints = p.hints(e);
  const int shown = done.hints_shown(e.id());
  if (shown < static_cast<int>(hints.size())) {
    std::cout << say(msg::offer_hint,
                     {e.number, std::to_string(shown + 1), std::to_string(hints.size())});
  }
}

// next_after() is the first exercise after e, in course order, not yet done.
std::optional<exercise> next_after(const project& p, const progress& done, const exercise& e) {
  const auto all = p.exercises();
  auto it =
      std::find_if(all.begin(), all.end(), [&e](const exercise& x) { return x.id() == e.id(); });
  for (it = it == all.end() ? it : it + 1; it != all.end(); ++it) {
    const auto r = done.result_of(it->id());
    if (!(r && r->done())) return *it;
  }
  return std::nullopt;
}

// check() grades one exercise, printing each verdict as it comes, and
// records the result; it stops at the first failure unless run_all.
bool check(const project& p, const exercise& e, bool run_all) {
  if (!ensure_configured(p)) std::exit(1);
  std::cout << std::unitbuf
            << say(msg::checking, {e.number, e.name, std::to_string(e.chapter),
                                   fs::relative(e.dir, p.root).string()});
  const graded_exercise g = grade(
      p, e,
      [](const test_outcome& t) {
        std::cout << "  " << (t.passed ? "✓ " : "✗ ") << t.name
                  << (t.passed ? "" : " — " + verdict_text(t.verdict)) << "\n";
      },
      !run_all);
  progress done(progress_file(p));
  if (!g.built) {
    std::cout << say(msg::does_not_compile) << g.build_errors;
    done.set_result(e.id(),
                    {0, std::max(1, done.result_of(e.id()).value_or(progress::result{}).total)});
    done.save();
    offer_hint(p, done, e);
    return false;
  }
  const int not_run = g.listed - static_cast<int>(g.tests.size());
  std::cout << say(msg::tests_pass, {std::to_string(g.passed()), std::to_string(g.listed)});
  if (not_run > 0)
    std::cout << say(msg::not_run_after_failure, {std::to_string(not_run), e.number});
  std::cout << say(msg::sentence_end);
  done.set_result(e.id(), {g.passed(), g.listed});
  done.save();
  for (const test_outcome& t : g.tests) {
    if (t.passed) continue;
    std::cout << say(msg::first_problem, {t.name, verdict_text(t.verdict)}) << t.detail;
    offer_hint(p, done, e);
    return false;
  }
  std::cout << say(msg::exercise_done, {e.number, e.name});
  if (const auto next = next_after(p, done, e)) {
    std::cout << say(msg::next_exercise,
                     {next->number, next->name, std::to_string(next->chapter), next->number});
  }
  std::cout << "\n";
  return true;
}

int hint(const project& p, const exercise& e) {
  progress done(progress_file(p));
  const auto hints = p.hints(e);
  if (hints.empty()) {
    std::cout << say(msg::no_hints, {e.number});
    return 0;
  }
  const int shown = std::min<int>(done.hints_shown(e.id()) + 1, static_cast<int>(hints.size()));
  for (int i = 0; i < shown; ++i)
    std::cout << say(msg::hint_line, {std::to_string(i + 1), hints[i]});
  if (shown == static_cast<int>(hints.size())) std::cout << say(msg::last_hint, {e.id()});
  done.set_hints_shown(e.id(), shown);
  done.save();
  return 0;
}

fs::file_time_type newest_change(const exercise& e) {
  fs::file_time_type newest{};
  for (const auto& file : fs::directory_iterator(e.dir))
    newest = std::max(newest, file.last_write_time());
  return newest;
}

int watch(const project& p) {
  std::cout << std::unitbuf;  // a learner watches it live, even through a pipe
  for (const exercise& e : p.exercises()) {
    const auto r = progress(progress_file(p)).result_of(e.id());
    if (r && r->done()) continue;
    std::cout << say(msg::watching, {e.number, e.name, fs::relative(e.dir, p.root).string()});
    while (!check(p, e, false)) {
      const auto seen = newest_change(e);
      while (newest_change(e) == seen) std::this_thread::sleep_for(300ms);
      std::cout << "\n";
    }
    std::cout << "\n";
  }
  std::cout << say(msg::all_done);
  return 0;
}

int grade_all(const project& p, const std::string& points_path) {
  if (!ensure_configured(p)) return 1;
  progress done(progress_file(p));
  int complete = 0;
  int passed = 0;
  int total = 0;
  std::ofstream points(points_path);
  points << "{\n  \"exercises\": [\n";
  const auto all = p.exercises();
  int points_earned = 0;
  int points_total = 0;
  std::cout << padded(say(msg::grade_number), 5) << padded(say(msg::grade_exercise), 23)
            << padded(say(msg::grade_chapter), 8) << padded(say(msg::grade_tests), 8)
            << padded(say(msg::grade_points), 7) << " " << say(msg::grade_state) << "\n";
  for (std::size_t i = 0; i < all.size(); ++i) {
    const exercise& e = all[i];
    const graded_exercise g = grade(p, e);
    const int n = g.built ? static_cast<int>(g.tests.size()) : 0;
    const bool is_done = g.built && n > 0 && g.passed() == n;
    complete += is_done ? 1 : 0;
    points_earned += is_done ? e.points : 0;
    points_total += e.points;
    passed += g.passed();
    total += n;
    done.set_result(e.id(), {g.passed(), std::max(n, 1)});
    const std::string state = say(!g.built  ? msg::grade_state_does_not_compile
                                  : is_done ? msg::grade_state_done
                                            : msg::grade_state_to_do);
    std::printf("%-4s %s %7d %3d/%-3d %3d/%-2d  %s\n", e.number.c_str(), padded(e.name, 22).c_str(),
                e.chapter, g.passed(), n, is_done ? e.points : 0, e.points, state.c_str());
    points << "    {\"number\": \"" << e.number << "\", \"name\": \"" << e.name
           << "\", \"chapter\": " << e.chapter << ", \"passed\": " << g.passed()
           << ", \"tests\": " << n << ", \"points\": " << (is_done ? e.points : 0)
           << ", \"max_points\": " << e.points << "}" << (i + 1 < all.size() ? "," : "") << "\n";
  }
  points << "  ],\n  \"complete\": " << complete << ",\n  \"total\": " << all.size()
         << ",\n  \"tests_passed\": " << passed << ",\n  \"tests_total\": " << total << "\n}\n";
  done.save();
  std::cout << say(msg::grade_summary,
                   {std::to_string(complete), std::to_string(all.size()), std::to_string(passed),
                    std::to_string(total), std::to_string(points_earned),
                    std::to_string(points_total)})
            << say(msg::points_written, {points_path});
  return complete == static_cast<int>(all.size()) ? 0 : 1;
}

int run_example(const project& p, const std::string& number, std::vector<std::string> args) {
  const auto name = p.find_example(number);
  if (!name) {
    std::cerr << say(msg::no_such_example, {number});
    return kUsageError;
  }
  if (!ensure_configured(p)) return 1;
  const auto build =
      gort_test::run_child("cmake", {"--build", p.build.string(), "--target", *name}, 600s);
  if (build.exit_code != 0) {
    std::cerr << build.out << build.err;
    return 1;
  }
  const std::string binary = (p.build / "bin" / *name).string();
  std::vector<char*> argv{const_cast<char*>(binary.c_str())};
  for (auto& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  ::execv(binary.c_str(), argv.data());
  std::perror("workbook: could not start the example");
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"workbook: exercises and examples of the Go-concurrency-in-C++ course"};
  app.require_subcommand(1);
  project p{WORKBOOK_SOURCE_DIR, ""};
  std::string build_dir;
  app.add_option("--root", p.root, "the workbook's source folder")->check(CLI::ExistingDirectory);
  app.add_option("--build", build_dir, "your build folder (default: ROOT/build-learner)");
  std::string lang;
  app.add_option("--lang", lang, "en or zh (default: from LC_ALL, LC_MESSAGES or LANG)")
      ->check(CLI::IsMember({"en", "zh"}));

  std::string number;
  std::vector<std::string> example_args;
  std::string points_path;
  auto* list_cmd = app.add_subcommand("list", "every exercise and how far you got");
  auto* run_cmd = app.add_subcommand("run", "build and run example NN of the course");
  run_cmd->add_option("NN", number, "the example's number")->required();
  run_cmd->add_option("args", example_args, "arguments for the example (after --)");
  bool run_all = false;
  auto* check_cmd = app.add_subcommand("check", "build and grade exercise NN");
  check_cmd->add_option("NN", number, "the exercise's number")->required();
  check_cmd->add_flag("--all", run_all, "run every test, not only up to the first failure");
  auto* hint_cmd = app.add_subcommand("hint", "the next hint for exercise NN");
  hint_cmd->add_option("NN", number, "the exercise's number")->required();
  auto* watch_cmd = app.add_subcommand("watch", "re-check the current exercise whenever you save");
  auto* grade_cmd = app.add_subcommand("grade", "grade every exercise and print the score");
  grade_cmd->add_option("--points", points_path, "where to write the points (JSON)");
  CLI11_PARSE(app, argc, argv);

  set_language(lang.empty() ? language_of_environment() : language_named(lang));
  p.build = build_dir.empty() ? p.root / "build-learner" : fs::path(build_dir);
  if (!fs::exists(p.root / "exercises")) {
    std::cerr << say(msg::no_exercises_folder, {p.root.string()});
    return kUsageError;
  }
  try {
    if (*list_cmd) return list(p);
    if (*run_cmd) return run_example(p, number, example_args);
    if (*check_cmd) return check(p, exercise_or_exit(p, number), run_all) ? 0 : 1;
    if (*hint_cmd) return hint(p, exercise_or_exit(p, number));
    if (*watch_cmd) return watch(p);
    if (*grade_cmd) {
      return grade_all(
          p, points_path.empty() ? (p.build / "workbook-points.json").string() : points_path);
    }
  } catch (const std::runtime_error& error) {
    std::cerr << "workbook: " << error.what() << "\n";
    return kUsageError;
  }
  return kUsageError;
}
