// SPDX-License-Identifier: MIT
// The SVG timeline: lays out lanes and a time axis, plans one bar per visible
// slice (merging runs of slivers), then writes arrows, block ticks and a legend.
#include "svg.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <stdexcept>
#include <vector>

namespace timeline {

namespace {

constexpr double kLabelWidth = 70;  // left column holding the lane names
constexpr double kRightMargin = 20;
constexpr double kCaptionHeight = 32;
constexpr double kLaneHeight = 30;
constexpr double kBarHeight = 18;
constexpr double kAxisHeight = 36;
constexpr double kLegendRowHeight = 20;
constexpr double kBottomMargin = 8;
constexpr double kCharWidth = 6.3;   // a generous average advance of 11px sans-serif
constexpr double kWideBar = 1.0;     // px: narrower slices join a merged run
constexpr double kMergeGap = 0.5;    // px: slivers closer than this touch on screen
constexpr double kMinVisible = 0.3;  // px: anything narrower is not drawn
constexpr double kPixelsPerTick = 100;
constexpr int kMaxTicks = 1000;      // bounds the axis loop whatever the rounding
constexpr double kArrowSpacing = 3;  // px between arrows' starts, and their least length
constexpr double kBlockSpacing = 4;  // px between block ticks, each 1.5 px wide
constexpr std::size_t kPaletteSize = 10;
constexpr std::size_t kLegendGoroutines = 40;
constexpr std::size_t kRunNamesShown = 4;

constexpr const char* kStyle =
    "<style>"
    "text{font-family:sans-serif;fill:#222}"
    ".cap{font-size:14px;font-weight:bold}.lab{font-size:12px}.tick{font-size:10px;fill:#555}"
    ".bl{font-size:11px;pointer-events:none}.leg{font-size:11px}"
    ".lane0{fill:#f6f6f6}.lane1{fill:#ececec}.grid{stroke:#d8d8d8;stroke-width:0.5}"
    ".axis{stroke:#555;stroke-width:1}"
    ".flow{stroke:#333;stroke-width:1;fill:none}.blk{stroke:#b00020;stroke-width:1.5}"
    ".g0{fill:#7aa6d6}.g1{fill:#f5a65b}.g2{fill:#e88080}.g3{fill:#8fcfc9}.g4{fill:#87c07a}"
    ".g5{fill:#f0d56b}.g6{fill:#c59bc1}.g7{fill:#ffb3ba}.g8{fill:#c4a484}.g9{fill:#a3d9ff}"
    ".rt{fill:#c8c8c8}.mix{fill:#6f6f6f}"
    "</style>"
    "<defs><marker id=\"arrow\" viewBox=\"0 0 8 8\" refX=\"8\" refY=\"4\" markerWidth=\"7\" "
    "markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0L8,4L0,8z\" fill=\"#333\"/></marker></defs>";

// num() writes a coordinate to a tenth of a pixel, which keeps the file small.
std::string num(double v) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", v);
  std::string out = text;
  if (out.size() > 2 && out.compare(out.size() - 2, 2, ".0") == 0) out.resize(out.size() - 2);
  return out == "-0" ? "0" : out;
}

// duration_text() writes a time for a tooltip, to the nanosecond.
std::string duration_text(double us) {
  char text[48];
  if (std::fabs(us) >= 10000) {
    std::snprintf(text, sizeof text, "%.6f ms", us / 1000);
  } else {
    std::snprintf(text, sizeof text, "%.3f µs", us);
  }
  return text;
}

// escape() makes text safe inside XML content and attributes; control
// characters XML 1.0 cannot hold at all become '?'.
std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        const bool forbidden =
            static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r';
        out += forbidden ? '?' : c;
    }
  }
  return out;
}

std::string goroutine_class(std::int64_t goroutine) {
  const auto size = static_cast<std::int64_t>(kPaletteSize);
  return "g" + std::to_string((goroutine % size + size) % size);
}

std::string colour_class(const slice& s) {
  return s.runtime || !s.goroutine ? "rt" : goroutine_class(*s.goroutine);
}

// layout: where things go. Times are the file's µs; x() maps them to pixels.
struct layout {
  double width = 0;
  double from = 0;
  double to = 0;
  double origin = 0;  // the first slice's start: axis labels count from it
  std::size_t lanes = 0;

