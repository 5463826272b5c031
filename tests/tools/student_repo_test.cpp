// SPDX-License-Identifier: MIT
// scripts/student-repo, as a teacher uses it: the repository it writes has no
// solutions (nor the alternative ones), builds on its own with the learner
// preset, lists the exercises, fails every untouched exercise, passes every
// exercise once its solution is copied in, and names a data race a learner
// then makes.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "child_process.hpp"

namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using testing::HasSubstr;

const fs::path kRoot = PROJECT_SOURCE_DIR;
const fs::path kRepo = fs::path(PROJECT_BUILD_DIR) / "student-repo";
const fs::path kBuild = kRepo / "build-learner";

struct exercise_entry {
  std::string id;  // 19_locks_vs_channels
  bool race_check = false;
};

std::vector<exercise_entry> exercises() {
  std::ifstream in(kRoot / "exercises/manifest.json");
  const nlohmann::json manifest = nlohmann::json::parse(in);
  std::vector<exercise_entry> found;
  for (const auto& e : manifest.at("exercises")) {
    found.push_back({e.at("number").get<std::string>() + "_" + e.at("name").get<std::string>(),
                     e.value("race_check", false)});
  }
  return found;
}

// build() builds the workbook command and every exercise's graded tests.
gort_test::child_result build() {
  std::vector<std::string> args{"--build", kBuild.string(), "--target", "workbook"};
  for (const exercise_entry& e : exercises()) {
    args.push_back(e.id + "_exercises_test");
    if (e.race_check) args.push_back(e.id + "_exercises_race_test");
  }
  return gort_test::run_child("cmake", args, 900s);
}

gort_test::child_result graded_tests() {
  return gort_test::run_child("ctest", {"--test-dir", kBuild.string(), "-L", "exercises", "-j2",
                                        "--no-tests=error"},
                              600s);
}

TEST(StudentRepo, BuildsAloneFailsEveryStubAndPassesEverySolution) {
  fs::remove_all(kRepo);
  const auto write = gort_test::run_child((kRoot / "scripts/student-repo").string(), {kRepo.string()}, 120s);
  ASSERT_EQ(write.exit_code, 0) << write.err;
  EXPECT_FALSE(fs::exists(kRepo / "solutions"));
  EXPECT_FALSE(fs::exists(kRepo / "tests/exercises/alternatives"));
  EXPECT_FALSE(fs::exists(kRepo / ".ci"));
  EXPECT_TRUE(fs::exists(kRepo / ".github/workflows/classroom.yml"));
  EXPECT_TRUE(fs::exists(kRepo / ".git"));
  EXPECT_NE(gort_test::run_child((kRoot / "scripts/student-repo").string(), {kRepo.string()}, 60s).exit_code, 0)
      << "a folder that is not empty is refused";

  const auto no_solutions = gort_test::run_child(
      "cmake", {"-S", kRepo.string(), "-B", (kRepo / "build-both").string(), "-DWORKBOOK_TRACK=both"}, 300s);
  EXPECT_NE(no_solutions.exit_code, 0);
  EXPECT_THAT(no_solutions.out + no_solutions.err, HasSubstr("configure with `cmake --preset learner`"));

  const auto configure = gort_test::run_child(
      "cmake", {"-S", kRepo.string(), "-B", kBuild.string(), "-G", "Ninja", "-DWORKBOOK_TRACK=exercises",
                "-DCMAKE_BUILD_TYPE=RelWithDebInfo"},
      300s);
  ASSERT_EQ(configure.exit_code, 0) << configure.out << configure.err;
  const auto stubs_built = build();
  ASSERT_EQ(stubs_built.exit_code, 0) << stubs_built.out << stubs_built.err;

  const auto list = gort_test::run_child((kBuild / "bin/workbook").string(),
                                         {"--build", kBuild.string(), "--root", kRepo.string(), "list"}, 60s);
  EXPECT_EQ(list.exit_code, 0) << list.err;
  EXPECT_EQ(std::count(list.out.begin(), list.out.end(), '\n'), 23) << list.out;

  const auto stubs = graded_tests();
  EXPECT_NE(stubs.exit_code, 0);
  EXPECT_THAT(stubs.out, testing::ContainsRegex("\n0% tests passed, [0-9]+ tests failed")) << stubs.out;

  for (const exercise_entry& e : exercises()) {
    for (const auto& file : fs::directory_iterator(kRoot / "solutions" / e.id)) {
      fs::copy_file(file.path(), kRepo / "exercises" / e.id / file.path().filename(),
                    fs::copy_options::overwrite_existing);
    }
  }
  const auto solutions_built = build();
  ASSERT_EQ(solutions_built.exit_code, 0) << solutions_built.out << solutions_built.err;
  const auto solutions = graded_tests();
  EXPECT_EQ(solutions.exit_code, 0) << solutions.out;
  EXPECT_THAT(solutions.out, HasSubstr("100% tests passed"));
  EXPECT_THAT(solutions.out, HasSubstr("exercises.19_locks_vs_channels.race_detector"));

  // A mistake of exercise 19 that gives right results: a worker peeks at the
  // pool without the lock before it takes a task. Every other test passes;
  // the race detector names the line.
  const fs::path file = kRepo / "exercises/19_locks_vs_channels/locks_vs_channels.cpp";
  std::string code = (std::ostringstream() << std::ifstream(file).rdbuf()).str();
  const std::string locked = "          std::lock_guard lock(shared.mu);\n          if (shared.todo.empty()) break;";
  const auto at = code.find(locked);
  ASSERT_NE(at, std::string::npos) << "solutions/19's mutex worker changed; update the mistake made here";
  code.insert(at, "          if (shared.todo.empty()) break;\n");
  std::ofstream(file) << code;
  const auto raced = gort_test::run_child(
      (kBuild / "bin/workbook").string(),
      {"--build", kBuild.string(), "--root", kRepo.string(), "check", "19", "--all"}, 600s);
  EXPECT_NE(raced.exit_code, 0);
  EXPECT_THAT(raced.out, HasSubstr("✗ race detector — data race")) << raced.out;
  EXPECT_EQ(raced.out.find("✗ "), raced.out.rfind("✗ ")) << "only the race detector fails:\n" << raced.out;
  EXPECT_THAT(raced.out, testing::ContainsRegex("    at 19_locks_vs_channels/locks_vs_channels.cpp:[0-9]+"))
      << raced.out;
}

}  // namespace
