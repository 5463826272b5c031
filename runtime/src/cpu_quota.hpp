// SPDX-License-Identifier: MIT
// cpu_quota: how many CPUs this process may use, from the affinity mask and
// the cgroup (v1 or v2) CPU quota, as Go 1.25's GOMAXPROCS default reads them.
//
// The parsers take file contents, so tests feed them sample files; cpu_limit
// reads a whole fake filesystem tree when given its root.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gort::detail {

// parse_cpu_max() reads cgroup v2's cpu.max ("400000 100000", or "max 100000"
// for no limit) and returns the limit in CPUs.
std::optional<double> parse_cpu_max(std::string_view text);

// parse_cfs_quota() reads cgroup v1's cpu.cfs_quota_us and cpu.cfs_period_us
// (quota -1 means no limit) and returns the limit in CPUs.
std::optional<double> parse_cfs_quota(std::string_view quota_us, std::string_view period_us);

// cgroup_mount: one cgroup hierarchy mounted in the filesystem, from /proc/self/mountinfo.
struct cgroup_mount {
  std::string root;         // the hierarchy path the mount shows at its mount point
  std::string mount_point;
  bool v2 = false;          // cgroup2; otherwise a v1 hierarchy with the cpu controller
};

// parse_mountinfo() finds the cgroup2 mount and the cgroup v1 mounts that carry
// the cpu controller.
std::vector<cgroup_mount> parse_mountinfo(std::string_view mountinfo);

// parse_proc_cgroup() returns this process's path in the v2 hierarchy
// ("0::/path") or in the v1 hierarchy holding the cpu controller; nullopt if absent.
std::optional<std::string> parse_proc_cgroup(std::string_view proc_self_cgroup, bool v2);

// cgroup_cpu_limit() is the smallest CPU limit set on this process's cgroup or
// any ancestor, read from the filesystem under root ("/" in production).
std::optional<double> cgroup_cpu_limit(const std::filesystem::path& root);

// cpus_for() combines the affinity count and a cgroup limit: the limit rounded
// up, never above the affinity count, never below 1.
int cpus_for(int affinity_cpus, std::optional<double> cgroup_limit);

}  // namespace gort::detail
