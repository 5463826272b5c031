// SPDX-License-Identifier: MIT
// Exercise 09: tree walk — the Go tour's "equivalent binary trees": walk a
// tree in a goroutine that streams its values, and compare two trees by
// walking both at once.
#pragma once

#include <gort/gort.hpp>
#include <memory>

namespace exercise {

// tree is a node of a binary search tree of ints; a null pointer is the empty tree.
struct tree {
  int value = 0;
  std::unique_ptr<tree> left;   // the values less than value
  std::unique_ptr<tree> right;  // the values greater than or equal to value
};

// insert() adds value to the tree rooted at root, keeping it a binary search tree.
inline void insert(std::unique_ptr<tree>& root, int value) {
  if (!root) {
    root = std::make_unique<tree>();
    root->value = value;
    return;
  }
  insert(value < root->value ? root->left : root->right, value);
}

// walk() sends every value of t on out in ascending order, then closes out.
// Each send blocks until the value is taken, so run it in its own goroutine:
// gort::go(walk, t, out). The tree must outlive the walk.
void walk(const tree* t, gort::send_chan<int> out);

// same() reports whether a and b hold the same values in the same order. It
// walks both at once, in two goroutines, and compares the values as they come;
// at the first difference it stops comparing and returns false, but not before
// both walkers have ended: it leaves no goroutine blocked on a send.
bool same(const tree* a, const tree* b);

}  // namespace exercise
