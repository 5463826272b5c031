// SPDX-License-Identifier: MIT
// Exercise 21: web_crawler, over a fake web that counts every fetch.
#include <atomic>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "exercise_test.hpp"
#include "web_crawler.hpp"

namespace {

using grading::at_once;
using exercise::crawl;
using exercise::page;
using grading::graded;
using bodies = std::map<std::string, std::string>;

// fake_web serves a fixed set of pages and counts the fetches of every URL.
// Fetches of the URLs in `gated` visit a probe first.
class fake_web {
 public:
  explicit fake_web(std::map<std::string, page> pages, at_once* probe = nullptr,
                    std::set<std::string> gated = {})
      : pages_(std::move(pages)), probe_(probe), gated_(std::move(gated)) {}

  exercise::fetcher fetcher() {
    return [this](const std::string& url) { return fetch(url); };
  }

  // fetches() is how many times each URL was fetched.
  std::map<std::string, int> fetches() const {
    std::lock_guard lock(mu_);
    return fetches_;
  }

 private:
  std::optional<page> fetch(const std::string& url) {
    {
      std::lock_guard lock(mu_);
      ++fetches_[url];
    }
    // A real fetch waits for the network, some URLs longer than others: let
    // other goroutines run meanwhile, a number of times that depends on url.
    int chars = 0;
    for (char c : url) chars += c;
    for (int i = 0; i <= chars % 7; ++i) gort::gosched();
    if (probe_ != nullptr && gated_.contains(url)) probe_->visit();
    const auto found = pages_.find(url);
    if (found == pages_.end()) return std::nullopt;
    return found->second;
  }

