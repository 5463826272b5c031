// SPDX-License-Identifier: MIT
// goroutine_fuzz: bytes become a program of channel operations spread over
// goroutines — main and up to three more, each with up to six sends,
// receives, closes and selects on up to three channels (unbuffered, buffered
// or nil) — which runs on gort in a forked child, and whatever it did is
// checked against a model of Go's semantics that also predicts deadlocks.
//
// The child writes one record per completed operation to a pipe (what was
// received, which select case ran, the panic it recovered from); main waits
// for the others with a wait_group, so a goroutine blocked for good makes
// gort report "all goroutines are asleep - deadlock!" and exit 2. The parent
// then searches the model's schedules for one that produces exactly those
// records and ends the same way: every goroutine finished if gort completed,
// none able to move if gort reported a deadlock. A hang, a crash, a stray
// panic or records no schedule produces is a mismatch.
//
// The model steps one goroutine through one operation at a time, or a sender
// and a receiver through an unbuffered rendezvous together; any interleaving
// is allowed, so it checks what the Go spec promises, not one scheduler's
// choices. Forking keeps the parent free of runtime threads, so each program
// starts in a fresh process that a deadlock report may end.
//
// Used by a libFuzzer target (goroutine_fuzz_main.cpp, scripts/fuzz
// goroutines) and by a ctest on pseudo-random and hand-written programs
// (goroutine_fuzz_test.cpp, label fuzz).
#pragma once

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <gort/gort.hpp>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <unordered_set>
#include <vector>

#include "chan_fuzz.hpp"

namespace goroutine_fuzz {

constexpr std::size_t kChannels = 3;
constexpr std::size_t kMaxGoroutines = 4;  // main and up to three more
constexpr std::size_t kMaxOps = 6;         // per goroutine: keeps the model's search small
constexpr int kNil = -1;                   // the capacity that stands for the nil channel

// ---- The program ----

enum class op_kind : std::uint8_t {
  send,              // c <- v
  recv,              // v, ok := <-c
  close,             // close(c)
  select_recv_recv,  // select { case v, ok := <-a: case v, ok := <-b: }
  select_send_recv,  // select { case a <- v: case v, ok := <-b: }
  select_default,    // select { case v, ok := <-a: case b <- v: default: }
};

struct op {
  op_kind kind;
  std::uint8_t a;  // the channel of a plain op, or of a select's first case
  std::uint8_t b;  // the channel of a select's second case
};

struct program {
  int maxprocs = 1;
  std::optional<std::uint64_t> chaos_seed{};  // GORT_CHAOS for the run, if any
  std::array<int, kChannels> caps{};          // kNil: the nil channel
  std::vector<std::vector<op>> goroutines{};  // [0] is main
};

// value_of() is what goroutine g sends at its op k: never 0, so a zero
// receipt can only be a closed channel's, and unique, so each receipt names
// its sender.
inline int value_of(std::size_t g, std::size_t k) { return static_cast<int>(16 * g + k + 1); }

inline op decode_op(std::uint8_t b) {
  return {static_cast<op_kind>(b % 6), static_cast<std::uint8_t>(b / 6 % kChannels),
          static_cast<std::uint8_t>(b / 18 % kChannels)};
}

// decode() makes a program of any bytes: a shape byte (maxprocs, how many
// goroutines, chaos or not), a chaos seed if wanted, a capacity byte per
// channel, then per goroutine an op count and one byte per op.
inline program decode(const std::uint8_t* data, std::size_t size) {
  chan_fuzz::bytes in(data, size);
  const std::uint8_t shape = in.next();
  program p;
  p.maxprocs = 1 + shape % 4;
  p.goroutines.resize(2 + shape / 4 % 3);  // main and one to three more
  if (shape / 12 % 2 == 1) p.chaos_seed = in.next();
  for (int& cap : p.caps) {
    const int c = in.next() % 4;
    cap = c == 3 ? kNil : c;
  }
  for (auto& ops : p.goroutines) {
    ops.resize(in.next() % (kMaxOps + 1));
    for (op& o : ops) o = decode_op(in.next());
  }
  return p;
}

// ---- What a goroutine saw ----

// observation is what goroutine `goroutine` saw its op number `op` do; the
// child writes it to the pipe as one record, the model predicts it.
struct observation {
  std::uint8_t goroutine = 0;
  std::uint8_t op = 0;
  std::uint8_t chosen = 0;       // the select case that ran (default counted); 0 for a plain op
  bool ok = false;               // a receipt's ok
  std::int32_t value = 0;        // a receipt's value
  std::array<char, 32> panic{};  // the message it recovered from; empty if none

