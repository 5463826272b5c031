// SPDX-License-Identifier: MIT
// small_blocks: the memory of goroutine records and goroutine bodies.
//
// A goroutine's record and body are allocated by the goroutine that starts it
// and freed on whatever thread it ends, so with malloc every end on another
// thread than the start fought the starter's arena lock. Blocks of a few size
// classes are recycled instead: each thread keeps a small cache per class and
// trades batches with one shared free list per class.
//
// Invariants: a free block is in exactly one thread cache or shared list, of
// its own class; a block never changes class; memory is never given back.
#pragma once

#include <cstddef>

namespace gort::detail::small_blocks {

// allocate() returns size bytes (any size; over the largest class, from operator new).
void* allocate(std::size_t size);
// deallocate() frees a block from allocate(size) with the same size.
void deallocate(void* block, std::size_t size) noexcept;
// release_thread_cache() moves the calling thread's cached blocks to the
// shared lists; a pool thread calls it before it ends. Blocks the thread
// frees after that (while its thread-locals are destroyed) go there directly.
void release_thread_cache() noexcept;

}  // namespace gort::detail::small_blocks
