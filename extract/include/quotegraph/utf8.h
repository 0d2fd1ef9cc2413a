// UTF-8 helpers: repair invalid input without shifting offsets, and count code points.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace quotegraph {

struct Utf8Repair {
  std::size_t invalid_bytes = 0;       // how many bytes were replaced by U+FFFD
  std::size_t first_invalid = 0;       // byte offset (in the input) of the first one
};

// Replaces each invalid byte of `text` by U+FFFD (one code point per bad byte, so the code
// point offsets of everything else stay where a reader would count them) and drops a leading
// byte-order mark. Returns what it did.
Utf8Repair repair_utf8(std::string& text);

// Decodes the code point starting at `pos` (text must be valid UTF-8); sets `len` to its size.
char32_t decode_utf8(std::string_view text, std::size_t pos, std::size_t& len);

// Appends the UTF-8 encoding of `cp`.
void append_utf8(std::string& out, char32_t cp);

// Counts code points in text[from, to): byte offsets to the code point offsets the output uses.
std::size_t count_code_points(std::string_view text, std::size_t from, std::size_t to);

}  // namespace quotegraph
