// SPDX-License-Identifier: MIT
#include "web_crawler.hpp"

#include <set>
#include <utility>

namespace exercise {
namespace {

// fetched is one finished fetch, as a fetching goroutine reports it.
struct fetched {
  std::string url;
  int depth = 0;  // the depth left when url was fetched
  std::optional<page> found;
};

}  // namespace

std::map<std::string, std::string> crawl(const std::string& start, int depth,
                                         const fetcher& fetch) {
  std::map<std::string, std::string> bodies;
  // Only this goroutine touches claimed and bodies: the fetching goroutines
  // hand their pages back on a channel, so nothing here needs a lock.
  std::set<std::string> claimed;
  auto reports = gort::make_chan<fetched>();
  int running = 0;  // fetches started and not yet reported

  auto start_fetch = [&](const std::string& url, int left) {
    // Claimed when the fetch starts, not when it ends: a second link to a URL
    // still being fetched must not start it again.
    if (left <= 0 || !claimed.insert(url).second) return;
    ++running;
    // fetch by reference: crawl waits for every report, so it outlives the
    // fetching goroutines' use of it.
    gort::go([reports, &fetch, url, left] { reports << fetched{url, left, fetch(url)}; });
  };

  start_fetch(start, depth);
  while (running > 0) {
    fetched report = reports.recv();
    --running;
    if (!report.found) continue;
    for (const std::string& link : report.found->links) start_fetch(link, report.depth - 1);
    bodies.emplace(std::move(report.url), std::move(report.found->body));
  }
  return bodies;
}

}  // namespace exercise
