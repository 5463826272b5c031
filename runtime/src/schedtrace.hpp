// SPDX-License-Identifier: MIT
// schedtrace: GORT_SCHEDTRACE=ms, Go's GODEBUG=schedtrace — every period, one
// line on stderr saying what the scheduler of a run is doing:
//
//   SCHED 1000ms: gomaxprocs=2 idleprocs=1 threads=2 spinningthreads=0 runqueue=0 [0 1]
//   goroutines=5 runnable=1 blocked=3 steals=12          (all on one line)
//
// runqueue is the global queue, the brackets each processor's own queue
// (runnext included); runnable, blocked and steals come from trace.hpp's counts.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

namespace gort::detail {

class pool;

class sched_reporter {
 public:
  // The reporter prints every period until it is destroyed (and after its
  // run returns, if the run left goroutines behind: Go's goes on to the exit).
  sched_reporter(const pool& observed, std::chrono::milliseconds period);
  ~sched_reporter();
  sched_reporter(const sched_reporter&) = delete;
  sched_reporter& operator=(const sched_reporter&) = delete;

  // line() is the report as of now.
  std::string line() const;

 private:
  void report_until_stopped();

  const pool& pool_;
  const std::chrono::milliseconds period_;
  const std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
  std::mutex mutex_;  // guards stopping_
  std::condition_variable stop_cv_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace gort::detail
