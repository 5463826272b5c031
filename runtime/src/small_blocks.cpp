// SPDX-License-Identifier: MIT
// small_blocks: see small_blocks.hpp.
#include "small_blocks.hpp"

#include <array>
#include <mutex>
#include <new>

#include "gort/detail/spinlock.hpp"

namespace gort::detail::small_blocks {
namespace {

constexpr std::array<std::size_t, 4> kClassBytes{64, 128, 256, 512};
constexpr std::size_t kCacheBlocks = 64;  // per class and thread
constexpr std::size_t kBatch = 32;        // blocks moved to or from a shared list at once

// free_block: a free block's first bytes link it into a shared list.
struct free_block {
  free_block* next;
};

// shared_list: one class's free blocks that no thread holds.
struct shared_list {
  spinlock lock;  // guards first; held for one batch's pointer moves
  free_block* first = nullptr;
};

// thread_cache: one thread's free blocks, per class. Plain data, so that it
// stays usable while the thread's other thread-locals are destroyed.
struct thread_cache {
  // Set by release_thread_cache(): the thread may still allocate and free
  // blocks as it ends (Boost's scheduler runs the ready goroutines and frees
  // fibers as its thread-locals are destroyed); from then on its cache is
  // emptied into the shared lists after every call, or blocks would be lost
  // with the thread.
  bool released = false;
  std::array<std::size_t, kClassBytes.size()> count{};
  std::array<std::array<void*, kCacheBlocks>, kClassBytes.size()> blocks{};
};

shared_list* shared() {
  static auto* lists = new shared_list[kClassBytes.size()];  // never destroyed: freed blocks outlive runs
  return lists;
}

thread_cache& my_cache() noexcept {
  thread_local thread_cache cache;
  return cache;
}

// class_of() is the smallest class that holds size bytes; kClassBytes.size() if none does.
std::size_t class_of(std::size_t size) noexcept {
  std::size_t c = 0;
  while (c < kClassBytes.size() && kClassBytes[c] < size) ++c;
  return c;
}

void give_back(std::size_t c, std::size_t n) noexcept {
  thread_cache& cache = my_cache();
  shared_list& list = shared()[c];
  std::lock_guard lock(list.lock);
  for (; n > 0 && cache.count[c] > 0; --n) {
    auto* block = static_cast<free_block*>(cache.blocks[c][--cache.count[c]]);
    block->next = list.first;
    list.first = block;
  }
}

void take(std::size_t c) {
  thread_cache& cache = my_cache();
  {
    shared_list& list = shared()[c];
    std::lock_guard lock(list.lock);
    while (cache.count[c] < kBatch && list.first != nullptr) {
      free_block* block = list.first;
      list.first = block->next;
      cache.blocks[c][cache.count[c]++] = block;
    }
  }
  if (cache.count[c] > 0) return;
  // None free anywhere: carve a batch from one new slab.
  auto* slab = static_cast<char*>(::operator new(kBatch * kClassBytes[c]));
  for (std::size_t i = 0; i < kBatch; ++i) cache.blocks[c][cache.count[c]++] = slab + i * kClassBytes[c];
}

}  // namespace

void* allocate(std::size_t size) {
  const std::size_t c = class_of(size);
  if (c == kClassBytes.size()) return ::operator new(size);
  thread_cache& cache = my_cache();
  if (cache.count[c] == 0) take(c);
  void* block = cache.blocks[c][--cache.count[c]];
  if (cache.released) give_back(c, kCacheBlocks);
  return block;
}

void deallocate(void* block, std::size_t size) noexcept {
  const std::size_t c = class_of(size);
  if (c == kClassBytes.size()) {
    ::operator delete(block);
    return;
  }
  thread_cache& cache = my_cache();
  if (cache.count[c] == kCacheBlocks) give_back(c, kBatch);
  cache.blocks[c][cache.count[c]++] = block;
  if (cache.released) give_back(c, kCacheBlocks);
}

void release_thread_cache() noexcept {
  for (std::size_t c = 0; c < kClassBytes.size(); ++c) give_back(c, kCacheBlocks);
  my_cache().released = true;
}

}  // namespace gort::detail::small_blocks
