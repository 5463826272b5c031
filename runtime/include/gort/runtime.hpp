// SPDX-License-Identifier: MIT
// The runtime: gort::run starts a pool of GOMAXPROCS OS threads and runs the
// main goroutine on it; go() starts more goroutines; panics end the program
// as Go's do.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <typeinfo>
#include <string_view>
#include <type_traits>
#include <utility>

namespace gort {

// options configures one gort::run.
struct options {
  int maxprocs = 0;            // 0: $GOMAXPROCS if set (and valid), else num_cpu()
  std::size_t stack_size = 0;  // 0: the runtime's default goroutine stack (128 KiB)
  bool virtual_time = false;   // true: a fake clock that jumps when all goroutines wait (Go's testing/synctest)
  std::string trace{};         // "": $GORT_TRACE if set; else the file the execution trace is written to
};

// run() runs main_goroutine as goroutine 1 on a pool of options.maxprocs OS
// threads and returns 0 once it returns, leaving any other goroutines behind
// (they go on running; when the process exits they are dropped, as in Go).
// A panic in any goroutine prints Go's report and exits the process with
// status 2. Bad options print a message and return 2.
int run(const options& opts, std::function<void()> main_goroutine);
int run(std::function<void()> main_goroutine);

// panic_error is what gort::panic and the runtime's own panics ("send on
// closed channel", …) throw; catching it is Go's recover().
class panic_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// panic() throws panic_error(msg). If nothing catches it, the program prints
// "panic: msg" and the goroutine, and exits with status 2.
[[noreturn]] void panic(std::string_view msg);

namespace detail {

// task is a goroutine's body, type-erased so that go() needs no Boost header.
// Its memory comes from the runtime's recycled blocks (src/small_blocks.hpp).
struct task {
  virtual ~task() = default;
  virtual void run() = 0;

  static void* operator new(std::size_t size);
  static void operator delete(void* block, std::size_t size) noexcept;
};

template <class F>
struct task_of final : task {
  explicit task_of(F fn) : body(std::move(fn)) {}
  void run() override { std::move(body)(); }
  F body;
};

// spawn() starts body as a goroutine. label, or else entry (the function it
// runs, when it is a plain function) or type_name (its callable's type), names
// it in dumps and traces.
void spawn(std::unique_ptr<task> body, std::string label, const char* type_name, const void* entry);

// entry_of() is f's address when f is a plain function, else nullptr.
template <class F>
const void* entry_of(const F& f) noexcept {
  using stored = std::decay_t<F>;
  if constexpr (std::is_pointer_v<stored> && std::is_function_v<std::remove_pointer_t<stored>>) {
    const stored function = f;
    return reinterpret_cast<const void*>(function);
  } else {
    return nullptr;
  }
}

template <class F, class... Args>
std::unique_ptr<task> bind_task(F&& f, Args&&... args) {
  auto body = [fn = std::decay_t<F>(std::forward<F>(f)),
               ... bound = std::decay_t<Args>(std::forward<Args>(args))]() mutable {
    std::invoke(std::move(fn), std::move(bound)...);
  };
  return std::make_unique<task_of<decltype(body)>>(std::move(body));
}

}  // namespace detail

// named labels a goroutine in goroutine dumps: go(named{"pump"}, pump, ch).
struct named {
  std::string label;
};

// go() starts f(args...) in a new goroutine. The arguments are decayed and
// copied (or moved) now, as Go evaluates a go statement's arguments; f and the
// arguments may be move-only. Call it from a goroutine. Dumps and traces name
// the goroutine by the label of a leading named{...}, else by f's name when it
// is a plain function, else by f's type.
template <class F, class... Args>
void go(F&& f, Args&&... args) {
  const void* entry = detail::entry_of(f);
  detail::spawn(detail::bind_task(std::forward<F>(f), std::forward<Args>(args)...), {},
                typeid(std::decay_t<F>).name(), entry);
}

template <class F, class... Args>
void go(named name, F&& f, Args&&... args) {
  detail::spawn(detail::bind_task(std::forward<F>(f), std::forward<Args>(args)...),
                std::move(name.label), nullptr, nullptr);
}

// gosched() yields the thread to other goroutines; the caller stays runnable
// (Go's runtime.Gosched).
void gosched();

// goexit() ends the calling goroutine after running the destructors of its
// frames (Go's runtime.Goexit, deferred calls included). A `catch (...)` on
// the way must rethrow.
[[noreturn]] void goexit();

// gomaxprocs() sets how many threads may run goroutines at once if n >= 1,
// and returns the previous setting (Go's runtime.GOMAXPROCS). Outside run it
// only reports the value the next run would use.
int gomaxprocs(int n);

// num_cpu() is how many CPUs this process may use: the affinity mask, lowered
// by a cgroup (v1 or v2) CPU quota, at least 1.
int num_cpu();

// num_goroutine() is the number of live goroutines of the calling goroutine's
// run, main included; 0 outside run.
int num_goroutine();

// stack() is a goroutine dump, as Go's runtime.Stack(buf, true) gives: one
// block per live goroutine of the calling goroutine's run, oldest first, in
// the format of a deadlock report ("goroutine 7 [chan send]:" then the label
// or function that started it); the caller's own block says [running]. A
// test uses it to name the goroutines a piece of code left behind. Empty
// outside run.
std::string stack();

// exit() flushes stdout and stderr and ends the process now with code, with
// no destructors run (Go's os.Exit). In a goroutine, call this, not std::exit:
// std::exit first destroys the calling thread's fiber scheduler, which waits
// for every goroutine on that thread, and so it hangs.
[[noreturn]] void exit(int code);

}  // namespace gort
