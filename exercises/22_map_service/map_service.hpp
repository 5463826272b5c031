// SPDX-License-Identifier: MIT
// Exercise 22: map service — a goroutine owns a std::map and serves commands
// sent on channels: the course's backend pattern, sharing memory by
// communicating.
#pragma once

#include <cstddef>
#include <functional>
#include <gort/gort.hpp>
#include <map>
#include <optional>
#include <string>

namespace exercise {

// map_service is a handle to a service goroutine that owns a
// std::map<std::string, int> and serves one command at a time. Copies of the
// handle talk to the same service, from any goroutine. Every call blocks
// until the service has taken its command, and until it has answered if the
// call returns something.
class map_service {
 public:
  using contents = std::map<std::string, int>;

  // map_service() starts the service goroutine, with an empty map.
  map_service();

  // set() stores value at key.
  void set(const std::string &key, int value) const;

  // get() is the value at key, or nullopt if there is none.
  std::optional<int> get(const std::string &key) const;

  // remove() deletes key and returns whether it was there (Go's delete).
  bool remove(const std::string &key) const;

  // size() is the number of keys (Go's len).
  std::size_t size() const;

  // update() replaces the value at key (0 if there is none) with f(value) and
  // returns the new value. f runs on the service goroutine, so no other
  // command is served until it returns: the update is atomic.
  int update(const std::string &key, std::function<int(int)> f) const;

  // stop() ends the service goroutine and returns the map it owned. Calls
  // made after stop() block for ever.
  contents stop() const;

 private:
  struct set_command {
    std::string key;
    int value = 0;
  };
  struct get_command {
    std::string key;
    gort::send_chan<std::optional<int>> reply;
  };
  struct remove_command {
    std::string key;
    gort::send_chan<bool> reply;
  };
  struct update_command {
    std::string key;
    std::function<int(int)> f;
    gort::send_chan<int> reply;
  };

  // serve() is the service goroutine's body: the map is its local variable,
  // so no other goroutine can reach it. It selects on the command channels
  // until a stop command.
  void serve() const;

  // One channel per kind of command, unbuffered: the service takes a command
  // when it is ready for it. A size or stop command is only where to reply.
  gort::chan<set_command> sets_ = gort::make_chan<set_command>();
  gort::chan<get_command> gets_ = gort::make_chan<get_command>();
  gort::chan<remove_command> removes_ = gort::make_chan<remove_command>();
  gort::chan<gort::send_chan<std::size_t>> sizes_ = gort::make_chan<gort::send_chan<std::size_t>>();
  gort::chan<update_command> updates_ = gort::make_chan<update_command>();
  gort::chan<gort::send_chan<contents>> stops_ = gort::make_chan<gort::send_chan<contents>>();
};

}  // namespace exercise