  const std::map<std::string, page> pages_;
  at_once* const probe_;
  const std::set<std::string> gated_;
  mutable gort::mutex mu_;  // guards fetches_
  std::map<std::string, int> fetches_;
};

// site() is a small site with links back up, across, and to a missing page.
std::map<std::string, page> site() {
  return {
      {"/", {"home", {"/docs", "/blog", "/missing"}}},
      {"/docs", {"docs", {"/", "/docs/chan", "/docs/select", "/blog"}}},
      {"/docs/chan", {"chan", {"/docs", "/"}}},
      {"/docs/select", {"select", {"/docs"}}},
      {"/blog", {"blog", {"/"}}},
  };
}

// ring() is n pages, /1 → /2 → … → /n → /1.
std::map<std::string, page> ring(int n) {
  std::map<std::string, page> pages;
  for (int i = 1; i <= n; ++i) {
    pages["/" + std::to_string(i)] = {"page " + std::to_string(i),
                                      {"/" + std::to_string(i % n + 1)}};
  }
  return pages;
}

// everyone_links_everyone() is n pages that each link to all n, themselves included.
std::map<std::string, page> everyone_links_everyone(int n) {
  std::vector<std::string> all;
  for (int i = 0; i < n; ++i) all.push_back("/" + std::to_string(i));
  std::map<std::string, page> pages;
  for (const std::string& url : all) pages[url] = {"body of " + url, all};
  return pages;
}

// once_each() is a fetch count of 1 for each URL.
std::map<std::string, int> once_each(const std::vector<std::string>& urls) {
  std::map<std::string, int> counts;
  for (const std::string& url : urls) counts[url] = 1;
  return counts;
}

TEST(WebCrawler, FetchesEveryReachablePageOnce) {
  graded([] {
    fake_web web(site());
    EXPECT_EQ(crawl("/", 3, web.fetcher()), (bodies{{"/", "home"},
                                                    {"/docs", "docs"},
                                                    {"/docs/chan", "chan"},
                                                    {"/docs/select", "select"},
                                                    {"/blog", "blog"}}));
    EXPECT_EQ(web.fetches(),
              once_each({"/", "/docs", "/docs/chan", "/docs/select", "/blog", "/missing"}));
    EXPECT_TRUE(grading::goroutines_settle_at(1)) << "a fetching goroutine never ended";
  });
}

TEST(WebCrawler, StopsAtTheDepth) {
  graded([] {
    fake_web two(site());
    EXPECT_EQ(crawl("/", 2, two.fetcher()),
              (bodies{{"/", "home"}, {"/docs", "docs"}, {"/blog", "blog"}}));
    EXPECT_EQ(two.fetches(), once_each({"/", "/docs", "/blog", "/missing"}));

    fake_web one(site());
    EXPECT_EQ(crawl("/", 1, one.fetcher()), (bodies{{"/", "home"}}));
    EXPECT_EQ(one.fetches(), once_each({"/"}));

    fake_web deep(site());
    EXPECT_EQ(crawl("/", 50, deep.fetcher()).size(), 5u);
    EXPECT_EQ(deep.fetches().size(), 6u);
    EXPECT_TRUE(grading::goroutines_settle_at(1));
  });
}

TEST(WebCrawler, DepthZeroFetchesNothing) {
  graded([] {
    fake_web web(site());
    EXPECT_TRUE(crawl("/", 0, web.fetcher()).empty());
    EXPECT_TRUE(crawl("/", -1, web.fetcher()).empty());
    EXPECT_TRUE(web.fetches().empty()) << "fetched with no depth left";
    EXPECT_TRUE(grading::goroutines_settle_at(1));
  });
}

TEST(WebCrawler, MissingStartPageGivesNothing) {
  graded([] {
    fake_web web(site());
    EXPECT_TRUE(crawl("/nowhere", 3, web.fetcher()).empty());
    EXPECT_EQ(web.fetches(), once_each({"/nowhere"}));
    EXPECT_TRUE(grading::goroutines_settle_at(1));
  });
}

TEST(WebCrawler, FollowsACycleOnceAroundAndNoFurther) {
  graded([] {
    fake_web part(ring(10));
    EXPECT_EQ(crawl("/1", 4, part.fetcher()),
              (bodies{{"/1", "page 1"}, {"/2", "page 2"}, {"/3", "page 3"}, {"/4", "page 4"}}));
    EXPECT_EQ(part.fetches(), once_each({"/1", "/2", "/3", "/4"}));

    fake_web whole(ring(10));
    EXPECT_EQ(crawl("/7", 100, whole.fetcher()).size(), 10u);
    for (const auto& [url, count] : whole.fetches()) EXPECT_EQ(count, 1) << url;
    EXPECT_EQ(whole.fetches().size(), 10u);
    EXPECT_TRUE(grading::goroutines_settle_at(1));
  });
}

TEST(WebCrawler, FetchesEachUrlOnceWhenManyPagesLinkToIt) {
  // 40 pages found at once, each linking to all 40: 1600 links, 40 fetches.
  for (int maxprocs : {1, 2, 4}) {
    SCOPED_TRACE("maxprocs " + std::to_string(maxprocs));
    graded(
        [] {
          fake_web web(everyone_links_everyone(40));
          EXPECT_EQ(crawl("/0", 3, web.fetcher()).size(), 40u);
          const auto fetches = web.fetches();
          EXPECT_EQ(fetches.size(), 40u);
          for (const auto& [url, count] : fetches) EXPECT_EQ(count, 1) << url << " fetched again";
          EXPECT_TRUE(grading::goroutines_settle_at(1)) << "a fetching goroutine never ended";
        },
        maxprocs);
    if (HasFailure()) return;
  }
}

TEST(WebCrawler, FetchesLinkedPagesInParallel) {
  // The hub links to four pages; each of their fetches waits until all four
  // are being fetched at once.
  for (int maxprocs : {1, 2}) {
    SCOPED_TRACE("maxprocs " + std::to_string(maxprocs));
    graded(
        [] {
          at_once probe(4);
          fake_web web({{"/hub", {"hub", {"/a", "/b", "/c", "/d"}}},
                        {"/a", {"a", {"/hub"}}},
                        {"/b", {"b", {"/hub"}}},
                        {"/c", {"c", {"/hub"}}},
                        {"/d", {"d", {"/hub"}}}},
                       &probe, {"/a", "/b", "/c", "/d"});
          EXPECT_EQ(crawl("/hub", 2, web.fetcher()).size(), 5u);
          EXPECT_TRUE(probe.reached()) << "the four linked pages were not fetched at the same time";
          EXPECT_EQ(web.fetches(), once_each({"/hub", "/a", "/b", "/c", "/d"}));
          EXPECT_TRUE(grading::goroutines_settle_at(1));
        },
        maxprocs);
    if (HasFailure()) return;
  }
}

}  // namespace
