// SPDX-License-Identifier: MIT
// hchan: the state behind a channel handle, as in Go's runtime/chan.go.
//
// Invariants (all under lock_):
//   - At most one of sendq_ and recvq_ holds waiters: a receiver only waits
//     when no value is buffered and no sender waits, and vice versa; the one
//     exception is a select with a send and a receive case on this channel.
//   - Buffered: count_ <= cap_; receivers wait only while count_ == 0, senders
//     only while count_ == cap_.
//   - Unbuffered: count_ == 0 always; a value moves straight from the sender's
//     slot to the receiver's.
//   - Once closed_, no waiter is ever queued again.
// Lock order: lock_ is held only for field updates; never park or unpark with
// it held (park releases it itself). select locks channels in address order.
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <string_view>
#include <utility>

#include "gort/detail/chaos.hpp"
#include "gort/detail/check.hpp"
#include "gort/detail/park.hpp"

namespace gort {
[[noreturn]] void panic(std::string_view msg);
}  // namespace gort

namespace gort::detail {

// send_attempt is what send_locked() managed without waiting.
enum class send_attempt { sent, would_block, closed };

template <class T>
class hchan {
 public:
  explicit hchan(std::size_t cap) : cap_(cap), buf_(cap > 0 ? new std::optional<T>[cap] : nullptr) {}

  // send() moves value into the channel; blocks until a receiver takes it
  // (unbuffered) or there is room (buffered); panics if the channel is closed.
  void send(T& value) {
    chaos::point();
    std::unique_lock lock(lock_);
    waiter* wake = nullptr;
    switch (send_locked(value, wake)) {
      case send_attempt::sent:
        lock.unlock();
        chaos::point();
        if (wake != nullptr) unpark(*wake->token);
        return;
      case send_attempt::closed:
        lock.unlock();
        panic("send on closed channel");
      case send_attempt::would_block:
        break;
    }
    wake_token token;
    waiter w{.token = &token, .slot = &value};
    enqueue_sender(&w);
    lock.release();
    park(token, lock_, wait_reason::chan_send);
    if (!w.success) panic("send on closed channel");
  }

  // recv() fills out with the next value and returns true; returns false with
  // out empty once the channel is closed and drained. Blocks while empty.
  bool recv(std::optional<T>& out) {
    chaos::point();
    std::unique_lock lock(lock_);
    waiter* wake = nullptr;
    if (auto received = recv_locked(out, wake)) {
      lock.unlock();
      chaos::point();
      if (wake != nullptr) unpark(*wake->token);
      return *received;
    }
    wake_token token;
    waiter w{.token = &token, .slot = &out};
    enqueue_receiver(&w);
    lock.release();
    park(token, lock_, wait_reason::chan_receive);
    return w.success;
  }

  // try_send() sends only if that needs no waiting; false if it would block.
  // Panics if the channel is closed.
  bool try_send(T& value) {
    chaos::point();
    std::unique_lock lock(lock_);
    waiter* wake = nullptr;
    const send_attempt attempt = send_locked(value, wake);
    lock.unlock();
    if (attempt == send_attempt::closed) panic("send on closed channel");
    if (wake != nullptr) unpark(*wake->token);
    return attempt == send_attempt::sent;
  }

  // try_recv() is recv() without waiting: nullopt when it would block, and
  // false (out empty) once closed and drained.
  std::optional<bool> try_recv(std::optional<T>& out) {
    chaos::point();
    std::unique_lock lock(lock_);
    waiter* wake = nullptr;
    const auto received = recv_locked(out, wake);
    lock.unlock();
    if (wake != nullptr) unpark(*wake->token);
    return received;
  }

  // close() marks the channel closed and wakes every waiting sender (to panic)
  // and receiver (to get the zero value); panics if it was already closed.
  void close() {
    chaos::point();
    std::unique_lock lock(lock_);
    if (closed_) {
      lock.unlock();
      panic("close of closed channel");
    }
    closed_ = true;
    waiter* woken = nullptr;  // chained through next, woken after unlocking
    for (waitq* q : {&recvq_, &sendq_}) {
      while (waiter* w = q->dequeue()) {
        w->success = false;
        w->next = woken;
        woken = w;
      }
    }
    lock.unlock();
    chaos::point();
    while (woken != nullptr) {
      waiter* next = woken->next;  // read first: its sleeper may return once woken
      unpark(*woken->token);
      woken = next;
    }
  }

  std::size_t len() const {
    std::lock_guard lock(lock_);
    return count_;
  }

  std::size_t cap() const noexcept { return cap_; }

  // The locked interface, for select: lock() on entry, never unlocked inside.

  spinlock& lock() const noexcept { return lock_; }

  // send_locked() sends value if no waiting is needed. A receiver it completed
  // is left in wake, for the caller to unpark once it has unlocked.
  send_attempt send_locked(T& value, waiter*& wake) {
    if (closed_) return send_attempt::closed;
    if (waiter* receiver = recvq_.dequeue()) {
      static_cast<std::optional<T>*>(receiver->slot)->emplace(std::move(value));
      receiver->success = true;
      wake = receiver;
      return send_attempt::sent;
    }
    if (count_ < cap_) {
      buf_[(head_ + count_) % cap_].emplace(std::move(value));
      ++count_;
      return send_attempt::sent;
    }
    return send_attempt::would_block;
  }

  // recv_locked() receives if no waiting is needed: true with a value in out,
  // false (out empty) when closed and drained, nullopt when it would block. A
  // sender it completed is left in wake, for the caller to unpark once it has unlocked.
  std::optional<bool> recv_locked(std::optional<T>& out, waiter*& wake) {
    if (closed_ && count_ == 0) return false;
    if (waiter* sender = sendq_.dequeue()) {
      T& sent = *static_cast<T*>(sender->slot);
      if (cap_ == 0) {
        out.emplace(std::move(sent));
      } else {
        // The buffer is full: take its head, and the sender's value becomes the tail.
        out.emplace(std::move(*buf_[head_]));
        buf_[head_].emplace(std::move(sent));
        head_ = (head_ + 1) % cap_;
      }
      sender->success = true;
      wake = sender;
      return true;
    }
    if (count_ > 0) {
      out.emplace(std::move(*buf_[head_]));
      buf_[head_].reset();
      head_ = (head_ + 1) % cap_;
      --count_;
      return true;
    }
    return std::nullopt;
  }

  // enqueue_sender() and enqueue_receiver() queue w to wait, once a try
  // found nothing to do. The other queue may then hold only waiters of w's
  // own operation: a select that both sends and receives here (as Go's
  // chan.go allows for an unbuffered channel).
  void enqueue_sender(waiter* w) noexcept {
    GORT_CHECK(!closed_, "once closed, a channel queues no waiter");
    GORT_CHECK(recvq_.holds_only(w->token), "a sender waits while a receiver waits");
    sendq_.push_back(w);
  }
  void enqueue_receiver(waiter* w) noexcept {
    GORT_CHECK(!closed_, "once closed, a channel queues no waiter");
    GORT_CHECK(sendq_.holds_only(w->token), "a receiver waits while a sender waits");
    recvq_.push_back(w);
  }

  waitq& sendq() noexcept { return sendq_; }
  waitq& recvq() noexcept { return recvq_; }

 private:
  mutable spinlock lock_;  // guards everything below; never park or unpark while holding it
  const std::size_t cap_;
  std::unique_ptr<std::optional<T>[]> buf_;  // ring of cap_ slots
  std::size_t head_ = 0;
  std::size_t count_ = 0;
  bool closed_ = false;
  waitq recvq_;
  waitq sendq_;
};

}  // namespace gort::detail
