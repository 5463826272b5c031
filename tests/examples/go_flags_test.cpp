// SPDX-License-Identifier: MIT
// Go-style duration flags: the examples read "1s", "250ms", "1m30s" as Go does.
#include <gtest/gtest.h>

#include "go_flags.hpp"

namespace {

using namespace std::chrono_literals;
using workbook::parse_go_duration;

TEST(GoDuration, ParsesGoSyntax) {
  EXPECT_EQ(parse_go_duration("1s"), 1s);
  EXPECT_EQ(parse_go_duration("250ms"), 250ms);
  EXPECT_EQ(parse_go_duration("1m30s"), 90s);
  EXPECT_EQ(parse_go_duration("1.5h"), 90min);
  EXPECT_EQ(parse_go_duration("10us"), 10us);
  EXPECT_EQ(parse_go_duration("10µs"), 10us);
  EXPECT_EQ(parse_go_duration("7ns"), 7ns);
  EXPECT_EQ(parse_go_duration("0"), 0ns);
  EXPECT_EQ(parse_go_duration("-1s"), -1s);
  EXPECT_EQ(parse_go_duration("+2ms"), 2ms);
}

TEST(GoDuration, RejectsWhatGoRejects) {
  for (const char* bad : {"", "1", "s", "1x", "abc", "1s2", "--1s", "1..5s"}) {
    EXPECT_EQ(parse_go_duration(bad), std::nullopt) << bad;
  }
}

}  // namespace
