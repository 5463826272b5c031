// SPDX-License-Identifier: MIT
// Randomized schedules (GORT_CHAOS): see gort/detail/chaos.hpp.
#include "gort/detail/chaos.hpp"

#include "goroutine.hpp"
#include "processor.hpp"
#include "random.hpp"
#include "scheduler.hpp"

namespace gort::detail::chaos {

std::atomic<bool> on{false};

namespace {

std::atomic<std::uint64_t> run_seed{0};
std::atomic<std::uint64_t> generation{0};  // bumped by start(): threads reseed

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
  thread_local random_stream stream;
  if (const std::uint64_t g = generation.load(std::memory_order_relaxed); g != seen) {
    seen = g;
    stream.state =
        run_seed.load(std::memory_order_relaxed) ^ (static_cast<std::uint64_t>(p->index) << 48);
  }
  if (stream.next() % 4 == 0) yield();
}

}  // namespace gort::detail::chaos