  bool operator==(const observation&) const = default;
};
static_assert(sizeof(observation) == 40,
              "a record has no padding: it is compared and written whole");

inline observation observed(std::size_t g, std::size_t k, std::size_t chosen = 0) {
  return {.goroutine = static_cast<std::uint8_t>(g),
          .op = static_cast<std::uint8_t>(k),
          .chosen = static_cast<std::uint8_t>(chosen)};
}

inline observation panicked(std::size_t g, std::size_t k, const char* message) {
  observation seen = observed(g, k);
  std::strncpy(seen.panic.data(), message, seen.panic.size() - 1);
  return seen;
}

using observations = std::vector<std::vector<observation>>;  // per goroutine, in order

// ---- The model ----

// select_case is one case of an op seen as a select; a plain send or receive
// is a select with one case.
struct select_case {
  bool send;
  std::uint8_t chan;
  std::uint8_t index;  // its position in the select
};

struct op_cases {
  std::array<select_case, 2> cases{};
  std::size_t count = 0;
  bool has_default = false;  // such an op never waits, so never meets another that does not
};

inline op_cases cases_of(op o) {
  switch (o.kind) {
    case op_kind::send:
      return {{{{true, o.a, 0}}}, 1, false};
    case op_kind::recv:
      return {{{{false, o.a, 0}}}, 1, false};
    case op_kind::close:
      return {};
    case op_kind::select_recv_recv:
      return {{{{false, o.a, 0}, {false, o.b, 1}}}, 2, false};
    case op_kind::select_send_recv:
      return {{{{true, o.a, 0}, {false, o.b, 1}}}, 2, false};
    case op_kind::select_default:
      return {{{{false, o.a, 0}, {true, o.b, 1}}}, 2, true};
  }
  return {};
}

// channel_state is what Go says one channel holds; whether it is nil and its
// capacity are the program's.
struct channel_state {
  std::uint8_t len = 0;
  std::array<std::uint8_t, 2> buffer{};  // buffer[0] is the oldest value
  bool closed = false;
};

// state is the whole program's: where each goroutine is, and each channel.
struct state {
  std::array<std::uint8_t, kMaxGoroutines> pc{};
  std::array<channel_state, kChannels> chans{};

