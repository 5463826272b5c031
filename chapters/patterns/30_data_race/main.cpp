// SPDX-License-Identifier: MIT
// 30 data_race: goroutines each add 1 to one shared counter, many times.
// With --fix none nothing orders their adds: a data race, which
// ThreadSanitizer reports (build/bin/30_data_race_race is this program built
// with it) and which loses adds. --fix mutex guards the counter with a
// gort::mutex; --fix channel gives it to one goroutine that receives the adds.
// Watch for: only the fixed versions count exactly goroutines × adds.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <functional>
#include <gort/gort.hpp>
#include <map>
#include <mutex>
#include <string>

// book:begin
// racy lets every goroutine add to counter with nothing between them.
int racy(int goroutines, int adds) {
  int counter = 0;
  gort::wait_group wg;
  wg.add(goroutines);
  for (int g = 0; g < goroutines; ++g) {
    gort::go([&] {
      for (int i = 0; i < adds; ++i) {
        ++counter;  // read, add one, write back: another goroutine can come in between
      }
      wg.done();
    });
  }
  wg.wait();
  return counter;
}

// withMutex makes each add a critical section.
int withMutex(int goroutines, int adds) {
  int counter = 0;
  gort::mutex mu;
  gort::wait_group wg;
  wg.add(goroutines);
  for (int g = 0; g < goroutines; ++g) {
    gort::go([&] {
      for (int i = 0; i < adds; ++i) {
        std::lock_guard lock(mu);
        ++counter;
      }
      wg.done();
    });
  }
  wg.wait();
  return counter;
}

// withChannel gives the counter to one goroutine; the others send it their adds.
int withChannel(int goroutines, int adds) {
  auto increments = gort::make_chan<int>();
  auto total = gort::make_chan<int>();
  gort::go([increments, total] {  // the counter's only owner
    int counter = 0;
    for (int n : increments) counter += n;
    total << counter;
  });
  gort::wait_group wg;
  wg.add(goroutines);
  for (int g = 0; g < goroutines; ++g) {
    gort::go([&wg, increments, adds] {
      for (int i = 0; i < adds; ++i) increments << 1;
      wg.done();
    });
  }
  wg.wait();
  increments.close();  // every add has been received: the owner may report
  return total.recv();
}

int main(int argc, char** argv) {
  // book:end
  CLI::App app{"30 data_race: a shared counter, racy and fixed two ways"};
  std::string fix = "none";
  int goroutines = 4;
  int adds = 100'000;
  app.add_option("--fix", fix, "none (a data race), mutex or channel")
      ->check(CLI::IsMember({"none", "mutex", "channel"}))
      ->capture_default_str();
  app.add_option("--goroutines", goroutines, "how many goroutines add")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  app.add_option("--adds", adds, "how many times each goroutine adds 1")
      ->check(CLI::Range(1, 1'000'000))
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  // book:begin
  const std::map<std::string, std::function<int(int, int)>> fixes = {
      {"none", racy}, {"mutex", withMutex}, {"channel", withChannel}};
  return gort::run([&] {
    const int got = fixes.at(fix)(goroutines, adds);
    const int want = goroutines * adds;
    std::printf("fix %s: counter %d, want %d", fix.c_str(), got, want);
    if (got != want) std::printf(" (%d adds lost)", want - got);
    std::printf("\n");
  });
}
// book:end
