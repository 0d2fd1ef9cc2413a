#include "unicode.h"

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <memory>

namespace quotegraph::detail {

bool icu_is_space(char32_t c) {
  return u_isUWhiteSpace(static_cast<UChar32>(c)) || c == 0x200B || c == 0xFEFF;
}

bool icu_is_punct(char32_t c) { return u_ispunct(static_cast<UChar32>(c)); }

bool icu_is_upper(char32_t c) { return u_charType(static_cast<UChar32>(c)) == U_UPPERCASE_LETTER; }

bool icu_is_lower(char32_t c) { return u_charType(static_cast<UChar32>(c)) == U_LOWERCASE_LETTER; }

bool icu_is_word_char(char32_t c) {
  return (U_GET_GC_MASK(static_cast<UChar32>(c)) & (U_GC_L_MASK | U_GC_M_MASK | U_GC_N_MASK)) != 0;
}

char32_t icu_to_lower(char32_t c) { return static_cast<char32_t>(u_tolower(static_cast<UChar32>(c))); }

std::string ascii_transliteration(std::string_view text) {
  // A transliterator is costly to build and not safe to share while it runs: one per thread.
  thread_local std::unique_ptr<icu::Transliterator> to_ascii = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(
        icu::Transliterator::createInstance("Any-Latin; Latin-ASCII", UTRANS_FORWARD, status));
    return U_SUCCESS(status) ? std::move(t) : nullptr;
  }();
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  if (to_ascii) to_ascii->transliterate(s);
  std::string out;
  s.toUTF8String(out);
  return out;
}

}  // namespace quotegraph::detail
