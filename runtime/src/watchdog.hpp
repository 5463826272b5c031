// SPDX-License-Identifier: MIT
// watchdog: the thread that reports deadlocks — Go's "fatal error: all
// goroutines are asleep - deadlock!" — and answers SIGQUIT with a dump of
// every goroutine. It sleeps until a deadlock becomes possible or for
// kQuietPoll at most (plain threads may exit), then looks (liveness.hpp:
// nobody_can_move) every kConfirmPoll and reports when two looks in a row
// agree: within about 10 ms of the moment it became true. An idle program
// costs it nothing.
#pragma once

namespace gort::detail::watchdog {

// start() starts the thread, once per process.
void start();

// deadlock_possible() wakes the watchdog if it sleeps, so that it looks now:
// one write to its pipe per sleep.
void deadlock_possible() noexcept;

}  // namespace gort::detail::watchdog
