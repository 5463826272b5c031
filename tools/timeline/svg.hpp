// SPDX-License-Identifier: MIT
// Drawing a loaded trace as an SVG timeline: a lane per thread, a bar per run
// slice, arrows for wake-ups, ticks where goroutines block, and a legend.
#pragma once

#include <string>

#include "trace.hpp"

namespace timeline {

// Narrower pictures leave the bars no room beside the lane names; wider ones
// are no longer pictures for a page.
inline constexpr double kMinimumWidth = 300;
inline constexpr double kMaximumWidth = 20000;

struct render_options {
  double width = 900;  // px, from kMinimumWidth to kMaximumWidth
  std::string title;   // the caption; empty: the trace's process name
  time_window window;  // the stretch drawn, from select_window()
};

// render_svg() draws t within options.window as a standalone SVG document.
// Slices the window cuts are clipped; arrows with an end outside it are left
// out; slices too narrow to see alone are merged with their neighbours.
std::string render_svg(const trace& t, const render_options& options);

}  // namespace timeline
