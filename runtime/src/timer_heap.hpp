// SPDX-License-Identifier: MIT
// timer_heap<T>: items ordered by deadline, those due at one instant in the
// order they were pushed (as Go fires timers set for one instant in the
// order they were set). The timer queue's heap (timer_queue.hpp); its
// caller locks it.
#pragma once

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

#include "gort/time.hpp"

namespace gort::detail {

template <typename T>
class timer_heap {
 public:
  struct entry {
    clock::time_point when;
    std::uint64_t order;  // ties at one deadline fire in push order
    T item;
  };

  bool empty() const noexcept { return entries_.empty(); }
  std::size_t size() const noexcept { return entries_.size(); }
  // earliest() is the entry due first; the heap must not be empty.
  const entry& earliest() const noexcept { return entries_.front(); }

  void push(clock::time_point when, T item) {
    entries_.push_back({when, next_order_++, std::move(item)});
    std::push_heap(entries_.begin(), entries_.end(), fires_later{});
  }

  // pop() removes and returns the earliest entry; the heap must not be empty.
  entry pop() {
    std::pop_heap(entries_.begin(), entries_.end(), fires_later{});
    entry first = std::move(entries_.back());
    entries_.pop_back();
    return first;
  }

  // remove_if() drops every entry e for which drop(e) is true.
  template <typename Drop>
  void remove_if(Drop drop) {
    const auto kept = std::remove_if(entries_.begin(), entries_.end(), drop);
    if (kept == entries_.end()) return;
    entries_.erase(kept, entries_.end());
    std::make_heap(entries_.begin(), entries_.end(), fires_later{});
  }

  // take_all() empties the heap and returns its entries, in no particular order.
  std::vector<entry> take_all() noexcept { return std::exchange(entries_, {}); }

 private:
  struct fires_later {
    bool operator()(const entry& a, const entry& b) const noexcept {
      return a.when != b.when ? a.when > b.when : a.order > b.order;
    }
  };

  std::vector<entry> entries_;
  std::uint64_t next_order_ = 0;
};

}  // namespace gort::detail
