// SPDX-License-Identifier: MIT
// gort-timeline and its library: the strict JSON reader, the trace loader's
// pairing and checks, and the command's SVG and its one-line errors.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "child_process.hpp"
#include "json.hpp"
#include "trace.hpp"

namespace {

namespace fs = std::filesystem;
namespace json = timeline::json;
using namespace std::chrono_literals;
using testing::HasSubstr;

// Two threads, like a two-processor pool: G1 starts G2, which runs on P1 and
// wakes G1 through a channel; then the runtime writes its buffer. The file is
// not in time order (P1's "E" comes first), as the runtime's files are not.
constexpr const char* kTwoLaneTrace = R"({"displayTimeUnit":"ns","traceEvents":[
{"ph":"M","pid":1,"name":"process_name","args":{"name":"27_pool_channels"}},
{"ph":"M","pid":1,"tid":2,"name":"thread_name","args":{"name":"P1"}},
{"ph":"M","pid":1,"tid":2,"name":"thread_sort_index","args":{"sort_index":1}},
{"ph":"M","pid":1,"tid":1,"name":"thread_name","args":{"name":"P0"}},
{"ph":"M","pid":1,"tid":1,"name":"thread_sort_index","args":{"sort_index":0}},
{"ph":"i","pid":1,"tid":1,"ts":90.000,"s":"t","cat":"goroutine","name":"go","args":{"goroutine":1,"name":"G1 main","by":-1}},
{"ph":"B","pid":1,"tid":1,"ts":100.000,"cat":"goroutine","name":"G1 main","args":{"goroutine":1}},
{"ph":"i","pid":1,"tid":1,"ts":110.000,"s":"t","cat":"goroutine","name":"go","args":{"goroutine":2,"name":"G2 sendWork","by":1}},
{"ph":"s","pid":1,"tid":1,"ts":110.000,"cat":"flow","name":"wake","id":3},
{"ph":"i","pid":1,"tid":1,"ts":150.000,"s":"t","cat":"goroutine","name":"block","args":{"goroutine":1,"reason":"chan receive","object":"0x1"}},
{"ph":"C","pid":1,"tid":1,"ts":150.000,"name":"goroutines","args":{"runnable":1,"blocked":1}},
{"ph":"E","pid":1,"tid":1,"ts":150.500},
{"ph":"E","pid":1,"tid":2,"ts":300.000},
{"ph":"B","pid":1,"tid":2,"ts":120.000,"cat":"goroutine","name":"G2 sendWork","args":{"goroutine":2}},
{"ph":"f","pid":1,"tid":2,"ts":120.000,"cat":"flow","name":"wake","id":3,"bp":"e"},
{"ph":"i","pid":1,"tid":2,"ts":200.000,"s":"t","cat":"goroutine","name":"unblock","args":{"goroutine":1,"by":2,"object":"0x1"}},
{"ph":"s","pid":1,"tid":2,"ts":200.000,"cat":"flow","name":"wake","id":4},
{"ph":"B","pid":1,"tid":2,"ts":300.000,"cat":"goroutine","name":"G3 a<b & \"c\"","args":{"goroutine":3}},
{"ph":"E","pid":1,"tid":2,"ts":320.000},
{"ph":"B","pid":1,"tid":1,"ts":210.000,"cat":"goroutine","name":"G1 main","args":{"goroutine":1}},
{"ph":"f","pid":1,"tid":1,"ts":210.000,"cat":"flow","name":"wake","id":4,"bp":"e"},
{"ph":"E","pid":1,"tid":1,"ts":250.000},
{"ph":"B","pid":1,"tid":1,"ts":250.000,"cat":"runtime","name":"trace: writing"},
{"ph":"E","pid":1,"tid":1,"ts":260.000}
]}
)";

// --- the JSON reader ---------------------------------------------------------------

