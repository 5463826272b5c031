// SPDX-License-Identifier: MIT
// The trace loader: groups the events by thread, sorts each thread's events by
// time, pairs "B" with "E" and "s" with "f", and orders the lanes.
#include "trace.hpp"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <system_error>
#include <tuple>
#include <type_traits>
#include <unordered_map>
#include <utility>

#include "json.hpp"

namespace timeline {

namespace {

using json::value;

std::string format_us(double ts) {
  char text[48];
  std::snprintf(text, sizeof text, "%.3f µs", ts);
  return text;
}

// timed_event: an event with a time; index, its place in the file, keeps
// equal times in file order when a thread's events are sorted.
struct timed_event {
  double ts = 0;
  std::size_t index = 0;
  const value* event = nullptr;
};

struct thread_info {
  std::optional<std::string> name;
  std::optional<std::int64_t> sort_index;
  std::vector<timed_event> events;
};

// event_reader: typed access to one event's members, with errors that name
// the event ("traceEvents[12]") so that a bad file can be fixed.
class event_reader {
 public:
  event_reader(const value& event, std::size_t index) : event_(event), index_(index) {}

  const value* find(std::string_view key) const { return event_.find(key); }

  const value& get(std::string_view key) const {
    const value* member = event_.find(key);
    if (member == nullptr) fail("has no \"" + std::string(key) + "\"");
    return *member;
  }

  double number(std::string_view key) const {
    return checked(key, [](const value& v) { return v.as_number(); });
  }
  std::int64_t integer(std::string_view key) const {
    return checked(key, [](const value& v) { return v.as_int64(); });
  }
  std::string text(std::string_view key) const {
    return checked(key, [](const value& v) { return v.as_string(); });
  }

  // arg() is args[key], or nullptr when the event has no such argument.
  const value* arg(std::string_view key) const {
    const value* args = event_.find("args");
    return args == nullptr ? nullptr : args->find(key);
  }

  // id_arg() reads args[key] as a whole number (a goroutine id), if present.
  std::optional<std::int64_t> id_arg(std::string_view key) const {
    const value* id = arg(key);
    if (id == nullptr || id->is_null()) return std::nullopt;
    try {
      return id->as_int64();
    } catch (const json::type_error& e) {
      fail("args \"" + std::string(key) + "\": " + e.what());
    }
  }

  [[noreturn]] void fail(const std::string& problem) const {
    throw trace_error("traceEvents[" + std::to_string(index_) + "] " + problem);
  }

 private:
  const value& event_;
  std::size_t index_;

  template <typename Read>
  std::invoke_result_t<Read, const value&> checked(std::string_view key, Read read) const {
    const value& member = get(key);
    try {
      return read(member);
    } catch (const json::type_error& e) {
      fail("\"" + std::string(key) + "\": " + e.what());
    }
  }
};

// flow_key() makes the "id" of an "s" or "f" comparable whatever its JSON kind.
std::string flow_key(const event_reader& event) {
  const value& id = event.get("id");
  if (id.is_string()) return "s" + id.as_string();
  if (!id.is_number()) event.fail("\"id\" is neither a number nor a string");
  char text[32];
  const auto result = std::to_chars(text, text + sizeof text, id.as_number());
  return "n" + std::string(text, result.ptr);
}

// begin_slice() is the slice a "B" opens; its "E" sets the end.
slice begin_slice(std::size_t lane, const event_reader& event, double ts) {
  slice s{lane, ts, ts, event.text("name"), event.id_arg("goroutine"), false};
  const value* category = event.find("cat");
  s.runtime = category != nullptr && category->is_string() && category->as_string() == "runtime";
  return s;
}

class trace_builder {
 public:
  void add(const value& event, std::size_t index);
  trace finish();

 private:
  trace result_;
  std::map<std::int64_t, thread_info> threads_;
  std::unordered_map<std::string, point> flow_starts_;
  std::vector<std::pair<std::string, point>> flow_ends_;

