// SPDX-License-Identifier: MIT
// Deadlock detection: Go's "fatal error: all goroutines are asleep - deadlock!".
//
// Invariant. One 64-bit atomic, `state`, holds two counts, so a single load
// reads both at one instant:
//   running (low 32 bits)  = goroutines started and not ended, minus those parked
//                            (blocked on a channel, select, mutex, wait_group,
//                            a nil channel, or sleeping);
//   pending (high 32 bits) = timers, tickers, sleeps and after_funcs armed and
//                            not yet settled.
// The counts are per process, not per thread: a goroutine is counted from
// go() to its end wherever it runs, and parking and unparking are counted
// under the parker's lock by whoever does them, so a goroutine handed from
// one thread to another is never lost or counted twice. Every cause is
// counted before its effect: unpark() counts the wakee running before the
// waker can go on and park, spawn counts the child before the parent can
// park, and a firing timer is settled only after it has woken or spawned. So
// running == 0 and pending == 0 is never seen in passing: once true it stays
// true unless a thread outside the pools acts. Those are counted apart: every
// OS thread of the process that is not a runtime thread or the watchdog may
// wake a goroutine (the contract's rule, widened to threads that have not
// touched the runtime yet), except while it waits inside a runtime operation
// (a blocking channel operation, or run() waiting for its main goroutine).
// One look reads `state`, those counts and /proc at slightly different
// instants; it proves a deadlock only if neither `state` nor the counts
// changed meanwhile, since a plain thread acting in between (starting the
// next run and waiting for it) would otherwise be counted out twice.
//
// The watchdog sleeps until a deadlock becomes possible — the last running
// goroutine parks or ends, the last pending timer settles with none running,
// a plain thread blocks, or a runtime thread starts or ends — or for
// kQuietPoll at most (plain threads may exit);
// then it looks every kConfirmPoll and reports when two looks in a row see no
// running goroutine, no pending timer, and no possible waker: within about
// 10 ms of the moment it became true. An idle program costs it nothing.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "dump.hpp"
#include "fatal.hpp"
#include "liveness.hpp"
#include "timers.hpp"

namespace gort::detail::liveness {
namespace {

constexpr std::uint64_t kOneRunning = 1;
constexpr std::uint64_t kOnePending = std::uint64_t{1} << 32;

// Touched at every spawn, park, wake and end, by every thread: alone on its cache line.
alignas(64) std::atomic<std::uint64_t> state{0};
std::atomic<int> runtime_threads{0};  // pool threads and schedtrace's: never wakers
std::atomic<int> blocked_threads{0};
// Bumped by every change to the two counts above: a look that sees it change
// read them (and the thread count) at different instants, and proves nothing.
std::atomic<std::uint64_t> thread_changes{0};

std::uint32_t running_of(std::uint64_t s) { return static_cast<std::uint32_t>(s); }
std::uint32_t pending_of(std::uint64_t s) { return static_cast<std::uint32_t>(s >> 32); }

// Runs on virtual time: poked when the last goroutine parks.
std::mutex& clocks_mutex() {
  static auto* m = new std::mutex;
  return *m;
}
std::vector<timer_queue*>& virtual_clocks() {  // guarded by clocks_mutex()
  static auto* clocks = new std::vector<timer_queue*>;
  return *clocks;
}
std::atomic<int> virtual_clock_count{0};

constexpr int kConfirmPoll = 5;   // ms between the two looks that confirm a deadlock
constexpr int kQuietPoll = 1000;  // ms the watchdog sleeps when nothing happens (a thread may exit)

int quit_pipe[2] = {-1, -1};   // SIGQUIT's self-pipe
int event_pipe[2] = {-1, -1};  // wakes the watchdog when a deadlock may have begun
std::atomic<bool> watchdog_asleep{false};

// deadlock_possible() wakes the watchdog if it sleeps; one write per sleep.
void deadlock_possible() noexcept {
  if (!watchdog_asleep.exchange(false)) return;
  const char byte = 'e';
  [[maybe_unused]] const auto written = ::write(event_pipe[1], &byte, 1);
}

void on_all_parked() noexcept {
  deadlock_possible();
  if (virtual_clock_count.load() == 0) return;
  std::lock_guard lock(clocks_mutex());
  for (timer_queue* q : virtual_clocks()) q->poke();
}

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
  const auto after_comm = text.rfind(')');
  if (after_comm == std::string::npos) return -1;
  std::istringstream fields(text.substr(after_comm + 1));
  std::string field;
  for (int i = 0; i < 18 && fields >> field; ++i) {
  }
  return fields ? std::atoi(field.c_str()) : -1;
}

bool deadlocked_now() {
  const std::uint64_t changes = thread_changes.load();
  const std::uint64_t s = state.load();
  if (running_of(s) != 0 || pending_of(s) != 0 || !any_goroutine_alive()) return false;
  const int threads = threads_in_process();
  if (threads < 0) return false;
  const int possible_wakers = threads - runtime_threads.load() - 1 - kSanitizerThreads - blocked_threads.load();
  // A plain thread that acted meanwhile (started a run: a pool thread and a
  // running main goroutine, then blocked waiting for it) can make the counts
  // above disagree with each other; only an unchanged snapshot counts.
  return possible_wakers <= 0 && thread_changes.load() == changes && state.load() == s;
}

void on_sigquit(int) {
  const char byte = 'q';
  [[maybe_unused]] const auto written = ::write(quit_pipe[1], &byte, 1);
}

void install_sigquit_handler() {
  struct sigaction current {};
  ::sigaction(SIGQUIT, nullptr, &current);
  if (current.sa_handler != SIG_DFL) return;  // someone else handles it
  struct sigaction action {};
  action.sa_handler = on_sigquit;
  ::sigemptyset(&action.sa_mask);
  ::sigaction(SIGQUIT, &action, nullptr);
}

[[noreturn]] void watch() {
  pollfd fds[] = {{quit_pipe[0], POLLIN, 0}, {event_pipe[0], POLLIN, 0}};
  bool stuck_before = false;
  for (;;) {
    // Announced asleep before the look, so an event after the look wakes the poll.
    watchdog_asleep.store(!stuck_before);
    const bool stuck = deadlocked_now();
    if (stuck && stuck_before) report_all("fatal error: all goroutines are asleep - deadlock!");
    stuck_before = stuck;
    if (::poll(fds, 2, stuck ? kConfirmPoll : kQuietPoll) > 0) {
      if (fds[0].revents != 0) report_all("SIGQUIT: quit");
      char drained[64];
      while (::read(event_pipe[0], drained, sizeof drained) > 0) {
      }
    }
  }
}

}  // namespace

