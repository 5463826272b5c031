// SPDX-License-Identifier: MIT
// pool: one gort::run's goroutine scheduler — GOMAXPROCS OS threads, each
// running Boost.Fiber with pool_algorithm, sharing work by stealing.
//
// How a goroutine moves: run queues hold goroutine records, not fibers. A new
// goroutine is only a record until a processor first picks it; then it gets
// its stack and fiber (so a million queued goroutines cost no stacks). A
// goroutine that blocks detaches its fiber from its thread; whoever readies
// it (a channel operation, a timer, a yield) queues the record on the
// readier's own processor, and the thread that picks it next attaches the
// fiber and runs it there.
//
// The pool is implemented by concern:
//   processor.cpp  run lists and processors (processor.hpp)
//   scheduler.cpp  the algorithm: pick, find work, steal, spin, park, wake (scheduler.hpp)
//   pool.cpp       the pool's lifetime: start, gomaxprocs, finish, abandon
//   goroutine.cpp  a goroutine's life: spawn, run, park, wake, end
//
// Invariants:
//   - A blocked goroutine's fiber is attached to no thread.
//   - Only processors with index < maxprocs take goroutines from queues; the
//     others only run their own pinned contexts and hand ready goroutines to
//     the global queue. So at most maxprocs threads start running goroutines.
//   - A processor is in idle_ only while parked in suspend_until (or about to
//     be), and nidle_ == idle_.size() under idle_mutex_.
//   - Lost wake-ups are impossible: a producer publishes work, then reads
//     spinning_ and nidle_; a parking processor increments nidle_ (and, when
//     it spins, decrements spinning_) and then looks for work; all with
//     sequentially consistent operations, so one of them sees the other.
// Lock order: idle_mutex_ before a processor's park_mutex; the global
// queue's lock is never held with a processor's runq_lock.
#pragma once

#include <array>
#include <atomic>
#include <boost/fiber/context.hpp>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "goroutine.hpp"
#include "gort/detail/spinlock.hpp"
#include "gort/runtime.hpp"
#include "processor.hpp"
#include "schedtrace.hpp"
#include "stack_pool.hpp"
#include "timer_queue.hpp"

namespace gort::detail {

// pool: the threads and queues of one run.
class pool {
 public:
  // --- its lifetime (pool.cpp) ---
  // schedtrace > 0 prints the scheduler's state every schedtrace (schedtrace.hpp).
  pool(int maxprocs, std::size_t stack_size, bool virtual_time,
       std::chrono::milliseconds schedtrace);
  pool(const pool&) = delete;
  pool& operator=(const pool&) = delete;
  // ~pool() waits for outside threads still inside ready().
  ~pool();

  // start() starts main_goroutine as goroutine 1, the timer service and the threads.
  void start(std::unique_ptr<task> main_goroutine);
  // wait_main() blocks the calling OS thread until goroutine 1 returns.
  void wait_main();
  // finish() ends the pool after main returned: it joins the threads if no
  // goroutine is left, or leaves them running the leftovers (Go drops them at
  // process exit; see run.cpp) and reports whether it did. Left running, the
  // threads end after the last leftover does, if it ever does.
  bool finish();
  // release() is run()'s hand-off of a pool that finish() left running: the
  // pool is deleted once its last thread has ended (here, if that was
  // before). Until then, and for good if a leftover never ends, it lives on.
  static void release(std::unique_ptr<pool> abandoned) noexcept;
  int set_maxprocs(int n);
  int maxprocs() const noexcept { return maxprocs_.load(std::memory_order_relaxed); }

  // snapshot: the scheduler's state for schedtrace, read without locks (each
  // number is exact at its own instant, not all at one).
  struct snapshot {
    int maxprocs = 0;
    int threads = 0;
    int idle = 0;
    int spinning = 0;
    std::size_t global = 0;
    std::vector<std::size_t> local;  // each processor's runq, runnext included
    int goroutines = 0;
  };
  snapshot snapshot_now() const;
  timer_queue& timers() noexcept { return timers_; }
  stack_pool& stacks() noexcept { return stacks_; }

  // --- goroutines (goroutine.cpp) ---
  // spawn() starts a goroutine; called on one of this pool's threads. label
  // (if not empty), entry or the callable's type_name names it (dump.hpp: start_of).
  void spawn(std::unique_ptr<task> body, std::string label, const char* type_name,
             const void* entry);
  // start_system() starts one of the runtime's own goroutines (the timer
  // service): not counted, not in dumps.
  void start_system(std::unique_ptr<task> body, std::string label);
  int live_goroutines() const noexcept { return goroutines_.load(std::memory_order_relaxed); }

  // --- scheduling (scheduler.cpp), called by pool_algorithm ---
  // stopping() is true once stop_threads() has run: the threads are to end.
  bool stopping() const noexcept { return stopping_.load(); }
  bool is_active(const processor& p) const noexcept { return p.index < maxprocs(); }
  // ready() makes g runnable: on the calling processor if it is one of this
  // pool's active ones (in its runnext for ready_to::run_next: a goroutine
  // just started or just handed a value), else on the global queue.
  enum class ready_to { run_next, queue };
  void ready(goroutine& g, ready_to where) noexcept;
  goroutine* find_work(processor& self) noexcept;
  // context_for() attaches g's fiber to the calling thread, creating it (and
  // its stack) when g has never run.
  boost::fibers::context* context_for(processor& self, goroutine& g) noexcept;
  void wake_idle_processor() noexcept;
  void park(processor& self, std::chrono::steady_clock::time_point deadline) noexcept;

