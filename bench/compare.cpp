// SPDX-License-Identifier: MIT
// bench_compare: runs every workload of bench/README.md for gort, raw
// Boost.Fiber and Go, interleaved, one process per measurement, and prints one
// Markdown table of medians and ratios (bench/compare builds and calls it).
#include <sys/utsname.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <array>
#include <boost/version.hpp>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

enum class runner { gbench, process, go_only };  // where the C++ sides of a workload live

// workload: one row kind of the table and the target the issue sets for it.
struct workload {
  std::string key;
  runner where;
  std::string unit;       // ns, ms, KiB or Mitems/s
  bool higher_is_better;  // throughput
  double go_target;       // gort/Go must be ≤ this (≥ for throughput); 0: none
};

const std::vector<workload> kWorkloads{
    {"skynet", runner::process, "ms", false, 1.0},
    {"pingpong", runner::gbench, "ns", false, 1.0},
    {"pingpong_gg", runner::process, "ns", false, 1.0},
    {"buffered_1to1", runner::gbench, "Mitems/s", true, 1.0},
    {"buffered_4to4", runner::gbench, "Mitems/s", true, 1.0},
    {"spawn", runner::gbench, "ns", false, 1.0},
    {"spawn_cold", runner::process, "ns", false, 1.0},
    {"parked", runner::process, "KiB", false, 2.0},
    {"select_ready", runner::gbench, "ns", false, 1.0},
    {"select_default", runner::gbench, "ns", false, 0},
    {"select_unbuffered", runner::gbench, "ns", false, 0},
    {"select_unbuffered_gg", runner::process, "ns", false, 1.0},
    {"after", runner::gbench, "ns", false, 0},
    {"pool_mutex", runner::gbench, "Mitems/s", true, 0},
    {"pool_channels", runner::gbench, "Mitems/s", true, 0},
    {"idle", runner::process, "ms", false, 0},
};
// Boost.Fiber has no select and no timer channels.
bool fiber_has(const std::string& key) { return key.rfind("select_", 0) != 0 && key != "after"; }
// gort's plain channel operations must cost at most 1.2× raw Boost.Fiber's on one thread.
bool fiber_target_applies(const std::string& key, int threads) {
  return threads == 1 && (key == "pingpong" || key == "buffered_1to1" || key == "buffered_4to4");
}
constexpr double kFiberTarget = 1.2;

// The implementations measured, interleaved; "before" is gort built from an
// earlier commit (--before), for a change's figures before and after.
std::vector<std::string> implementations(const std::string& before_dir) {
  std::vector<std::string> impls{"gort", "fiber", "go"};
  if (!before_dir.empty()) impls.push_back("before");
  return impls;
}

// settings: the command line.
struct settings {
  std::vector<int> threads{1, 2};
  std::vector<int> parked{100'000, 1'000'000};
  int rounds = 3;
  std::vector<std::string> only;
  std::string bin_dir = "build-bench/bench";
  std::string before_dir;
  std::string gobench;
  std::string go_version;
  std::string min_time = "0.5";
  std::string output;
  int timeout_s = 300;
};

// cell: one (workload, variant, threads) row; variant is parked's goroutine count.
struct cell {
  const workload* w;
  int threads;
  int variant;
  std::map<std::string, std::vector<double>> values;  // per implementation
};

// run_command() runs a shell command under a timeout; its stdout, or nothing if it failed.
std::optional<std::string> run_command(const std::string& command, int timeout_s) {
  const std::string line = "timeout " + std::to_string(timeout_s) + " " + command + " 2>/dev/null";
  FILE* pipe = ::popen(line.c_str(), "r");
  if (pipe == nullptr) return std::nullopt;
  std::string out;
  std::array<char, 4096> buffer{};
  while (std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe))
    out.append(buffer.data(), n);
  if (::pclose(pipe) != 0) return std::nullopt;
  return out;
}

// gbench_value() reads a workload's items_per_second from Google Benchmark's CSV in its unit.
std::optional<double> gbench_value(const std::string& csv, const workload& w) {
  std::istringstream lines(csv);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("\"" + w.key + "/", 0) != 0) continue;
    std::vector<std::string> fields;
    std::istringstream cells(line);
    for (std::string field; std::getline(cells, field, ',');) fields.push_back(field);
    if (fields.size() < 9 || fields[6].empty() || fields[8] == "true") return std::nullopt;
    const double per_second = std::stod(fields[6]);
    return w.higher_is_better ? per_second / 1e6 : 1e9 / per_second;
  }
  return std::nullopt;
}

