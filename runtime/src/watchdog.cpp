// SPDX-License-Identifier: MIT
// The deadlock watchdog and SIGQUIT: see watchdog.hpp.
#include "watchdog.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <mutex>
#include <thread>

#include "dump.hpp"
#include "fatal.hpp"
#include "liveness.hpp"

namespace gort::detail::watchdog {
namespace {

constexpr int kConfirmPoll = 5;   // ms between the two looks that confirm a deadlock
constexpr int kQuietPoll = 1000;  // ms the watchdog sleeps when nothing happens (a thread may exit)

int quit_pipe[2] = {-1, -1};   // SIGQUIT's self-pipe
int event_pipe[2] = {-1, -1};  // wakes the watchdog when a deadlock may have begun
std::atomic<bool> asleep{false};

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
    asleep.store(!stuck_before);
    const bool stuck = liveness::nobody_can_move();
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

void deadlock_possible() noexcept {
  if (!asleep.exchange(false)) return;
  const char byte = 'e';
  [[maybe_unused]] const auto written = ::write(event_pipe[1], &byte, 1);
}

void start() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (::pipe2(quit_pipe, O_CLOEXEC | O_NONBLOCK) == 0) install_sigquit_handler();
    if (::pipe2(event_pipe, O_CLOEXEC | O_NONBLOCK) != 0) event_pipe[0] = event_pipe[1] = -1;
    std::thread(watch).detach();
  });
}

}  // namespace gort::detail::watchdog