void goroutine_started() noexcept { state.fetch_add(kOneRunning); }

void goroutine_exited() noexcept {
  if (running_of(state.fetch_sub(kOneRunning)) == 1) on_all_parked();
}

void goroutine_parked() noexcept {
  if (running_of(state.fetch_sub(kOneRunning)) == 1) on_all_parked();
}

void goroutine_unparked() noexcept { state.fetch_add(kOneRunning); }
void thread_blocked() noexcept {
  blocked_threads.fetch_add(1);
  thread_changes.fetch_add(1);
  deadlock_possible();
}
void thread_unblocked() noexcept {
  blocked_threads.fetch_sub(1);
  thread_changes.fetch_add(1);
}
void timer_armed() noexcept { state.fetch_add(kOnePending); }
void timer_settled() noexcept {
  if (state.fetch_sub(kOnePending) == kOnePending) deadlock_possible();  // none running, none pending
}
// A pool thread is counted as a possible waker from its creation until it
// says it is the runtime's: a look in between proves nothing, so the watchdog
// must look again now, not after kQuietPoll.
void runtime_thread_started() noexcept {
  runtime_threads.fetch_add(1);
  thread_changes.fetch_add(1);
  deadlock_possible();
}
void runtime_thread_ended() noexcept {
  runtime_threads.fetch_sub(1);
  thread_changes.fetch_add(1);
  deadlock_possible();
}

bool all_goroutines_parked() noexcept { return running_of(state.load()) == 0; }

void add_virtual_clock(timer_queue& q) {
  std::lock_guard lock(clocks_mutex());
  virtual_clocks().push_back(&q);
  virtual_clock_count.fetch_add(1);
}

void remove_virtual_clock(timer_queue& q) {
  std::lock_guard lock(clocks_mutex());
  auto& clocks = virtual_clocks();
  clocks.erase(std::remove(clocks.begin(), clocks.end(), &q), clocks.end());
  virtual_clock_count.fetch_sub(1);
}

void start_watchdog() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (::pipe2(quit_pipe, O_CLOEXEC | O_NONBLOCK) == 0) install_sigquit_handler();
    if (::pipe2(event_pipe, O_CLOEXEC | O_NONBLOCK) != 0) event_pipe[0] = event_pipe[1] = -1;
    std::thread(watch).detach();
  });
}

}  // namespace gort::detail::liveness
