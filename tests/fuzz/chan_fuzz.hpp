// SPDX-License-Identifier: MIT
// chan_fuzz: bytes become a program of channel operations — make (with a
// capacity of 0 to 3), send, receive, try_send, try_recv, close, len, select
// with and without default, nil channels — run by one goroutine on gort, and
// each result is checked against a sequential model of Go's semantics: which
// values may be received and in what order, when an operation must not
// block, when it must panic ("send on closed channel", "close of closed
// channel", "close of nil channel"), and which select cases may be chosen.
//
// A program never blocks for good: an operation the model says would block
// is only ever tried without waiting (try_*, select with default).
//
// Used two ways: by a libFuzzer target (libfuzzer_main.cpp, built and run by
// scripts/fuzz with clang) and by a ctest (chan_fuzz_test.cpp, label fuzz)
// that runs the same check on pseudo-random programs.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <gort/gort.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace chan_fuzz {

// model: what Go says one channel holds.
struct model {
  bool nil = false;
  std::size_t cap = 0;
  std::deque<int> buffer{};
  bool closed = false;

  bool can_send() const { return !nil && (closed || buffer.size() < cap); }  // closed: panics at once
  bool can_recv() const { return !nil && (!buffer.empty() || closed); }
};

// bytes: the program's text, read one byte at a time (zeros once used up).
class bytes {
 public:
  bytes(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}
  bool done() const { return at_ >= size_; }
  std::uint8_t next() { return at_ < size_ ? data_[at_++] : 0; }

 private:
  const std::uint8_t* data_;
  std::size_t size_;
  std::size_t at_ = 0;
};

// mismatch: the runtime did what Go would not.
struct mismatch : std::logic_error {
  using std::logic_error::logic_error;
};

inline void expect(bool ok, const std::string& what) {
  if (!ok) throw mismatch(what);
}

// panics() runs op and reports whether it panicked with message.
template <class Op>
bool panics(Op op, const std::string& message) {
  try {
    op();
  } catch (const gort::panic_error& e) {
    expect(e.what() == message, "panicked with '" + std::string(e.what()) + "', Go says '" + message + "'");
    return true;
  }
  return false;
}

// interpreter: runs the program on real channels beside their models.
class interpreter {
 public:
  void step(bytes& in) {
    const std::uint8_t op = in.next();
    const std::size_t i = in.next() % 3;
    switch (op % 10) {
      case 0: remake(i, in.next() % 5); break;
      case 1: send(i, in.next()); break;
      case 2: recv(i); break;
      case 3: try_send(i, in.next()); break;
      case 4: try_recv(i); break;
      case 5: close(i); break;
      case 6: expect(chans_[i].len() == models_[i].buffer.size(), "len"); break;
      case 7: select_recv(i, (i + 1) % 3, true); break;
      case 8:  // without default only when a case is ready: it must not block for good
        if (models_[i].can_recv() || models_[(i + 1) % 3].can_recv()) select_recv(i, (i + 1) % 3, false);
        break;
      case 9: select_send(i, in.next()); break;
    }
  }

 private:
  // remake(): capacity 4 is the nil channel.
  void remake(std::size_t i, std::size_t cap) {
    models_[i] = model{.nil = cap == 4, .cap = cap == 4 ? 0 : cap};
    chans_[i] = cap == 4 ? gort::chan<int>{} : gort::make_chan<int>(cap);
    expect(chans_[i].cap() == models_[i].cap, "cap");
  }

  void send(std::size_t i, int v) {
    model& m = models_[i];
    if (!m.can_send()) return;  // it would block: not in a program that must end
    const bool panicked = panics([&] { chans_[i] << v; }, "send on closed channel");
    expect(panicked == m.closed, "send panics exactly when the channel is closed");
    if (!panicked) m.buffer.push_back(v);
  }

  void recv(std::size_t i) {
    model& m = models_[i];
    if (!m.can_recv()) return;
    const auto [v, ok] = chans_[i].recv_ok();
    check_received(m, v, ok);
  }

  void try_send(std::size_t i, int v) {
    model& m = models_[i];
    bool sent = false;
    const bool panicked = panics([&] { sent = chans_[i].try_send(v); }, "send on closed channel");
    expect(panicked == (!m.nil && m.closed), "try_send panics exactly on a closed channel");
    if (panicked) return;
    expect(sent == m.can_send(), "try_send sends exactly when there is room");
    if (sent) m.buffer.push_back(v);
  }

  void try_recv(std::size_t i) {
    model& m = models_[i];
    const std::optional<int> v = chans_[i].try_recv();
    if (!m.buffer.empty()) {
      expect(v == m.buffer.front(), "try_recv takes the oldest value");
      m.buffer.pop_front();
    } else {
      expect(!v, "try_recv finds nothing in an empty channel");
    }
  }

  void close(std::size_t i) {
    model& m = models_[i];
    const std::string message = m.nil ? "close of nil channel" : "close of closed channel";
    const bool panicked = panics([&] { chans_[i].close(); }, message);
    expect(panicked == (m.nil || m.closed), "close panics exactly on a nil or closed channel");
    if (!panicked) m.closed = true;
  }

  // select_recv(): receive cases on channels a and b, with a default or not
  // (then at least one is ready); a case is chosen only if it was ready.
  void select_recv(std::size_t a, std::size_t b, bool with_default) {
    std::optional<std::size_t> chosen;
    int got = 0;
    bool ok = false;
    auto take = [&](std::size_t from) {
      return [&, from](int v, bool received) {
        chosen = from;
        got = v;
        ok = received;
      };
    };
    if (with_default) {
      gort::select(gort::recv_case(chans_[a], take(a)), gort::recv_case(chans_[b], take(b)),
                   gort::default_case([] {}));
    } else {
      gort::select(gort::recv_case(chans_[a], take(a)), gort::recv_case(chans_[b], take(b)));
    }
    if (!chosen) {
      expect(!models_[a].can_recv() && !models_[b].can_recv(), "default chosen while a case was ready");
      return;
    }
    expect(models_[*chosen].can_recv(), "a receive case chosen that was not ready");
    check_received(models_[*chosen], got, ok);
  }

  void select_send(std::size_t i, int v) {
    model& m = models_[i];
    bool sent = false;
    const bool panicked = panics(
        [&] { gort::select(gort::send_case(chans_[i], v, [&] { sent = true; }), gort::default_case([] {})); },
        "send on closed channel");
    expect(panicked == (!m.nil && m.closed), "a send case panics exactly on a closed channel");
    if (panicked) return;
    expect(sent == m.can_send(), "a send case is chosen exactly when there is room");
    if (sent) m.buffer.push_back(v);
  }

  static void check_received(model& m, int v, bool ok) {
    if (!m.buffer.empty()) {
      expect(ok && v == m.buffer.front(), "a receive takes the oldest value");
      m.buffer.pop_front();
    } else {
      expect(!ok && v == 0, "a closed, drained channel gives the zero value and false");
    }
  }

  model models_[3] = {{.nil = true}, {.nil = true}, {.nil = true}};
  gort::chan<int> chans_[3];
};

// check() runs the program in data on one goroutine; an empty string if the
// runtime agreed with the model throughout, else what went wrong.
inline std::string check(const std::uint8_t* data, std::size_t size) {
  std::string problem;
  gort::run({.maxprocs = 1}, [&] {
    bytes in(data, size);
    interpreter program;
    try {
      for (int steps = 0; !in.done() && steps < 4096; ++steps) program.step(in);
    } catch (const mismatch& m) {
      problem = m.what();
    }
  });
  return problem;
}

}  // namespace chan_fuzz
