// SPDX-License-Identifier: MIT
// The public runtime functions: run, go, gosched, goexit, gomaxprocs, num_cpu,
// num_goroutine, stack, exit, panic; and how the program ends (Go's exit rule).
//
// Go's exit rule: when the main goroutine returns, the program ends at once,
// whatever other goroutines are doing. run() cannot end the process itself (a
// test calls it many times), so it returns; if goroutines are left, their pool
// is abandoned to them. While any pool runs or is abandoned, a process exit
// (main returning, or std::exit anywhere) goes through a handler that flushes
// the output and calls _exit with the exit status, so no static destructor
// races a goroutine that is still running.
#include <sched.h>
#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <mutex>
#include <string>
#include <variant>

#include "cpu_quota.hpp"
#include "dump.hpp"
#include "fatal.hpp"
#include "goroutine.hpp"
#include "gort/detail/chaos.hpp"
#include "gort/runtime.hpp"
#include "parse.hpp"
#include "pool.hpp"
#include "scheduler.hpp"
#include "small_blocks.hpp"
#include "stack_pool.hpp"
#include "trace.hpp"
#include "watchdog.hpp"

namespace gort {
namespace {

// Pools running or abandoned: while any exists, the process may not unwind.
std::atomic<int> live_pools{0};

void end_without_unwinding(int status, void* /*unused*/) {
  if (live_pools.load() == 0) return;
  detail::flush_output();
  ::_exit(status);
}

// pool_started() arms, once per process, the exit handler that keeps a
// process ending during a run (std::exit in a goroutine, say) or after an
// abandoned one from running static destructors under running goroutines.
void pool_started() {
  static const bool registered = (::on_exit(end_without_unwinding, nullptr), true);
  static_cast<void>(registered);
  live_pools.fetch_add(1);
}

// abandon() leaves a pool to the goroutines still on it; the pool is freed
// when its threads end, after the last of them. It stays counted in live_pools.
void abandon(std::unique_ptr<detail::pool> leftover) { detail::pool::release(std::move(leftover)); }

// env_maxprocs() is $GOMAXPROCS if it is a positive integer; Go ignores anything else.
std::optional<int> env_maxprocs() {
  const char* text = std::getenv("GOMAXPROCS");
  if (text == nullptr) return std::nullopt;
  const auto n = detail::parse_number<int>(text);
  if (!n || *n < 1) return std::nullopt;
  return std::min(*n, detail::kMaxProcs);
}

int default_maxprocs() { return env_maxprocs().value_or(num_cpu()); }

// debugging: what a run shows of itself (trace.hpp, schedtrace.hpp) and
// whether its schedules are randomized (gort/detail/chaos.hpp).
struct debugging {
  std::string trace;                        // the trace file; empty: none
  std::chrono::milliseconds schedtrace{0};  // 0: no schedtrace
  std::optional<std::uint64_t> chaos_seed;
};

// debugging_for() reads options.trace, $GORT_TRACE, $GORT_SCHEDTRACE (a
// period in milliseconds) and $GORT_CHAOS (a seed); an error message if one is bad.
std::variant<debugging, std::string> debugging_for(const options& opts) {
  debugging wanted;
  const char* trace = std::getenv("GORT_TRACE");
  wanted.trace = !opts.trace.empty() ? opts.trace : trace != nullptr ? trace : "";
  if (const char* text = std::getenv("GORT_SCHEDTRACE"); text != nullptr && *text != '\0') {
    const auto ms = detail::parse_number<int>(text);
    if (!ms || *ms < 1) {
      return std::string("GORT_SCHEDTRACE is '") + text +
             "'; use a period in milliseconds, like GORT_SCHEDTRACE=1000";
    }
    wanted.schedtrace = std::chrono::milliseconds(*ms);
  }
  if (const char* text = std::getenv("GORT_CHAOS"); text != nullptr && *text != '\0') {
    wanted.chaos_seed = detail::parse_number<std::uint64_t>(text);
    if (!wanted.chaos_seed) {
      return std::string("GORT_CHAOS is '") + text +
             "'; use a seed, a whole number like GORT_CHAOS=42";
    }
  }
  return wanted;
}

// options_error() says what is wrong with opts, or nothing.
std::optional<std::string> options_error(const options& opts) {
  using detail::stack_pool;
  if (opts.maxprocs < 0) {
    return "options.maxprocs is " + std::to_string(opts.maxprocs) +
           "; use 0 (GOMAXPROCS or num_cpu) or a positive thread count";
  }
  if (opts.stack_size != 0 && (opts.stack_size < stack_pool::kMinStackSize ||
                               opts.stack_size > stack_pool::kMaxStackSize)) {
    return "options.stack_size is " + std::to_string(opts.stack_size) + " bytes; use 0 (default " +
           std::to_string(stack_pool::kDefaultStackSize) + ") or " +
           std::to_string(stack_pool::kMinStackSize) + " to " +
           std::to_string(stack_pool::kMaxStackSize);
  }
  return std::nullopt;
}

int affinity_cpus() {
  for (int cpus = CPU_SETSIZE;; cpus *= 2) {
    cpu_set_t* set = CPU_ALLOC(cpus);
    const std::size_t size = CPU_ALLOC_SIZE(cpus);
    const int rc = ::sched_getaffinity(0, size, set);
    const int count = rc == 0 ? CPU_COUNT_S(size, set) : 0;
    CPU_FREE(set);
    if (rc == 0) return count;
    if (errno != EINVAL || cpus > (1 << 20)) return 1;
  }
}

}  // namespace

namespace detail {

void* task::operator new(std::size_t size) { return small_blocks::allocate(size); }
void task::operator delete(void* block, std::size_t size) noexcept {
  small_blocks::deallocate(block, size);
}

void spawn(std::unique_ptr<task> body, std::string label, const char* type_name,
           const void* entry) {
  processor* p = current_processor();
  if (p == nullptr) fatal("gort::go called outside gort::run: start goroutines from a goroutine");
  p->home_pool.spawn(std::move(body), std::move(label), type_name, entry);
}

}  // namespace detail

int run(const options& opts, std::function<void()> main_goroutine) {
  if (detail::current_processor() != nullptr) {
    detail::fatal("gort::run called from a goroutine; call it once from main()");
  }
  if (auto error = options_error(opts)) {
    std::cerr << "gort::run: " << *error << '\n';
    return 2;
  }
  if (!main_goroutine) {
    std::cerr << "gort::run: the main goroutine is an empty std::function\n";
    return 2;
  }
  const int procs =
      opts.maxprocs > 0 ? std::min(opts.maxprocs, detail::kMaxProcs) : default_maxprocs();
  const std::size_t stack =
      opts.stack_size != 0 ? opts.stack_size : detail::stack_pool::kDefaultStackSize;
  const auto wanted = debugging_for(opts);
  if (const auto* error = std::get_if<std::string>(&wanted)) {
    std::cerr << "gort::run: " << *error << '\n';
    return 2;
  }
  const auto& debug = std::get<debugging>(wanted);
  if (!debug.trace.empty() || debug.schedtrace.count() > 0) {
    if (const std::string error = detail::trace::start(debug.trace); !error.empty()) {
      std::cerr << "gort::run: " << error << '\n';
      return 2;
    }
  }
  if (debug.chaos_seed) detail::chaos::start(*debug.chaos_seed);
  detail::watchdog::start();
  auto pool = std::make_unique<detail::pool>(procs, stack, opts.virtual_time, debug.schedtrace);
  pool_started();
  pool->start(std::make_unique<detail::task_of<std::function<void()>>>(std::move(main_goroutine)));
  pool->wait_main();
  if (pool->finish()) {
    live_pools.fetch_sub(1);
    detail::stack_pool::for_size(stack).trim();  // the run's threads are gone: its stacks are free
  } else {
    abandon(std::move(pool));
  }
  detail::trace::stop();
  detail::chaos::stop();
  return 0;
}

int run(std::function<void()> main_goroutine) { return run(options{}, std::move(main_goroutine)); }

void gosched() { detail::yield(); }

void goexit() {
  if (detail::current_goroutine() == nullptr)
    detail::fatal("gort::goexit called outside a goroutine");
  throw detail::goexit_signal{};
}

int gomaxprocs(int n) {
  if (detail::processor* p = detail::current_processor()) return p->home_pool.set_maxprocs(n);
  return default_maxprocs();
}

int num_cpu() { return detail::cpus_for(affinity_cpus(), detail::cgroup_cpu_limit("/")); }

int num_goroutine() {
  detail::processor* p = detail::current_processor();
  return p != nullptr ? p->home_pool.live_goroutines() : 0;
}

std::string stack() {
  detail::processor* p = detail::current_processor();
  if (p == nullptr) return {};
  char* text = nullptr;
  std::size_t size = 0;
  std::FILE* out = ::open_memstream(&text, &size);
  if (out == nullptr) return {};
  detail::write_goroutines(out, &p->home_pool, detail::current_goroutine());
  std::fclose(out);
  std::string dump(text, size);
  std::free(text);
  return dump;
}

void exit(int code) {
  detail::flush_output();
  ::_exit(code);
}

void panic(std::string_view msg) { throw panic_error(std::string(msg)); }

}  // namespace gort
