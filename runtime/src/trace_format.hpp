// SPDX-License-Identifier: MIT
// trace_format: how the trace's recorded events become Chrome's trace-event
// JSON (read by Perfetto and chrome://tracing). trace.cpp records events and
// decides when they are written; this file only writes them. Each call is
// made under the trace writer's lock.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "gort/detail/park.hpp"

namespace gort::detail::trace {

enum class kind : std::uint8_t { begin, end, create, block, unblock };

// event: one thing that happened on one thread, as recorded (formatted later).
struct event {
  std::chrono::steady_clock::time_point when;
  kind what = kind::begin;
  wait_reason why = wait_reason::chan_receive;  // block
  bool runtime_slice = false;  // begin: the runtime's own work (writing the trace), not a goroutine
  std::uint64_t goroutine = 0;   // the goroutine it is about
  std::int64_t by = -1;          // create, unblock: the caller's goroutine (-1: a plain thread)
  std::uint64_t flow = 0;        // begin, create, unblock: the flow it ends or starts (0: none)
  const void* object = nullptr;  // block, unblock: what the goroutine waits on
  std::int64_t runnable = -1;    // counts after the event; -1: not sampled
  std::int64_t blocked = -1;
  const std::string* name = nullptr;  // begin, create: the goroutine's (interned) name
};

// trace_text: the file's formatted text not yet written, and where it stands.
struct trace_text {
  std::string text;
  bool first = true;                            // no element of traceEvents written yet
  std::chrono::steady_clock::time_point epoch;  // the file's time zero
};

// track: one thread's track in the file.
struct track {
  int tid = 0;
  bool in_slice = false;  // the file holds an unclosed "B" on it
};

// open_trace() starts the file's text, naming the process, at time zero now.
void open_trace(trace_text& out, std::string_view program);
// name_track() names t after the processor index, or "thread" (-1).
void name_track(trace_text& out, const track& t, int processor_index);
void write_event(trace_text& out, track& t, const event& e);
// close_trace() ends traceEvents and the file's object.
void close_trace(trace_text& out);

}  // namespace gort::detail::trace