  // key() packs the state into 63 bits: 3 per pc, 17 per channel (values are below 128).
  std::uint64_t key() const {
    std::uint64_t k = 0;
    for (std::uint8_t at : pc) k = k << 3 | at;
    for (const channel_state& c : chans) {
      k = ((k << 1 | c.closed) << 2 | c.len) << 14 | std::uint64_t{c.buffer[0]} << 7 | c.buffer[1];
    }
    return k;
  }
};

// step is one move of the model: one goroutine, or two in a rendezvous,
// complete their ops, seeing what `seen` says, and the program is then in `next`.
struct step {
  std::array<observation, 2> seen{};
  std::size_t movers = 0;
  state next{};
};

inline bool finished(const program& p, const state& s, std::size_t g) {
  return s.pc[g] == p.goroutines[g].size();
}

inline bool all_finished(const program& p, const state& s) {
  for (std::size_t g = 0; g < p.goroutines.size(); ++g) {
    if (!finished(p, s, g)) return false;
  }
  return true;
}

// ready_alone() is whether c can complete with no partner: a buffer with a
// value or with room, or a closed channel (where a send panics). A nil
// channel's case never is; an unbuffered one's needs a rendezvous.
inline bool ready_alone(const program& p, const state& s, select_case c) {
  if (p.caps[c.chan] == kNil) return false;
  const channel_state& ch = s.chans[c.chan];
  if (ch.closed) return true;
  return c.send ? ch.len < p.caps[c.chan] : ch.len > 0;
}

// complete_alone() runs case c (ready_alone) of goroutine g's op in s.
inline observation complete_alone(state& s, std::size_t g, select_case c) {
  channel_state& ch = s.chans[c.chan];
  const std::size_t k = s.pc[g]++;
  if (c.send && ch.closed) return panicked(g, k, "send on closed channel");
  observation seen = observed(g, k, c.index);
  if (c.send) {
    ch.buffer[ch.len++] = static_cast<std::uint8_t>(value_of(g, k));
  } else if (ch.len > 0) {  // else closed and drained: the zero value and false
    seen.value = ch.buffer[0];
    seen.ok = true;
    ch.buffer = {ch.buffer[1], 0};
    --ch.len;
  }
  return seen;
}

// complete_close() closes channel c for goroutine g. Goroutines waiting on it
// need no waking here: from now on their cases are ready_alone.
inline observation complete_close(const program& p, state& s, std::size_t g, std::uint8_t c) {
  const std::size_t k = s.pc[g]++;
  if (p.caps[c] == kNil) return panicked(g, k, "close of nil channel");
  if (s.chans[c].closed) return panicked(g, k, "close of closed channel");
  s.chans[c].closed = true;
  return observed(g, k);
}

inline void add_step(std::vector<step>& out, const state& next, const observation& seen) {
  out.push_back({{seen}, 1, next});
}

// solo_steps() adds what goroutine g can do alone: close, one ready case, or
// default when no case is ready alone. A partner that could make a case
// ready may not have reached its op yet, so default is still possible then.
inline void solo_steps(const program& p, const state& s, std::size_t g, std::vector<step>& out) {
  const op o = p.goroutines[g][s.pc[g]];
  state next = s;
  if (o.kind == op_kind::close) {
    add_step(out, next, complete_close(p, next, g, o.a));
    return;
  }
  const op_cases oc = cases_of(o);
  bool any_ready = false;
  for (std::size_t i = 0; i < oc.count; ++i) {
    if (!ready_alone(p, s, oc.cases[i])) continue;
    any_ready = true;
    next = s;
    add_step(out, next, complete_alone(next, g, oc.cases[i]));
  }
  if (oc.has_default && !any_ready) {
    next = s;
    add_step(out, next, observed(g, next.pc[g]++, oc.count));
  }
}

// rendezvous_steps() adds each unbuffered handover where g sends and another
// goroutine receives, both in one step; one of the two must be able to wait.
inline void rendezvous_steps(const program& p, const state& s, std::size_t g,
                             std::vector<step>& out) {
  const op_cases sender = cases_of(p.goroutines[g][s.pc[g]]);
  for (std::size_t h = 0; h < p.goroutines.size(); ++h) {
    if (h == g || finished(p, s, h)) continue;
    const op_cases receiver = cases_of(p.goroutines[h][s.pc[h]]);
    if (sender.has_default && receiver.has_default) continue;
    for (std::size_t i = 0; i < sender.count; ++i) {
      const select_case sc = sender.cases[i];
      if (!sc.send || p.caps[sc.chan] != 0 || s.chans[sc.chan].closed) continue;
      for (std::size_t j = 0; j < receiver.count; ++j) {
        const select_case rc = receiver.cases[j];
        if (rc.send || rc.chan != sc.chan) continue;
        step both{{observed(g, s.pc[g], sc.index), observed(h, s.pc[h], rc.index)}, 2, s};
        both.seen[1].value = value_of(g, s.pc[g]);
        both.seen[1].ok = true;
        ++both.next.pc[g];
        ++both.next.pc[h];
        out.push_back(both);
      }
    }
  }
}

// steps() is every move the model can make from s.
inline std::vector<step> steps(const program& p, const state& s) {
  std::vector<step> out;
  for (std::size_t g = 0; g < p.goroutines.size(); ++g) {
    if (finished(p, s, g)) continue;
    solo_steps(p, s, g, out);
    rendezvous_steps(p, s, g, out);
  }
  return out;
}

enum class ending { completed, deadlocked, hung, other };

inline const char* name(ending how) {
  switch (how) {
    case ending::completed:
      return "completed";
    case ending::deadlocked:
      return "deadlocked";
    case ending::hung:
      return "hung";
    case ending::other:
      return "ended otherwise";
  }
  return "?";
}

// replay finds a schedule of the model that produces exactly `seen` and then
// ends as `end` says (completed or deadlocked). Each state is visited once:
// whether the search succeeds from it depends on nothing else.
class replay {
 public:
  replay(const program& p, const observations& seen) : p_(p), seen_(seen) {}