TEST(TimelineJson, ReadsEveryKindOfValue) {
  const json::value doc =
      json::parse(R"( {"a": [1, -2.5e1, 0], "b": {"c": true, "d": false, "e": null}, "s": "x"} )");
  ASSERT_TRUE(doc.is_object());
  const json::array& a = doc.at("a").as_array();
  ASSERT_EQ(a.size(), 3u);
  EXPECT_EQ(a[0].as_int64(), 1);
  EXPECT_DOUBLE_EQ(a[1].as_number(), -25.0);
  EXPECT_TRUE(doc.at("b").at("c").as_bool());
  EXPECT_FALSE(doc.at("b").at("d").as_bool());
  EXPECT_TRUE(doc.at("b").at("e").is_null());
  EXPECT_EQ(doc.at("s").as_string(), "x");
  EXPECT_EQ(doc.find("missing"), nullptr);
  EXPECT_EQ(doc.at("b").as_object().size(), 3u);
}

TEST(TimelineJson, KeepsMicrosecondTimesToTheNanosecond) {
  EXPECT_DOUBLE_EQ(json::parse("1478.878").as_number(), 1478.878);
  EXPECT_DOUBLE_EQ(json::parse("1E3").as_number(), 1000.0);
  EXPECT_DOUBLE_EQ(json::parse("-0.5e-1").as_number(), -0.05);
}

TEST(TimelineJson, DecodesEscapesAndUnicode) {
  EXPECT_EQ(json::parse(R"("q\" b\\ s\/ \b\f\n\r\t")").as_string(), "q\" b\\ s/ \b\f\n\r\t");
  EXPECT_EQ(json::parse(R"("\u00b5s \u00E9")").as_string(), "µs é");
  EXPECT_EQ(json::parse(R"("\ud83d\ude00")").as_string(), "\xF0\x9F\x98\x80");
  EXPECT_EQ(json::parse("\"raw µ and 😀\"").as_string(), "raw µ and 😀");
  EXPECT_EQ(json::parse(R"("\u0000")").as_string(), std::string(1, '\0'));
}

TEST(TimelineJson, WrongKindsAreTypeErrors) {
  const json::value doc = json::parse(R"({"n": 1.5, "s": "1"})");
  EXPECT_THROW(doc.at("s").as_number(), json::type_error);
  EXPECT_THROW(doc.at("n").as_int64(), json::type_error);
  EXPECT_THROW(doc.at("n").as_string(), json::type_error);
  EXPECT_THROW(doc.at("absent"), json::type_error);
  EXPECT_THROW(doc.at("n").at("x"), json::type_error);
}

// parse_failure() is where and why parse() refused text.
std::string parse_failure(std::string_view text) {
  try {
    json::parse(text);
  } catch (const json::parse_error& e) {
    return e.what();
  }
  return "parsed";
}

TEST(TimelineJson, ErrorsNameLineAndColumn) {
  try {
    json::parse("{\n  \"a\": tru\n}");
    FAIL() << "parsed";
  } catch (const json::parse_error& e) {
    EXPECT_EQ(e.line(), 2u);
    EXPECT_EQ(e.column(), 8u);
    EXPECT_THAT(e.what(), HasSubstr("expected a JSON value"));
  }
  EXPECT_EQ(parse_failure("[1] x"), "line 1, column 5: unexpected text after the JSON value");
  EXPECT_EQ(parse_failure("[1,\n2,]"), "line 2, column 3: expected a JSON value, found ']'");
  EXPECT_EQ(parse_failure("{\"a\" 1}"),
            "line 1, column 6: expected ':' after the member name, found '1'");
  EXPECT_EQ(parse_failure("{\"a\":1 \"b\":2}"),
            "line 1, column 8: expected ',' or '}' in the object, found '\"'");
  EXPECT_EQ(parse_failure(""),
            "line 1, column 1: expected a JSON value, found the end of the text");
}