 private:
  // for_each_started(f) calls f(p) for every started processor p.
  template <class F>
  void for_each_started(F&& f) const {
    const int count = started_.load(std::memory_order_acquire);
    for (int i = 0; i < count; ++i) f(*procs_[i]);
  }
  // find_started(pred, from) is the first started processor, looking from
  // index `from` round to it, for which pred(p) is true; nullptr if none.
  template <class Pred>
  processor* find_started(Pred&& pred, unsigned from = 0) const {
    const auto count = static_cast<unsigned>(started_.load(std::memory_order_acquire));
    for (unsigned i = 0; i < count; ++i) {
      processor& p = *procs_[(from + i) % count];
      if (pred(p)) return &p;
    }
    return nullptr;
  }

  // pool.cpp
  void start_processors(int count);
  // thread_main() is a pool thread's whole life: processor_main(self), then,
  // once the thread's last thread-local (Boost's scheduler, which may still
  // run goroutines and touch the pool) is gone, drop_holder().
  void thread_main(processor& self);
  void processor_main(processor& self);
  // drop_holder(): one holder of the pool's memory is done with it; the last
  // deletes an abandoned pool.
  void drop_holder() noexcept;
  struct holder_until_exit;
  // claim_stop() is true for the one caller that is to stop the threads:
  // finish(), or the last leftover goroutine of an abandoned pool.
  bool claim_stop() noexcept;
  // stop_threads() ends the timer service and schedtrace and lets every
  // pool thread return once it has nothing to run.
  void stop_threads();
  // drop_never_started(): once the threads are joined, frees the records of
  // goroutines still queued that never ran (the timer service, if no timer
  // was set before main returned), which would otherwise leak at every run.
  void drop_never_started() noexcept;

  // goroutine.cpp
  void launch(std::unique_ptr<task> body, goroutine::role role, std::string label,
              const char* type_name, const void* entry);
  void run_goroutine(goroutine& g);
  // make_fiber() is g's Boost.Fiber context, running run_goroutine(g) on a
  // pooled stack; the scheduler keeps its own reference and frees it when it
  // ends. In goroutine_fiber.cpp: see there why.
  boost::fibers::context* make_fiber(goroutine& g);

  // scheduler.cpp
  void push_global(goroutine* g) noexcept;
  goroutine* pop_global() noexcept;
  goroutine* steal(processor& self) noexcept;
  // work_available() is true if a runq or the global queue holds a goroutine (runnext aside).
  bool work_available() const noexcept;
  // work_to_take() is true if self may take a goroutine now: from the global
  // queue, its own runq, or another's that is stealable().
  bool work_to_take(const processor& self,
                    std::chrono::steady_clock::time_point now) const noexcept;
  // find_stuck_next() is a processor other than self holding a runnext whose
  // ticks have not moved since self began to spin (processor::ticks_seen).
  processor* find_stuck_next(const processor& self) const noexcept;
  // spin_for_work(): true if work or a wake-up arrived while spinning briefly.
  bool spin_for_work(processor& self) noexcept;
  static constexpr std::chrono::microseconds kSpinTime{50};

  std::atomic<int> maxprocs_;
  stack_pool& stacks_;
  timer_queue timers_;

  std::mutex procs_mutex_;  // serializes starting threads
  std::array<std::unique_ptr<processor>, kMaxProcs> procs_;
  std::atomic<int> started_{0};  // procs_[0, started_) are constructed and running

  spinlock global_lock_;  // guards global_
  run_list global_;
  std::atomic<std::size_t> global_size_{0};

  std::mutex idle_mutex_;  // guards idle_; taken before a processor's park_mutex
  std::vector<processor*> idle_;
  std::atomic<int> nidle_{0};
  std::atomic<int> spinning_{0};     // parking processors still spinning before they sleep
  // A processor taken off idle_ to be woken has not yet looked for work;
  // it clears this itself when it leaves park().
  std::atomic<bool> waking_{false};

  alignas(64) std::atomic<int> goroutines_{0};         // bumped by every goroutine's start and end
  alignas(64) std::atomic<std::uint64_t> next_id_{1};  // by spawners only
  std::atomic<bool> main_goexited_{false};
  std::atomic<int> outside_wakers_{0};  // threads not of this pool inside ready()
  std::atomic<bool> abandoned_{false};  // finish() returned (or is returning) with goroutines left
  // Who may still touch the pool: run()'s caller, until it deletes or
  // release()s it, and each started thread until its thread-locals are gone.
  std::atomic<int> holders_{1};
  std::atomic<bool> stop_claimed_{false};  // see claim_stop()
  const std::chrono::milliseconds schedtrace_;
  std::unique_ptr<sched_reporter> reporter_;  // while schedtrace_ > 0 and the pool runs

  std::mutex main_mutex_;  // guards main_done_; the run() thread waits on main_cv_
  std::condition_variable main_cv_;
  bool main_done_ = false;

  std::atomic<bool> stopping_{false};  // set once, by stop_threads(); pool threads then end
};

}  // namespace gort::detail