  void add_metadata(const event_reader& event);
  std::vector<std::int64_t> lane_order() const;
  void read_thread(std::size_t lane, thread_info& thread);
  void read_instant(std::size_t lane, const event_reader& event, double ts);
  void pair_flows();
};

void trace_builder::add(const value& event, std::size_t index) {
  if (!event.is_object())
    throw trace_error("traceEvents[" + std::to_string(index) + "] is not an object");
  const event_reader reader(event, index);
  const std::string phase = reader.text("ph");
  if (phase == "M") {
    add_metadata(reader);
    return;
  }
  const bool instant = phase == "i" || phase == "I";
  if (!instant && phase != "B" && phase != "E" && phase != "s" && phase != "f") return;
  const value* name = reader.find("name");
  const bool interesting_instant = name != nullptr && name->is_string() &&
                                   (name->as_string() == "block" || name->as_string() == "go");
  if (instant && !interesting_instant) return;
  timed_event timed{reader.number("ts"), index, &event};
  threads_[reader.integer("tid")].events.push_back(timed);
}

void trace_builder::add_metadata(const event_reader& event) {
  const std::string name = event.text("name");
  const value* argument = event.arg(name == "thread_sort_index" ? "sort_index" : "name");
  if (argument == nullptr) return;
  try {
    if (name == "process_name") {
      result_.process_name = argument->as_string();
    } else if (name == "thread_name") {
      threads_[event.integer("tid")].name = argument->as_string();
    } else if (name == "thread_sort_index") {
      threads_[event.integer("tid")].sort_index = argument->as_int64();
    }
  } catch (const json::type_error& e) {
    event.fail("(" + name + "): " + e.what());
  }
}

// lane_order() lists the tids as Chrome's viewer shows them: by sort index,
// threads without one after those with one, ties broken by tid.
std::vector<std::int64_t> trace_builder::lane_order() const {
  std::vector<std::int64_t> tids;
  for (const auto& [tid, thread] : threads_) tids.push_back(tid);
  const auto key = [this](std::int64_t tid) {
    const auto& index = threads_.at(tid).sort_index;
    return std::tuple(!index.has_value(), index.value_or(0), tid);
  };
  std::sort(tids.begin(), tids.end(),
            [&](std::int64_t a, std::int64_t b) { return key(a) < key(b); });
  return tids;
}

trace trace_builder::finish() {
  for (const std::int64_t tid : lane_order()) {
    thread_info& thread = threads_.at(tid);
    result_.lanes.push_back({tid, thread.name.value_or("tid " + std::to_string(tid))});
    read_thread(result_.lanes.size() - 1, thread);
  }
  pair_flows();
  if (!result_.slices.empty()) {
    result_.first_begin = result_.slices.front().begin;
    result_.last_end = result_.slices.front().end;
    for (const slice& s : result_.slices) {
      result_.first_begin = std::min(result_.first_begin, s.begin);
      result_.last_end = std::max(result_.last_end, s.end);
    }
  }
  return std::move(result_);
}

// read_thread() walks one thread's events in time order. Slices nest, so an
// "E" closes the most recent open "B".
void trace_builder::read_thread(std::size_t lane, thread_info& thread) {
  std::stable_sort(thread.events.begin(), thread.events.end(),
                   [](const timed_event& a, const timed_event& b) { return a.ts < b.ts; });
  const std::string tid = "tid " + std::to_string(result_.lanes[lane].tid);
  const std::string where =
      (thread.name ? "thread " + *thread.name + " (" + tid + ")" : tid) + ": ";
  std::vector<slice> open;
  std::vector<slice> closed;
  for (const timed_event& timed : thread.events) {
    const event_reader event(*timed.event, timed.index);
    const std::string phase = event.text("ph");
    if (phase == "B") {
      open.push_back(begin_slice(lane, event, timed.ts));
      if (open.back().goroutine) result_.goroutine_names[*open.back().goroutine] = open.back().name;
    } else if (phase == "E") {
      if (open.empty())
        throw trace_error(where + "\"E\" at " + format_us(timed.ts) + " has no \"B\" before it");
      closed.push_back(std::move(open.back()));
      closed.back().end = timed.ts;
      open.pop_back();
    } else if (phase == "s") {
      flow_starts_.try_emplace(flow_key(event), point{lane, timed.ts});
    } else if (phase == "f") {
      flow_ends_.emplace_back(flow_key(event), point{lane, timed.ts});
    } else {
      read_instant(lane, event, timed.ts);
    }
  }
  if (!open.empty()) {
    throw trace_error(where + "\"B\" of " + open.back().name + " at " +
                      format_us(open.back().begin) + " has no \"E\"");
  }
  std::sort(closed.begin(), closed.end(), [](const slice& a, const slice& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  result_.slices.insert(result_.slices.end(), std::make_move_iterator(closed.begin()),
                        std::make_move_iterator(closed.end()));
}

void trace_builder::read_instant(std::size_t lane, const event_reader& event, double ts) {
  const std::optional<std::int64_t> goroutine = event.id_arg("goroutine");
  const value* reason = event.arg("reason");
  if (event.text("name") == "block") {
    result_.blocks.push_back({point{lane, ts}, goroutine,
                              reason != nullptr && reason->is_string() ? reason->as_string() : ""});
    return;
  }
  const value* name = event.arg("name");
  if (goroutine && name != nullptr && name->is_string()) {
    result_.goroutine_names.try_emplace(*goroutine, name->as_string());
  }
}

// pair_flows() joins each "f" to the "s" with its id; a flow missing either end
// (its goroutine never ran, or the trace began mid-flow) has no arrow.
void trace_builder::pair_flows() {
  for (const auto& [key, end] : flow_ends_) {
    const auto start = flow_starts_.find(key);
    if (start == flow_starts_.end()) continue;
    result_.flows.push_back({start->second, end});
    flow_starts_.erase(start);
  }
  std::sort(result_.flows.begin(), result_.flows.end(),
            [](const flow& a, const flow& b) { return a.from.ts < b.from.ts; });
}

json::value parse_json(std::string_view text) {
  try {
    return json::parse(text);
  } catch (const json::parse_error& e) {
    throw trace_error(std::string("not JSON: ") + e.what());
  }
}

}  // namespace

trace load_trace(std::string_view json_text) {
  const value document = parse_json(json_text);
  const value* events = document.find("traceEvents");
  if (events == nullptr || !events->is_array()) {
    throw trace_error("not a Chrome trace: no \"traceEvents\" array at the top level");
  }
  trace_builder builder;
  const json::array& list = events->as_array();
  for (std::size_t i = 0; i < list.size(); ++i) builder.add(list[i], i);
  return builder.finish();
}

trace load_trace_file(const std::filesystem::path& path) {
  std::error_code ignored;
  if (std::filesystem::is_directory(path, ignored)) {
    throw trace_error("cannot read " + path.string() + ": it is a directory");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw trace_error("cannot open " + path.string() + ": " +
                      std::generic_category().message(errno));
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad())
    throw trace_error("cannot read " + path.string() + ": " +
                      std::generic_category().message(errno));
  try {
    return load_trace(text.str());
  } catch (const trace_error& e) {
    throw trace_error(path.string() + ": " + e.what());
  }
}

time_window select_window(const trace& t, double from_offset, std::optional<double> length) {
  if (t.slices.empty())
    throw trace_error("the trace has no goroutine slices (\"B\"/\"E\" events) to draw");
  const double span = t.last_end - t.first_begin;
  if (!std::isfinite(span)) throw trace_error("the trace's times span too far to draw");
  if (from_offset > 0 && from_offset >= span) {
    throw trace_error("the window would start " + format_us(from_offset) +
                      " after the first slice, at or past the trace's end (" + format_us(span) +
                      ")");
  }
  const double from = t.first_begin + from_offset;
  // A trace of one zero-length slice still gets a window that can be drawn.
  const double default_length = span > from_offset ? span - from_offset : 1.0;
  return {from, from + length.value_or(default_length)};
}

}  // namespace timeline
