// SPDX-License-Identifier: MIT
// select: wait on several channel operations at once and run exactly one,
// as Go's select statement does.
//
//   switch (gort::select(gort::recv_case(in, [](int v) { ... }),   // case v := <-in:
//                        gort::send_case(out, x),                  // case out <- x:
//                        gort::default_case([] { ... }))) { ... }  // default:
//
// select() returns the position of the case that ran among its arguments.
// Build the cases inside the select call, as Go's syntax does: a case
// refers to its channel without holding it, so it must not outlive the call.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <type_traits>
#include <utility>

#include "gort/chan.hpp"
#include "gort/detail/park.hpp"

namespace gort {
namespace detail {

// select_case is one channel case as the select algorithm sees it.
class select_case {
 public:
  // channel_lock() is the lock of the case's channel; nullptr for the nil
  // channel, whose case is never ready.
  virtual spinlock* channel_lock() const noexcept = 0;
  // try_now(): channel locked. Completes the case if that needs no waiting
  // and returns true; a counterpart it completed is left in wake.
  virtual bool try_now(waiter*& wake) = 0;
  // enqueue() and remove(): channel locked. Put w in, or take it out of, the
  // channel's queue for this case's direction.
  virtual void enqueue(waiter& w) = 0;
  virtual void remove(waiter& w) = 0;
  // finish(): no lock held. Runs the handler once the case was chosen; a
  // send case panics if its channel was closed (success == false).
  virtual void finish(bool success) = 0;

 protected:
  ~select_case() = default;
};

// chosen is the outcome of select_cases: a case index (cases.size() for
// default) and, for a woken case, whether a value moved.
struct chosen {
  std::size_t index;
  bool success;
};

// select_cases() is Go's selectgo. order and locks are scratch space of
// cases.size() entries; waiters hold one waiter per case while blocked.
chosen select_cases(std::span<select_case* const> cases, std::span<std::uint16_t> order,
                    std::span<spinlock*> locks, std::span<waiter> waiters, bool has_default);

struct no_handler {
  void operator()() const noexcept {}
};

template <class T, class F>
class recv_case_t final : public select_case {
 public:
  recv_case_t(hchan<T>* ch, F handler) : ch_(ch), handler_(std::move(handler)) {}

  spinlock* channel_lock() const noexcept override { return ch_ ? &ch_->lock() : nullptr; }
  bool try_now(waiter*& wake) override { return ch_->recv_locked(slot_, wake).has_value(); }
  void enqueue(waiter& w) override {
    w.slot = &slot_;
    ch_->enqueue_receiver(&w);
  }
  void remove(waiter& w) override { ch_->recvq().remove(&w); }
  void finish(bool /*success: the slot says it*/) override {
    const bool ok = slot_.has_value();
    if constexpr (std::is_invocable_v<F&, T, bool>) {
      handler_(ok ? std::move(*slot_) : T{}, ok);
    } else if constexpr (std::is_invocable_v<F&, T>) {
      handler_(ok ? std::move(*slot_) : T{});
    } else {
      static_assert(std::is_invocable_v<F&>,
                    "a recv_case handler takes (T value), (T value, bool ok) or nothing");
      handler_();
    }
  }

 private:
  hchan<T>* ch_;  // nullptr: the nil channel
  F handler_;
  std::optional<T> slot_;
};

template <class T, class F>
class send_case_t final : public select_case {
 public:
  send_case_t(hchan<T>* ch, T value, F handler)
      : ch_(ch), value_(std::move(value)), handler_(std::move(handler)) {}

  spinlock* channel_lock() const noexcept override { return ch_ ? &ch_->lock() : nullptr; }
  bool try_now(waiter*& wake) override {
    const send_attempt attempt = ch_->send_locked(value_, wake);
    closed_ = attempt == send_attempt::closed;
    return attempt != send_attempt::would_block;
  }
  void enqueue(waiter& w) override {
    w.slot = &value_;
    ch_->enqueue_sender(&w);
  }
  void remove(waiter& w) override { ch_->sendq().remove(&w); }
  void finish(bool success) override {
    if (closed_ || !success) panic("send on closed channel");
    static_assert(std::is_invocable_v<F&>, "a send_case handler takes no arguments");
    handler_();
  }

