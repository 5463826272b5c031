// SPDX-License-Identifier: MIT
// trace_format: see trace_format.hpp.
#include "trace_format.hpp"

#include <charconv>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

#include "dump.hpp"

namespace gort::detail::trace {
namespace {

// json_text: the objects of traceEvents being formatted, appended to one
// string that is written with a single fwrite per buffer. Their fixed
// members are written here directly (a JSON document built per event made a
// traced program ten times slower); strings, which need JSON's escapes, are
// written by nlohmann-json.
class json_text {
 public:
  explicit json_text(std::string& out) : out_(out) {}

  // open() starts the next element of traceEvents: {"ph":"B","pid":1,"tid":1,"ts":12.345
  void open(bool first, char phase, int tid, std::int64_t ns) {
    out_ += first ? "\n{\"ph\":\"" : ",\n{\"ph\":\"";
    out_ += phase;
    out_ += "\",\"pid\":1,\"tid\":";
    number(tid);
    out_ += ",\"ts\":";  // Chrome's microseconds, to the nanosecond
    number(ns / 1000);
    char fraction[4] = {'.', static_cast<char>('0' + ns % 1000 / 100),
                        static_cast<char>('0' + ns % 100 / 10), static_cast<char>('0' + ns % 10)};
    out_.append(fraction, sizeof fraction);
  }
  json_text& raw(std::string_view text) {
    out_ += text;
    return *this;
  }
  json_text& number(std::int64_t n) {
    char digits[24];
    out_.append(digits, std::to_chars(digits, digits + sizeof digits, n).ptr);
    return *this;
  }
  // string() appends text as a JSON string; bytes that are not UTF-8 (a
  // path, say) become U+FFFD.
  json_text& string(std::string_view text) {
    out_ += nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return *this;
  }
  json_text& object(const void* address) {
    char text[32];
    std::snprintf(text, sizeof text, "\"%p\"", address);
    out_ += text;
    return *this;
  }

 private:
  std::string& out_;
};

// formatter: writes events on one track.
class formatter {
 public:
  formatter(trace_text& out, track& t) : out_(out), track_(t), text_(out.text) {}

  void write(const event& e) {
    switch (e.what) {
      case kind::begin:
        return begin(e);
      case kind::end:
        open('E', e).raw("}");
        track_.in_slice = false;
        return;
      case kind::create:
        open('i', e).raw(
            ",\"s\":\"t\",\"cat\":\"goroutine\",\"name\":\"go\",\"args\":{\"goroutine\":");
        text_.number(static_cast<std::int64_t>(e.goroutine)).raw(",\"name\":");
        goroutine_name(e).raw(",\"by\":").number(e.by).raw("}}");
        break;
      case kind::block:
        open('i', e).raw(
            ",\"s\":\"t\",\"cat\":\"goroutine\",\"name\":\"block\",\"args\":{\"goroutine\":");
        text_.number(static_cast<std::int64_t>(e.goroutine))
            .raw(",\"reason\":")
            .string(wait_words(e.why));
        text_.raw(",\"object\":").object(e.object).raw("}}");
        break;
      case kind::unblock:
        open('i', e).raw(
            ",\"s\":\"t\",\"cat\":\"goroutine\",\"name\":\"unblock\",\"args\":{\"goroutine\":");
        text_.number(static_cast<std::int64_t>(e.goroutine)).raw(",\"by\":").number(e.by);
        text_.raw(",\"object\":").object(e.object).raw("}}");
        break;
    }
    if (e.flow != 0) flow('s', e);
    counters(e);
  }

 private:
  json_text& open(char phase, const event& e) {
    text_.open(out_.first, phase, track_.tid,
               std::chrono::duration_cast<std::chrono::nanoseconds>(e.when - out_.epoch).count());
    out_.first = false;
    return text_;
  }

  json_text& goroutine_name(const event& e) {
    std::string name = "G";
    name += std::to_string(e.goroutine);
    name += ' ';
    name += *e.name;
    return text_.string(name);
  }

  void begin(const event& e) {
    if (e.runtime_slice) {
      open('B', e).raw(",\"cat\":\"runtime\",\"name\":").string(*e.name).raw("}");
    } else {
      open('B', e).raw(",\"cat\":\"goroutine\",\"name\":");
      goroutine_name(e)
          .raw(",\"args\":{\"goroutine\":")
          .number(static_cast<std::int64_t>(e.goroutine));
      text_.raw("}}");
    }
    track_.in_slice = true;
    if (e.flow != 0) flow('f', e);
    counters(e);
  }

  void flow(char phase, const event& e) {
    open(phase, e)
        .raw(",\"cat\":\"flow\",\"name\":\"wake\",\"id\":")
        .number(static_cast<std::int64_t>(e.flow));
    text_.raw(phase == 'f' ? ",\"bp\":\"e\"}" : "}");
  }

  void counters(const event& e) {
    if (e.runnable < 0) return;
    open('C', e).raw(",\"name\":\"goroutines\",\"args\":{\"runnable\":").number(e.runnable);
    text_.raw(",\"blocked\":").number(e.blocked).raw("}}");
  }

  trace_text& out_;
  track& track_;
  json_text text_;
};

}  // namespace

void open_trace(trace_text& out, std::string_view program) {
  out.epoch = std::chrono::steady_clock::now();
  out.text = "{\"displayTimeUnit\":\"ns\",\"traceEvents\":[\n";
  json_text(out.text)
      .raw("{\"ph\":\"M\",\"pid\":1,\"name\":\"process_name\",\"args\":{\"name\":")
      .string(program)
      .raw("}}");
  out.first = false;
}

void name_track(trace_text& out, const track& t, int processor_index) {
  json_text text(out.text);
  text.raw(out.first ? "\n" : ",\n").raw("{\"ph\":\"M\",\"pid\":1,\"tid\":").number(t.tid);
  text.raw(",\"name\":\"thread_name\",\"args\":{\"name\":\"");
  if (processor_index >= 0) {
    text.raw("P").number(processor_index);
  } else {
    text.raw("thread");
  }
  text.raw("\"}},\n{\"ph\":\"M\",\"pid\":1,\"tid\":").number(t.tid);
  text.raw(",\"name\":\"thread_sort_index\",\"args\":{\"sort_index\":");
  text.number(processor_index >= 0 ? processor_index : 1000 + t.tid).raw("}}");
  out.first = false;
}

void write_event(trace_text& out, track& t, const event& e) { formatter(out, t).write(e); }

void close_trace(trace_text& out) { out.text += "\n]}\n"; }

}  // namespace gort::detail::trace
