// SPDX-License-Identifier: MIT
// Exercise 04: ping_pong.
#include <algorithm>
#include <atomic>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "exercise_test.hpp"
#include "ping_pong.hpp"

namespace {

using exercise::ping_pong;

// umpire records every hit, and whether a hit began while another was still
// going on. Each hit yields a few times, so a player that hits without
// holding the ball gets the chance to do it right then.
class umpire {
 public:
  void hit(std::string_view player) {
    if (in_play_.exchange(true)) overlapped_ = true;
    for (int i = 0; i < 3; ++i) gort::gosched();
    {
      std::lock_guard lock(mutex_);
      hits_.emplace_back(player);
      most_goroutines_ = std::max(most_goroutines_, gort::num_goroutine());
    }
    in_play_ = false;
  }

  // play() runs ping_pong(rounds) and returns the hits, as they were when it returned.
  std::vector<std::string> play(int rounds) {
    ping_pong(rounds, [this](std::string_view player) { hit(player); });
    std::lock_guard lock(mutex_);
    return hits_;
  }

  bool overlapped() const { return overlapped_; }

  // most_goroutines() is the most goroutines that were live during a hit.
  int most_goroutines() {
    std::lock_guard lock(mutex_);
    return most_goroutines_;
  }

 private:
  std::atomic<bool> in_play_{false};
  std::atomic<bool> overlapped_{false};
  std::mutex mutex_;  // guards hits_ and most_goroutines_
  std::vector<std::string> hits_;
  int most_goroutines_ = 0;
};

// alternating() is ping, pong, … for `rounds` rounds.
std::vector<std::string> alternating(int rounds) {
  std::vector<std::string> hits;
  for (int i = 0; i < rounds; ++i) {
    hits.emplace_back("ping");
    hits.emplace_back("pong");
  }
  return hits;
}

// Every test runs on one thread and on two.
class PingPong : public testing::TestWithParam<int> {};
INSTANTIATE_TEST_SUITE_P(Maxprocs, PingPong, testing::Values(1, 2), gort_test::maxprocs_name);

TEST_P(PingPong, AlternatesStrictlyForManyRounds) {
  grading::graded(
      [] {
        umpire u;
        EXPECT_EQ(u.play(100), alternating(100));
        EXPECT_FALSE(u.overlapped()) << "a player hit while the other was still hitting";
        EXPECT_TRUE(grading::goroutines_settle_at(1)) << "a player never ended";
      },
      GetParam());
}

TEST_P(PingPong, OneRoundIsPingThenPong) {
  grading::graded(
      [] {
        umpire u;
        EXPECT_EQ(u.play(1), alternating(1));
        EXPECT_FALSE(u.overlapped()) << "a player hit while the other was still hitting";
        EXPECT_TRUE(grading::goroutines_settle_at(1)) << "a player never ended";
      },
      GetParam());
}

TEST_P(PingPong, ZeroRoundsHitsNothingAndEnds) {
  grading::graded(
      [] {
        umpire u;
        EXPECT_EQ(u.play(0), alternating(0));
        EXPECT_TRUE(grading::goroutines_settle_at(1)) << "a player never ended";
        EXPECT_EQ(u.play(2), alternating(2)) << "a second game after an empty one";
      },
      GetParam());
}

TEST_P(PingPong, ThePlayersAreTwoGoroutinesOtherThanTheCaller) {
  grading::graded(
      [] {
        umpire u;
        EXPECT_EQ(u.play(20), alternating(20));
        EXPECT_EQ(u.most_goroutines(), 3)
            << "during the game expected the caller and exactly two players to be live";
        EXPECT_TRUE(grading::goroutines_settle_at(1)) << "a player never ended";
      },
      GetParam());
}

TEST_P(PingPong, GamesOneAfterAnotherLeaveNoGoroutine) {
  grading::graded(
      [] {
        for (int rounds : {3, 1, 0, 7}) {
          umpire u;
          EXPECT_EQ(u.play(rounds), alternating(rounds)) << rounds << " rounds";
        }
        EXPECT_TRUE(grading::goroutines_settle_at(1)) << "a player never ended";
      },
      GetParam());
}

}  // namespace
