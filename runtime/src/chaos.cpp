// SPDX-License-Identifier: MIT
// Randomized schedules (GORT_CHAOS): see gort/detail/chaos.hpp.
#include "gort/detail/chaos.hpp"

#include <boost/fiber/operations.hpp>

#include "goroutine.hpp"
#include "pool.hpp"
#include "sanitizers.hpp"

namespace gort::detail::chaos {

std::atomic<bool> on{false};

namespace {

std::atomic<std::uint64_t> run_seed{0};
std::atomic<std::uint64_t> generation{0};  // bumped by start(): threads reseed

// splitmix64: a good stream of 64-bit numbers from any start, even 0.
std::uint64_t next(std::uint64_t& state) noexcept {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

}  // namespace

void start(std::uint64_t seed) noexcept {
  run_seed = seed;
  generation.fetch_add(1);
  on = true;
}

void stop() noexcept { on = false; }

void maybe_yield() noexcept {
  const processor* p = current_processor();
  if (p == nullptr || current_goroutine() == nullptr) return;
  // Each pool thread draws from its own stream, seeded by the run's seed and
  // the thread's index, restarted when a run turns chaos on.
  thread_local std::uint64_t seen = 0;
  thread_local std::uint64_t state = 0;
  if (const std::uint64_t g = generation.load(std::memory_order_relaxed); g != seen) {
    seen = g;
    state = run_seed.load(std::memory_order_relaxed) ^ (static_cast<std::uint64_t>(p->index) << 48);
  }
  if (next(state) % 4 == 0) {
    boost::this_fiber::yield();
    now_on_own_stack();
  }
}

}  // namespace gort::detail::chaos
