#include "quotegraph/utf8.h"

#include <cstdint>
#include <cstring>

namespace quotegraph {
namespace {

constexpr std::uint64_t kHighBits = 0x8080808080808080ull;

// The eight bytes at text[pos] as one word (pos + 8 <= text.size()).
std::uint64_t eight_bytes(std::string_view text, std::size_t pos) {
  std::uint64_t word;
  std::memcpy(&word, text.data() + pos, sizeof word);
  return word;
}

// Length of the valid UTF-8 sequence at text[pos], or 0 if the bytes there are not one.
std::size_t valid_sequence_length(std::string_view text, std::size_t pos) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char b0 = byte(pos);
  if (b0 < 0x80) return 1;
  std::size_t need;
  char32_t min;
  if (b0 >= 0xC2 && b0 <= 0xDF) { need = 2; min = 0x80; }
  else if (b0 >= 0xE0 && b0 <= 0xEF) { need = 3; min = 0x800; }
  else if (b0 >= 0xF0 && b0 <= 0xF4) { need = 4; min = 0x10000; }
  else return 0;
  if (pos + need > text.size()) return 0;
  char32_t cp = b0 & (0x7F >> need);
  for (std::size_t i = 1; i < need; ++i) {
    const unsigned char b = byte(pos + i);
    if ((b & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return need;
}

}  // namespace

Utf8Repair repair_utf8(std::string& text) {
  Utf8Repair result;
  std::size_t start = 0;
  if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) start = 3;
  // Fast path: most text is valid; only copy when something must change.
  std::size_t pos = start;
  while (pos < text.size()) {
    // Eight ASCII bytes at a time (most text is ASCII), then one sequence.
    while (pos + 8 <= text.size() && !(eight_bytes(text, pos) & kHighBits)) pos += 8;
    if (pos == text.size()) break;
    const std::size_t len = valid_sequence_length(text, pos);
    if (len == 0) break;
    pos += len;
  }
  if (pos == text.size()) {
    if (start) text.erase(0, start);
    return result;
  }
  std::string out;
  out.reserve(text.size() + 16);
  out.append(text, start, pos - start);
  result.first_invalid = pos;
  while (pos < text.size()) {
    const std::size_t len = valid_sequence_length(text, pos);
    if (len == 0) {
      out += "\xEF\xBF\xBD";
      ++result.invalid_bytes;
      ++pos;
    } else {
      out.append(text, pos, len);
      pos += len;
    }
  }
  text.swap(out);
  return result;
}

char32_t decode_utf8(std::string_view text, std::size_t pos, std::size_t& len) {
  const unsigned char b0 = static_cast<unsigned char>(text[pos]);
  if (b0 < 0x80) { len = 1; return b0; }
  if (b0 < 0xE0) len = 2;
  else if (b0 < 0xF0) len = 3;
  else len = 4;
  if (pos + len > text.size()) { len = 1; return 0xFFFD; }
  char32_t cp = b0 & (0x7F >> len);
  for (std::size_t i = 1; i < len; ++i)
    cp = (cp << 6) | (static_cast<unsigned char>(text[pos + i]) & 0x3F);
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::size_t count_code_points(std::string_view text, std::size_t from, std::size_t to) {
  std::size_t n = 0, i = from;
  // Eight bytes at a time: every byte but a continuation byte (10xxxxxx) starts a code point.
  for (; i + 8 <= to; i += 8) {
    const std::uint64_t word = eight_bytes(text, i);
    const std::uint64_t continuation = word & ~(word << 1) & kHighBits;
    n += 8 - static_cast<std::size_t>(__builtin_popcountll(continuation));
  }
  for (; i < to; ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++n;
  return n;
}

}  // namespace quotegraph