  double plot_left() const { return kLabelWidth; }
  double plot_width() const { return width - kLabelWidth - kRightMargin; }
  double x(double ts) const { return plot_left() + (ts - from) / (to - from) * plot_width(); }
  bool contains(double ts) const { return ts >= from && ts <= to; }
  double lane_top(std::size_t lane) const {
    return kCaptionHeight + static_cast<double>(lane) * kLaneHeight;
  }
  double bar_top(std::size_t lane) const { return lane_top(lane) + (kLaneHeight - kBarHeight) / 2; }
  double bar_bottom(std::size_t lane) const { return bar_top(lane) + kBarHeight; }
  double lanes_bottom() const { return lane_top(lanes); }
  double legend_top() const { return lanes_bottom() + kAxisHeight; }
};

struct bar {
  std::size_t lane = 0;
  double x0 = 0;
  double x1 = 0;
  std::string css;
  std::string label;  // drawn inside the bar
  std::string tooltip;
};

struct planned_bars {
  std::vector<bar> bars;
  std::set<std::int64_t> goroutines;  // every goroutine that ran in the window
  bool runtime = false;
  bool mixed = false;
};

// narrow_run: neighbouring slices of one lane, each too narrow to see, drawn
// as one bar: in their goroutine's colour if they share one, else as "mixed".
class narrow_run {
 public:
  bool empty() const { return count_ == 0; }
  bool continues_at(std::size_t lane, double x0) const {
    return lane == lane_ && x0 - x1_ <= kMergeGap;
  }
  void add(const slice& s, double x0, double x1, double busy_us);
  void flush_into(planned_bars& plan);

 private:
  std::size_t lane_ = 0;
  double x0_ = 0;
  double x1_ = 0;
  std::size_t count_ = 0;
  double busy_us_ = 0;
  std::string css_;
  bool mixed_ = false;
  std::vector<std::string> names_;  // the first few distinct names, for the tooltip
  std::size_t more_names_ = 0;
};

void narrow_run::add(const slice& s, double x0, double x1, double busy_us) {
  const std::string css = colour_class(s);
  if (count_ == 0) {
    lane_ = s.lane;
    x0_ = x0;
    css_ = css;
  }
  mixed_ = mixed_ || css != css_;
  x1_ = std::max(x1_, x1);
  ++count_;
  busy_us_ += busy_us;
  if (std::find(names_.begin(), names_.end(), s.name) != names_.end()) return;
  if (names_.size() < kRunNamesShown) {
    names_.push_back(s.name);
  } else {
    ++more_names_;
  }
}

void narrow_run::flush_into(planned_bars& plan) {
  if (count_ == 0) return;
  if (x1_ - x0_ >= kMinVisible) {
    std::string names;
    for (const std::string& name : names_) names += (names.empty() ? "" : ", ") + name;
    if (more_names_ > 0) names += " and more";
    plan.bars.push_back({lane_, x0_, x1_, mixed_ ? "mix" : css_, "",
                         std::to_string(count_) + " short slices, " + duration_text(busy_us_) +
                             " in all: " + names + " (zoom in with --from/--length)"});
    plan.mixed = plan.mixed || mixed_;
  }
  *this = narrow_run();
}

// fitting_label() is the slice's name, else its "G2" prefix, else nothing,
// whichever fits the bar's width.
std::string fitting_label(const std::string& name, double width) {
  const auto fits = [width](std::string_view text) {
    return static_cast<double>(text.size()) * kCharWidth + 6 <= width;
  };
  if (fits(name)) return name;
  const std::string prefix = name.substr(0, name.find(' '));
  return fits(prefix) ? prefix : "";
}

bar wide_bar(const slice& s, double x0, double x1, const layout& g) {
  const std::string when =
      duration_text(s.begin - g.origin) + " – " + duration_text(s.end - g.origin);
  return {s.lane,
          x0,
          x1,
          colour_class(s),
          fitting_label(s.name, x1 - x0),
          s.name + ": " + when + " (" + duration_text(s.end - s.begin) + ")"};
}

planned_bars plan_bars(const trace& t, const layout& g) {
  planned_bars plan;
  narrow_run run;
  for (const slice& s : t.slices) {
    const double begin = std::max(s.begin, g.from);
    const double end = std::min(s.end, g.to);
    if (end <= begin) continue;
    if (s.runtime || !s.goroutine) {
      plan.runtime = true;
    } else {
      plan.goroutines.insert(*s.goroutine);
    }
    const double x0 = g.x(begin);
    const double x1 = g.x(end);
    if (!run.empty() && !run.continues_at(s.lane, x0)) run.flush_into(plan);
    if (x1 - x0 >= kWideBar) {
      run.flush_into(plan);
      plan.bars.push_back(wide_bar(s, x0, x1, g));
    } else {
      run.add(s, x0, x1, end - begin);
    }
  }
  run.flush_into(plan);
  return plan;
}

