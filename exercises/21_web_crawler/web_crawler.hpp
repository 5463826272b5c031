// SPDX-License-Identifier: MIT
// Exercise 21: web crawler — the Go tour's crawler: fetch pages in parallel,
// and never the same URL twice.
#pragma once

#include <functional>
#include <gort/gort.hpp>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace exercise {

// page is a fetched page: its body and the URLs it links to.
struct page {
  std::string body;
  std::vector<std::string> links;
};

// fetcher fetches one URL: its page, or nullopt if there is none. crawl()
// calls it from many goroutines at once.
using fetcher = std::function<std::optional<page>(const std::string& url)>;

// crawl() fetches start, then the pages it links to, then theirs, up to depth:
// start is fetched with `depth` left, its links with depth - 1, and so on; a
// URL reached with no depth left is not fetched (depth <= 0 fetches nothing).
// Each fetch runs in a goroutine of its own, started as soon as its link is
// found. Every URL is fetched at most once, however many pages link to it,
// cycles included. Returns the body of every page found, by URL (URLs the
// fetcher did not find are left out), once every fetch it started is over.
std::map<std::string, std::string> crawl(const std::string& start, int depth, const fetcher& fetch);

}  // namespace exercise
