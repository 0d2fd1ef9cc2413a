// Character classes the scanner and extractor share (internal header).
#pragma once
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "quotegraph/utf8.h"
#include "unicode.h"

namespace quotegraph::detail {

// A table: the mention scan asks at nearly every byte of a text.
struct AsciiAlnumTable {
  bool of[256] = {};
  constexpr AsciiAlnumTable() {
    for (int c = '0'; c <= '9'; ++c) of[c] = true;
    for (int c = 'a'; c <= 'z'; ++c) of[c] = true;
    for (int c = 'A'; c <= 'Z'; ++c) of[c] = true;
  }
};
inline constexpr AsciiAlnumTable kAsciiAlnum;

inline bool is_ascii_alnum(unsigned char c) { return kAsciiAlnum.of[c]; }

// Unicode properties outside ASCII come from ICU (unicode.h); ASCII is answered here,
// without a call.

// White space (Unicode's White_Space), and the zero-width space and byte-order mark, which
// separate words without being White_Space.
inline bool is_space_cp(char32_t c) {
  if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');
  return icu_is_space(c);
}

// The marks the quote scanner and the attribution rules treat as quotation marks: a
// typographic choice, not a Unicode property (straight quotes and primes are not Pi/Pf).
inline bool is_quote_mark_cp(char32_t c) {
  return c == '"' || c == '\'' || c == 0xAB || c == 0xBB || (c >= 0x2018 && c <= 0x201F) ||
         c == 0x2039 || c == 0x203A || c == 0x2032 || c == 0x2033 || c == 0xFF02;
}

// ASCII punctuation and symbols (every printable that is not a letter or digit); outside
// ASCII, Unicode punctuation (general category P) and the quotation marks above.
inline bool is_punct_cp(char32_t c) {
  if (c < 0x80) {
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
           (c >= '{' && c <= '~');
  }
  return is_quote_mark_cp(c) || icu_is_punct(c);
}

// Letters, digits and everything else that is part of a word.
inline bool is_word_cp(char32_t c) { return !is_space_cp(c) && !is_punct_cp(c) && c != 0; }

// An upper-case letter (general category Lu, PCRE2's \p{Lu}).
inline bool is_upper_cp(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return icu_is_upper(c);
}

// A set of bytes that a scan stops at, where they are rare in the text (quotation marks, line
// breaks, sentence ends): find() steps over eight bytes at a time while none of them can be in
// the set, and over the others with one table lookup each.
class ByteSet {
 public:
  constexpr explicit ByteSet(std::string_view bytes) {
    for (const char b : bytes) {
      const unsigned char c = static_cast<unsigned char>(b);
      if (member_[c]) continue;
      member_[c] = true;
      if (c >= 0x80) has_high_ = true;
      else if (ascii_count_ < kMaxAscii) ascii_[ascii_count_++] = kOnes * c;
      else word_at_a_time_ = false;
    }
  }
  constexpr bool contains(char b) const { return member_[static_cast<unsigned char>(b)]; }
  // The first byte of text[from, to) in the set, or `to`.
  std::size_t find(std::string_view text, std::size_t from, std::size_t to) const {
    while (from < to) {
      if (word_at_a_time_) {
        while (from + 8 <= to && !may_hold_member(text.data() + from)) from += 8;
      }
      for (const std::size_t end = std::min(from + 8, to); from < end; ++from)
        if (contains(text[from])) return from;
    }
    return to;
  }

 private:
  static constexpr int kMaxAscii = 5;
  static constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;
  // Whether one of the eight bytes at `p` may be a member: a byte above 0x7F when the set has
  // such bytes, or one equal to an ASCII member (a zero byte of the XOR).
  bool may_hold_member(const char* p) const {
    std::uint64_t v;
    std::memcpy(&v, p, 8);
    std::uint64_t hit = has_high_ ? v & kHighs : 0;
    for (int k = 0; k < ascii_count_; ++k) {
      const std::uint64_t x = v ^ ascii_[k];
      hit |= (x - kOnes) & ~x & kHighs;
    }
    return hit != 0;
  }
  bool member_[256] = {};
  std::uint64_t ascii_[kMaxAscii] = {};  // each ASCII member in all eight bytes
  int ascii_count_ = 0;
  bool has_high_ = false;
  bool word_at_a_time_ = true;  // false for a set of more ASCII bytes than the test takes
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

// The number of words (runs of word characters) in text[begin, end).
inline int count_words(std::string_view text, std::size_t begin, std::size_t end) {
  int words = 0;
  bool in_word = false;
  for (std::size_t i = begin; i < end;) {
    std::size_t len;
    const bool w = is_word_cp(decode_utf8(text, i, len));
    if (w && !in_word) ++words;
    in_word = w;
    i += len;
  }
  return words;
}

// Whether `s` ends with `end` ("Nachrichtenagentur" with "agentur"; any `s` ends with "").
inline bool ends_with(std::string_view s, std::string_view end) {
  return s.size() >= end.size() && s.compare(s.size() - end.size(), end.size(), end) == 0;
}

// Whether two strings are the same but for the case of ASCII letters ("GmbH", "gmbh").
inline bool equal_ignoring_ascii_case(std::string_view a, std::string_view b) {
  const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

// The bytes of the possessive mark that ends `word`, or 0: "’s" or "'s" ("Russia’s",
// "Britain's"), or the apostrophe alone after an s ("Wales’", "the players'"). A word that is
// only the mark is no possessive.
inline std::size_t possessive_mark_size(std::string_view word) {
  constexpr std::string_view kCurly = "\xE2\x80\x99";  // ’
  const auto ends_with = [&](std::string_view end) {
    return word.size() > end.size() && word.compare(word.size() - end.size(), end.size(), end) == 0;
  };
  if (ends_with("'s")) return 2;
  if (ends_with("\xE2\x80\x99s")) return kCurly.size() + 1;
  const std::size_t mark = ends_with("'") ? 1 : ends_with(kCurly) ? kCurly.size() : 0;
  if (mark == 0 || word.size() < mark + 2) return 0;
  const char before = word[word.size() - mark - 1];
  return before == 's' || before == 'S' ? mark : 0;
}

}  // namespace quotegraph::detail