void draw_lanes(std::string& out, const trace& t, const layout& g) {
  for (std::size_t i = 0; i < t.lanes.size(); ++i) {
    out += "<rect class=\"lane" + std::to_string(i % 2) + "\" x=\"" + num(g.plot_left()) +
           "\" y=\"" + num(g.lane_top(i)) + "\" width=\"" + num(g.plot_width()) + "\" height=\"" +
           num(kLaneHeight) + "\"/>\n";
    out += "<text class=\"lab\" x=\"" + num(kLabelWidth - 8) + "\" y=\"" +
           num(g.lane_top(i) + kLaneHeight / 2 + 4) + "\" text-anchor=\"end\">" +
           escape(t.lanes[i].name) + "</text>\n";
  }
}

// tick_step() is the 1-2-5 step that puts about one tick per kPixelsPerTick.
double tick_step(const layout& g) {
  const double wanted = std::max(1.0, std::floor(g.plot_width() / kPixelsPerTick));
  const double raw = (g.to - g.from) / wanted;
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  for (const double factor : {1.0, 2.0, 5.0}) {
    if (factor * magnitude >= raw) return factor * magnitude;
  }
  return 10 * magnitude;
}

std::string tick_label(double relative_us, double step_us) {
  const bool in_ms = step_us >= 1000;
  const double step = in_ms ? step_us / 1000 : step_us;
  const int decimals = std::max(0, static_cast<int>(-std::floor(std::log10(step) + 1e-9)));
  char text[48];
  // Adding 0.0 turns -0 (from ceil() just below zero) into 0, printed without a sign.
  const double shown = (in_ms ? relative_us / 1000 : relative_us) + 0.0;
  std::snprintf(text, sizeof text, "%.*f %s", decimals, shown, in_ms ? "ms" : "µs");
  return text;
}

// draw_axis() labels times from the first slice's start, so that --from 200
// begins the axis at 200 µs; light grid lines run up through the lanes.
void draw_axis(std::string& out, const layout& g) {
  const double axis_y = g.lanes_bottom() + 4;
  out += "<line class=\"axis\" x1=\"" + num(g.plot_left()) + "\" y1=\"" + num(axis_y) + "\" x2=\"" +
         num(g.plot_left() + g.plot_width()) + "\" y2=\"" + num(axis_y) + "\"/>\n";
  const double step = tick_step(g);
  const double first = std::ceil((g.from - g.origin) / step - 1e-9);
  for (int i = 0; i <= kMaxTicks; ++i) {
    const double relative = (first + i) * step;
    if (g.origin + relative > g.to + step * 1e-9) break;
    const std::string x = num(g.x(g.origin + relative));
    out += "<line class=\"grid\" x1=\"" + x + "\" y1=\"" + num(g.lane_top(0)) + "\" x2=\"" + x +
           "\" y2=\"" + num(axis_y) + "\"/>";
    out += "<line class=\"axis\" x1=\"" + x + "\" y1=\"" + num(axis_y) + "\" x2=\"" + x +
           "\" y2=\"" + num(axis_y + 4) + "\"/>";
    out += "<text class=\"tick\" x=\"" + x + "\" y=\"" + num(axis_y + 16) +
           "\" text-anchor=\"middle\">" + tick_label(relative, step) + "</text>\n";
  }
}

void draw_bars(std::string& out, const std::vector<bar>& bars, const layout& g) {
  for (const bar& b : bars) {
    out += "<rect class=\"" + b.css + "\" x=\"" + num(b.x0) + "\" y=\"" + num(g.bar_top(b.lane)) +
           "\" width=\"" + num(std::max(b.x1 - b.x0, kMinVisible)) + "\" height=\"" +
           num(kBarHeight) + "\"><title>" + escape(b.tooltip) + "</title></rect>\n";
    if (b.label.empty()) continue;
    out += "<text class=\"bl\" x=\"" + num(b.x0 + 3) + "\" y=\"" +
           num(g.bar_top(b.lane) + kBarHeight / 2 + 4) + "\">" + escape(b.label) + "</text>\n";
  }
}

