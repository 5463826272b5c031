// SPDX-License-Identifier: MIT
// small_blocks: see small_blocks.hpp.
#include "small_blocks.hpp"

#include <array>
#include <mutex>
#include <new>
#include <utility>

#include "gort/detail/spinlock.hpp"
#include "thread_cache.hpp"

namespace gort::detail::small_blocks {
namespace {

constexpr std::array<std::size_t, 4> kClassBytes{64, 128, 256, 512};
constexpr std::size_t kCacheBlocks = 64;  // per class and thread
constexpr std::size_t kBatch = 32;        // blocks moved to or from a shared list at once
// New blocks are carved from chunks this big: one allocation (a mapping of
// its own) for every 512 to 4,096 blocks, not a small slab from the heap for
// every batch (the heap grew a page or two at a time then, one mprotect each:
// 33,000 in a skynet run).
constexpr std::size_t kChunkBytes = 256 * 1024;

// free_block: a free block's first bytes link it into a shared list.
struct free_block {
  free_block* next;
};

// shared_list: one class's free blocks that no thread holds, and what is
// left of its newest chunk.
struct shared_list {
  spinlock lock;  // guards the fields; held for one batch's pointer moves
  free_block* first = nullptr;
  char* fresh = nullptr;  // the newest chunk's blocks never handed out: [fresh, fresh_end)
  char* fresh_end = nullptr;

  void push(void* block) noexcept {
    auto* free = static_cast<free_block*>(block);
    free->next = first;
    first = free;
  }
  // pop() is a free block, or else a fresh one of `bytes`.
  void* pop(std::size_t bytes) {
    if (free_block* block = first) {
      first = block->next;
      return block;
    }
    if (fresh == fresh_end) {
      fresh = static_cast<char*>(::operator new(kChunkBytes));
      fresh_end = fresh + kChunkBytes;
    }
    return std::exchange(fresh, fresh + bytes);
  }
};

using block_cache = thread_cache<void*, kCacheBlocks>;

shared_list& shared(std::size_t c) {
  // Never destroyed: freed blocks outlive runs.
  static auto* lists = new shared_list[kClassBytes.size()];
  return lists[c];
}

block_cache& my_cache(std::size_t c) noexcept {
  thread_local std::array<block_cache, kClassBytes.size()> caches;
  return caches[c];
}

// class_of() is the smallest class that holds size bytes; kClassBytes.size() if none does.
std::size_t class_of(std::size_t size) noexcept {
  std::size_t c = 0;
  while (c < kClassBytes.size() && kClassBytes[c] < size) ++c;
  return c;
}

void give_back(std::size_t c, std::size_t n) noexcept {
  shared_list& list = shared(c);
  std::lock_guard lock(list.lock);
  my_cache(c).give_up_to(n, [&](void* block) { list.push(block); });
}

// take() is a block of class c: one of a batch moved from the shared list to
// the calling thread's cache (only the one, once the cache is released).
void* take(std::size_t c) {
  block_cache& cache = my_cache(c);
  shared_list& list = shared(c);
  std::lock_guard lock(list.lock);
  if (cache.released()) return list.pop(kClassBytes[c]);
  while (cache.size() < kBatch) cache.keep(list.pop(kClassBytes[c]));
  return cache.take();
}

}  // namespace

void* allocate(std::size_t size) {
  const std::size_t c = class_of(size);
  if (c == kClassBytes.size()) return ::operator new(size);
  block_cache& cache = my_cache(c);
  return cache.empty() ? take(c) : cache.take();
}

void deallocate(void* block, std::size_t size) noexcept {
  const std::size_t c = class_of(size);
  if (c == kClassBytes.size()) {
    ::operator delete(block);
    return;
  }
  block_cache& cache = my_cache(c);
  if (cache.keep(block)) return;
  if (!cache.released()) give_back(c, kBatch);  // full: make room
  if (cache.keep(block)) return;
  shared_list& list = shared(c);
  std::lock_guard lock(list.lock);
  list.push(block);
}

void release_thread_cache() noexcept {
  for (std::size_t c = 0; c < kClassBytes.size(); ++c) {
    shared_list& list = shared(c);
    std::lock_guard lock(list.lock);
    my_cache(c).release([&](void* block) { list.push(block); });
  }
}

}  // namespace gort::detail::small_blocks
