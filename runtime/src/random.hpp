// SPDX-License-Identifier: MIT
// random_stream: the runtime's one pseudo-random generator (splitmix64: good
// numbers from any seed, even 0, for a multiply and three shifts). select's
// poll order and the scheduler's steal victims draw from thread_random();
// GORT_CHAOS draws from a stream of its own seed (chaos.cpp), so that one
// seed gives one schedule.
#pragma once

#include <cstdint>

namespace gort::detail {

struct random_stream {
  std::uint64_t state = 0;

  std::uint64_t next() noexcept {
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }

  // below(bound) is uniform in [0, bound), bound > 0 (Lemire's multiply, no division).
  std::uint32_t below(std::uint32_t bound) noexcept {
    return static_cast<std::uint32_t>(((next() >> 32) * bound) >> 32);
  }
};

// thread_random() is the calling thread's stream, seeded apart from every other thread's.
inline random_stream& thread_random() noexcept {
  thread_local random_stream stream{reinterpret_cast<std::uintptr_t>(&stream)};
  return stream;
}

}  // namespace gort::detail
