// SPDX-License-Identifier: MIT
// The Go twins: `go vet` accepts every example's main.go, and where the
// output is deterministic, the Go program prints exactly what its C++ twin
// prints. Without Go (scripts/install-deps.sh --go) these tests are skipped.
#include <cstdlib>
#include <filesystem>

#include "example_test.hpp"

namespace {

using namespace std::chrono_literals;

struct example {
  const char* dir;                // under chapters/
  std::vector<std::string> args;  // given to both twins
};

// PrintTo() names an example in test output by its folder.
void PrintTo(const example& e, std::ostream* out) { *out << e.dir; }

std::string name_of(const example& e) {
  return std::filesystem::path(e.dir).filename().string();
}

void skip_without_go() {
  if (std::string(GO_EXECUTABLE).empty()) {
    GTEST_SKIP() << "Go is not installed (scripts/install-deps.sh --go): Go twin not checked";
  }
}

gort_test::child_result go(const std::vector<std::string>& args) {
  return gort_test::run_child(GO_EXECUTABLE, args, 300s);
}

// All 30 examples, in course order.
const std::vector<example> all_examples = {
    {"goroutines/01_go_sum", {}},
    {"goroutines/02_gosched", {}},
    {"goroutines/03_gomaxprocs", {}},
    {"goroutines/04_parallel_search", {}},
    {"goroutines/05_many_goroutines", {}},
    {"channels/06_send_data", {}},
    {"channels/07_channel_block", {}},
    {"channels/08_pump_suck", {}},
    {"channels/09_deadlock", {}},
    {"channels/10_buffered", {}},
    {"channels/11_semaphore", {}},
    {"channels/12_parallel_for", {}},
    {"channels/13_channel_factory", {}},
    {"channels/14_channel_iterator", {}},
    {"channels/15_producer_consumer", {}},
    {"channels/16_directions", {}},
    {"channels/17_pipeline", {}},
    {"channels/18_close", {}},
    {"select/19_select_same_channel", {}},
    {"select/20_select_two_channels", {}},
    {"select/21_backend_service", {}},
    {"timers/22_ticker", {}},
    {"timers/23_rate_limit", {}},
    {"timers/24_boom", {}},
    {"timers/25_timeout", {}},
    {"patterns/26_pool_mutex", {}},
    {"patterns/27_pool_channels", {}},
    {"patterns/28_lazy_generator", {}},
    {"patterns/29_futures", {}},
    {"patterns/30_data_race", {}},
};

// The examples whose output does not depend on timing or chance.
const std::vector<example> deterministic = {
    {"goroutines/01_go_sum", {}},
    {"goroutines/04_parallel_search", {}},
    {"channels/06_send_data", {}},
    {"channels/07_channel_block", {}},
    {"channels/10_buffered", {}},
    {"channels/11_semaphore", {}},
    {"channels/12_parallel_for", {}},
    {"channels/13_channel_factory", {"--count", "5"}},
    {"channels/14_channel_iterator", {}},
    {"channels/15_producer_consumer", {}},
    {"channels/16_directions", {}},
    {"channels/17_pipeline", {}},
    {"channels/18_close", {}},
    {"select/20_select_two_channels", {}},
    {"patterns/26_pool_mutex", {}},
    {"patterns/27_pool_channels", {}},
    {"patterns/28_lazy_generator", {}},
    {"patterns/29_futures", {}},
    {"patterns/30_data_race", {"--fix", "mutex"}},
};

class GoVet : public testing::TestWithParam<example> {};

TEST_P(GoVet, AcceptsTheGoTwin) {
  skip_without_go();
  const auto vet = go({"vet", std::string(CHAPTERS_DIR) + "/" + GetParam().dir + "/main.go"});
  EXPECT_EQ(vet.exit_code, 0) << vet.err;
}

INSTANTIATE_TEST_SUITE_P(Examples, GoVet, testing::ValuesIn(all_examples),
                         [](const auto& param_info) { return name_of(param_info.param); });

class GoTwin : public testing::TestWithParam<example> {};

TEST_P(GoTwin, PrintsWhatTheCppTwinPrints) {
  skip_without_go();
  const std::string name = name_of(GetParam());
  const std::string go_binary = std::string(GO_TWINS_DIR) + "/" + name;
  const auto build = go({"build", "-o", go_binary,
                         std::string(CHAPTERS_DIR) + "/" + GetParam().dir + "/main.go"});
  ASSERT_EQ(build.exit_code, 0) << build.err;
  const auto go_run = gort_test::run_child(go_binary, GetParam().args, 60s);
  const auto cpp_run = gort_test::run_example(name, GetParam().args);
  EXPECT_EQ(cpp_run.exit_code, go_run.exit_code) << cpp_run.err;
  EXPECT_EQ(cpp_run.out, go_run.out);
}

INSTANTIATE_TEST_SUITE_P(Examples, GoTwin, testing::ValuesIn(deterministic),
                         [](const auto& param_info) { return name_of(param_info.param); });

}  // namespace