// flow_path() runs between lanes from bar edge to bar edge; within one lane it
// arches over the bars so that it does not hide them.
std::string flow_path(const flow& f, const layout& g) {
  const double x1 = g.x(f.from.ts);
  const double x2 = g.x(f.to.ts);
  if (f.from.lane == f.to.lane) {
    const double top = g.bar_top(f.from.lane);
    return "M" + num(x1) + "," + num(top) + "Q" + num((x1 + x2) / 2) + "," + num(top - 10) + " " +
           num(x2) + "," + num(top);
  }
  const bool down = f.to.lane > f.from.lane;
  const double y1 = down ? g.bar_bottom(f.from.lane) : g.bar_top(f.from.lane);
  const double y2 = down ? g.bar_top(f.to.lane) : g.bar_bottom(f.to.lane);
  return "M" + num(x1) + "," + num(y1) + "L" + num(x2) + "," + num(y2);
}

// draw_flows() returns how many arrows it drew. Arrows too short to see are
// left out, and so is an arrow starting within kArrowSpacing of the last one
// drawn between the same two lanes: a dense stretch shows as a comb of arrows.
std::size_t draw_flows(std::string& out, const trace& t, const layout& g) {
  std::map<std::pair<std::size_t, std::size_t>, double> last_start;  // by (from lane, to lane)
  std::size_t drawn = 0;
  for (const flow& f : t.flows) {
    if (!g.contains(f.from.ts) || !g.contains(f.to.ts)) continue;
    const double x = g.x(f.from.ts);
    if (f.from.lane == f.to.lane && std::fabs(g.x(f.to.ts) - x) < kArrowSpacing) continue;
    const auto [last, first] = last_start.try_emplace({f.from.lane, f.to.lane}, x);
    if (!first && x - last->second < kArrowSpacing) continue;
    last->second = x;
    out += "<path class=\"flow\" d=\"" + flow_path(f, g) + "\" marker-end=\"url(#arrow)\"/>\n";
    ++drawn;
  }
  return drawn;
}

std::string block_text(const trace& t, const block_mark& b) {
  std::string who = "a goroutine";
  if (b.goroutine) {
    const auto name = t.goroutine_names.find(*b.goroutine);
    who = name != t.goroutine_names.end() ? name->second : "G" + std::to_string(*b.goroutine);
  }
  return who + " blocks: " + (b.reason.empty() ? "no reason given" : b.reason);
}

void draw_block_tick(std::string& out, std::size_t lane, double x, const std::string& tooltip,
                     const layout& g) {
  out += "<line class=\"blk\" x1=\"" + num(x) + "\" y1=\"" + num(g.bar_top(lane) - 4) + "\" x2=\"" +
         num(x) + "\" y2=\"" + num(g.bar_top(lane) + kBarHeight / 3) + "\"><title>" +
         escape(tooltip) + "</title></line>\n";
}

// draw_blocks() returns how many ticks it drew. A tick covers only the top of
// the bar, leaving the colours readable; blocks closer together than
// kBlockSpacing share one tick, whose tooltip names the first and counts the rest.
std::size_t draw_blocks(std::string& out, const trace& t, const layout& g) {
  std::size_t drawn = 0;
  const block_mark* first = nullptr;
  double first_x = 0;
  std::size_t nearby = 0;
  const auto flush = [&] {
    if (first == nullptr) return;
    const std::string more =
        nearby > 0 ? " (and " + std::to_string(nearby) + " more blocks here)" : "";
    draw_block_tick(out, first->at.lane, first_x, block_text(t, *first) + more, g);
    ++drawn;
  };
  for (const block_mark& b : t.blocks) {
    if (!g.contains(b.at.ts)) continue;
    const double x = g.x(b.at.ts);
    if (first != nullptr && first->at.lane == b.at.lane && x - first_x < kBlockSpacing) {
      ++nearby;
      continue;
    }
    flush();
    first = &b;
    first_x = x;
    nearby = 0;
  }
  flush();
  return drawn;
}

// legend_entry: a swatch (a bar colour, an arrow or a block tick) and its words.
struct legend_entry {
  enum class mark { swatch, arrow, tick, none } kind = mark::swatch;
  std::string css;
  std::string text;
};

