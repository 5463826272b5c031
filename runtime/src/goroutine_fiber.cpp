// SPDX-License-Identifier: MIT
// pool::make_fiber(), in a file of its own: the Boost.Fiber templates it
// instantiates — the fiber's entry, its run, its exit and its destructor —
// have frames that straddle switches (entered on one fiber, left after the
// switch on another: a goroutine's last frames return only once the
// dispatcher frees it). So this file is compiled without ThreadSanitizer
// (runtime/CMakeLists.txt), and TSan's per-fiber call stacks stay balanced
// (tsan_fiber.hpp). Any build without TSan compiles it as usual.
#include <boost/fiber/context.hpp>
#include <boost/fiber/policy.hpp>

#include "pool.hpp"

namespace gort::detail {

boost::fibers::context* pool::make_fiber(goroutine& g) {
  return boost::fibers::make_worker_context_with_properties(
             boost::fibers::launch::post, &g, pooled_stack(stacks_, g.stack_bottom, g.stack_size),
             [this, &g] { run_goroutine(g); })
      .get();
}

}  // namespace gort::detail
