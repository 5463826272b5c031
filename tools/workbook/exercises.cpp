// SPDX-License-Identifier: MIT
// The project's exercises, examples and hints on disk; the learner's progress file.
#include "exercises.hpp"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <stdexcept>

#include "messages.hpp"

namespace workbook {
namespace {

// normalized() turns "1" or "01" into "01"; empty if it is not a number.
std::string normalized(const std::string& number) {
  if (number.empty() || number.size() > 2 ||
      !std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return {};
  }
  return number.size() == 1 ? "0" + number : number;
}

}  // namespace

std::vector<exercise> project::exercises() const {
  const fs::path manifest = root / "exercises" / "manifest.json";
  std::ifstream in(manifest);
  if (!in) throw std::runtime_error("cannot read " + manifest.string());
  std::vector<exercise> found;
  try {
    const nlohmann::json listed = nlohmann::json::parse(in);
    for (const auto& entry : listed.at("exercises")) {
      exercise e{entry.at("number").get<std::string>(),
                 entry.at("name").get<std::string>(),
                 entry.at("chapter").get<int>(),
                 entry.at("examples").get<std::vector<std::string>>(),
                 entry.at("points").get<int>(),
                 entry.value("race_check", false),
                 {}};
      e.dir = root / "exercises" / e.id();
      found.push_back(std::move(e));
    }
  } catch (const nlohmann::json::exception& error) {
    throw std::runtime_error(manifest.string() + ": " + error.what());
  }
  return found;
}

std::optional<exercise> project::find_exercise(const std::string& number) const {
  const std::string wanted = normalized(number);
  for (const exercise& e : exercises()) {
    if (e.number == wanted) return e;
  }
  return std::nullopt;
}

std::optional<std::string> project::find_example(const std::string& number) const {
  const std::string wanted = normalized(number);
  if (wanted.empty()) return std::nullopt;
  for (const auto& chapter : fs::directory_iterator(root / "chapters")) {
    if (!chapter.is_directory()) continue;
    for (const auto& example : fs::directory_iterator(chapter.path())) {
      const std::string name = example.path().filename().string();
      if (example.is_directory() && name.starts_with(wanted + "_")) return name;
    }
  }
  return std::nullopt;
}

std::vector<std::string> project::hints(const exercise& e) const {
  // The Chinese README's hints are under "## 提示"; an exercise without one
  // keeps its English hints (manifest_test makes sure that none is missing).
  const bool chinese = current_language() == language::zh && fs::exists(e.dir / "README.zh.md");
  std::ifstream readme(e.dir / (chinese ? "README.zh.md" : "README.md"));
  const std::string heading = chinese ? "## 提示" : "## Hints";
  std::vector<std::string> found;
  bool in_hints = false;
  const std::regex numbered("^[0-9]+\\.\\s+(.*)$");
  for (std::string line; std::getline(readme, line);) {
    if (line.starts_with("## ")) in_hints = line == heading;
    std::smatch match;
    if (in_hints && std::regex_match(line, match, numbered)) found.push_back(match[1]);
  }
  return found;
}

progress::progress(fs::path file) : file_(std::move(file)) {
  std::ifstream in(file_);
  for (std::string kind, id; in >> kind >> id;) {
    if (kind == "result") {
      result r;
      in >> r.passed >> r.total;
      results_[id] = r;
    } else if (kind == "hints") {
      in >> hints_[id];
    }
  }
}

std::optional<progress::result> progress::result_of(const std::string& id) const {
  auto it = results_.find(id);
  if (it == results_.end()) return std::nullopt;
  return it->second;
}

void progress::set_result(const std::string& id, result r) { results_[id] = r; }

int progress::hints_shown(const std::string& id) const {
  auto it = hints_.find(id);
  return it == hints_.end() ? 0 : it->second;
}

void progress::set_hints_shown(const std::string& id, int n) { hints_[id] = n; }

void progress::save() const {
  fs::create_directories(file_.parent_path());
  std::ofstream out(file_);
  for (const auto& [id, r] : results_)
    out << "result " << id << ' ' << r.passed << ' ' << r.total << '\n';
  for (const auto& [id, n] : hints_) out << "hints " << id << ' ' << n << '\n';
}

}  // namespace workbook
