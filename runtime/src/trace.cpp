// SPDX-License-Identifier: MIT
// The execution trace and the scheduler counts: see trace.hpp.
//
// Lock order: the writer's lock is taken alone; events are appended without it.
// A buffer's owner writes an event, then publishes it by storing count
// (release); whoever writes the buffer out reads count (acquire) under the
// writer's lock and writes events [0, count), so it never reads a slot the
// owner is filling. Only the writer's lock holder resets count, except the
// owner when it rejoins after a trace stopped.
#include "trace.hpp"

#include <errno.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <memory>
#include <mutex>
#include <unordered_set>
#include <utility>
#include <vector>

#include "dump.hpp"
#include "goroutine.hpp"
#include "pool.hpp"
#include "trace_format.hpp"

namespace gort::detail::trace {

#ifndef GORT_NO_TRACE
std::atomic<bool> observed{false};
#endif

namespace {

std::atomic<bool> recording{false};  // events go to a file (observed alone: counts only)
alignas(64) std::atomic<std::int64_t> runnable_count{0};
alignas(64) std::atomic<std::int64_t> blocked_count{0};
std::atomic<std::int64_t> steal_count{0};
std::atomic<std::uint64_t> next_flow{1};

constexpr std::size_t kBufferEvents = 16384;  // × 80 bytes: 1.3 MB per thread
constexpr std::size_t kFlushBytes = 1 << 20;  // formatted text written at a time

// buffer: one thread's events; reused by another thread once its own ends.
struct buffer {
  std::array<event, kBufferEvents> events;  // written whole when made: no page faults later
  std::atomic<std::size_t> count{0};
  std::atomic<bool> owned{true};
  // Owner only: the trace this buffer records for, and the "B" of the
  // goroutine slice the owner's thread is in, if in_slice.
  std::uint64_t session = 0;
  bool in_slice = false;
  event slice;
  track file_track;  // under the writer's lock
};

// writer: the open trace file and every buffer ever made (never freed: a
// thread left running by an abandoned pool may still append).
struct writer {
  std::mutex lock;  // guards everything below; held while formatting and writing
  std::FILE* file = nullptr;
  trace_text out;
  std::vector<std::unique_ptr<buffer>> buffers;
  int next_tid = 1;
};
std::atomic<std::uint64_t> session{0};  // bumped by start(); buffers of older ones rejoin

writer& the_writer() {
  static auto* w = new writer;  // never destroyed: used at exit
  return *w;
}

// flush_text() writes what is formatted; w.lock held.
void flush_text(writer& w) {
  std::fwrite(w.out.text.data(), 1, w.out.text.size(), w.file);
  w.out.text.clear();
}

// write_out() writes b's events and empties it; w.lock held.
void write_out(writer& w, buffer& b) {
  const std::size_t n = b.count.load(std::memory_order_acquire);
  for (std::size_t i = 0; i < n; ++i) {
    write_event(w.out, b.file_track, b.events[i]);
    if (w.out.text.size() > kFlushBytes) flush_text(w);
  }
  b.count.store(0, std::memory_order_relaxed);
  flush_text(w);
}

// --- the calling thread's buffer -------------------------------------------------

// thread_buffer: the calling thread's claim on a buffer, given up when the thread ends.
struct thread_buffer {
  buffer* claimed = nullptr;
  ~thread_buffer() {
    if (claimed != nullptr) claimed->owned.store(false);
  }
};
thread_local thread_buffer tl_buffer;

// join() gives the calling thread a buffer in the current trace, announcing
// its track; nullptr if no trace is recorded any more.
buffer* join(std::uint64_t current) {
  writer& w = the_writer();
  std::lock_guard lock(w.lock);
  if (w.file == nullptr || session.load() != current) return nullptr;
  buffer* b = tl_buffer.claimed;
  if (b == nullptr) {
    // Only a buffer of an earlier trace is taken over: one whose thread ended
    // during this trace still holds events that stop() has to write.
    for (auto& candidate : w.buffers) {
      if (bool free = false; candidate->session != current &&
                             candidate->owned.compare_exchange_strong(free, true)) {
        b = candidate.get();
        break;
      }
    }
    if (b == nullptr) b = w.buffers.emplace_back(std::make_unique<buffer>()).get();
    tl_buffer.claimed = b;
  }
  b->count.store(0, std::memory_order_relaxed);
  b->session = current;
  b->in_slice = false;
  b->file_track = {.tid = w.next_tid++};
  const processor* p = current_processor();
  name_track(w.out, b->file_track, p != nullptr ? p->index : -1);
  return b;
}

void push(buffer& b, const event& e) {
  const std::size_t n = b.count.load(std::memory_order_relaxed);
  b.events[n] = e;
  b.count.store(n + 1, std::memory_order_release);
}

// write_full() writes out b, which is full. Its thread stops for that, so
// the time is shown as its own slice ("trace: writing"), cutting the
// goroutine's slice in two rather than lengthening it.
void write_full(buffer& b, std::uint64_t current) {
  const auto begun = std::chrono::steady_clock::now();
  writer& w = the_writer();
  {
    std::lock_guard lock(w.lock);
    if (w.file == nullptr || session.load() != current) {
      b.count.store(0, std::memory_order_relaxed);
      return;
    }
    write_out(w, b);
  }
  event mark;
  mark.when = begun;
  if (b.in_slice) {
    mark.what = kind::end;
    push(b, mark);
  }
  mark.what = kind::begin;
  mark.runtime_slice = true;
  static const std::string writing = "trace: writing";
  mark.name = &writing;
  push(b, mark);
  mark.what = kind::end;
  mark.when = std::chrono::steady_clock::now();
  push(b, mark);
  if (b.in_slice) {
    event resumed = b.slice;
    resumed.when = mark.when;
    resumed.flow = 0;
    resumed.runnable = -1;
    push(b, resumed);
  }
}

// append() records e in the calling thread's buffer, writing the buffer out
// first if it is full.
void append(const event& e) {
  const std::uint64_t current = session.load(std::memory_order_acquire);
  buffer* b = tl_buffer.claimed;
  if (b == nullptr || b->session != current) b = join(current);
  if (b == nullptr) return;
  if (b->count.load(std::memory_order_relaxed) + 4 > kBufferEvents) write_full(*b, current);
  push(*b, e);
  if (e.what == kind::begin) {
    b->in_slice = true;
    b->slice = e;
  }
  if (e.what == kind::end) b->in_slice = false;
}

void sample_counts(event& e) {
  e.runnable = std::max<std::int64_t>(0, runnable_count.load(std::memory_order_relaxed));
  e.blocked = std::max<std::int64_t>(0, blocked_count.load(std::memory_order_relaxed));
}

// new_flow() starts a flow from the calling thread's current slice; 0 (no
// flow) if the thread is not inside one, as an arrow needs both ends.
std::uint64_t new_flow() {
  const buffer* b = tl_buffer.claimed;
  if (b == nullptr || !b->in_slice || b->session != session.load(std::memory_order_relaxed)) return 0;
  return next_flow.fetch_add(1, std::memory_order_relaxed);
}

std::int64_t caller_id() {
  const goroutine* self = current_goroutine();
  return self != nullptr ? static_cast<std::int64_t>(self->id) : -1;
}

// interned() is name's copy in a set that lives as long as the process, so
// an event can point to it until it is written, after its goroutine ended.
const std::string* interned(std::string name) {
  static auto* lock = new std::mutex;
  static auto* names = new std::unordered_set<std::string>;
  std::lock_guard hold(*lock);
  return &*names->insert(std::move(name)).first;
}

// name_for() is g's interned name, worked out when g is first traced.
const std::string* name_for(goroutine& g) {
  if (g.trace_name == nullptr) g.trace_name = interned(start_of(g));
  return g.trace_name;
}

}  // namespace

std::string start(const std::string& path) {
#ifdef GORT_NO_TRACE
  static_cast<void>(path);
  return "this gort was built without trace hooks (GORT_NO_TRACE): no trace, no schedtrace";
#else
  runnable_count = 0;
  blocked_count = 0;
  steal_count = 0;
  if (!path.empty()) {
    writer& w = the_writer();
    std::lock_guard lock(w.lock);
    w.file = std::fopen(path.c_str(), "w");
    if (w.file == nullptr) return "cannot write the trace to " + path + ": " + std::strerror(errno);
    w.next_tid = 1;
    open_trace(w.out, program_invocation_short_name);
    session.fetch_add(1, std::memory_order_release);
    recording = true;
  }
  observed = true;
  return {};
#endif
}

void stop() noexcept {
#ifndef GORT_NO_TRACE
  observed = false;
  if (!recording.exchange(false)) return;
  writer& w = the_writer();
  std::lock_guard lock(w.lock);
  if (w.file == nullptr) return;
  const std::uint64_t current = session.load();
  for (auto& b : w.buffers) {
    if (b->session != current) continue;
    write_out(w, *b);
    if (b->file_track.in_slice) {
      // Read after the events it closes were, so no earlier than any of them.
      event end;
      end.what = kind::end;
      end.when = std::chrono::steady_clock::now();
      write_event(w.out, b->file_track, end);
    }
  }
  close_trace(w.out);
  flush_text(w);
  std::fclose(w.file);
  w.file = nullptr;
#endif
}

void created(goroutine& g) noexcept {
  if (!recording.load(std::memory_order_relaxed)) return;
  // Made by a thread outside the pool (main and the timer service, by
  // run()'s caller), which has no track: the thread that first runs it
  // writes the `go` event instead (switched()).
  if (current_processor() == nullptr) {
    g.trace_unannounced = true;
    return;
  }
  event e;
  e.when = std::chrono::steady_clock::now();
  e.what = kind::create;
  e.goroutine = g.id;
  e.by = caller_id();
  e.flow = g.trace_flow = new_flow();
  e.name = name_for(g);
  append(e);
}

void thread_started() noexcept {
  if (!recording.load(std::memory_order_relaxed)) return;
  const std::uint64_t current = session.load(std::memory_order_acquire);
  if (tl_buffer.claimed == nullptr || tl_buffer.claimed->session != current) join(current);
}

void readied() noexcept { runnable_count.fetch_add(1, std::memory_order_relaxed); }

void switched(goroutine* next) noexcept {
  if (next != nullptr) runnable_count.fetch_sub(1, std::memory_order_relaxed);
  if (!recording.load(std::memory_order_relaxed)) return;
  const auto now = std::chrono::steady_clock::now();
  if (buffer* b = tl_buffer.claimed; b != nullptr && b->in_slice &&
                                     b->session == session.load(std::memory_order_relaxed)) {
    event end;
    end.what = kind::end;
    end.when = now;
    append(end);
  }
  if (next == nullptr) return;
  if (std::exchange(next->trace_unannounced, false)) created(*next);
  event begin;
  begin.when = now;
  begin.what = kind::begin;
  begin.goroutine = next->id;
  begin.flow = std::exchange(next->trace_flow, 0);
  begin.name = name_for(*next);
  sample_counts(begin);
  append(begin);
}

void blocked(goroutine& g, wait_reason why, const void* object) noexcept {
  blocked_count.fetch_add(1, std::memory_order_relaxed);
  if (!recording.load(std::memory_order_relaxed)) return;
  g.trace_object = object;
  event e;
  e.when = std::chrono::steady_clock::now();
  e.what = kind::block;
  e.why = why;
  e.goroutine = g.id;
  e.object = object;
  sample_counts(e);
  append(e);
}

void unblocked(goroutine& g) noexcept {
  blocked_count.fetch_sub(1, std::memory_order_relaxed);
  if (!recording.load(std::memory_order_relaxed)) return;
  event e;
  e.when = std::chrono::steady_clock::now();
  e.what = kind::unblock;
  e.goroutine = g.id;
  e.by = caller_id();
  e.object = g.trace_object;
  e.flow = g.trace_flow = new_flow();
  sample_counts(e);
  append(e);
}

void stole() noexcept { steal_count.fetch_add(1, std::memory_order_relaxed); }

counts counts_now() noexcept {
  return {std::max<std::int64_t>(0, runnable_count.load()), std::max<std::int64_t>(0, blocked_count.load()),
          steal_count.load()};
}

}  // namespace gort::detail::trace
