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
// Like Go's P, each processor has a runnext slot besides its FIFO runq: the
// goroutine just readied by a channel hand-off, or just started by go(), runs
// next on the same thread, so two goroutines talking through a channel stay
// on one thread and one cache. Other threads leave a runnext alone while they
// spin, and take it only on their last look before they sleep, when its
// owner has been busy for the whole spin.
//
// Invariants:
//   - A runnable goroutine's record is in exactly one place: a processor's
//     runnext or runq, or the global queue. Running, blocked and sleeping
//     ones are in none, and a blocked goroutine's fiber is attached to no
//     thread.
//   - Only processors with index < maxprocs take goroutines from queues; the
//     others only run their own pinned contexts and hand ready goroutines to
//     the global queue. So at most maxprocs threads start running goroutines.
//   - A processor is in idle_ only while parked in suspend_until (or about to
//     be), and nidle_ == idle_.size() under idle_mutex_.
//   - Lost wake-ups are impossible: a producer publishes work, then reads
//     spinning_ and nidle_; a parking processor increments nidle_ (and, when
//     it spins, decrements spinning_) and then looks for work; all with
//     sequentially consistent operations, so one of them sees the other.
// Lock order: a processor's runq_lock and the global queue's lock are never
// held together except victim-then-thief while stealing, which a thief takes
// only on its own runq after releasing the victim's. idle_mutex_ before a
// processor's park_mutex.
#pragma once

#include <array>
#include <atomic>
#include <boost/fiber/algo/algorithm.hpp>
#include <boost/fiber/scheduler.hpp>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "gort/detail/spinlock.hpp"
#include "gort/runtime.hpp"
#include "stack_pool.hpp"
#include "goroutine.hpp"
#include "schedtrace.hpp"
#include "timers.hpp"
#include "tsan_fiber.hpp"

namespace gort::detail {

using ready_queue = boost::fibers::scheduler::ready_queue_type;
class pool;

// run_list: a FIFO of runnable goroutines, linked through goroutine::next_runnable.
class run_list {
 public:
  bool empty() const noexcept { return head_ == nullptr; }
  void push_back(goroutine* g) noexcept;
  goroutine* pop_front() noexcept;

 private:
  goroutine* head_ = nullptr;
  goroutine* tail_ = nullptr;
};

// processor: one pool thread's share of the scheduler (Go's P and M in one).
struct processor {
  processor(pool& owner_pool, int position) : owner(owner_pool), index(position) {}

  void push(goroutine* g) noexcept;
  // push_next() puts g in runnext; the goroutine it displaces goes to the runq's tail.
  void push_next(goroutine* g) noexcept;
  // pop() is the owner's pick: runnext first, unless it has been picked
  // kRunnextStreak times in a row while the runq waits; then the runq's head.
  goroutine* pop() noexcept;
  // steal_into() moves about half of this runq to thief's and returns one goroutine.
  goroutine* steal_into(processor& thief) noexcept;
  goroutine* steal_next() noexcept { return runnext.exchange(nullptr); }

  static constexpr int kRunnextStreak = 32;
  static constexpr int kGlobalEvery = 61;  // Go's schedtick % 61: the global queue is never starved

  pool& owner;
  const int index;
  std::thread thread;
  // This thread's Boost.Fiber scheduler. Fibers are attached through it, not
  // through the active context, which may be a goroutine that just detached.
  boost::fibers::scheduler* scheduler = nullptr;
  // This thread's main context while it waits, out of every queue, for the
  // pool to stop (processor_main); this thread only.
  boost::fibers::context* waiting_main = nullptr;
  // The parker lock a goroutine parking on this thread hands to Boost, which
  // releases it after the switch (park.cpp: sleep); this thread's only.
  std::unique_lock<boost::fibers::detail::spinlock> switch_lock;
  // The ThreadSanitizer fibers of this thread's main and dispatcher contexts (tsan_fiber.hpp).
  [[no_unique_address]] tsan_fiber tsan_main;
  [[no_unique_address]] tsan_fiber tsan_dispatcher;

  spinlock runq_lock;  // guards runq; never held while parking or waking
  run_list runq;
  std::atomic<std::size_t> runq_size{0};
  std::atomic<goroutine*> runnext{nullptr};
  // Owner-only: runnext picks in a row (two goroutines handing a value back
  // and forth would otherwise starve the runq: there is no preemption), and
  // picks since the global queue was last looked at first.
  int runnext_streak = 0;
  int ticks = 0;
  // Set by park() when its last look found a runnext worth stealing; find_work() takes it.
  bool steal_next_allowed = false;

  // wake() ends this thread's current or next park.
  void wake() noexcept;

  std::mutex park_mutex;  // wake_pending is set under it, so park_cv misses no wake-up
  std::condition_variable park_cv;
  std::atomic<bool> wake_pending{false};
};

// pool_algorithm: Boost.Fiber's scheduling policy on one pool thread.
class pool_algorithm final : public boost::fibers::algo::algorithm {
 public:
  explicit pool_algorithm(processor& self) noexcept : self_(self) {}
  pool_algorithm(const pool_algorithm&) = delete;
  pool_algorithm& operator=(const pool_algorithm&) = delete;
  // Destroyed as the thread ends, on its main context (tsan_fiber.hpp).
  GORT_NO_TSAN_FRAMES ~pool_algorithm() override { self_.tsan_main.switch_to(); }

  void awakened(boost::fibers::context* ctx) noexcept override;
  GORT_NO_TSAN_FRAMES boost::fibers::context* pick_next() noexcept override;
  bool has_ready_fibers() const noexcept override;
  void suspend_until(std::chrono::steady_clock::time_point const& deadline) noexcept override;
  void notify() noexcept override;

