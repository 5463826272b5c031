// SPDX-License-Identifier: MIT
// select_cases: Go's selectgo, in four steps — shuffle, lock, poll, or else
// wait on every channel at once.
//
// Invariants:
//   - The poll order is a uniformly random permutation of the non-nil cases,
//     so among ready cases each is chosen with equal probability; waiters are
//     queued in the same order, so among cases on one channel too.
//   - All the select's channels are locked during the poll and the enqueue:
//     no case can become ready or be completed half-way meanwhile.
//   - Every waiter of the select shares one wake_token; the first channel to
//     claim it completes exactly one case, and the others' waiters are stale
//     until the select removes them after waking.
// Lock order: channel locks in ascending address order (a channel used by
// several cases is locked once), released in reverse; park() releases them.
#include "gort/select.hpp"

#include <algorithm>
#include <cstdint>

#include "gort/detail/chaos.hpp"
#include "random.hpp"

namespace gort::detail {
namespace {

// shuffled_order() fills order with the non-nil cases in random order
// (inside-out Fisher–Yates) and returns how many there are.
std::size_t shuffled_order(std::span<select_case* const> cases, std::span<std::uint16_t> order) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < cases.size(); ++i) {
    if (cases[i]->channel_lock() == nullptr) continue;
    const std::size_t j = thread_random().below(static_cast<std::uint32_t>(n + 1));
    order[n] = order[j];
    order[j] = static_cast<std::uint16_t>(i);
    ++n;
  }
  return n;
}

// sorted_locks() fills locks with the distinct channel locks in address order.
std::span<spinlock*> sorted_locks(std::span<select_case* const> cases, std::span<spinlock*> locks) {
  std::size_t n = 0;
  for (select_case* c : cases) {
    if (spinlock* l = c->channel_lock()) locks[n++] = l;
  }
  std::sort(locks.begin(), locks.begin() + n);
  return locks.first(std::unique(locks.begin(), locks.begin() + n) - locks.begin());
}

void lock_all(std::span<spinlock* const> locks) {
  for (spinlock* l : locks) l->lock();
}

void unlock_all(std::span<spinlock* const> locks) {
  for (auto it = locks.rbegin(); it != locks.rend(); ++it) (*it)->unlock();
}

}  // namespace

chosen select_cases(std::span<select_case* const> cases, std::span<std::uint16_t> order,
                    std::span<spinlock*> lock_space, std::span<waiter> waiters, bool has_default) {
  const std::size_t ready_candidates = shuffled_order(cases, order);
  const std::size_t default_index = cases.size();
  if (ready_candidates == 0) {
    if (has_default) return {default_index, true};
    block_forever(wait_reason::select);  // only nil channels: nothing can ever happen
  }
  const std::span<spinlock*> locks = sorted_locks(cases, lock_space);

  // Poll: the first ready case in random order runs.
  chaos::point();
  lock_all(locks);
  for (std::size_t k = 0; k < ready_candidates; ++k) {
    waiter* wake = nullptr;
    if (cases[order[k]]->try_now(wake)) {
      unlock_all(locks);
      chaos::point();
      if (wake != nullptr) unpark(*wake->token);
      return {order[k], true};
    }
  }
  if (has_default) {
    unlock_all(locks);
    return {default_index, true};
  }

  // Wait on every channel at once; park() releases the locks. Waiters join
  // in the random poll order too, so that cases on one channel take turns.
  wake_token token;
  for (std::size_t k = 0; k < ready_candidates; ++k) {
    const std::size_t i = order[k];
    waiters[i].token = &token;
    waiters[i].case_index = i;
    cases[i]->enqueue(waiters[i]);
  }
  park(token, locks, wait_reason::select);

  // Woken: one case was completed by its channel; withdraw from the others.
  const waiter& winner = *token.winner;
  lock_all(locks);
  for (std::size_t i = 0; i < cases.size(); ++i) {
    if (i != winner.case_index && cases[i]->channel_lock() != nullptr) cases[i]->remove(waiters[i]);
  }
  unlock_all(locks);
  return {winner.case_index, winner.success};
}

}  // namespace gort::detail
