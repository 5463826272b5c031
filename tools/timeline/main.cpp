// SPDX-License-Identifier: MIT
// gort-timeline: draws a gort execution trace (Chrome trace-event JSON) as an
// SVG timeline for the book. Errors are one line on stderr and a non-zero exit.
#include <CLI/CLI.hpp>
#include <cerrno>
#include <cmath>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <system_error>

#include "svg.hpp"
#include "trace.hpp"

namespace {

constexpr int kBadInput = 1;
constexpr int kBadUsage = 2;

struct arguments {
  std::string trace_path;
  std::string output_path;
  double from = 0;
  std::optional<double> length;
  double width = 900;
  std::string title;
};

// usage_error: the command line asks for something that cannot be drawn.
class usage_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

std::string number_text(double v) {
  std::ostringstream text;
  text << v;
  return text.str();
}

// check_arguments() refuses what CLI11 lets through: "nan", negative offsets,
// windows of no length and pictures too narrow to hold the lanes.
void check_arguments(const arguments& a) {
  if (!std::isfinite(a.from) || a.from < 0) {
    throw usage_error("--from must be a number of µs, 0 or more (got " + number_text(a.from) + ")");
  }
  if (a.length && (!std::isfinite(*a.length) || *a.length <= 0)) {
    throw usage_error("--length must be a positive number of µs (got " + number_text(*a.length) +
                      ")");
  }
  if (!(a.width >= timeline::kMinimumWidth && a.width <= timeline::kMaximumWidth)) {
    throw usage_error("--width must be from " + number_text(timeline::kMinimumWidth) + " to " +
                      number_text(timeline::kMaximumWidth) + " px (got " + number_text(a.width) +
                      ")");
  }
}

void write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out)
    throw std::runtime_error("cannot write " + path + ": " +
                             std::generic_category().message(errno));
  out << text;
  out.close();
  if (!out)
    throw std::runtime_error("cannot write " + path + ": " +
                             std::generic_category().message(errno));
}

void draw(const arguments& a) {
  const timeline::trace trace = timeline::load_trace_file(a.trace_path);
  timeline::render_options options;
  options.width = a.width;
  options.title = a.title;
  try {
    options.window = timeline::select_window(trace, a.from, a.length);
  } catch (const timeline::trace_error& e) {
    throw timeline::trace_error(a.trace_path + ": " + e.what());
  }
  write_file(a.output_path, timeline::render_svg(trace, options));
}

// parse_arguments() reads the command line into a; it returns the exit code
// when the command must stop there: after --help, or after a usage error.
std::optional<int> parse_arguments(int argc, char** argv, arguments& a) {
  CLI::App app{"gort-timeline: draw a gort execution trace as an SVG timeline"};
  double length = 0;
  app.add_option("trace", a.trace_path,
                 "the trace (Chrome trace-event JSON) written by the runtime")
      ->required();
  app.add_option("-o,--output", a.output_path, "the SVG file to write")->required();
  app.add_option("--from", a.from,
                 "start of the window, in µs after the first slice begins (default 0)");
  auto* length_option = app.add_option(
      "--length", length, "length of the window in µs (default: to the last slice's end)");
  app.add_option("--width", a.width, "width of the picture in px (default 900)");
  app.add_option("--title", a.title, "the caption (default: the traced program's name)");
  try {
    app.parse(argc, argv);
    if (length_option->count() > 0) a.length = length;
    check_arguments(a);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);
    std::cerr << "gort-timeline: " << e.what() << " (see --help)\n";
    return kBadUsage;
  } catch (const usage_error& e) {
    std::cerr << "gort-timeline: " << e.what() << '\n';
    return kBadUsage;
  }
  return std::nullopt;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    arguments a;
    if (const std::optional<int> stop = parse_arguments(argc, argv, a)) return *stop;
    draw(a);
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "gort-timeline: " << e.what() << '\n';
    return kBadInput;
  }
}