 private:
  hchan<T>* ch_;  // nullptr: the nil channel
  T value_;
  F handler_;
  bool closed_ = false;
};

template <class F>
struct default_case_t {
  F handler;
};

template <class C>
inline constexpr bool is_default_case = false;
template <class F>
inline constexpr bool is_default_case<default_case_t<F>> = true;

}  // namespace detail

// recv_case(ch) is `case <-ch:`; recv_case(ch, f) is `case v := <-ch:` with
// f(T v), or `case v, ok := <-ch:` with f(T v, bool ok). ch is a chan<T> or recv_chan<T>.
template <class T, class F = detail::no_handler>
detail::recv_case_t<T, F> recv_case(const recv_chan<T>& ch, F handler = {}) {
  return {state_of(ch).get(), std::move(handler)};
}
template <class T, class F = detail::no_handler>
detail::recv_case_t<T, F> recv_case(const chan<T>& ch, F handler = {}) {
  return {state_of(ch).get(), std::move(handler)};
}

// send_case(ch, v) is `case ch <- v:`; f() runs if it is chosen. ch is a
// chan<T> or send_chan<T>. Chosen on a closed channel, it panics.
template <class T, class V, class F = detail::no_handler>
detail::send_case_t<T, F> send_case(const send_chan<T>& ch, V&& value, F handler = {}) {
  return {state_of(ch).get(), T(std::forward<V>(value)), std::move(handler)};
}
template <class T, class V, class F = detail::no_handler>
detail::send_case_t<T, F> send_case(const chan<T>& ch, V&& value, F handler = {}) {
  return {state_of(ch).get(), T(std::forward<V>(value)), std::move(handler)};
}

// default_case(f) is `default:`: f runs when no other case is ready.
template <class F = detail::no_handler>
detail::default_case_t<F> default_case(F handler = {}) {
  return {std::move(handler)};
}

// select() runs one ready case, chosen uniformly at random when several are
// ready; runs default_case if none is ready; otherwise blocks until one case
// can proceed. With no cases it blocks forever. Returns the chosen case's
// position among the arguments (default_case counted).
template <class... Cases>
std::size_t select(Cases&&... cases) {
  constexpr std::size_t defaults = (std::size_t{0} + ... + detail::is_default_case<std::decay_t<Cases>>);
  static_assert(defaults <= 1, "a select has at most one default_case");
  constexpr std::size_t channel_cases = sizeof...(Cases) - defaults;
  if constexpr (sizeof...(Cases) == 0) {
    detail::block_forever(detail::wait_reason::select_no_cases);
  } else {
    std::array<detail::select_case*, channel_cases> views{};
    std::array<std::size_t, channel_cases + 1> position{};  // argument index of each view; last: default
    std::size_t next = 0;
    std::size_t argument = 0;
    auto collect = [&](auto& c) {
      if constexpr (detail::is_default_case<std::decay_t<decltype(c)>>) {
        position[channel_cases] = argument++;
      } else {
        views[next] = &c;
        position[next++] = argument++;
      }
    };
    (collect(cases), ...);
    std::array<std::uint16_t, channel_cases> order{};
    std::array<detail::spinlock*, channel_cases> locks{};
    std::array<detail::waiter, channel_cases> waiters{};
    const detail::chosen result = detail::select_cases(views, order, locks, waiters, defaults == 1);
    if (result.index < channel_cases) {
      views[result.index]->finish(result.success);
    } else {
      auto run_default = [](auto& c) {
        if constexpr (detail::is_default_case<std::decay_t<decltype(c)>>) c.handler();
      };
      (run_default(cases), ...);
    }
    return position[result.index];
  }
}

}  // namespace gort
