// Character classes the scanner and extractor share (internal header).
#pragma once
#include <cstddef>
#include <string_view>

#include "quotegraph/utf8.h"

namespace quotegraph::detail {

inline bool is_ascii_alnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

inline bool is_space_cp(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 ||
         c == 0x1680 || (c >= 0x2000 && c <= 0x200B) || c == 0x2028 || c == 0x2029 ||
         c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

inline bool is_quote_mark_cp(char32_t c) {
  return c == '"' || c == '\'' || c == 0xAB || c == 0xBB || (c >= 0x2018 && c <= 0x201F) ||
         c == 0x2039 || c == 0x203A || c == 0x2032 || c == 0x2033 || c == 0xFF02;
}

inline bool is_punct_cp(char32_t c) {
  if (c < 0x80) {
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
           (c >= '{' && c <= '~');
  }
  return is_quote_mark_cp(c) || (c >= 0x2010 && c <= 0x2015) || c == 0x2026 || c == 0xA1 ||
         c == 0xBF || c == 0x2022 || c == 0xB7;
}

// Letters, digits and everything else that is part of a word.
inline bool is_word_cp(char32_t c) { return !is_space_cp(c) && !is_punct_cp(c) && c != 0; }

inline bool is_upper_cp(char32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) ||
         (c >= 0x100 && c <= 0x17F && c % 2 == 0) || (c >= 0x410 && c <= 0x42F);
}

// A set of bytes that a scan stops at: the loops that look for a few bytes step over all the
// others with one table lookup each.
class ByteSet {
 public:
  constexpr explicit ByteSet(std::string_view bytes) {
    for (const char b : bytes) member_[static_cast<unsigned char>(b)] = true;
  }
  constexpr bool contains(char b) const { return member_[static_cast<unsigned char>(b)]; }
  // The first byte of text[from, to) in the set, or `to`.
  std::size_t find(std::string_view text, std::size_t from, std::size_t to) const {
    while (from < to && !contains(text[from])) ++from;
    return from;
  }

 private:
  bool member_[256] = {};
};

// The code point just before byte offset `pos` (0 at the start of the text).
inline char32_t cp_before(std::string_view text, std::size_t pos) {
  if (pos == 0) return 0;
  std::size_t start = pos - 1;
  while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
  std::size_t len;
  return decode_utf8(text, start, len);
}

inline char32_t cp_at(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return 0;
  std::size_t len;
  return decode_utf8(text, pos, len);
}

}  // namespace quotegraph::detail