 private:
  // Boost.Fiber's dispatcher context (release of ended fibers, Boost's own
  // sleep and remote-ready queues) is ready whenever a fiber runs; going
  // through it at every switch would double the switches and read the clock
  // each time, so it runs once every kDispatchEvery picks, or when no
  // goroutine is runnable.
  static constexpr int kDispatchEvery = 16;

  // announce_switch() names the fiber Boost is about to switch to (tsan_fiber.hpp).
  GORT_NO_TSAN_FRAMES void announce_switch(boost::fibers::context* to) noexcept;

  processor& self_;
  ready_queue pinned_;  // this thread's own main context; touched by this thread only
  boost::fibers::context* dispatcher_ = nullptr;  // while ready; this thread only
  int picks_since_dispatch_ = 0;
};

// pool: the threads and queues of one run.
class pool {
 public:
  static constexpr int kMaxProcs = 1024;  // Go's _MaxGomaxprocs

  // schedtrace > 0 prints the scheduler's state every schedtrace (schedtrace.hpp).
  pool(int maxprocs, std::size_t stack_size, bool virtual_time, std::chrono::milliseconds schedtrace);
  pool(const pool&) = delete;
  pool& operator=(const pool&) = delete;
  // ~pool() waits for outside threads still inside ready().
  ~pool();

  // start() launches the threads; processor 0 starts main_goroutine as goroutine 1.
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

  // spawn() starts a goroutine; called on one of this pool's threads. label
  // (if not empty), entry or the callable's type_name names it (dump.hpp: start_of).
  void spawn(std::unique_ptr<task> body, std::string label, const char* type_name,
             const void* entry);
  // start_system() starts one of the runtime's own goroutines (the timer
  // service): not counted, not in dumps.
  void start_system(std::unique_ptr<task> body, std::string label);
  int set_maxprocs(int n);
  int maxprocs() const noexcept { return maxprocs_.load(std::memory_order_relaxed); }
  int live_goroutines() const noexcept { return goroutines_.load(std::memory_order_relaxed); }

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
  snapshot look() const;
  timer_queue& timers() noexcept { return timers_; }
  stack_pool& stacks() noexcept { return stacks_; }

  // Scheduler hooks, called by pool_algorithm.
  // stopping() is true once stop_threads() has run: the threads are to end.
  bool stopping() const noexcept { return stopping_.load(); }
  bool is_active(const processor& p) const noexcept { return p.index < maxprocs(); }
  // ready() makes g runnable: on the calling processor if it is one of this
  // pool's active ones (in runnext if next), else on the global queue.
  void ready(goroutine& g, bool next) noexcept;
  goroutine* find_work(processor& self) noexcept;
  // context_for() attaches g's fiber to the calling thread, creating it (and
  // its stack) when g has never run.
  boost::fibers::context* context_for(processor& self, goroutine& g) noexcept;
  void wake_idle_processor() noexcept;
  void park(processor& self, std::chrono::steady_clock::time_point deadline) noexcept;

 private:
  void start_processors(int count);
  void processor_main(processor& self);
  void launch(std::unique_ptr<task> body, goroutine::role role, std::string label,
              const char* type_name, const void* entry);
  void run_goroutine(goroutine& g);
  // make_fiber() is g's Boost.Fiber context, running run_goroutine(g) on a
  // pooled stack; the scheduler keeps its own reference and frees it when it
  // ends. In goroutine_fiber.cpp: see there why.
  boost::fibers::context* make_fiber(goroutine& g);
  void push_global(goroutine* g) noexcept;
  goroutine* pop_global() noexcept;
  goroutine* steal(processor& self) noexcept;
  // work_available() is true if a runq or the global queue holds a goroutine (runnext aside).
  bool work_available() const noexcept;
  // claim_stop() is true for the one caller that is to stop the threads:
  // finish(), or the last leftover goroutine of an abandoned pool.
  bool claim_stop() noexcept;
  // drop_never_started(): once the threads are joined, frees the records of
  // goroutines still queued that never ran (the timer service, if no timer
  // was set before main returned), which would otherwise leak at every run.
  void drop_never_started() noexcept;
  // stop_threads() ends the timer service and schedtrace and lets every
  // pool thread return once it has nothing to run.
  void stop_threads();
  // thread_main() is a pool thread's whole life: processor_main(self), then,
  // once the thread's last thread-local (Boost's scheduler, which may still
  // run goroutines and touch the pool) is gone, drop_holder().
  void thread_main(processor& self);
  // drop_holder(): one holder of the pool's memory is done with it; the last
  // deletes an abandoned pool.
  void drop_holder() noexcept;
  struct holder_until_exit;
  // next_to_steal() is true if a processor other than self holds a runnext.
  bool next_to_steal(const processor& self) const noexcept;
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
  std::atomic<int> spinning_{0};  // parking processors still spinning before they sleep
  std::atomic<bool> waking_{false};  // a processor has been woken and has not yet looked for work

  alignas(64) std::atomic<int> goroutines_{0};    // bumped by every goroutine's start and end
  alignas(64) std::atomic<std::uint64_t> next_id_{1};  // by spawners only
  std::unique_ptr<task> main_body_;
  std::atomic<bool> main_goexited_{false};
  std::atomic<int> outside_wakers_{0};  // threads not of this pool inside ready()
  std::atomic<bool> abandoned_{false};     // finish() returned (or is returning) with goroutines left
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

// current_processor() is the processor of the calling pool thread; nullptr elsewhere.
processor* current_processor() noexcept;

}  // namespace gort::detail