  bool possible(ending end) {
    end_ = end;
    visited_.clear();
    return visit(state{});
  }

 private:
  bool visit(const state& s) {
    if (!visited_.insert(s.key()).second) return false;
    const std::vector<step> next = steps(p_, s);
    if (all_seen(s)) return ends_as_wanted(s, next.empty());
    for (const step& st : next) {
      if (agrees(s, st) && visit(st.next)) return true;
    }
    return false;
  }

  bool all_seen(const state& s) const {
    for (std::size_t g = 0; g < seen_.size(); ++g) {
      if (s.pc[g] != seen_[g].size()) return false;
    }
    return true;
  }

  // ends_as_wanted(): completed is everyone finished; deadlocked is someone
  // unfinished and nobody able to move.
  bool ends_as_wanted(const state& s, bool stuck) const {
    if (end_ == ending::completed) return all_finished(p_, s);
    return stuck && !all_finished(p_, s);
  }

  // agrees() is whether each goroutine st moves saw next what st says.
  bool agrees(const state& s, const step& st) const {
    for (std::size_t i = 0; i < st.movers; ++i) {
      const observation& predicted = st.seen[i];
      const std::vector<observation>& mine = seen_[predicted.goroutine];
      const std::size_t k = s.pc[predicted.goroutine];
      if (k >= mine.size() || mine[k] != predicted) return false;
    }
    return true;
  }

