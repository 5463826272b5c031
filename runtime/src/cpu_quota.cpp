// SPDX-License-Identifier: MIT
// cpu_quota: see cpu_quota.hpp.
#include "cpu_quota.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

#include "parse.hpp"

namespace gort::detail {
namespace {

std::string_view trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    const auto end = s.find(sep, start);
    parts.push_back(s.substr(start, end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

std::optional<double> quota_over_period(std::optional<long long> quota,
                                        std::optional<long long> period) {
  if (!quota || !period || *quota <= 0 || *period <= 0) return std::nullopt;
  return static_cast<double>(*quota) / static_cast<double>(*period);
}

std::optional<std::string> read_file(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// limit_at() is the CPU limit set in one cgroup directory, if any.
std::optional<double> limit_at(const std::filesystem::path& dir, bool v2) {
  if (v2) {
    auto cpu_max = read_file(dir / "cpu.max");
    return cpu_max ? parse_cpu_max(*cpu_max) : std::nullopt;
  }
  auto quota = read_file(dir / "cpu.cfs_quota_us");
  auto period = read_file(dir / "cpu.cfs_period_us");
  return quota && period ? parse_cfs_quota(*quota, *period) : std::nullopt;
}

}  // namespace

std::optional<double> parse_cpu_max(std::string_view text) {
  const auto fields = split(trim(text), ' ');
  if (fields.size() != 2 || fields[0] == "max") return std::nullopt;
  return quota_over_period(parse_number<long long>(trim(fields[0])),
                           parse_number<long long>(trim(fields[1])));
}

std::optional<double> parse_cfs_quota(std::string_view quota_us, std::string_view period_us) {
  return quota_over_period(parse_number<long long>(trim(quota_us)),
                           parse_number<long long>(trim(period_us)));
}

std::vector<cgroup_mount> parse_mountinfo(std::string_view mountinfo) {
  // Each line: id parent major:minor root mount-point options [optional...] - fstype source super-options
  std::vector<cgroup_mount> mounts;
  for (std::string_view line : split(mountinfo, '\n')) {
    const auto fields = split(trim(line), ' ');
    const auto dash = std::find(fields.begin(), fields.end(), "-");
    if (fields.size() < 5 || dash == fields.end() || fields.end() - dash < 4) continue;
    const std::string_view fstype = dash[1];
    const std::string_view super_options = dash[3];
    const auto controllers = split(super_options, ',');
    const bool v1_cpu = fstype == "cgroup" &&
                        std::find(controllers.begin(), controllers.end(), "cpu") != controllers.end();
    if (fstype == "cgroup2" || v1_cpu) {
      mounts.push_back({std::string(fields[3]), std::string(fields[4]), fstype == "cgroup2"});
    }
  }
  return mounts;
}

std::optional<std::string> parse_proc_cgroup(std::string_view proc_self_cgroup, bool v2) {
  // Each line: hierarchy-id:controller,list:path — v2 is "0::path".
  for (std::string_view line : split(proc_self_cgroup, '\n')) {
    line = trim(line);
    const auto first = line.find(':');
    const auto second = line.find(':', first + 1);
    if (first == std::string_view::npos || second == std::string_view::npos) continue;
    const std::string_view id = line.substr(0, first);
    const auto controllers = split(line.substr(first + 1, second - first - 1), ',');
    const bool match = v2 ? id == "0" && controllers == std::vector<std::string_view>{""}
                          : std::find(controllers.begin(), controllers.end(), "cpu") !=
                                controllers.end();
    if (match) return std::string(line.substr(second + 1));
  }
  return std::nullopt;
}

std::optional<double> cgroup_cpu_limit(const std::filesystem::path& root) {
  const auto mountinfo = read_file(root / "proc/self/mountinfo");
  const auto membership = read_file(root / "proc/self/cgroup");
  if (!mountinfo || !membership) return std::nullopt;
  std::optional<double> lowest;
  for (const cgroup_mount& mount : parse_mountinfo(*mountinfo)) {
    auto path = parse_proc_cgroup(*membership, mount.v2);
    if (!path) continue;
    // The mount shows the hierarchy from mount.root down; our path lies below it.
    std::string_view below = *path;
    if (mount.root != "/" && below.starts_with(mount.root)) below.remove_prefix(mount.root.size());
    // A limit on the process's cgroup or on any ancestor up to the mount point applies.
    std::filesystem::path dir = root / std::filesystem::path(mount.mount_point).relative_path();
    auto consider = [&](const std::filesystem::path& level) {
      if (auto limit = limit_at(level, mount.v2); limit && (!lowest || *limit < *lowest)) {
        lowest = limit;
      }
    };
    consider(dir);
    for (const auto& part : std::filesystem::path(below).relative_path()) {
      if (part.empty()) continue;
      dir /= part;
      consider(dir);
    }
  }
  return lowest;
}

int cpus_for(int affinity_cpus, std::optional<double> cgroup_limit) {
  int cpus = std::max(affinity_cpus, 1);
  if (cgroup_limit) cpus = std::min(cpus, static_cast<int>(std::ceil(*cgroup_limit)));
  return std::max(cpus, 1);
}

}  // namespace gort::detail
