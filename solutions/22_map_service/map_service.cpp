// SPDX-License-Identifier: MIT
#include "map_service.hpp"

#include <utility>

namespace exercise {

map_service::map_service() {
  // The goroutine gets its own copy of the handle: the channels live as long
  // as it does, whatever happens to this object.
  gort::go(&map_service::serve, *this);
}

void map_service::serve() const {
  // A local: only this goroutine can reach it, so it needs no lock. Every
  // other goroutine sees it only through the commands below.
  contents map;
  for (bool serving = true; serving;) {
    gort::select(
        gort::recv_case(sets_, [&](set_command c) { map[c.key] = c.value; }),
        gort::recv_case(gets_,
                        [&](get_command c) {
                          const auto found = map.find(c.key);
                          c.reply << (found == map.end() ? std::nullopt
                                                         : std::optional<int>(found->second));
                        }),
        gort::recv_case(removes_, [&](remove_command c) { c.reply << (map.erase(c.key) > 0); }),
        gort::recv_case(sizes_, [&](gort::send_chan<std::size_t> reply) { reply << map.size(); }),
        gort::recv_case(updates_,
                        [&](update_command c) {
                          int& value = map[c.key];
                          value = c.f(value);
                          c.reply << value;
                        }),
        gort::recv_case(stops_, [&](gort::send_chan<contents> reply) {
          // The map changes hands: the caller owns it now, and nobody else
          // ever will, because this goroutine ends here.
          reply << std::move(map);
          serving = false;
        }));
  }
}

void map_service::set(const std::string& key, int value) const {
  // No reply needed: the service applies a command before it takes the next,
  // so whatever anybody asks after this returns sees the new value.
  sets_ << set_command{key, value};
}

// Each reply channel has room for the answer, so the service never waits for
// a caller to take it and can go on to the next command.

std::optional<int> map_service::get(const std::string& key) const {
  auto reply = gort::make_chan<std::optional<int>>(1);
  gets_ << get_command{key, reply};
  return reply.recv();
}

bool map_service::remove(const std::string& key) const {
  auto reply = gort::make_chan<bool>(1);
  removes_ << remove_command{key, reply};
  return reply.recv();
}

std::size_t map_service::size() const {
  auto reply = gort::make_chan<std::size_t>(1);
  sizes_ << reply;
  return reply.recv();
}

int map_service::update(const std::string& key, std::function<int(int)> f) const {
  auto reply = gort::make_chan<int>(1);
  updates_ << update_command{key, std::move(f), reply};
  return reply.recv();
}

map_service::contents map_service::stop() const {
  auto reply = gort::make_chan<contents>(1);
  stops_ << reply;
  return reply.recv();
}

}  // namespace exercise
