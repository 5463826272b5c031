// SPDX-License-Identifier: MIT
// A small, strict JSON reader (RFC 8259): a tree of values and parse(), which
// names the line and column of the first syntax error.
#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace timeline::json {

enum class kind { null, boolean, number, string, array, object };

class value;
using array = std::vector<value>;
// An object keeps its members in file order; lookups are linear, as the
// objects of a trace have a handful of members.
using object = std::vector<std::pair<std::string, value>>;

// kind_name() names a kind as JSON documentation does ("object", "number"...).
std::string_view kind_name(kind k);

// type_error: a value was read as a kind it is not.
class type_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// parse_error: the text is not JSON; what() reads "line L, column C: reason".
class parse_error : public std::runtime_error {
 public:
  parse_error(std::size_t line, std::size_t column, const std::string& reason);
  std::size_t line() const noexcept { return line_; }
  std::size_t column() const noexcept { return column_; }

 private:
  std::size_t line_;
  std::size_t column_;
};

class value {
 public:
  value() = default;
  explicit value(bool b) : data_(b) {}
  explicit value(double number) : data_(number) {}
  explicit value(std::string text) : data_(std::move(text)) {}
  explicit value(array elements) : data_(std::move(elements)) {}
  explicit value(object members) : data_(std::move(members)) {}
  // A string literal would otherwise silently become a bool.
  explicit value(const char*) = delete;

  kind type() const noexcept { return static_cast<kind>(data_.index()); }
  bool is_null() const noexcept { return type() == kind::null; }
  bool is_bool() const noexcept { return type() == kind::boolean; }
  bool is_number() const noexcept { return type() == kind::number; }
  bool is_string() const noexcept { return type() == kind::string; }
  bool is_array() const noexcept { return type() == kind::array; }
  bool is_object() const noexcept { return type() == kind::object; }

  // The as_...() accessors throw type_error when the value is of another kind.
  bool as_bool() const;
  double as_number() const;
  const std::string& as_string() const;
  const array& as_array() const;
  const object& as_object() const;
  // as_int64() reads a number that must be a whole number within ±2^53, where
  // a double still holds every integer exactly.
  std::int64_t as_int64() const;

  // find() returns the object's first member called key, or nullptr when there
  // is none or the value is not an object.
  const value* find(std::string_view key) const noexcept;
  // at() returns the object's member called key; type_error if it is missing.
  const value& at(std::string_view key) const;

 private:
  std::variant<std::nullptr_t, bool, double, std::string, array, object> data_;
};

// parse() reads text, which must hold exactly one JSON value (whitespace aside)
// encoded in UTF-8; it throws parse_error at the first deviation.
value parse(std::string_view text);

}  // namespace timeline::json
