// SPDX-License-Identifier: MIT
// liveness: the counts behind deadlock detection and virtual time.
//
// Invariant. Two counts, summed over every thread's share:
//   running = goroutines started and not ended, minus those parked (blocked
//             on a channel, select, mutex, wait_group, a nil channel, or
//             sleeping);
//   pending = timers, tickers, sleeps and after_funcs armed and not yet settled.
// An event is counted in the share of the thread where it happens, whatever
// goroutine it is about: a goroutine started on one thread and ended on
// another leaves +1 in one share and -1 in the other, and only the sum means
// anything (each share wraps modulo 2^32; the sum is right while the true
// count fits). Parking and unparking are counted under the parker's lock by
// whoever does them, so a goroutine handed between threads is never lost or
// counted twice. Every cause is counted before its effect: unpark() counts
// the wakee running before the waker can go on and park, spawn counts the
// child before the parent can park, and a firing timer is settled only after
// it has woken or spawned. So running == 0 and pending == 0 is never true of
// a consistent instant in passing: once true, it stays true unless a thread
// outside the pools acts.
//
// Shares. Each runtime thread owns one share (two words on a cache line of
// its own) from runtime_thread_started() to runtime_thread_ended(), and is
// its only writer: an event is a load and a store to a line no other core
// writes, where one process-wide word bounced between every core at every
// spawn, park, wake and end. Threads outside the pools (run()'s caller
// making main, a plain thread waking a goroutine) share share 0 under a
// mutex. A share is never emptied: an ending thread leaves its count in it
// for the next thread to take it, so nothing is moved and the sums stay
// right. Each word is (version << 32) | count, and every change bumps the
// version.
//
// Why a look sees one instant. A look collects every share twice, reading
// the number of shares before the first collect and after the second; it
// counts only if the number and every version are unchanged (it compares the
// sums of the versions, which only grow). Then no share changed between its
// two reads, and all the reads of the first collect held at once, at any
// instant between the end of the first collect and the start of the second.
// The stores and loads are sequentially consistent, so that instant is a
// real one, where every cause of an event counted is counted too (a cause
// on a share read earlier would otherwise show as a changed version in the
// second collect). A look that sees a change proves nothing and says "not
// deadlocked"; the watchdog looks again 5 ms later.
//
// Outside threads. Every OS thread of the process that is not a runtime
// thread or the watchdog may wake a goroutine (the contract's rule, widened
// to threads that have not touched the runtime yet), except while it waits
// inside a runtime operation (a blocking channel operation, or run() waiting
// for its main goroutine). nobody_can_move() reads those counts and /proc
// too; it proves a deadlock only if thread_changes did not move meanwhile,
// since a plain thread acting in between (starting the next run and
// waiting for it) would otherwise be counted out twice.
#include "liveness.hpp"

#include <array>
#include <atomic>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dump.hpp"
#include "parse.hpp"
#include "timer_queue.hpp"
#include "watchdog.hpp"

