// SPDX-License-Identifier: MIT
// exercises/manifest.json is the one list of the exercises: these tests fail
// when the folders, the graded tests, the READMEs or the book disagree with it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>
#include <string>

namespace {

namespace fs = std::filesystem;
const fs::path kRoot = PROJECT_SOURCE_DIR;

std::string read(const fs::path& file) {
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

nlohmann::json manifest() {
  return nlohmann::json::parse(read(kRoot / "exercises/manifest.json")).at("exercises");
}

std::string id_of(const nlohmann::json& e) {
  return e.at("number").get<std::string>() + "_" + e.at("name").get<std::string>();
}

// folders() is the NN_name entries of dir; with suffix, of the files ending in it.
std::set<std::string> folders(const fs::path& dir, const std::string& suffix = "") {
  std::set<std::string> found;
  const std::regex numbered("^[0-9]{2}_[a-z_]+$");
  for (const auto& entry : fs::directory_iterator(dir)) {
    std::string name = entry.path().filename().string();
    if (!suffix.empty()) {
      if (!name.ends_with(suffix)) continue;
      name.resize(name.size() - suffix.size());
    }
    if (std::regex_match(name, numbered)) found.insert(name);
  }
  return found;
}

// chapter_of_example() maps "06" to 2, from the book's "## Chapter N" and "### NN name —" headings.
std::map<std::string, int> chapter_of_example(const std::string& book) {
  std::map<std::string, int> chapters;
  std::istringstream in(book);
  int chapter = 0;
  const std::regex chapter_heading("^## Chapter ([0-9]+):.*");
  const std::regex example_heading("^### ([0-9]{2}) [a-z_]+ — .*");
  for (std::string line; std::getline(in, line);) {
    std::smatch match;
    if (std::regex_match(line, match, chapter_heading)) chapter = std::stoi(match[1]);
    if (std::regex_match(line, match, example_heading)) chapters[match[1]] = chapter;
  }
  return chapters;
}

TEST(Manifest, ListsEveryExerciseFolderSolutionAndGradedTestOnce) {
  std::set<std::string> listed;
  for (const auto& e : manifest())
    EXPECT_TRUE(listed.insert(id_of(e)).second) << id_of(e) << " twice";
  EXPECT_EQ(listed.size(), 23u);
  EXPECT_EQ(folders(kRoot / "exercises"), listed) << "exercises/";
  EXPECT_EQ(folders(kRoot / "solutions"), listed) << "solutions/";
  EXPECT_EQ(folders(kRoot / "tests/exercises", "_test.cpp"), listed) << "tests/exercises/";
  for (const std::string& other : folders(kRoot / "tests/exercises/alternatives")) {
    EXPECT_TRUE(listed.contains(other))
        << "tests/exercises/alternatives/" << other << " is no exercise";
  }
}

TEST(Manifest, StubAndSolutionShareOneHeader) {
  // A header in solutions/ is there only when the learner writes part of it.
  for (const auto& e : manifest()) {
    for (const auto& file : fs::directory_iterator(kRoot / "solutions" / id_of(e))) {
      if (file.path().extension() != ".hpp") continue;
      const fs::path stub = kRoot / "exercises" / id_of(e) / file.path().filename();
      EXPECT_NE(read(file.path()), read(stub)) << file.path() << " is a copy of " << stub;
    }
  }
}

TEST(Manifest, EveryExerciseHasPointsAndHintsWhereItSays) {
  for (const auto& e : manifest()) {
    EXPECT_GT(e.at("points").get<int>(), 0) << id_of(e);
    const std::string hints = e.at("hints");
    EXPECT_EQ(hints, "exercises/" + id_of(e) + "/README.md#hints");
    const std::string readme = read(kRoot / hints.substr(0, hints.find('#')));
    EXPECT_THAT(readme, testing::HasSubstr("\n## Hints\n1. ")) << hints;
  }
}

// hints_under() counts the numbered lines under heading, as workbook reads them.
int hints_under(const std::string& readme, const std::string& heading) {
  std::istringstream in(readme);
  const std::regex numbered("^[0-9]+\\.\\s+.*$");
  bool inside = false;
  int count = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.starts_with("## ")) inside = line == heading;
    if (inside && std::regex_match(line, numbered)) ++count;
  }
  return count;
}

TEST(Manifest, EveryExerciseHasAChineseReadmeWithAllItsHints) {
  for (const auto& e : manifest()) {
    const fs::path dir = kRoot / "exercises" / id_of(e);
    ASSERT_TRUE(fs::exists(dir / "README.zh.md")) << id_of(e) << " has no README.zh.md";
    const std::string en = read(dir / "README.md");
    const std::string zh = read(dir / "README.zh.md");
    EXPECT_EQ(zh.substr(0, zh.find('\n')), en.substr(0, en.find('\n')))
        << id_of(e) << ": the same title line";
    EXPECT_GT(hints_under(zh, "## 提示"), 0) << id_of(e);
    EXPECT_EQ(hints_under(zh, "## 提示"), hints_under(en, "## Hints"))
        << id_of(e) << ": every hint, in Chinese";
  }
}

