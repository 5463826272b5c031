// SPDX-License-Identifier: MIT
// num_cpu: the cgroup v1 and v2 CPU quota parsers, on sample files and on fake
// filesystem trees shaped like a container's.
#include <gtest/gtest.h>

#include <cpu_quota.hpp>
#include <filesystem>
#include <fstream>
#include <gort/gort.hpp>
#include <thread>

namespace {

namespace fs = std::filesystem;
using gort::detail::cgroup_cpu_limit;
using gort::detail::cpus_for;
using gort::detail::parse_cfs_quota;
using gort::detail::parse_cpu_max;
using gort::detail::parse_mountinfo;
using gort::detail::parse_proc_cgroup;

TEST(CpuMax, ParsesQuotaOverPeriod) {
  EXPECT_EQ(parse_cpu_max("400000 100000\n"), 4.0);
  EXPECT_EQ(parse_cpu_max("150000 100000"), 1.5);
  EXPECT_EQ(parse_cpu_max("max 100000\n"), std::nullopt);
  EXPECT_EQ(parse_cpu_max(""), std::nullopt);
  EXPECT_EQ(parse_cpu_max("garbage"), std::nullopt);
  EXPECT_EQ(parse_cpu_max("100000 0"), std::nullopt);
}

TEST(CfsQuota, ParsesQuotaAndPeriodFiles) {
  EXPECT_EQ(parse_cfs_quota("200000\n", "100000\n"), 2.0);
  EXPECT_EQ(parse_cfs_quota("-1\n", "100000\n"), std::nullopt);
  EXPECT_EQ(parse_cfs_quota("50000", "100000"), 0.5);
  EXPECT_EQ(parse_cfs_quota("x", "100000"), std::nullopt);
}

TEST(Mountinfo, FindsCgroup2AndTheV1CpuHierarchy) {
  const auto mounts = parse_mountinfo(
      "22 1 0:21 / /proc rw,nosuid - proc proc rw\n"
      "30 25 0:26 / /sys/fs/cgroup ro,nosuid shared:4 - cgroup2 cgroup2 rw,nsdelegate\n"
      "31 25 0:27 /docker/abc /sys/fs/cgroup/cpu,cpuacct rw shared:5 - cgroup cgroup rw,cpu,cpuacct\n"
      "32 25 0:28 / /sys/fs/cgroup/memory rw shared:6 - cgroup cgroup rw,memory\n");
  ASSERT_EQ(mounts.size(), 2u);
  EXPECT_TRUE(mounts[0].v2);
  EXPECT_EQ(mounts[0].mount_point, "/sys/fs/cgroup");
  EXPECT_FALSE(mounts[1].v2);
  EXPECT_EQ(mounts[1].root, "/docker/abc");
  EXPECT_EQ(mounts[1].mount_point, "/sys/fs/cgroup/cpu,cpuacct");
}

TEST(ProcCgroup, FindsThePathPerVersion) {
  const char* hybrid = "12:memory:/docker/abc\n4:cpu,cpuacct:/docker/abc\n0::/system.slice/x.service\n";
  EXPECT_EQ(parse_proc_cgroup(hybrid, true), "/system.slice/x.service");
  EXPECT_EQ(parse_proc_cgroup(hybrid, false), "/docker/abc");
  EXPECT_EQ(parse_proc_cgroup("0::/\n", false), std::nullopt);
  EXPECT_EQ(parse_proc_cgroup("5:cpuset:/a\n", true), std::nullopt);
}

TEST(CpusFor, RoundsTheLimitUpAndKeepsWithinAffinity) {
  EXPECT_EQ(cpus_for(48, 4.0), 4) << "the course text's container: 48 host cores, 4 allowed";
  EXPECT_EQ(cpus_for(48, 1.5), 2);
  EXPECT_EQ(cpus_for(48, 0.2), 1);
  EXPECT_EQ(cpus_for(2, 8.0), 2);
  EXPECT_EQ(cpus_for(6, std::nullopt), 6);
  EXPECT_EQ(cpus_for(0, std::nullopt), 1);
}

// fake_root is a temporary directory tree standing in for "/".
class FakeRoot : public testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            ("gort-cgroup-" + std::to_string(::getpid()) + "-" +
             testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
  }
  void TearDown() override { fs::remove_all(root_); }

