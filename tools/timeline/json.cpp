// SPDX-License-Identifier: MIT
// The JSON reader: a recursive-descent parser over the text, and the value
// accessors.
#include "json.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace timeline::json {

std::string_view kind_name(kind k) {
  switch (k) {
    case kind::null:
      return "null";
    case kind::boolean:
      return "boolean";
    case kind::number:
      return "number";
    case kind::string:
      return "string";
    case kind::array:
      return "array";
    case kind::object:
      return "object";
  }
  return "unknown";
}

parse_error::parse_error(std::size_t line, std::size_t column, const std::string& reason)
    : std::runtime_error("line " + std::to_string(line) + ", column " + std::to_string(column) +
                         ": " + reason),
      line_(line),
      column_(column) {}

namespace {

[[noreturn]] void wrong_kind(kind wanted, kind found) {
  throw type_error("expected " + std::string(kind_name(wanted)) + ", found " +
                   std::string(kind_name(found)));
}

}  // namespace

bool value::as_bool() const {
  if (!is_bool()) wrong_kind(kind::boolean, type());
  return std::get<bool>(data_);
}

double value::as_number() const {
  if (!is_number()) wrong_kind(kind::number, type());
  return std::get<double>(data_);
}

const std::string& value::as_string() const {
  if (!is_string()) wrong_kind(kind::string, type());
  return std::get<std::string>(data_);
}

const array& value::as_array() const {
  if (!is_array()) wrong_kind(kind::array, type());
  return std::get<array>(data_);
}

const object& value::as_object() const {
  if (!is_object()) wrong_kind(kind::object, type());
  return std::get<object>(data_);
}

std::int64_t value::as_int64() const {
  constexpr double kExactLimit = 9007199254740992.0;  // 2^53
  const double number = as_number();
  if (std::trunc(number) != number || std::fabs(number) > kExactLimit) {
    throw type_error("expected a whole number, found " + std::to_string(number));
  }
  return static_cast<std::int64_t>(number);
}

const value* value::find(std::string_view key) const noexcept {
  const object* members = std::get_if<object>(&data_);
  if (members == nullptr) return nullptr;
  const auto it = std::find_if(members->begin(), members->end(),
                               [key](const auto& member) { return member.first == key; });
  return it == members->end() ? nullptr : &it->second;
}

const value& value::at(std::string_view key) const {
  as_object();
  const value* member = find(key);
  if (member == nullptr) throw type_error("no member \"" + std::string(key) + "\"");
  return *member;
}

namespace {

// Deeper nesting than any trace needs is refused rather than risking the stack.
constexpr int kMaxDepth = 256;

// utf8_length() is the length of the well-formed UTF-8 sequence starting at
// text[0] (which is not ASCII), or 0 if it is malformed, overlong or a surrogate.
std::size_t utf8_length(std::string_view text) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(0);
  std::size_t length = 0;
  unsigned char low = 0x80;
  unsigned char high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  if (text.size() < length || byte(1) < low || byte(1) > high) return 0;
  for (std::size_t i = 2; i < length; ++i) {
    if (byte(i) < 0x80 || byte(i) > 0xBF) return 0;
  }
  return length;
}

void append_utf8(std::string& out, std::uint32_t code_point) {
  if (code_point < 0x80) {
    out += static_cast<char>(code_point);
  } else if (code_point < 0x800) {
    out += static_cast<char>(0xC0 | (code_point >> 6));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else if (code_point < 0x10000) {
    out += static_cast<char>(0xE0 | (code_point >> 12));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code_point >> 18));
    out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  }
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

class parser {
 public:
  explicit parser(std::string_view text) : text_(text) {}

