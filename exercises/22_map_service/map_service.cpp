// SPDX-License-Identifier: MIT
#include "map_service.hpp"

#include "todo.hpp"

namespace exercise {

map_service::map_service() {
  // TODO(exercise): start the service goroutine, running serve() on a copy
  // of this handle (the channels are already made).
  workbook::todo("map_service::map_service");
}

void map_service::serve() const {
  // TODO(exercise): declare the map here. Loop: select on the six command
  // channels, and handle the command that came: change or read the map, and
  // send the answer on the command's reply channel. On stop, send the map on
  // its reply channel and return.
  workbook::todo("map_service::serve");
}

void map_service::set(const std::string& key, int value) const {
  // TODO(exercise): send a set_command.
  workbook::todo("map_service::set");
}

std::optional<int> map_service::get(const std::string& key) const {
  // TODO(exercise): make a reply channel, send a get_command with it, and
  // return what comes back on it.
  workbook::todo("map_service::get");
}

bool map_service::remove(const std::string& key) const {
  // TODO(exercise): as get(), with a remove_command.
  workbook::todo("map_service::remove");
}

std::size_t map_service::size() const {
  // TODO(exercise): send a reply channel on sizes_, and return the answer.
  workbook::todo("map_service::size");
}

int map_service::update(const std::string& key, std::function<int(int)> f) const {
  // TODO(exercise): as get(), with an update_command carrying f.
  workbook::todo("map_service::update");
}

map_service::contents map_service::stop() const {
  // TODO(exercise): send a reply channel on stops_, and return the map that
  // comes back.
  workbook::todo("map_service::stop");
}

}  // namespace exercise