TEST(TimelineJson, RefusesWhatJsonForbids) {
  for (const char* text : {"01",          "1.",
                           ".5",          "-",
                           "+1",          "1e",
                           "NaN",         "Infinity",
                           "'a'",         "[1,]",
                           "{a:1}",       "{\"a\":1,}",
                           "nul",         "\"tab\there\"",
                           "\"\\x\"",     "\"\\u12\"",
                           "\"\\ud800\"", "\"\\udc00x\"",
                           "\"\xC3(\"",   "\"\xED\xA0\x80\"",
                           "\"open",      "1e400",
                           "[1] [2]"}) {
    EXPECT_THAT(parse_failure(text), testing::StartsWith("line 1, column ")) << text;
  }
  EXPECT_THAT(parse_failure("\"a\nb\""), HasSubstr("control character"));
  EXPECT_THAT(parse_failure(std::string(300, '[') + std::string(300, ']')),
              HasSubstr("nested deeper"));
  EXPECT_NO_THROW(json::parse(std::string(200, '[') + std::string(200, ']')));
}

// --- the trace loader --------------------------------------------------------------

TEST(TimelineTrace, OrdersLanesAndPairsSlicesPerThread) {
  const timeline::trace t = timeline::load_trace(kTwoLaneTrace);
  EXPECT_EQ(t.process_name, "27_pool_channels");
  ASSERT_EQ(t.lanes.size(), 2u);
  EXPECT_EQ(t.lanes[0].name, "P0");
  EXPECT_EQ(t.lanes[0].tid, 1);
  EXPECT_EQ(t.lanes[1].name, "P1");
  ASSERT_EQ(t.slices.size(), 5u);
  EXPECT_EQ(t.slices[0].name, "G1 main");
  EXPECT_DOUBLE_EQ(t.slices[0].begin, 100.0);
  EXPECT_DOUBLE_EQ(t.slices[0].end, 150.5);
  EXPECT_EQ(t.slices[0].goroutine, 1);
  EXPECT_EQ(t.slices[2].name, "trace: writing");
  EXPECT_TRUE(t.slices[2].runtime);
  EXPECT_FALSE(t.slices[2].goroutine.has_value());
  EXPECT_DOUBLE_EQ(t.slices[2].begin, 250.0);
  EXPECT_EQ(t.slices[3].lane, 1u);
  EXPECT_EQ(t.slices[3].name, "G2 sendWork");
  EXPECT_DOUBLE_EQ(t.slices[3].end, 300.0);
  EXPECT_EQ(t.slices[4].name, "G3 a<b & \"c\"");
  EXPECT_DOUBLE_EQ(t.first_begin, 100.0);
  EXPECT_DOUBLE_EQ(t.last_end, 320.0);
}

TEST(TimelineTrace, PairsFlowsAndReadsBlocks) {
  const timeline::trace t = timeline::load_trace(kTwoLaneTrace);
  ASSERT_EQ(t.flows.size(), 2u);
  EXPECT_EQ(t.flows[0].from.lane, 0u);
  EXPECT_DOUBLE_EQ(t.flows[0].from.ts, 110.0);
  EXPECT_EQ(t.flows[0].to.lane, 1u);
  EXPECT_DOUBLE_EQ(t.flows[0].to.ts, 120.0);
  EXPECT_EQ(t.flows[1].from.lane, 1u);
  EXPECT_EQ(t.flows[1].to.lane, 0u);
  EXPECT_DOUBLE_EQ(t.flows[1].to.ts, 210.0);
  ASSERT_EQ(t.blocks.size(), 1u);
  EXPECT_EQ(t.blocks[0].reason, "chan receive");
  EXPECT_EQ(t.blocks[0].goroutine, 1);
  EXPECT_DOUBLE_EQ(t.blocks[0].at.ts, 150.0);
  EXPECT_EQ(t.goroutine_names.at(2), "G2 sendWork");
}