namespace gort::detail::liveness {
namespace {

// share: one thread's part of the two counts.
struct alignas(64) share {
  std::atomic<std::uint64_t> running{0};
  std::atomic<std::uint64_t> pending{0};
};

std::uint32_t count_of(std::uint64_t word) noexcept { return static_cast<std::uint32_t>(word); }
std::uint64_t version_of(std::uint64_t word) noexcept { return word >> 32; }

// add() changes a count by delta; the caller is the word's only writer.
void add(std::atomic<std::uint64_t>& word, std::int32_t delta) noexcept {
  const std::uint64_t now = word.load(std::memory_order_relaxed);
  const std::uint32_t count = count_of(now) + static_cast<std::uint32_t>(delta);
  word.store(((version_of(now) + 1) << 32) | count);
}

// Share 0 is for threads outside the pools; more runtime threads than
// kShares - 1 at once count there too.
constexpr std::size_t kShares = 4096;
std::array<share, kShares> shares;
std::atomic<std::size_t> shares_used{1};  // shares [0, shares_used) have been handed out
std::mutex outside_mutex;                 // serializes the writers of share 0

std::mutex free_mutex;  // guards free_shares
std::vector<share*>& free_shares() {
  static auto* list = new std::vector<share*>;
  return *list;
}

thread_local share* tl_share = nullptr;  // the calling runtime thread's own; nullptr elsewhere

// count() changes one count (share::running or share::pending) in the
// calling thread's share, or in share 0 for a thread outside the pools.
void count(std::atomic<std::uint64_t> share::*word, std::int32_t delta) noexcept {
  if (share* own = tl_share) {
    add(own->*word, delta);
    return;
  }
  std::lock_guard lock(outside_mutex);
  add(shares[0].*word, delta);
}

// totals: one collect of every share.
struct totals {
  std::uint32_t running = 0;
  std::uint32_t pending = 0;
  std::uint64_t versions = 0;
};

totals collect(std::size_t used) noexcept {
  totals t;
  for (std::size_t i = 0; i < used; ++i) {
    const std::uint64_t running = shares[i].running.load();
    const std::uint64_t pending = shares[i].pending.load();
    t.running += count_of(running);
    t.pending += count_of(pending);
    t.versions += version_of(running) + version_of(pending);
  }
  return t;
}

// look(): the counts at one instant, or nothing if they moved while it looked.
std::optional<totals> look() noexcept {
  const std::size_t used = shares_used.load();
  const totals first = collect(used);
  const totals second = collect(used);
  if (second.versions != first.versions || shares_used.load() != used) return std::nullopt;
  return first;
}

std::atomic<int> runtime_threads{0};  // pool threads and schedtrace's: never wakers
std::atomic<int> blocked_threads{0};
// Bumped by every change to the two counts above: a look that sees it change
// read them (and the thread count) at different instants, and proves nothing.
std::atomic<std::uint64_t> thread_changes{0};

// ThreadSanitizer runs a background thread of its own, which wakes no goroutine.
#if defined(__SANITIZE_THREAD__)
constexpr int kSanitizerThreads = 1;
#else
constexpr int kSanitizerThreads = 0;
#endif

int threads_in_process() {
  // /proc/self/stat: "pid (comm) state ppid …"; num_threads is the 20th field,
  // the 18th after the comm, which may itself hold spaces.
  std::ifstream stat("/proc/self/stat");
  const std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
  std::size_t at = text.rfind(')');
  if (at == std::string::npos) return -1;
  for (int field = 0; field < 18 && at != std::string::npos; ++field) at = text.find(' ', at + 1);
  if (at == std::string::npos) return -1;
  const std::size_t end = text.find(' ', at + 1);
  return parse_number<int>(std::string_view(text).substr(at + 1, end - at - 1)).value_or(-1);
}

}  // namespace

void goroutine_started() noexcept { count(&share::running, 1); }
void goroutine_exited() noexcept { count(&share::running, -1); }
void goroutine_parked() noexcept { count(&share::running, -1); }
void goroutine_unparked() noexcept { count(&share::running, 1); }
void timer_armed() noexcept { count(&share::pending, 1); }
void timer_settled() noexcept { count(&share::pending, -1); }

void thread_blocked() noexcept {
  blocked_threads.fetch_add(1);
  thread_changes.fetch_add(1);
  watchdog::deadlock_possible();
}

void thread_unblocked() noexcept {
  blocked_threads.fetch_sub(1);
  thread_changes.fetch_add(1);
}

// A pool thread is counted as a possible waker from its creation until it
// says it is the runtime's: a look in between proves nothing, so the watchdog
// must look again now, not after its quiet poll.
void runtime_thread_started() noexcept {
  {
    std::lock_guard lock(free_mutex);
    if (!free_shares().empty()) {
      tl_share = free_shares().back();
      free_shares().pop_back();
    } else if (const std::size_t next = shares_used.load(); next < kShares) {
      tl_share = &shares[next];
      shares_used.store(next + 1);  // before the thread's first event: see look()
    }
  }
  runtime_threads.fetch_add(1);
  thread_changes.fetch_add(1);
  watchdog::deadlock_possible();
}

void runtime_thread_ended() noexcept {
  if (share* own = std::exchange(tl_share, nullptr)) {
    std::lock_guard lock(
        free_mutex);  // the next taker's first load comes after this thread's last store
    free_shares().push_back(own);
  }
  runtime_threads.fetch_sub(1);
  thread_changes.fetch_add(1);
  watchdog::deadlock_possible();
}

bool all_goroutines_parked() noexcept {
  const auto now = look();
  return now && now->running == 0;
}

void going_idle() noexcept {
  // One collect, not a look: a false "maybe" costs a poke or a look, and the
  // last thread to go idle after the last goroutine parked reads every
  // share's final count (its own store comes after all the others').
  const totals now = collect(shares_used.load());
  if (now.running != 0) return;
  timer_queue::poke_virtual_clocks();
  if (now.pending == 0) watchdog::deadlock_possible();
}

bool nobody_can_move() {
  const std::uint64_t changes = thread_changes.load();
  const auto now = look();
  if (!now || now->running != 0 || now->pending != 0 || !any_goroutine_alive()) return false;
  const int threads = threads_in_process();
  if (threads < 0) return false;
  const int possible_wakers =
      threads - runtime_threads.load() - 1 - kSanitizerThreads - blocked_threads.load();
  // A plain thread that acted meanwhile (started a run: a pool thread and a
  // running main goroutine, then blocked waiting for it) can make the counts
  // above disagree with each other; only an unchanged snapshot counts.
  const auto again = look();
  return possible_wakers <= 0 && thread_changes.load() == changes && again &&
         again->versions == now->versions;
}

}  // namespace gort::detail::liveness
