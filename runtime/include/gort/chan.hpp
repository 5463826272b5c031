// SPDX-License-Identifier: MIT
// Channels: chan<T> (Go's chan T) and its one-way views send_chan<T> (chan<- T)
// and recv_chan<T> (<-chan T).
//
// A channel value is a handle with reference semantics, like a Go channel: copies
// share one channel, every operation is const on the handle, and a
// default-constructed handle is the nil channel.
#pragma once

#include <cstddef>
#include <iterator>
#include <memory>
#include <optional>
#include <utility>

#include "gort/detail/hchan.hpp"

namespace gort {

// signal is the element type for channels that carry only an event, Go's chan struct{}.
struct signal {
  friend bool operator==(signal, signal) = default;
};

// recv_result is the pair `v, ok := <-ch`: ok is false when the channel was
// closed and drained, and value is then T{}.
template <class T>
struct recv_result {
  T value;
  bool ok;
};

template <class T>
class chan;
template <class T>
class send_chan;
template <class T>
class recv_chan;

namespace detail {

// always_false<U> lets a member template fail only when it is used.
template <class U>
inline constexpr bool always_false = false;

// chan_ops is the code shared by the three handle types; each exposes the
// members its direction allows.
template <class T>
class chan_ops {
 public:
  // send() moves v into the channel. Blocks until a receiver takes it
  // (unbuffered) or there is room (buffered); blocks forever on the nil
  // channel; panics with "send on closed channel".
  void send(T v) const {
    if (!state_) block_forever(wait_reason::chan_send_nil);
    state_->send(v);
  }

  // recv() receives the next value; blocks while the channel is empty (forever
  // on the nil channel); returns T{} once it is closed and drained.
  T recv() const {
    std::optional<T> out;
    receive(out);
    return out ? std::move(*out) : T{};
  }

  // recv_ok() is `v, ok := <-ch`: ok is false, with T{}, once closed and drained.
  recv_result<T> recv_ok() const {
    std::optional<T> out;
    if (receive(out)) return {std::move(*out), true};
    return {T{}, false};
  }

  // try_send() sends v if no waiting is needed and returns whether it did
  // (Go's select with a default case). Panics on a closed channel.
  bool try_send(T v) const { return state_ && state_->try_send(v); }

  // try_recv() receives a value if one is ready without waiting; nullopt when
  // none is, and also once the channel is closed and drained.
  std::optional<T> try_recv() const {
    std::optional<T> out;
    if (state_) state_->try_recv(out);
    return out;
  }

  // close() closes the channel: receivers drain what is buffered, then get T{}
  // and ok == false; waiting senders panic. Panics with "close of closed
  // channel" or "close of nil channel".
  void close() const {
    if (!state_) panic("close of nil channel");
    state_->close();
  }

  // len() is the number of values buffered; 0 for the nil channel.
  std::size_t len() const { return state_ ? state_->len() : 0; }

  // cap() is the buffer capacity given to make_chan; 0 for the nil channel.
  std::size_t cap() const noexcept { return state_ ? state_->cap() : 0; }

  explicit operator bool() const noexcept { return state_ != nullptr; }

  // iterator makes `for (T v : ch)` receive until the channel is closed and drained.
  class iterator {
   public:
    using value_type = T;
    using difference_type = std::ptrdiff_t;

    iterator() = default;
    explicit iterator(const chan_ops* ch) : ch_(ch) { ++*this; }

    T operator*() { return std::move(*current_); }
    iterator& operator++() {
      current_.reset();
      if (!ch_->receive(current_)) ch_ = nullptr;
      return *this;
    }
    void operator++(int) { ++*this; }
    bool operator==(std::default_sentinel_t) const noexcept { return ch_ == nullptr; }

   private:
    const chan_ops* ch_ = nullptr;
    std::optional<T> current_;
  };

  iterator begin() const { return iterator(this); }
  std::default_sentinel_t end() const noexcept { return {}; }

 protected:
  chan_ops() = default;
  explicit chan_ops(std::shared_ptr<hchan<T>> state) : state_(std::move(state)) {}

  bool receive(std::optional<T>& out) const {
    if (!state_) block_forever(wait_reason::chan_receive_nil);
    return state_->recv(out);
  }

  std::shared_ptr<hchan<T>> state_;

  template <class U>
  friend class gort::chan;
  template <class U>
  friend class gort::send_chan;
  template <class U>
  friend class gort::recv_chan;
};

}  // namespace detail

// chan<T> is a bidirectional channel (Go's chan T); make one with make_chan.
template <class T>
class chan : public detail::chan_ops<T> {
 public:
  chan() = default;  // the nil channel