TEST(TimelineTrace, NestedSlicesCloseInnermostFirst) {
  const timeline::trace t = timeline::load_trace(R"({"traceEvents":[
    {"ph":"B","tid":7,"ts":1,"name":"outer"},{"ph":"B","tid":7,"ts":2,"name":"inner"},
    {"ph":"E","tid":7,"ts":3},{"ph":"E","tid":7,"ts":4}]})");
  ASSERT_EQ(t.slices.size(), 2u);
  EXPECT_EQ(t.slices[0].name, "outer");
  EXPECT_DOUBLE_EQ(t.slices[0].end, 4.0);
  EXPECT_EQ(t.slices[1].name, "inner");
  EXPECT_DOUBLE_EQ(t.slices[1].end, 3.0);
  EXPECT_EQ(t.lanes.at(0).name, "tid 7");
}

// load_failure() is the loader's message for text.
std::string load_failure(std::string_view text) {
  try {
    timeline::load_trace(text);
  } catch (const timeline::trace_error& e) {
    return e.what();
  }
  return "loaded";
}

TEST(TimelineTrace, RefusesUnpairedSlices) {
  EXPECT_EQ(load_failure(R"({"traceEvents":[
    {"ph":"M","tid":1,"name":"thread_name","args":{"name":"P0"}},
    {"ph":"B","tid":1,"ts":5.5,"name":"G1 main"}]})"),
            "thread P0 (tid 1): \"B\" of G1 main at 5.500 µs has no \"E\"");
  EXPECT_EQ(load_failure(R"({"traceEvents":[{"ph":"B","tid":1,"ts":1,"name":"G1 main"},
    {"ph":"E","tid":1,"ts":2},{"ph":"E","tid":1,"ts":3}]})"),
            "tid 1: \"E\" at 3.000 µs has no \"B\" before it");
}

TEST(TimelineTrace, RefusesWhatIsNotATrace) {
  EXPECT_EQ(load_failure("{\"traceEvents\": [\n  {\"ph\": \"B\",, }\n]}"),
            "not JSON: line 2, column 14: expected a member name in double quotes, found ','");
  EXPECT_THAT(load_failure(R"({"events": []})"), HasSubstr("no \"traceEvents\" array"));
  EXPECT_THAT(load_failure(R"([])"), HasSubstr("no \"traceEvents\" array"));
  EXPECT_EQ(load_failure(R"({"traceEvents":[{"ph":"B","tid":1,"ts":"soon","name":"x"}]})"),
            "traceEvents[0] \"ts\": expected number, found string");
  EXPECT_EQ(load_failure(R"({"traceEvents":[{"ph":"E","ts":1}]})"),
            "traceEvents[0] has no \"tid\"");
  EXPECT_EQ(load_failure(R"({"traceEvents":[7]})"), "traceEvents[0] is not an object");
}

TEST(TimelineTrace, SelectsWindowsFromTheFirstSlice) {
  const timeline::trace t = timeline::load_trace(kTwoLaneTrace);
  const timeline::time_window whole = timeline::select_window(t, 0, std::nullopt);
  EXPECT_DOUBLE_EQ(whole.from, 100.0);
  EXPECT_DOUBLE_EQ(whole.to, 320.0);
  const timeline::time_window part = timeline::select_window(t, 100, 60);
  EXPECT_DOUBLE_EQ(part.from, 200.0);
  EXPECT_DOUBLE_EQ(part.to, 260.0);
  EXPECT_DOUBLE_EQ(timeline::select_window(t, 20, std::nullopt).to, 320.0);
  EXPECT_THROW(timeline::select_window(t, 220, std::nullopt), timeline::trace_error);
  EXPECT_THROW(
      timeline::select_window(timeline::load_trace(R"({"traceEvents":[]})"), 0, std::nullopt),
      timeline::trace_error);
}

// --- the command -------------------------------------------------------------------

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size()))
    ++n;
  return n;
}

