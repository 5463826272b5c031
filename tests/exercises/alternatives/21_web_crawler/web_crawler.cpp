// SPDX-License-Identifier: MIT
// Exercise 21 the other way its README allows, as the Go tour's crawler does
// it: one goroutine per fetch, which starts the fetches of its page's links,
// and a set of claimed URLs shared under a mutex. Graded by the same tests as
// the reference solution, so that grading holds for both.
#include <mutex>
#include <set>
#include <utility>

#include "web_crawler.hpp"

namespace exercise {

std::map<std::string, std::string> crawl(const std::string& start, int depth,
                                         const fetcher& fetch) {
  gort::mutex mu;  // guards claimed and bodies
  std::set<std::string> claimed;
  std::map<std::string, std::string> bodies;
  gort::wait_group fetching;  // one count per visit started and not yet over

  std::function<void(std::string, int)> visit = [&](const std::string& url, int left) {
    bool mine = false;
    {
      std::lock_guard lock(mu);
      mine = left > 0 && claimed.insert(url).second;
    }
    if (mine) {
      if (std::optional<page> found = fetch(url)) {
        for (const std::string& link : found->links) {
          fetching.add(1);
          gort::go(visit, link, left - 1);
        }
        std::lock_guard lock(mu);
        bodies.emplace(url, std::move(found->body));
      }
    }
    fetching.done();
  };
  fetching.add(1);
  gort::go(visit, start, depth);
  fetching.wait();
  return bodies;
}

}  // namespace exercise