  const program& p_;
  const observations& seen_;
  ending end_ = ending::completed;
  std::unordered_set<std::uint64_t> visited_;
};

enum class prediction { must_complete, may_deadlock, must_deadlock };

inline const char* name(prediction what) {
  switch (what) {
    case prediction::must_complete:
      return "must complete";
    case prediction::may_deadlock:
      return "may complete or deadlock";
    case prediction::must_deadlock:
      return "must deadlock";
  }
  return "?";
}

// predict() explores every schedule of the model and says how they end.
inline prediction predict(const program& p) {
  std::unordered_set<std::uint64_t> visited;
  bool completes = false;
  bool deadlocks = false;
  std::vector<state> todo{state{}};
  while (!todo.empty()) {
    const state s = todo.back();
    todo.pop_back();
    if (!visited.insert(s.key()).second) continue;
    const std::vector<step> next = steps(p, s);
    if (next.empty()) (all_finished(p, s) ? completes : deadlocks) = true;
    for (const step& st : next) todo.push_back(st.next);
  }
  if (!deadlocks) return prediction::must_complete;
  return completes ? prediction::may_deadlock : prediction::must_deadlock;
}

// ---- The run on gort, in a child process ----

// world is what the child's goroutines share; the last one to finish frees it.
struct world {
  std::array<gort::chan<int>, kChannels> chans;
  gort::wait_group others;
  int records;  // the pipe the observations go to
};

// run_op() runs o, which sends v, on gort and notes in seen the case a select
// ran and what a receive got.
inline void run_op(const world& w, op o, int v, observation& seen) {
  const gort::chan<int>& a = w.chans[o.a];
  const gort::chan<int>& b = w.chans[o.b];
  auto receipt = [&seen](int value, bool ok) {
    seen.value = value;
    seen.ok = ok;
  };
  auto chose = [&seen](std::size_t index) { seen.chosen = static_cast<std::uint8_t>(index); };
  switch (o.kind) {
    case op_kind::send:
      a.send(v);
      break;
    case op_kind::recv: {
      const gort::recv_result<int> r = a.recv_ok();
      receipt(r.value, r.ok);
      break;
    }
    case op_kind::close:
      a.close();
      break;
    case op_kind::select_recv_recv:
      chose(gort::select(gort::recv_case(a, receipt), gort::recv_case(b, receipt)));
      break;
    case op_kind::select_send_recv:
      chose(gort::select(gort::send_case(a, v), gort::recv_case(b, receipt)));
      break;
    case op_kind::select_default:
      chose(gort::select(gort::recv_case(a, receipt), gort::send_case(b, v), gort::default_case()));
      break;
  }
}

// perform() runs op k of goroutine g with a recover around it, as a Go
// goroutine would with a deferred recover() around that one op.
inline observation perform(const world& w, op o, std::size_t g, std::size_t k) {
  observation seen = observed(g, k);
  try {
    run_op(w, o, value_of(g, k), seen);
  } catch (const gort::panic_error& e) {
    return panicked(g, k, e.what());
  }
  return seen;
}

// run_ops() runs goroutine g's ops, writing each observation as it happens:
// one write per record, so none is lost if a deadlock report ends the child.
inline void run_ops(const program& p, const world& w, std::size_t g) {
  for (std::size_t k = 0; k < p.goroutines[g].size(); ++k) {
    const observation seen = perform(w, p.goroutines[g][k], g, k);
    [[maybe_unused]] const auto written = ::write(w.records, &seen, sizeof seen);
  }
}

inline std::shared_ptr<world> make_world(const program& p, int records) {
  auto w = std::make_shared<world>();
  for (std::size_t c = 0; c < kChannels; ++c) {
    if (p.caps[c] != kNil) w->chans[c] = gort::make_chan<int>(static_cast<std::size_t>(p.caps[c]));
  }
  w->records = records;
  return w;
}

// child_main() runs p on gort: main starts the others, runs its own ops, then
// waits for them all; exits 0 once they are done.
[[noreturn]] inline void child_main(const program& p, int records) {
  if (p.chaos_seed) {
    ::setenv("GORT_CHAOS", std::to_string(*p.chaos_seed).c_str(), 1);
  } else {
    ::unsetenv("GORT_CHAOS");
  }
  gort::run({.maxprocs = p.maxprocs}, [&p, records] {
    const std::shared_ptr<world> w = make_world(p, records);
    w->others.add(static_cast<int>(p.goroutines.size() - 1));
    for (std::size_t g = 1; g < p.goroutines.size(); ++g) {
      gort::go([&p, w, g] {
        run_ops(p, *w, g);
        w->others.done();
      });
    }
    run_ops(p, *w, 0);
    w->others.wait();
  });
  ::_exit(0);
}

// child is a forked run of a program, and what has come through its pipes.
struct child {
  pid_t pid = -1;
  std::array<int, 2> fds{-1, -1};     // read ends of its records and stderr pipes; -1 once ended
  std::array<std::string, 2> text{};  // what came through each
  std::chrono::steady_clock::time_point deadline{};
  std::size_t tag = 0;  // the caller's name for it