// TimelineCommand gives each test a folder of its own for traces and pictures.
class TimelineCommand : public testing::Test {
 protected:
  void SetUp() override {
    dir_ =
        fs::temp_directory_path() / ("gort-timeline-" + std::to_string(::getpid()) + "-" +
                                     testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string file(const std::string& name, const std::string& text) const {
    std::ofstream(dir_ / name, std::ios::binary) << text;
    return (dir_ / name).string();
  }

  std::string svg_path() const { return (dir_ / "out.svg").string(); }

  std::string read_svg() const {
    std::ifstream in(svg_path(), std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  }

  static gort_test::child_result timeline(const std::vector<std::string>& args) {
    return gort_test::run_child(TIMELINE_BINARY, args, 30s);
  }

  // refused() runs the command expecting a one-line complaint on stderr.
  static std::string refused(const std::vector<std::string>& args) {
    const auto run = timeline(args);
    EXPECT_NE(run.exit_code, 0) << run.out;
    EXPECT_EQ(run.signal, 0);
    EXPECT_EQ(count(run.err, "\n"), 1u) << run.err;
    EXPECT_THAT(run.err, testing::StartsWith("gort-timeline: "));
    return run.err;
  }

  fs::path dir_;
};

TEST_F(TimelineCommand, DrawsLanesBarsArrowsAndLegend) {
  const auto run = timeline({file("trace.json", kTwoLaneTrace), "-o", svg_path()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.err, "");
  const std::string svg = read_svg();
  EXPECT_THAT(svg, testing::StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"900\""));
  EXPECT_THAT(svg, testing::EndsWith("</svg>\n"));
  EXPECT_THAT(svg, HasSubstr("viewBox=\"0 0 900 "));
  EXPECT_EQ(count(svg, "<text class=\"lab\""), 2u);
  EXPECT_THAT(svg, HasSubstr(">P0</text>"));
  EXPECT_THAT(svg, HasSubstr(">P1</text>"));
  EXPECT_THAT(svg, HasSubstr(">G1 main</text>"));
  EXPECT_THAT(svg, HasSubstr(">G2 sendWork</text>"));
  EXPECT_THAT(svg, HasSubstr("G3 a&lt;b &amp; &quot;c&quot;"));
  EXPECT_THAT(svg, testing::Not(HasSubstr("a<b")));
  EXPECT_EQ(count(svg, "<path class=\"flow\""), 2u) << "one arrow per hand-off";
  EXPECT_THAT(svg, HasSubstr("<title>G1 main blocks: chan receive</title>"));
  EXPECT_THAT(svg, HasSubstr("<rect class=\"rt\""));
  EXPECT_THAT(svg, HasSubstr(">27_pool_channels</text>"));
  EXPECT_THAT(svg, HasSubstr(">0 µs</text>"));
  EXPECT_THAT(svg, HasSubstr(">200 µs</text>"));
}

TEST_F(TimelineCommand, WindowClipsSlicesAndDropsArrowsLeavingIt) {
  const auto run = timeline({file("trace.json", kTwoLaneTrace), "-o", svg_path(), "--from", "100",
                             "--length", "60", "--width", "600", "--title", "Hand-off <P1 → P0>"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const std::string svg = read_svg();
  EXPECT_THAT(svg, HasSubstr("width=\"600\""));
  EXPECT_THAT(svg, HasSubstr(">Hand-off &lt;P1 → P0&gt;</text>"));
  EXPECT_EQ(count(svg, "<path class=\"flow\""), 1u) << "only the hand-off at 200 µs lies inside";
  EXPECT_THAT(svg, testing::Not(HasSubstr("G3")));
  EXPECT_THAT(svg, testing::Not(HasSubstr("blocks:")));
  EXPECT_THAT(svg, HasSubstr(">100 µs</text>"));
  // G2 sendWork runs from 120 to 300 µs in the file: the window keeps 200..260.
  EXPECT_THAT(svg, HasSubstr("<rect class=\"g2\" x=\"70\""));
  EXPECT_THAT(svg, HasSubstr("width=\"510\""));
}

TEST_F(TimelineCommand, LongWindowsCountInMilliseconds) {
  const auto run =
      timeline({file("trace.json", kTwoLaneTrace), "-o", svg_path(), "--length", "50000"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(read_svg(), HasSubstr(">10 ms</text>"));
}

TEST_F(TimelineCommand, MergesSliversIntoVisibleBars) {
  std::string events =
      R"({"traceEvents":[{"ph":"M","tid":1,"name":"thread_name","args":{"name":"P0"}})";
  for (int i = 0; i < 20000; ++i) {
    const std::string ts = std::to_string(i);
    const std::string g = std::to_string(1 + i % 2);
    events += R"(,{"ph":"B","tid":1,"ts":)" + ts + R"(,"name":"G)" + g +
              R"( ping","args":{"goroutine":)" + g + R"(}},{"ph":"E","tid":1,"ts":)" + ts + ".5}";
  }
  const auto run = timeline({file("trace.json", events + "]}"), "-o", svg_path()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const std::string svg = read_svg();
  EXPECT_LT(svg.size(), 200'000u) << "20000 slices on 810 px need no 20000 rects";
  EXPECT_GE(count(svg, "<rect class=\"mix\""), 1u);
  EXPECT_THAT(svg, HasSubstr("several goroutines"));
}

TEST_F(TimelineCommand, RefusesMissingUnreadableAndMalformedTraces) {
  EXPECT_THAT(
      refused({(dir_ / "absent.json").string(), "-o", svg_path()}),
      HasSubstr("cannot open " + (dir_ / "absent.json").string() + ": No such file or directory"));
  EXPECT_THAT(refused({dir_.string(), "-o", svg_path()}), HasSubstr("it is a directory"));
  EXPECT_THAT(refused({file("bad.json", "{\"traceEvents\": [\n  {\"ph\": \"B\",, }\n]}"), "-o",
                       svg_path()}),
              HasSubstr("bad.json: not JSON: line 2, column 14: "));
  EXPECT_THAT(refused({file("other.json", "{\"events\": []}"), "-o", svg_path()}),
              HasSubstr("no \"traceEvents\" array"));
  EXPECT_THAT(
      refused({file("open.json", R"({"traceEvents":[{"ph":"B","tid":1,"ts":1,"name":"G1 main"}]})"),
               "-o", svg_path()}),
      HasSubstr("\"B\" of G1 main at 1.000 µs has no \"E\""));
  EXPECT_THAT(refused({file("close.json", R"({"traceEvents":[{"ph":"E","tid":1,"ts":1}]})"), "-o",
                       svg_path()}),
              HasSubstr("\"E\" at 1.000 µs has no \"B\" before it"));
  EXPECT_THAT(refused({file("empty.json", R"({"traceEvents":[]})"), "-o", svg_path()}),
              HasSubstr("no goroutine slices"));
  EXPECT_FALSE(fs::exists(svg_path()));
}

TEST_F(TimelineCommand, RefusesImpossibleWindowsAndOutputs) {
  const std::string trace = file("trace.json", kTwoLaneTrace);
  EXPECT_THAT(refused({trace, "-o", svg_path(), "--length", "0"}),
              HasSubstr("--length must be a positive"));
  EXPECT_THAT(refused({trace, "-o", svg_path(), "--length", "-5"}),
              HasSubstr("--length must be a positive"));
  EXPECT_THAT(refused({trace, "-o", svg_path(), "--from", "-1"}), HasSubstr("--from must be"));
  EXPECT_THAT(refused({trace, "-o", svg_path(), "--from", "220"}),
              HasSubstr("past the trace's end"));
  EXPECT_THAT(refused({trace, "-o", svg_path(), "--width", "10"}),
              HasSubstr("--width must be from 300 to 20000 px"));
  EXPECT_THAT(refused({trace, "-o", svg_path(), "--width", "1e9"}),
              HasSubstr("--width must be from"));
  EXPECT_THAT(refused({trace, "-o", svg_path(), "--length", "ten"}), HasSubstr("--length"));
  EXPECT_THAT(refused({trace}), HasSubstr("--output is required"));
  EXPECT_THAT(refused({trace, "-o", (dir_ / "no-such-dir" / "out.svg").string()}),
              HasSubstr("cannot write " + (dir_ / "no-such-dir" / "out.svg").string()));
}

}  // namespace