  value parse_document() {
    skip_whitespace();
    value result = parse_value();
    skip_whitespace();
    if (pos_ != text_.size()) fail("unexpected text after the JSON value");
    return result;
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
  int depth_ = 0;

  // fail() reports at pos_; the line and column are counted only here, so
  // reading stays a single pass.
  [[noreturn]] void fail(const std::string& reason) const {
    const std::string_view before = text_.substr(0, std::min(pos_, text_.size()));
    const std::size_t line =
        1 + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
    const std::size_t line_start = before.rfind('\n');
    const std::size_t column = line_start == std::string_view::npos ? pos_ + 1 : pos_ - line_start;
    throw parse_error(line, column, reason);
  }

  bool at_end() const { return pos_ >= text_.size(); }
  char peek() const { return at_end() ? '\0' : text_[pos_]; }

  std::string describe_next() const {
    if (at_end()) return "the end of the text";
    const auto c = static_cast<unsigned char>(text_[pos_]);
    if (c >= 0x20 && c < 0x7F) return std::string("'") + text_[pos_] + "'";
    char code[16];
    std::snprintf(code, sizeof code, "byte 0x%02X", c);
    return code;
  }

  void expect(char c, const char* what) {
    if (peek() != c) fail(std::string("expected ") + what + ", found " + describe_next());
    ++pos_;
  }

  void skip_whitespace() {
    while (!at_end()) {
      const char c = text_[pos_];
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
      ++pos_;
    }
  }

  value parse_value() {
    switch (peek()) {
      case '{':
        return parse_nested([this] { return parse_object(); });
      case '[':
        return parse_nested([this] { return parse_array(); });
      case '"':
        return value(parse_string());
      case 't':
        return parse_literal("true", value(true));
      case 'f':
        return parse_literal("false", value(false));
      case 'n':
        return parse_literal("null", value());
      default:
        if (peek() == '-' || is_digit(peek())) return parse_number();
        fail("expected a JSON value, found " + describe_next());
    }
  }

  template <typename Parse>
  value parse_nested(Parse parse) {
    if (++depth_ > kMaxDepth) fail("nested deeper than " + std::to_string(kMaxDepth) + " levels");
    value result = parse();
    --depth_;
    return result;
  }

  value parse_literal(std::string_view word, value result) {
    if (text_.substr(pos_, word.size()) != word)
      fail("expected a JSON value, found " + describe_next());
    pos_ += word.size();
    return result;
  }

  value parse_object() {
    expect('{', "'{'");
    object members;
    skip_whitespace();
    if (peek() == '}') {
      ++pos_;
      return value(std::move(members));
    }
    while (true) {
      skip_whitespace();
      if (peek() != '"') fail("expected a member name in double quotes, found " + describe_next());
      std::string key = parse_string();
      skip_whitespace();
      expect(':', "':' after the member name");
      skip_whitespace();
      members.emplace_back(std::move(key), parse_value());
      skip_whitespace();
      if (peek() == '}') break;
      expect(',', "',' or '}' in the object");
    }
    ++pos_;
    return value(std::move(members));
  }

  value parse_array() {
    expect('[', "'['");
    array elements;
    skip_whitespace();
    if (peek() == ']') {
      ++pos_;
      return value(std::move(elements));
    }
    while (true) {
      skip_whitespace();
      elements.push_back(parse_value());
      skip_whitespace();
      if (peek() == ']') break;
      expect(',', "',' or ']' in the array");
    }
    ++pos_;
    return value(std::move(elements));
  }

  // parse_number() checks JSON's grammar itself, as from_chars also takes
  // forms JSON forbids ("01", "1.", ".5", "inf").
  value parse_number() {
    const std::size_t start = pos_;
    if (peek() == '-') ++pos_;
    if (peek() == '0') {
      ++pos_;
    } else if (is_digit(peek())) {
      while (is_digit(peek())) ++pos_;
    } else {
      fail("expected a digit after '-', found " + describe_next());
    }
    if (peek() == '.') {
      ++pos_;
      if (!is_digit(peek())) fail("expected a digit after '.', found " + describe_next());
      while (is_digit(peek())) ++pos_;
    }
    if (peek() == 'e' || peek() == 'E') {
      ++pos_;
      if (peek() == '+' || peek() == '-') ++pos_;
      if (!is_digit(peek())) fail("expected a digit in the exponent, found " + describe_next());
      while (is_digit(peek())) ++pos_;
    }
    double number = 0;
    const auto [end, error] = std::from_chars(text_.data() + start, text_.data() + pos_, number);
    if (error != std::errc() || end != text_.data() + pos_) {
      pos_ = start;
      fail("number out of range");
    }
    return value(number);
  }

  std::string parse_string() {
    expect('"', "'\"'");
    std::string out;
    while (true) {
      const std::size_t run = pos_;
      while (!at_end() && is_plain_ascii(text_[pos_])) ++pos_;
      out.append(text_, run, pos_ - run);
      if (at_end()) fail("unterminated string");
      const auto c = static_cast<unsigned char>(text_[pos_]);
      if (c == '"') break;
      if (c == '\\') {
        parse_escape(out);
      } else if (c < 0x20) {
        fail("control character in a string (write it as an escape such as \\n)");
      } else {
        append_multibyte(out);
      }
    }
    ++pos_;
    return out;
  }

  static bool is_plain_ascii(char c) {
    const auto u = static_cast<unsigned char>(c);
    return u >= 0x20 && u < 0x80 && c != '"' && c != '\\';
  }

  void append_multibyte(std::string& out) {
    const std::size_t length = utf8_length(text_.substr(pos_));
    if (length == 0) fail("invalid UTF-8 in a string");
    out.append(text_, pos_, length);
    pos_ += length;
  }

  void parse_escape(std::string& out) {
    ++pos_;
    if (at_end()) fail("unterminated string");
    const char c = text_[pos_++];
    switch (c) {
      case '"':
        out += '"';
        return;
      case '\\':
        out += '\\';
        return;
      case '/':
        out += '/';
        return;
      case 'b':
        out += '\b';
        return;
      case 'f':
        out += '\f';
        return;
      case 'n':
        out += '\n';
        return;
      case 'r':
        out += '\r';
        return;
      case 't':
        out += '\t';
        return;
      case 'u':
        append_utf8(out, parse_unicode_escape());
        return;
      default:
        --pos_;
        fail("invalid escape in a string: backslash before " + describe_next());
    }
  }

  // parse_unicode_escape() reads the XXXX of \uXXXX (pos_ just after the u),
  // joining a UTF-16 surrogate pair into one code point.
  std::uint32_t parse_unicode_escape() {
    const std::uint32_t first = parse_hex4();
    if (first >= 0xDC00 && first <= 0xDFFF) fail("\\u escape is a lone low surrogate");
    if (first < 0xD800 || first > 0xDBFF) return first;
    if (text_.substr(pos_, 2) != "\\u") fail("\\u escape is a high surrogate without its low half");
    pos_ += 2;
    const std::uint32_t second = parse_hex4();
    if (second < 0xDC00 || second > 0xDFFF)
      fail("\\u escape is a high surrogate without its low half");
    return 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
  }

  std::uint32_t parse_hex4() {
    std::uint32_t result = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = peek();
      std::uint32_t digit = 0;
      if (c >= '0' && c <= '9') {
        digit = static_cast<std::uint32_t>(c - '0');
      } else if (c >= 'a' && c <= 'f') {
        digit = static_cast<std::uint32_t>(c - 'a' + 10);
      } else if (c >= 'A' && c <= 'F') {
        digit = static_cast<std::uint32_t>(c - 'A' + 10);
      } else {
        fail("expected four hex digits after \\u, found " + describe_next());
      }
      result = result * 16 + digit;
      ++pos_;
    }
    return result;
  }
};

}  // namespace

value parse(std::string_view text) { return parser(text).parse_document(); }

}  // namespace timeline::json