  bool ended() const { return fds[0] < 0 && fds[1] < 0; }
};

// start_child() forks a child that runs p on gort with its stderr captured;
// it has hung if it still runs after timeout (a deadlock is reported within
// about 10 ms).
inline child start_child(const program& p, std::size_t tag = 0,
                         std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
  int records[2];
  int err[2];
  if (::pipe(records) != 0 || ::pipe(err) != 0) {
    throw std::runtime_error("goroutine_fuzz: pipe failed");
  }
  std::fflush(nullptr);  // else a child's exit writes out its copy of the parent's buffered output
  const pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("goroutine_fuzz: fork failed");
  if (pid == 0) {
    ::close(records[0]);
    ::close(err[0]);
    ::dup2(err[1], STDERR_FILENO);
    ::close(err[1]);
    child_main(p, records[1]);
  }
  ::close(records[1]);  // now the child holds the only write ends: their end of file is its exit
  ::close(err[1]);
  return {pid, {records[0], err[0]}, {}, std::chrono::steady_clock::now() + timeout, tag};
}

// read_ready() reads once from each of c's pipes that poll found ready, and
// closes a pipe at its end.
inline void read_ready(child& c, const pollfd* polled) {
  for (std::size_t i = 0; i < c.fds.size(); ++i) {
    if (c.fds[i] < 0 || polled[i].revents == 0) continue;
    char buffer[4096];
    const ssize_t n = ::read(c.fds[i], buffer, sizeof buffer);
    if (n > 0) {
      c.text[i].append(buffer, static_cast<std::size_t>(n));
    } else if (n == 0 || errno != EINTR) {
      ::close(c.fds[i]);
      c.fds[i] = -1;
    }
  }
}

// await_any() reads what the children write until one of them has ended or
// outlived its deadline, and returns its index.
inline std::size_t await_any(std::vector<child>& running) {
  for (;;) {
    const auto now = std::chrono::steady_clock::now();
    auto earliest = running.at(0).deadline;
    std::vector<pollfd> watch;  // two per child, in order; poll skips the -1s
    for (std::size_t i = 0; i < running.size(); ++i) {
      if (running[i].ended() || now >= running[i].deadline) return i;
      earliest = std::min(earliest, running[i].deadline);
      for (int fd : running[i].fds) watch.push_back({fd, POLLIN, 0});
    }
    const auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(earliest - now) +
                      std::chrono::milliseconds(1);
    if (::poll(watch.data(), watch.size(), static_cast<int>(wait.count())) < 0) continue;  // EINTR
    for (std::size_t i = 0; i < running.size(); ++i) read_ready(running[i], &watch[2 * i]);
  }
}

// child_output is how a child ended and what it wrote.
struct child_output {
  std::string records;
  std::string err;
  int status = 0;  // from waitpid
  bool timed_out = false;
};

// reap() ends c, killing it if it has not ended by itself.
inline child_output reap(child& c) {
  child_output out{std::move(c.text[0]), std::move(c.text[1]), 0, !c.ended()};
  if (out.timed_out) ::kill(c.pid, SIGKILL);
  ::waitpid(c.pid, &out.status, 0);
  for (int fd : c.fds) {
    if (fd >= 0) ::close(fd);
  }
  return out;
}

// run_record is what one run on gort did.
struct run_record {
  ending how = ending::other;
  observations seen;
  std::string trouble;  // for ending::other: what went wrong, in words
};

// split() sorts the child's records by goroutine; an error message if one is
// malformed or out of order.
inline std::string split(const program& p, const std::string& bytes, observations& seen) {
  seen.assign(p.goroutines.size(), {});
  if (bytes.size() % sizeof(observation) != 0) return "a partial observation record";
  for (std::size_t at = 0; at < bytes.size(); at += sizeof(observation)) {
    observation o;
    std::memcpy(&o, bytes.data() + at, sizeof o);
    if (o.goroutine >= seen.size() || o.op != seen[o.goroutine].size() ||
        o.op >= p.goroutines[o.goroutine].size()) {
      return "an observation out of order: goroutine " + std::to_string(o.goroutine) + " op " +
             std::to_string(o.op);
    }
    seen[o.goroutine].push_back(o);
  }
  return "";
}

constexpr const char* kDeadlockReport = "fatal error: all goroutines are asleep - deadlock!\n";

inline run_record classify(const program& p, const child_output& out) {
  run_record r;
  r.trouble = split(p, out.records, r.seen);
  if (!r.trouble.empty()) return r;
  const bool exited = WIFEXITED(out.status);
  if (out.timed_out) {
    r.how = ending::hung;
  } else if (exited && WEXITSTATUS(out.status) == 0 && out.err.empty()) {
    r.how = ending::completed;
  } else if (exited && WEXITSTATUS(out.status) == 2 && out.err.starts_with(kDeadlockReport)) {
    r.how = ending::deadlocked;
  } else {
    r.trouble = exited ? "the child exited with status " + std::to_string(WEXITSTATUS(out.status))
                       : "the child was killed by signal " + std::to_string(WTERMSIG(out.status));
    r.trouble += "; its stderr:\n" + out.err;
  }
  return r;
}

// run_on_gort() runs p in a child process and says how it went.
inline run_record run_on_gort(const program& p) {
  std::vector<child> one{start_child(p)};
  await_any(one);
  return classify(p, reap(one[0]));
}

// ---- The check ----

inline std::string describe(op o, std::size_t g, std::size_t k) {
  const std::string a = "c" + std::to_string(o.a);
  const std::string b = "c" + std::to_string(o.b);
  const std::string v = std::to_string(value_of(g, k));
  switch (o.kind) {
    case op_kind::send:
      return a + " <- " + v;
    case op_kind::recv:
      return "<-" + a;
    case op_kind::close:
      return "close(" + a + ")";
    case op_kind::select_recv_recv:
      return "select { <-" + a + " | <-" + b + " }";
    case op_kind::select_send_recv:
      return "select { " + a + " <- " + v + " | <-" + b + " }";
    case op_kind::select_default:
      return "select { <-" + a + " | " + b + " <- " + v + " | default }";
  }
  return "?";
}

inline std::string describe(const program& p) {
  std::string text = "maxprocs " + std::to_string(p.maxprocs);
  if (p.chaos_seed) text += ", GORT_CHAOS=" + std::to_string(*p.chaos_seed);
  for (std::size_t c = 0; c < kChannels; ++c) {
    text += ", c" + std::to_string(c) +
            (p.caps[c] == kNil ? " nil" : " cap " + std::to_string(p.caps[c]));
  }
  for (std::size_t g = 0; g < p.goroutines.size(); ++g) {
    text += "\n  g" + std::to_string(g) + (g == 0 ? " (main):" : ":");
    for (std::size_t k = 0; k < p.goroutines[g].size(); ++k)
      text += " " + describe(p.goroutines[g][k], g, k) + ";";
  }
  return text;
}

// describe() says what op o did: the case a select ran, a receipt, a panic.
inline std::string describe(op o, const observation& seen) {
  if (seen.panic[0] != '\0') return "panic(\"" + std::string(seen.panic.data()) + "\")";
  const op_cases oc = cases_of(o);
  const bool select = oc.count > 1 || oc.has_default;
  std::string text = select ? "case " + std::to_string(seen.chosen) : "done";
  if (seen.chosen < oc.count && !oc.cases[seen.chosen].send) {
    text = (select ? text + " " : "") + "(" + std::to_string(seen.value) + ", " +
           (seen.ok ? "true" : "false") + ")";
  }
  return text;
}

inline std::string describe(const program& p, const observations& seen) {
  std::string text;
  for (std::size_t g = 0; g < seen.size(); ++g) {
    text += "\n  g" + std::to_string(g) + ":";
    for (std::size_t k = 0; k < seen[g].size(); ++k)
      text += " " + describe(p.goroutines[g][k], seen[g][k]) + ";";
  }
  return text;
}

// verdict() says what is wrong with run r of p, or "" if some schedule of Go's does the same.
inline std::string verdict(const program& p, const run_record& r) {
  replay model(p, r.seen);
  switch (r.how) {
    case ending::completed:
      return model.possible(ending::completed)
                 ? ""
                 : "gort completed, but no schedule of Go's completes seeing this";
    case ending::deadlocked:
      return model.possible(ending::deadlocked)
                 ? ""
                 : "gort reported a deadlock, but no schedule of Go's deadlocks seeing this";
    case ending::hung:
      return model.possible(ending::deadlocked) ? "gort hung where Go would report a deadlock"
                                                : "gort hung";
    case ending::other:
      return r.trouble;
  }
  return "?";
}

// compare() is "" if the model agrees with run r of p, else what went wrong,
// the program, what each goroutine saw, and what the model predicts.
inline std::string compare(const program& p, const run_record& r) {
  const std::string problem = verdict(p, r);
  if (problem.empty()) return "";
  return problem + "\nprogram: " + describe(p) + "\nobserved:" + describe(p, r.seen) +
         "\nthe model says it " + name(predict(p));
}

// check() decodes bytes into a program, runs it on gort and compares; "" if Go agrees.
inline std::string check(const std::uint8_t* data, std::size_t size) {
  const program p = decode(data, size);
  return compare(p, run_on_gort(p));
}

}  // namespace goroutine_fuzz