  void write(const std::string& path, const std::string& text) {
    const fs::path file = root_ / path;
    fs::create_directories(file.parent_path());
    std::ofstream(file) << text;
  }

  fs::path root_;
};

TEST_F(FakeRoot, CgroupV2ContainerWithFourCpus) {
  write("proc/self/mountinfo", "30 25 0:26 / /sys/fs/cgroup rw - cgroup2 cgroup2 rw\n");
  write("proc/self/cgroup", "0::/kubepods/pod1/ctr\n");
  write("sys/fs/cgroup/cpu.max", "max 100000\n");
  write("sys/fs/cgroup/kubepods/cpu.max", "max 100000\n");
  write("sys/fs/cgroup/kubepods/pod1/ctr/cpu.max", "400000 100000\n");
  EXPECT_EQ(cgroup_cpu_limit(root_), 4.0);
  EXPECT_EQ(cpus_for(48, cgroup_cpu_limit(root_)), 4);
}

TEST_F(FakeRoot, CgroupV2AncestorLimitApplies) {
  write("proc/self/mountinfo", "30 25 0:26 / /sys/fs/cgroup rw - cgroup2 cgroup2 rw\n");
  write("proc/self/cgroup", "0::/parent/child\n");
  write("sys/fs/cgroup/parent/cpu.max", "250000 100000\n");
  write("sys/fs/cgroup/parent/child/cpu.max", "max 100000\n");
  EXPECT_EQ(cgroup_cpu_limit(root_), 2.5);
}

TEST_F(FakeRoot, CgroupV1MountedAtTheContainersOwnPath) {
  write("proc/self/mountinfo",
        "31 25 0:27 /docker/abc /sys/fs/cgroup/cpu,cpuacct rw - cgroup cgroup rw,cpu,cpuacct\n");
  write("proc/self/cgroup", "4:cpu,cpuacct:/docker/abc\n");
  write("sys/fs/cgroup/cpu,cpuacct/cpu.cfs_quota_us", "300000\n");
  write("sys/fs/cgroup/cpu,cpuacct/cpu.cfs_period_us", "100000\n");
  EXPECT_EQ(cgroup_cpu_limit(root_), 3.0);
}

TEST_F(FakeRoot, NoQuotaAndNoCgroupFilesMeanNoLimit) {
  EXPECT_EQ(cgroup_cpu_limit(root_), std::nullopt);
  write("proc/self/mountinfo", "30 25 0:26 / /sys/fs/cgroup rw - cgroup2 cgroup2 rw\n");
  write("proc/self/cgroup", "0::/\n");
  write("sys/fs/cgroup/cpu.max", "max 100000\n");
  EXPECT_EQ(cgroup_cpu_limit(root_), std::nullopt);
}

TEST(NumCpu, HonoursTheAffinityMask) {
  cpu_set_t saved;
  ASSERT_EQ(::sched_getaffinity(0, sizeof saved, &saved), 0);
  EXPECT_EQ(gort::num_cpu(), cpus_for(CPU_COUNT(&saved), cgroup_cpu_limit("/")));
  cpu_set_t one;
  CPU_ZERO(&one);
  for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu) {
    if (CPU_ISSET(cpu, &saved)) {
      CPU_SET(cpu, &one);
      break;
    }
  }
  ASSERT_EQ(::sched_setaffinity(0, sizeof one, &one), 0);
  EXPECT_EQ(gort::num_cpu(), 1);
  ASSERT_EQ(::sched_setaffinity(0, sizeof saved, &saved), 0);
}

}  // namespace
