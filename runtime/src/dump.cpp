// SPDX-License-Identifier: MIT
// Goroutine registry and dumps: see dump.hpp.
#include "dump.hpp"

#include <cxxabi.h>
#include <dlfcn.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "goroutine.hpp"
#include "gort/detail/spinlock.hpp"

namespace gort::detail {
namespace {

// The registry: doubly linked lists through the goroutine records, one per
// shard (by id), so that goroutines starting and ending on different threads
// seldom meet on a lock.
struct registry_shard {
  spinlock lock;  // guards first and last and their records' links; held for a few pointer moves
  goroutine* first = nullptr;
  goroutine* last = nullptr;
};
constexpr std::uint64_t kShards = 16;

registry_shard* shards() {
  static auto* all = new registry_shard[kShards];  // never destroyed: goroutines may end during exit
  return all;
}

registry_shard& shard_of(const goroutine& g) { return shards()[g.id % kShards]; }

std::string demangle(const char* mangled) {
  int status = 0;
  std::unique_ptr<char, decltype(&std::free)> readable(
      abi::__cxa_demangle(mangled, nullptr, nullptr, &status), &std::free);
  return status == 0 && readable ? readable.get() : mangled;
}

// readable_start() names a callable: "pump" for a plain function the
// executable exports (examples link with -rdynamic), "lambda in main" for a
// lambda, else its demangled type.
std::string readable_start(const void* entry, const char* type_name) {
  if (entry != nullptr) {
    Dl_info info{};
    if (::dladdr(entry, &info) != 0 && info.dli_sname != nullptr) {
      std::string name = demangle(info.dli_sname);
      return name.substr(0, name.find('('));
    }
  }
  if (type_name == nullptr) return "?";
  std::string type = demangle(type_name);
  if (const auto lambda = type.find("::{lambda"); lambda != std::string::npos) {
    return "lambda in " + type.substr(0, lambda);
  }
  return type;
}

}  // namespace

const char* wait_words(wait_reason why) {
  switch (why) {
    case wait_reason::chan_send: return "chan send";
    case wait_reason::chan_receive: return "chan receive";
    case wait_reason::chan_send_nil: return "chan send (nil chan)";
    case wait_reason::chan_receive_nil: return "chan receive (nil chan)";
    case wait_reason::select: return "select";
    case wait_reason::select_no_cases: return "select (no cases)";
    case wait_reason::mutex_lock: return "sync.Mutex.Lock";
    case wait_reason::wait_group_wait: return "sync.WaitGroup.Wait";
    case wait_reason::sleep: return "sleep";
  }
  return "waiting";
}

std::string start_of(const goroutine& g) {
  if (!g.label.empty()) return g.label;
  // Each thread remembers the names it has worked out: there are as many as
  // the program has functions that it starts.
  thread_local std::unordered_map<const void*, std::string> known;
  const void* key = g.entry != nullptr ? g.entry : static_cast<const void*>(g.type_name);
  auto [it, fresh] = known.try_emplace(key);
  if (fresh) it->second = readable_start(g.entry, g.type_name);
  return it->second;
}

void register_goroutine(goroutine& g) noexcept {
  registry_shard& shard = shard_of(g);
  std::lock_guard lock(shard.lock);
  g.prev_live = shard.last;
  (shard.last != nullptr ? shard.last->next_live : shard.first) = &g;
  shard.last = &g;
}

void unregister_goroutine(goroutine& g) noexcept {
  registry_shard& shard = shard_of(g);
  std::lock_guard lock(shard.lock);
  (g.prev_live != nullptr ? g.prev_live->next_live : shard.first) = g.next_live;
  (g.next_live != nullptr ? g.next_live->prev_live : shard.last) = g.prev_live;
  g.prev_live = g.next_live = nullptr;
}

bool any_goroutine_alive() noexcept {
  for (std::uint64_t i = 0; i < kShards; ++i) {
    std::lock_guard lock(shards()[i].lock);
    if (shards()[i].first != nullptr) return true;
  }
  return false;
}

void write_goroutine(std::FILE* out, const goroutine& g, bool running) {
  // Go adds how long a goroutine has been blocked once it is a minute or more.
  std::string state = "running";
  if (!running) state = "runnable";
  if (!running && g.sleeper.asleep.load()) {
    state = wait_words(g.sleeper.reason.load());
    const auto since = std::chrono::steady_clock::time_point(
        std::chrono::steady_clock::duration(g.sleeper.asleep_since.load()));
    const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(
                             std::chrono::steady_clock::now() - since)
                             .count();
    if (minutes >= 1) state += ", " + std::to_string(minutes) + " minutes";
  }
  std::fprintf(out, "goroutine %llu [%s]:\n%s\n", static_cast<unsigned long long>(g.id),
               state.c_str(), start_of(g).c_str());
}

void write_all_goroutines(std::FILE* out, const goroutine* running) {
  write_goroutines(out, nullptr, running);
}

void write_goroutines(std::FILE* out, const pool* of, const goroutine* running) {
  // Every shard stays locked while printing, so no record in it can end meanwhile.
  std::vector<std::unique_lock<spinlock>> locks;
  std::vector<const goroutine*> live;
  for (std::uint64_t i = 0; i < kShards; ++i) {
    locks.emplace_back(shards()[i].lock);
    for (const goroutine* g = shards()[i].first; g != nullptr; g = g->next_live) {
      if (of == nullptr || (&g->home_pool == of && g->counted())) live.push_back(g);
    }
  }
  std::sort(live.begin(), live.end(), [](const goroutine* a, const goroutine* b) { return a->id < b->id; });
  for (const goroutine* g : live) {
    if (g != live.front()) std::fputc('\n', out);
    write_goroutine(out, *g, g == running);
  }
}

}  // namespace gort::detail