std::vector<legend_entry> legend_entries(const trace& t, const planned_bars& plan, bool flows,
                                         bool blocks) {
  std::vector<legend_entry> entries;
  for (const std::int64_t id : plan.goroutines) {
    if (entries.size() == kLegendGoroutines) {
      entries.push_back({legend_entry::mark::none, "",
                         "and " + std::to_string(plan.goroutines.size() - kLegendGoroutines) +
                             " more goroutines"});
      break;
    }
    const auto name = t.goroutine_names.find(id);
    entries.push_back({legend_entry::mark::swatch, goroutine_class(id),
                       name != t.goroutine_names.end() ? name->second : "G" + std::to_string(id)});
  }
  if (plan.runtime)
    entries.push_back({legend_entry::mark::swatch, "rt", "runtime (trace: writing)"});
  if (plan.mixed)
    entries.push_back(
        {legend_entry::mark::swatch, "mix", "several goroutines, too short to tell apart"});
  if (flows) entries.push_back({legend_entry::mark::arrow, "", "wake-up: channel hand-off or go"});
  if (blocks) entries.push_back({legend_entry::mark::tick, "", "goroutine blocks"});
  return entries;
}

std::string legend_mark(const legend_entry& e, double x, double y) {
  switch (e.kind) {
    case legend_entry::mark::swatch:
      return "<rect class=\"" + e.css + "\" x=\"" + num(x) + "\" y=\"" + num(y - 10) +
             "\" width=\"12\" height=\"12\"/>";
    case legend_entry::mark::arrow:
      return "<line class=\"flow\" x1=\"" + num(x) + "\" y1=\"" + num(y - 4) + "\" x2=\"" +
             num(x + 12) + "\" y2=\"" + num(y - 4) + "\" marker-end=\"url(#arrow)\"/>";
    case legend_entry::mark::tick:
      return "<line class=\"blk\" x1=\"" + num(x + 6) + "\" y1=\"" + num(y - 11) + "\" x2=\"" +
             num(x + 6) + "\" y2=\"" + num(y + 3) + "\"/>";
    case legend_entry::mark::none:
      break;
  }
  return "";
}

// draw_legend() flows the entries into rows as wide as the picture and
// returns the number of rows used.
std::size_t draw_legend(std::string& out, const std::vector<legend_entry>& entries,
                        const layout& g) {
  double x = kLabelWidth;
  std::size_t row = 0;
  for (const legend_entry& e : entries) {
    const double width = 18 + static_cast<double>(e.text.size()) * kCharWidth + 14;
    if (x + width > g.width - kRightMargin && x > kLabelWidth) {
      x = kLabelWidth;
      ++row;
    }
    const double y = g.legend_top() + 12 + static_cast<double>(row) * kLegendRowHeight;
    out += legend_mark(e, x, y);
    out += "<text class=\"leg\" x=\"" + num(x + 18) + "\" y=\"" + num(y) + "\">" + escape(e.text) +
           "</text>\n";
    x += width;
  }
  return entries.empty() ? 0 : row + 1;
}

}  // namespace

std::string render_svg(const trace& t, const render_options& options) {
  if (!(options.window.to > options.window.from)) {
    throw std::invalid_argument("render_svg() needs a window that ends after it starts");
  }
  const layout g{std::clamp(options.width, kMinimumWidth, kMaximumWidth), options.window.from,
                 options.window.to, t.first_begin, t.lanes.size()};
  const planned_bars plan = plan_bars(t, g);
  std::string body;
  draw_lanes(body, t, g);
  draw_axis(body, g);
  draw_bars(body, plan.bars, g);
  const std::size_t flows = draw_flows(body, t, g);
  const std::size_t blocks = draw_blocks(body, t, g);
  const std::size_t rows = draw_legend(body, legend_entries(t, plan, flows > 0, blocks > 0), g);
  const double height =
      g.legend_top() + static_cast<double>(rows) * kLegendRowHeight + kBottomMargin;
  const std::string caption = !options.title.empty() ? options.title : t.process_name;

  std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + num(g.width) +
                    "\" height=\"" + num(height) + "\" viewBox=\"0 0 " + num(g.width) + " " +
                    num(height) + "\" font-family=\"sans-serif\">\n";
  out += kStyle;
  out += "\n<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n";
  out += "<text class=\"cap\" x=\"10\" y=\"20\">" + escape(caption) + "</text>\n";
  out += body;
  out += "</svg>\n";
  return out;
}

}  // namespace timeline