  // ch << v is ch.send(v).
  const chan& operator<<(T v) const {
    this->send(std::move(v));
    return *this;
  }

  friend bool operator==(const chan& a, const chan& b) noexcept { return a.state_ == b.state_; }

  // state_of() gives select the channel behind the handle (found by ADL).
  friend const std::shared_ptr<detail::hchan<T>>& state_of(const chan& ch) noexcept {
    return ch.state_;
  }

 private:
  explicit chan(std::shared_ptr<detail::hchan<T>> state) : detail::chan_ops<T>(std::move(state)) {}

  template <class U>
  friend chan<U> make_chan(std::size_t cap);
};

// send_chan<T> is the send-only view chan<- T: send, close, len, cap, try_send.
template <class T>
class send_chan : private detail::chan_ops<T> {
 public:
  send_chan() = default;  // the nil channel
  send_chan(const chan<T>& ch) : detail::chan_ops<T>(ch.state_) {}  // NOLINT: implicit, as in Go

  using detail::chan_ops<T>::send;
  using detail::chan_ops<T>::try_send;
  using detail::chan_ops<T>::close;
  using detail::chan_ops<T>::len;
  using detail::chan_ops<T>::cap;
  using detail::chan_ops<T>::operator bool;

  // ch << v is ch.send(v).
  const send_chan& operator<<(T v) const {
    this->send(std::move(v));
    return *this;
  }

  friend bool operator==(const send_chan& a, const send_chan& b) noexcept {
    return a.state_ == b.state_;
  }

  // state_of() gives select the channel behind the handle (found by ADL).
  friend const std::shared_ptr<detail::hchan<T>>& state_of(const send_chan& ch) noexcept {
    return ch.state_;
  }

  // Receiving from a send-only channel is a compile error, as in Go.
  template <class U = T>
  void recv() const {
    static_assert(detail::always_false<U>, "cannot receive from send-only channel (send_chan)");
  }
  template <class U = T>
  void recv_ok() const {
    static_assert(detail::always_false<U>, "cannot receive from send-only channel (send_chan)");
  }
  template <class U = T>
  void try_recv() const {
    static_assert(detail::always_false<U>, "cannot receive from send-only channel (send_chan)");
  }
  template <class U = T>
  void begin() const {
    static_assert(detail::always_false<U>, "cannot range over send-only channel (send_chan)");
  }
  template <class U = T>
  void end() const {
    static_assert(detail::always_false<U>, "cannot range over send-only channel (send_chan)");
  }
};

// recv_chan<T> is the receive-only view <-chan T: recv, recv_ok, try_recv,
// len, cap and range-for.
template <class T>
class recv_chan : private detail::chan_ops<T> {
 public:
  recv_chan() = default;  // the nil channel
  recv_chan(const chan<T>& ch) : detail::chan_ops<T>(ch.state_) {}  // NOLINT: implicit, as in Go

  using detail::chan_ops<T>::recv;
  using detail::chan_ops<T>::recv_ok;
  using detail::chan_ops<T>::try_recv;
  using detail::chan_ops<T>::len;
  using detail::chan_ops<T>::cap;
  using detail::chan_ops<T>::begin;
  using detail::chan_ops<T>::end;
  using detail::chan_ops<T>::operator bool;

  friend bool operator==(const recv_chan& a, const recv_chan& b) noexcept {
    return a.state_ == b.state_;
  }

  // state_of() gives select the channel behind the handle (found by ADL).
  friend const std::shared_ptr<detail::hchan<T>>& state_of(const recv_chan& ch) noexcept {
    return ch.state_;
  }

  // Sending on or closing a receive-only channel is a compile error, as in Go.
  template <class U = T>
  void send(U) const {
    static_assert(detail::always_false<U>, "cannot send to receive-only channel (recv_chan)");
  }
  template <class U = T>
  void try_send(U) const {
    static_assert(detail::always_false<U>, "cannot send to receive-only channel (recv_chan)");
  }
  template <class U = T>
  void operator<<(U) const {
    static_assert(detail::always_false<U>, "cannot send to receive-only channel (recv_chan)");
  }
  template <class U = T>
  void close() const {
    static_assert(detail::always_false<U>,
                  "cannot close receive-only channel (recv_chan): only the sender closes");
  }
};

// make_chan<T>(cap) is Go's make(chan T, cap): unbuffered when cap is 0.
template <class T>
chan<T> make_chan(std::size_t cap = 0) {
  return chan<T>(std::make_shared<detail::hchan<T>>(cap));
}

}  // namespace gort
