// SPDX-License-Identifier: MIT
// run_list and processor: see processor.hpp.
#include "processor.hpp"

namespace gort::detail {
namespace {

thread_local processor* tl_processor = nullptr;

}  // namespace

processor* current_processor() noexcept { return tl_processor; }

void processor::bind_to_calling_thread() noexcept { tl_processor = this; }

void run_list::push_back(goroutine* g) noexcept {
  g->next_runnable = nullptr;
  (tail_ != nullptr ? tail_->next_runnable : head_) = g;
  tail_ = g;
}

goroutine* run_list::pop_front() noexcept {
  goroutine* g = head_;
  if (g == nullptr) return nullptr;
  head_ = g->next_runnable;
  if (head_ == nullptr) tail_ = nullptr;
  g->next_runnable = nullptr;
  return g;
}

void processor::push(goroutine* g) noexcept {
  std::lock_guard lock(runq_lock);
  if (runq.empty()) {
    runq_since.store(std::chrono::steady_clock::now().time_since_epoch().count(),
                     std::memory_order_relaxed);
  }
  runq.push_back(g);
  runq_size.fetch_add(1);
}

void processor::push_next(goroutine* g) noexcept {
  if (goroutine* displaced = runnext.exchange(g)) push(displaced);
}

goroutine* processor::pop() noexcept {
  if (runnext_streak < kRunnextStreak || runq_size.load(std::memory_order_relaxed) == 0) {
    if (goroutine* g = runnext.exchange(nullptr)) {
      ++runnext_streak;
      return g;
    }
  }
  runnext_streak = 0;
  {
    std::lock_guard lock(runq_lock);
    if (goroutine* g = runq.pop_front()) {
      runq_size.fetch_sub(1);
      return g;
    }
  }
  return runnext.exchange(nullptr);  // a thief emptied the runq after we looked
}

bool processor::stealable(std::chrono::steady_clock::time_point now) const noexcept {
  if (runq_size.load() == 0) return false;
  const std::chrono::steady_clock::time_point since{
      std::chrono::steady_clock::duration{runq_since.load(std::memory_order_relaxed)}};
  return now - since >= kStealGrace;
}

bool processor::spawned_for_a_slice() noexcept {
  const unsigned now_ticks = ticks.load(std::memory_order_relaxed);
  if (now_ticks != spawning_ticks) {
    spawning_ticks = now_ticks;  // switched out since: a new run
    spawned = 0;
  }
  if (++spawned % kSpawnsPerLook != 0) return false;
  const auto now = std::chrono::steady_clock::now();
  if (spawned == kSpawnsPerLook) spawning_since = now;
  return now - spawning_since >= kTimeSlice;
}

void processor::wake() noexcept {
  {
    std::lock_guard lock(park_mutex);
    wake_pending = true;
  }
  park_cv.notify_one();
}

goroutine* processor::steal_into(processor& thief) noexcept {
  run_list batch;
  std::size_t taken = 0;
  {
    std::lock_guard lock(runq_lock);
    const std::size_t want = (runq_size.load() + 1) / 2;
    while (taken < want && !runq.empty()) {
      batch.push_back(runq.pop_front());
      ++taken;
    }
    runq_size.fetch_sub(taken);
  }
  goroutine* first = batch.pop_front();
  if (!batch.empty()) {
    std::lock_guard lock(thief.runq_lock);
    if (thief.runq.empty()) thief.runq_since.store(0, std::memory_order_relaxed);
    while (goroutine* g = batch.pop_front()) {
      thief.runq.push_back(g);
      thief.runq_size.fetch_add(1);
    }
  }
  return first;
}

}  // namespace gort::detail
