// SPDX-License-Identifier: MIT
// The scheduler's periodic report: see schedtrace.hpp.
#include "schedtrace.hpp"

#include <cstdio>

#include "liveness.hpp"
#include "pool.hpp"
#include "trace.hpp"

namespace gort::detail {

sched_reporter::sched_reporter(const pool& observed, std::chrono::milliseconds period)
    : pool_(observed), period_(period), thread_([this] { report_until_stopped(); }) {}

sched_reporter::~sched_reporter() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  stop_cv_.notify_all();
  thread_.join();
}

std::string sched_reporter::line() const {
  const pool::snapshot s = pool_.snapshot_now();
  const trace::counts c = trace::counts_now();
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now() - started_)
                      .count();
  std::string text = "SCHED " + std::to_string(ms) + "ms: gomaxprocs=" + std::to_string(s.maxprocs) +
                     " idleprocs=" + std::to_string(s.idle) + " threads=" + std::to_string(s.threads) +
                     " spinningthreads=" + std::to_string(s.spinning) +
                     " runqueue=" + std::to_string(s.global) + " [";
  for (std::size_t i = 0; i < s.local.size(); ++i) {
    if (i > 0) text += ' ';
    text += std::to_string(s.local[i]);
  }
  return text + "] goroutines=" + std::to_string(s.goroutines) + " runnable=" +
         std::to_string(c.runnable) + " blocked=" + std::to_string(c.blocked) +
         " steals=" + std::to_string(c.steals);
}

void sched_reporter::report_until_stopped() {
  liveness::runtime_thread_started();  // it never wakes a goroutine: no false "not deadlocked"
  std::unique_lock lock(mutex_);
  auto next = std::chrono::steady_clock::now() + period_;
  while (!stop_cv_.wait_until(lock, next, [this] { return stopping_; })) {
    std::fprintf(stderr, "%s\n", line().c_str());
    next += period_;
  }
  liveness::runtime_thread_ended();
}

}  // namespace gort::detail
