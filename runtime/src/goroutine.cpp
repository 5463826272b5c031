// SPDX-License-Identifier: MIT
// A goroutine's life: spawned, run (its panics reported, Go's exit rule for
// main), ended. See goroutine.hpp.
#include "goroutine.hpp"

#include <utility>

#include "dump.hpp"
#include "fatal.hpp"
#include "liveness.hpp"
#include "pool.hpp"
#include "sanitizers.hpp"
#include "trace.hpp"

namespace gort::detail {

void pool::spawn(std::unique_ptr<task> body, std::string label, const char* type_name,
                 const void* entry) {
  launch(std::move(body), goroutine::role::user, std::move(label), type_name, entry);
}

void pool::start_system(std::unique_ptr<task> body, std::string label) {
  launch(std::move(body), goroutine::role::system, std::move(label), nullptr, nullptr);
}

void pool::launch(std::unique_ptr<task> body, goroutine::role role, std::string label,
                  const char* type_name, const void* entry) {
  const std::uint64_t id = role == goroutine::role::system ? 0 : next_id_.fetch_add(1);
  auto* g = new goroutine(*this, id, role, std::move(body), std::move(label), type_name, entry);
  if (g->counted()) {
    if (role != goroutine::role::main) {  // counted by start()
      goroutines_.fetch_add(1);
      liveness::goroutine_started();
    }
    register_goroutine(*g);
  }
  if (trace::on()) trace::created(*g);
  ready(*g, true);  // as Go's newproc: the new goroutine runs next on this thread
}

void pool::run_goroutine(goroutine& g) {
  now_on_stack_of(g);
  if (!g.counted()) {
    g.body->run();
    return;
  }
  bool goexited = false;
  try {
    g.body->run();
    g.body.reset();  // the goroutine's captures die with it, before it counts as ended
  } catch (const goexit_signal&) {
    goexited = true;
  } catch (const std::exception& e) {
    report_panic(g, e.what());
  } catch (...) {
    report_panic(g, "a C++ exception not derived from std::exception");
  }
  unregister_goroutine(g);
  const bool main_returned = g.what == goroutine::role::main && !goexited;
  if (main_returned) liveness::thread_unblocked();  // run()'s caller is about to go on
  if (g.what == goroutine::role::main && goexited) main_goexited_.store(true);
  const int left = goroutines_.fetch_sub(1) - 1;
  liveness::goroutine_exited();
  if (main_returned) {
    std::lock_guard lock(main_mutex_);
    main_done_ = true;
    main_cv_.notify_all();
  }
  if (left == 0 && main_goexited_.load())
    fatal("no goroutines (main called runtime.Goexit) - deadlock!");
  // The last leftover of a run that has returned: the threads have nothing
  // more to do (finish() left them running only for the leftovers).
  if (left == 0 && abandoned_.load() && claim_stop()) stop_threads();
}

void pool::wait_main() {
  liveness::thread_blocked();  // until the main goroutine returns: see run_goroutine
  std::unique_lock lock(main_mutex_);
  main_cv_.wait(lock, [this] { return main_done_; });
}

}  // namespace gort::detail
