// SPDX-License-Identifier: MIT
// The workbook's view of the project: its exercises and examples on disk, the
// learner's build, and what the learner has done so far.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace workbook {

namespace fs = std::filesystem;

// exercise: one entry of exercises/manifest.json.
struct exercise {
  std::string number;                 // "01"
  std::string name;                   // "sum_in_background"
  int chapter = 0;                    // the book's chapter it belongs to
  std::vector<std::string> examples;  // the examples it practises ("06", "07")
  int points = 0;                     // what a classroom awards for it
  bool race_check = false;            // its tests also run under ThreadSanitizer
  fs::path dir;                       // exercises/01_sum_in_background
  std::string id() const { return number + "_" + name; }
};

// project: where the sources and the learner's build live.
struct project {
  fs::path root;
  fs::path build;

  // exercises() is every exercise in course order, from exercises/manifest.json;
  // it throws std::runtime_error, saying what is wrong, if the manifest is.
  std::vector<exercise> exercises() const;
  // find_exercise() looks one up by number ("1", "01"); nullopt if there is none.
  std::optional<exercise> find_exercise(const std::string& number) const;
  // find_example() is the binary name of example NN ("08_pump_suck"), if any.
  std::optional<std::string> find_example(const std::string& number) const;
  // hints() reads the numbered list under "## Hints" in the exercise's README,
  // or under "## 提示" in its README.zh.md when the language is Chinese.
  std::vector<std::string> hints(const exercise& e) const;
};

// progress: what the learner has reached, kept in the build directory.
class progress {
 public:
  explicit progress(fs::path file);
  struct result {
    int passed = 0;
    int total = 0;
    bool done() const { return total > 0 && passed == total; }
  };
  std::optional<result> result_of(const std::string& id) const;
  void set_result(const std::string& id, result r);
  int hints_shown(const std::string& id) const;
  void set_hints_shown(const std::string& id, int n);
  void save() const;

 private:
  fs::path file_;
  std::map<std::string, result> results_;
  std::map<std::string, int> hints_;
};

}  // namespace workbook