TEST(Manifest, AnExerciseGradedForRacesSaysSo) {
  // Fair grading: the race detector is a graded test, so the README promises it.
  int checked = 0;
  for (const auto& e : manifest()) {
    const bool race_check = e.contains("race_check");
    if (race_check) {
      ASSERT_TRUE(e.at("race_check").is_boolean()) << id_of(e) << ": race_check is true or false";
      ASSERT_TRUE(e.at("race_check").get<bool>()) << id_of(e) << ": leave race_check out instead";
      ++checked;
    }
    for (const char* name : {"README.md", "README.zh.md"}) {
      const std::string readme = read(kRoot / "exercises" / id_of(e) / name);
      EXPECT_EQ(readme.find("`race detector`") != std::string::npos, race_check)
          << id_of(e) << ": its " << name
          << " says it has a race detector test exactly when the manifest does";
    }
  }
  EXPECT_GT(checked, 0);
}

TEST(Manifest, CourseOrderNeedsNothingTaughtLater) {
  const auto chapters = chapter_of_example(read(kRoot / "book.md"));
  int chapter = 0;
  std::string last_seen = "00";
  for (const auto& e : manifest()) {
    const int its = e.at("chapter");
    EXPECT_GE(its, chapter) << id_of(e) << " comes after an exercise of a later chapter";
    chapter = its;
    const auto examples = e.at("examples").get<std::vector<std::string>>();
    ASSERT_FALSE(examples.empty()) << id_of(e);
    for (const std::string& example : examples) {
      ASSERT_TRUE(chapters.contains(example))
          << id_of(e) << ": no example " << example << " in book.md";
      EXPECT_LE(chapters.at(example), its)
          << id_of(e) << " practises example " << example << " of a later chapter";
    }
    const std::string last = *std::max_element(examples.begin(), examples.end());
    EXPECT_EQ(chapters.at(last), its) << id_of(e) << ": its last example is in another chapter";
    EXPECT_GE(last, last_seen) << id_of(e)
                               << " needs an earlier example than the exercise before it";
    last_seen = last;
  }
}

// edition is how one book words an exercise's offer, its entry and the
// heading of its chapter's exercises.
struct edition {
  std::string file;
  std::function<std::string(const std::string&number, const std::string&name)> offer, entry;
  std::function<std::string(int chapter)> exercises_heading;
};

// expect_offers() checks that book offers each exercise once, in the section
// of its last example and in course order, and lists it among its chapter's.
void expect_offers(const edition& e) {
  const std::string book = read(kRoot / e.file);
  std::size_t previous_try = 0;
  std::size_t previous_entry = 0;
  for (const auto& x : manifest()) {
    const std::string number = x.at("number");
    const std::string name = x.at("name");
    const auto examples = x.at("examples").get<std::vector<std::string>>();
    const std::string last = *std::max_element(examples.begin(), examples.end());
    const std::string offer = e.offer(number, name);
    const auto at = book.find(offer);
    ASSERT_NE(at, std::string::npos) << e.file << ": " << offer;
    EXPECT_EQ(book.find(offer, at + 1), std::string::npos) << offer << " twice";
    const auto section = book.rfind("\n### ", at);
    EXPECT_EQ(book.compare(section + 5, 3, last + " "), 0)
        << offer << " is not in the section of example " << last;
    EXPECT_GT(at, previous_try) << offer << " comes before the exercise listed before it";
    previous_try = at;

    const std::string entry = e.entry(number, name);
    const auto entry_at = book.find(entry);
    ASSERT_NE(entry_at, std::string::npos) << e.file << ": " << entry;
    const std::string heading = e.exercises_heading(x.at("chapter").get<int>());
    EXPECT_EQ(book.rfind("\n### ", entry_at), book.rfind(heading, entry_at))
        << entry << " is not among its chapter's exercises";
    EXPECT_GT(entry_at, previous_entry) << entry << " is out of course order";
    previous_entry = entry_at;
  }
}

TEST(Manifest, TheBookOffersEachExerciseAfterItsLastExampleInCourseOrder) {
  expect_offers(
      {"book.md",
       [](const std::string& n, const std::string& name) {
         return "**Try exercise " + n + " now:** " + name;
       },
       [](const std::string& n, const std::string& name) { return "**" + n + " " + name + ".**"; },
       [](int chapter) {
         return "\n### Exercises for chapter " + std::to_string(chapter) + "\n";
       }});
}

TEST(Manifest, TheChineseBookOffersEachExerciseWhereTheEnglishOneDoes) {
  expect_offers(
      {"book.zh.md",
       [](const std::string& n, const std::string& name) {
         return "**现在做练习 " + n + "：** " + name;
       },
       [](const std::string& n, const std::string& name) { return "**" + n + " " + name + "。**"; },
       [](int chapter) { return "\n### 第 " + std::to_string(chapter) + " 章的练习\n"; }});
}

}  // namespace
