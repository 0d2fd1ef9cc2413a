// The project's one Unicode model (internal header): ICU's character database, the same
// Unicode data PCRE2's UCP mode answers \p{Lu}, \p{L} and \s from in the rule file. A test
// (tests/extract/unicode_test.cpp) holds the two to agreement over every code point.
#pragma once
#include <string>
#include <string_view>

namespace quotegraph::detail {

// White_Space, and the zero-width space and byte-order mark, which separate words without
// being White_Space.
bool icu_is_space(char32_t c);
// General category P (punctuation).
bool icu_is_punct(char32_t c);
// General category Lu (PCRE2's \p{Lu}).
bool icu_is_upper(char32_t c);
// General category Ll.
bool icu_is_lower(char32_t c);
// A letter, a mark or a number (general categories L, M, N: PCRE2's [\p{L}\p{M}\p{N}]).
bool icu_is_word_char(char32_t c);
// The simple lower-case mapping ("Ü" -> "ü"; a character without one is itself).
char32_t icu_to_lower(char32_t c);

// `text` (UTF-8) in ASCII: other scripts transliterated to Latin, then accents and ligatures
// folded ("Łukasz" -> "Lukasz", "Straße" -> "Strasse", "Сергей" -> "Sergej"). Thread-safe.
std::string ascii_transliteration(std::string_view text);

}  // namespace quotegraph::detail