// line_value() reads the "<value> <unit>" line of a process runner or gobench.
std::optional<double> line_value(const std::string& out, const workload& w) {
  std::istringstream in(out);
  double value = 0;
  std::string unit;
  if (!(in >> value >> unit) || unit != w.unit) return std::nullopt;
  return value;
}

// measure() runs one implementation once for a cell.
std::optional<double> measure(const settings& s, const cell& c, const std::string& impl) {
  const workload& w = *c.w;
  const std::string threads = " --threads " + std::to_string(c.threads);
  const std::string n = w.key == "parked" ? " -n " + std::to_string(c.variant) : "";
  if (impl == "go") {
    if (s.gobench.empty()) return std::nullopt;
    auto out = run_command(s.gobench + " " + w.key + " -threads " + std::to_string(c.threads) + n,
                           s.timeout_s);
    return out ? line_value(*out, w) : std::nullopt;
  }
  if (impl == "fiber" && !fiber_has(w.key)) return std::nullopt;
  const std::string binary =
      impl == "before" ? s.before_dir + "/bench_gort" : s.bin_dir + "/bench_" + impl;
  if (w.where == runner::process) {
    auto out = run_command(binary + "_proc " + w.key + threads + n, s.timeout_s);
    return out ? line_value(*out, w) : std::nullopt;
  }
  auto out =
      run_command(binary + threads + " --benchmark_format=csv --benchmark_min_time=" + s.min_time +
                      " '--benchmark_filter=^" + w.key + "/'",
                  s.timeout_s);
  return out ? gbench_value(*out, w) : std::nullopt;
}

std::optional<double> median(std::vector<double> v) {
  if (v.empty()) return std::nullopt;
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

std::string number(std::optional<double> v) {
  if (!v) return "n/a";
  char text[32];
  std::snprintf(text, sizeof text, *v >= 100 ? "%.0f" : *v >= 10 ? "%.1f" : "%.2f", *v);
  return text;
}

// ratio() is gort's value over another's, as a "0.85×" string.
std::string ratio(std::optional<double> gort, std::optional<double> other) {
  if (!gort || !other || *other == 0) return "—";
  return number(*gort / *other) + "×";
}

// verdict() says whether a cell meets its targets: "met", "missed (…)" or "—".
std::string verdict(const cell& c, std::optional<double> gort, std::optional<double> fiber,
                    std::optional<double> go) {
  const workload& w = *c.w;
  std::vector<std::string> missed;
  bool judged = false;
  auto check = [&](std::optional<double> other, double target, const char* name) {
    if (!gort || !other || target == 0) return;
    judged = true;
    const double r = *gort / *other;
    const bool ok = w.higher_is_better ? r >= target : r <= target;
    if (!ok)
      missed.push_back(std::string(w.higher_is_better ? "≥ " : "≤ ") + number(target) + "× " +
                       name);
  };
  check(go, w.go_target, "Go");
  if (fiber_target_applies(w.key, c.threads)) {
    if (gort && fiber) {
      judged = true;
      const double cost = w.higher_is_better ? *fiber / *gort : *gort / *fiber;
      if (cost > kFiberTarget) missed.push_back("≤ 1.2× Boost.Fiber's cost");
    }
  }
  if (!judged) return "—";
  if (missed.empty()) return "met";
  std::string text = "missed:";
  for (const std::string& m : missed) text += " " + m;
  return text;
}

std::string row_name(const cell& c) {
  if (c.w->key != "parked") return c.w->key;
  return "parked " + std::to_string(c.variant);
}

void print_table(std::ostream& out, const std::vector<cell>& cells, bool with_before) {
  out << "| workload | threads | unit | gort | Boost.Fiber | Go | gort/Go | gort/Boost.Fiber | "
         "target |"
      << (with_before ? " gort before | gort/before |" : "") << "\n"
      << "|---|---|---|---|---|---|---|---|---|" << (with_before ? "---|---|" : "") << "\n";
  for (const cell& c : cells) {
    auto at = [&](const char* impl) {
      auto it = c.values.find(impl);
      return it == c.values.end() ? std::nullopt : median(it->second);
    };
    const auto gort = at("gort"), fiber = at("fiber"), go = at("go");
    out << "| " << row_name(c) << " | " << c.threads << " | " << c.w->unit
        << (c.w->higher_is_better ? " ↑" : " ↓") << " | " << number(gort) << " | " << number(fiber)
        << " | " << number(go) << " | " << ratio(gort, go) << " | " << ratio(gort, fiber) << " | "
        << verdict(c, gort, fiber, go) << " |";
    if (with_before) {
      const auto before = at("before");
      out << " " << number(before) << " | " << ratio(gort, before) << " |";
    }
    out << "\n";
  }
}

std::string first_line_of(const std::string& path, const std::string& prefix) {
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind(prefix, 0) == 0) return line.substr(line.find(':') + 2);
  }
  return "unknown";
}

