// SPDX-License-Identifier: MIT
// Goroutine registry and dumps: see dump.hpp.
#include "dump.hpp"

#include <cxxabi.h>

#include <chrono>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <string>

#include "goroutine.hpp"

namespace gort::detail {
namespace {

// The registry: a doubly linked list through the goroutine records.
std::mutex& registry_mutex() {
  static auto* m = new std::mutex;  // never destroyed: goroutines may end during exit
  return *m;
}
goroutine* first_live = nullptr;  // guarded by registry_mutex()
goroutine* last_live = nullptr;

const char* state_words(wait_reason why) {
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

// start_of() names what a goroutine runs: its label, or its callable's type.
std::string start_of(const goroutine& g) {
  if (!g.label.empty()) return g.label;
  if (g.type_name == nullptr) return "?";
  int status = 0;
  std::unique_ptr<char, decltype(&std::free)> readable(
      abi::__cxa_demangle(g.type_name, nullptr, nullptr, &status), &std::free);
  return status == 0 && readable ? readable.get() : g.type_name;
}

}  // namespace

void register_goroutine(goroutine& g) noexcept {
  std::lock_guard lock(registry_mutex());
  g.prev_live = last_live;
  (last_live != nullptr ? last_live->next_live : first_live) = &g;
  last_live = &g;
}

void unregister_goroutine(goroutine& g) noexcept {
  std::lock_guard lock(registry_mutex());
  (g.prev_live != nullptr ? g.prev_live->next_live : first_live) = g.next_live;
  (g.next_live != nullptr ? g.next_live->prev_live : last_live) = g.prev_live;
  g.prev_live = g.next_live = nullptr;
}

void write_goroutine(std::FILE* out, const goroutine& g, bool running) {
  // Go adds how long a goroutine has been blocked once it is a minute or more.
  std::string state = "running";
  if (!running) state = "runnable";
  if (!running && g.sleeper.asleep.load()) {
    state = state_words(g.sleeper.reason.load());
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
  std::lock_guard lock(registry_mutex());
  for (const goroutine* g = first_live; g != nullptr; g = g->next_live) {
    if (g != first_live) std::fputc('\n', out);
    write_goroutine(out, *g, g == running);
  }
}

}  // namespace gort::detail
