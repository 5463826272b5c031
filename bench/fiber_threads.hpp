// SPDX-License-Identifier: MIT
// What both raw Boost.Fiber runners (bench_fiber, bench_fiber_proc) share:
// Boost's work_stealing scheduler on N threads, and a latch for fibers.
#pragma once

#include <atomic>
#include <boost/fiber/algo/round_robin.hpp>
#include <boost/fiber/algo/work_stealing.hpp>
#include <boost/fiber/all.hpp>
#include <cstdint>
#include <mutex>
#include <thread>
#include <vector>

namespace bench {

// work_stealing_threads installs Boost's work_stealing scheduler on the calling thread and on
// threads-1 helper threads (round_robin when threads is 1; see install()). Boost keeps the
// scheduler's state in statics and its constructor waits for all threads, so this is done once per
// process. The helpers sleep in their main fiber (and in the scheduler, suspend=true) until stop().
// Note that Boost never wakes a sleeping helper for fibers made ready on another thread: a helper
// that found nothing to steal stays asleep until a fiber attached to it is woken.
class work_stealing_threads {
 public:
  explicit work_stealing_threads(int threads) {
    const auto count = static_cast<std::uint32_t>(threads);
    for (int i = 1; i < threads; ++i) helpers_.emplace_back([this, count] { serve(count); });
    install(count);
  }
  work_stealing_threads(const work_stealing_threads&) = delete;
  work_stealing_threads& operator=(const work_stealing_threads&) = delete;
  ~work_stealing_threads() { stop(); }

  // stop() wakes the helpers and joins them; every fiber must have finished by then, since a
  // helper's scheduler runs until no fiber is attached to it.
  void stop() {
    {
      std::lock_guard<boost::fibers::mutex> lock(mu_);
      stopping_ = true;
    }
    stopped_.notify_all();
    for (std::thread& helper : helpers_) helper.join();
    helpers_.clear();
  }

 private:
  // install() puts this thread under work_stealing, or on one thread under round_robin (Boost's
  // default): Boost 1.81's work_stealing(1) spins forever in pick_next() once its queue is empty,
  // looking for a victim thread other than itself.
  static void install(std::uint32_t count) {
    if (count == 1) {
      boost::fibers::use_scheduling_algorithm<boost::fibers::algo::round_robin>();
      return;
    }
    boost::fibers::use_scheduling_algorithm<boost::fibers::algo::work_stealing>(count, true);
  }

  void serve(std::uint32_t count) {
    install(count);
    std::unique_lock<boost::fibers::mutex> lock(mu_);
    stopped_.wait(lock, [this] { return stopping_; });
  }

  boost::fibers::mutex mu_;
  boost::fibers::condition_variable stopped_;
  bool stopping_ = false;  // guarded by mu_
  std::vector<std::thread> helpers_;
};

// countdown is a latch from Boost.Fiber's mutex and condition_variable: wait() parks only the
// calling fiber, never its thread.
class countdown {
 public:
  explicit countdown(std::int64_t count) : remaining_(count) {}

  void count_down() {
    if (remaining_.fetch_sub(1, std::memory_order_acq_rel) != 1) return;
    // Notify while holding mu_: the waiter may destroy *this as soon as it can relock.
    std::lock_guard<boost::fibers::mutex> lock(mu_);
    zero_ = true;
    reached_zero_.notify_all();
  }

  void wait() {
    std::unique_lock<boost::fibers::mutex> lock(mu_);
    reached_zero_.wait(lock, [this] { return zero_; });
  }

 private:
  std::atomic<std::int64_t> remaining_;
  boost::fibers::mutex mu_;
  boost::fibers::condition_variable reached_zero_;
  bool zero_ = false;  // guarded by mu_
};

}  // namespace bench
