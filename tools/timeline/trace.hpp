// SPDX-License-Identifier: MIT
// Loading a gort execution trace (Chrome trace-event JSON) into lanes, run
// slices, wake-up flows and block marks, checking that slices pair up.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace timeline {

// trace_error: the trace cannot be read or makes no sense; what() is one line.
class trace_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// lane: one thread of the trace ("tid"), in display order.
struct lane {
  std::int64_t tid = 0;
  std::string name;  // from "thread_name", else "tid N"
};

// slice: a "B" ... "E" pair, one goroutine (or the runtime) running on a lane.
struct slice {
  std::size_t lane = 0;  // index into trace::lanes
  double begin = 0;      // µs, as in the file
  double end = 0;
  std::string name;                       // "G2 pump"
  std::optional<std::int64_t> goroutine;  // absent for runtime slices
  bool runtime = false;                   // "cat":"runtime", e.g. "trace: writing"
};

// point: a place on the timeline.
struct point {
  std::size_t lane = 0;
  double ts = 0;
};

// flow: an "s" ... "f" pair with one id: a channel hand-off or a `go` start.
struct flow {
  point from;
  point to;
};

// block_mark: an instant "block" event; the goroutine stops running there.
struct block_mark {
  point at;
  std::optional<std::int64_t> goroutine;
  std::string reason;  // "chan send"
};

struct trace {
  std::string process_name;
  std::vector<lane> lanes;         // ordered by "thread_sort_index", then tid
  std::vector<slice> slices;       // ordered by lane, then begin (outer before inner)
  std::vector<flow> flows;         // ordered by start time
  std::vector<block_mark> blocks;  // ordered by lane, then time
  std::map<std::int64_t, std::string> goroutine_names;  // id → "G2 pump"
  double first_begin = 0;                               // earliest "B"; 0 when there are no slices
  double last_end = 0;                                  // latest "E"
};

// load_trace() reads a trace from its JSON text. It throws trace_error when the
// text is not JSON, has no "traceEvents" array, holds a malformed event, or
// when a "B" has no "E" (or an "E" no "B") on its thread.
trace load_trace(std::string_view json_text);

// load_trace_file() reads and loads the trace at path; trace_error names the
// path when the file cannot be read.
trace load_trace_file(const std::filesystem::path& path);

// time_window: the stretch of the trace to draw, in the file's µs.
struct time_window {
  double from = 0;
  double to = 0;
};

// select_window() turns offsets from the first slice's start into a window:
// from_offset µs later, lasting length µs (default: up to the last slice's
// end). It throws trace_error when the trace has no slices or the window
// would start at or after the end; the caller checks that length is positive.
time_window select_window(const trace& t, double from_offset, std::optional<double> length);

}  // namespace timeline