void print_header(std::ostream& out, const settings& s) {
  utsname host{};
  ::uname(&host);
  const std::time_t now = std::time(nullptr);
  char date[32];
  std::strftime(date, sizeof date, "%Y-%m-%d %H:%M UTC", std::gmtime(&now));
  out << "# Benchmark results\n\n"
      << "Produced by `bench/compare` on " << date << ".\n\n"
      << "- Machine: " << first_line_of("/proc/cpuinfo", "model name") << ", "
      << std::thread::hardware_concurrency() << " CPUs, Linux " << host.release << "\n"
      << "- Compiler: GCC " << __VERSION__ << "; Boost " << BOOST_VERSION / 100000 << "."
      << BOOST_VERSION / 100 % 1000 << " (Fiber and Context linked statically)\n"
      << "- Go: " << (s.gobench.empty() ? "not installed: its columns say n/a" : s.go_version)
      << "\n"
      << "- Each cell: median of " << s.rounds
      << " runs, one process per run, implementations interleaved.\n"
      << (s.before_dir.empty()
              ? ""
              : "- gort before: the runners in " + s.before_dir +
                    ", built from an earlier commit, measured in the same rounds.\n")
      << "  ↓ lower is better, ↑ higher is better; a ratio is gort's value over the other's.\n\n";
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Runs gort, raw Boost.Fiber and Go side by side and prints one table"};
  settings s;
  app.add_option("--threads", s.threads, "thread counts (GOMAXPROCS) to run at")
      ->delimiter(',')
      ->check(CLI::Range(1, 1024));
  app.add_option("--parked", s.parked, "goroutine counts for the parked workload")
      ->delimiter(',')
      ->check(CLI::Range(1, 10'000'000));
  app.add_option("--rounds", s.rounds, "runs per cell; the table shows medians")
      ->check(CLI::Range(1, 100));
  std::vector<std::string> keys;
  for (const workload& w : kWorkloads) keys.push_back(w.key);
  app.add_option("--only", s.only, "workloads to run (default: all)")
      ->delimiter(',')
      ->check(CLI::IsMember(keys));
  app.add_option("--bin", s.bin_dir, "directory of the bench_gort* and bench_fiber* runners")
      ->check(CLI::ExistingDirectory)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  app.add_option("--before", s.before_dir,
                 "directory of bench_gort* runners built from an earlier commit: adds its columns")
      ->check(CLI::ExistingDirectory);
  app.add_option("--gobench", s.gobench,
                 "the Go runner (bench/go); without it Go's columns say n/a")
      ->check(CLI::ExistingFile);
  app.add_option("--go-version", s.go_version, "what `go version` says, for the header");
  app.add_option("--min-time", s.min_time, "Google Benchmark's --benchmark_min_time");
  app.add_option("--output", s.output,
                 "also write the results, with a header, to this Markdown file")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  app.add_option("--timeout", s.timeout_s, "seconds one run may take")->check(CLI::Range(1, 3600));
  CLI11_PARSE(app, argc, argv);

  std::vector<cell> cells;
  for (const workload& w : kWorkloads) {
    if (!s.only.empty() && std::find(s.only.begin(), s.only.end(), w.key) == s.only.end()) continue;
    const std::vector<int> variants = w.key == "parked" ? s.parked : std::vector<int>{0};
    for (int t : s.threads) {
      for (int v : variants) cells.push_back({&w, t, v, {}});
    }
  }

  for (int round = 0; round < s.rounds; ++round) {
    for (cell& c : cells) {
      const std::vector<std::string> impls = implementations(s.before_dir);
      for (std::size_t i = 0; i < impls.size(); ++i) {
        const std::string& impl = impls[(i + static_cast<std::size_t>(round)) % impls.size()];
        if (auto v = measure(s, c, impl)) c.values[impl].push_back(*v);
      }
      std::cerr << "round " << round + 1 << "/" << s.rounds << ": " << row_name(c) << " at "
                << c.threads << " threads\n";
    }
  }

  const bool with_before = !s.before_dir.empty();
  print_table(std::cout, cells, with_before);
  if (!s.output.empty()) {
    std::ofstream out(s.output);
    print_header(out, s);
    print_table(out, cells, with_before);
    if (!out) {
      std::cerr << "bench_compare: cannot write " << s.output << "\n";
      return 1;
    }
  }
  return 0;
}
