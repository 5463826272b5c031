// SPDX-License-Identifier: MIT
// Chapter 2, channels: each example prints what the course says it does.
#include "example_test.hpp"

namespace {

using gort_test::expected_output;
using gort_test::run_example;
using testing::HasSubstr;

TEST(Channels, SendDataPrintsTheCitiesInOrder) {
  const auto run = run_example("06_send_data");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, expected_output("channels/06_send_data"));
}

TEST(Channels, SendDataRejectsABadDuration) {
  const auto run = run_example("06_send_data", {"--wait", "soon"});
  EXPECT_NE(run.exit_code, 0);
  EXPECT_THAT(run.err, HasSubstr("'soon' is not a duration like 1s or 250ms"));
}

}  // namespace
