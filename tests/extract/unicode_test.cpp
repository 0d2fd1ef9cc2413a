// The one Unicode model: the C++ character tests (chars.h, from ICU) and PCRE2's UCP mode,
// which the rule file's \p{..} classes use, answer alike; names outside ASCII keep their
// capitals and fold to one key.
#include <catch2/catch.hpp>

#include <memory>
#include <string>

#include "chars.h"
#include "quotegraph/extractor.h"
#include "quotegraph/utf8.h"
#include "regex.h"

using namespace quotegraph;
using namespace quotegraph::detail;

namespace {

// How many code points (surrogates left out) `pattern` at the start of the code point and
// `test` disagree on, not counting those PCRE2 knows as unassigned (\p{Cn}): PCRE2 and ICU
// may carry different Unicode versions, and only characters new in the later one may differ.
template <typename Test>
std::size_t disagreements(const std::string& pattern, Test test, std::string* example) {
  std::string error;
  const auto property = Pattern::compile(pattern, &error, Pattern::Anchor::AtStart);
  const auto unassigned = Pattern::compile("\\p{Cn}", &error, Pattern::Anchor::AtStart);
  REQUIRE(property);
  REQUIRE(unassigned);
  MatchScratch scratch;
  std::size_t count = 0;
  for (char32_t c = 1; c <= 0x10FFFF; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    std::string s;
    append_utf8(s, c);
    const bool by_pcre2 = property->match(s, 0, scratch) == MatchResult::Match;
    if (by_pcre2 == test(c)) continue;
    if (unassigned->match(s, 0, scratch) == MatchResult::Match) continue;
    if (count++ == 0) *example = std::to_string(static_cast<unsigned long>(c));
  }
  return count;
}

}  // namespace

TEST_CASE("capitals, punctuation and white space: the C++ tests agree with PCRE2's UCP", "[unicode]") {
  std::string upper_example, punct_example, space_example;
  const auto upper = disagreements("\\p{Lu}", is_upper_cp, &upper_example);
  const auto punct = disagreements("[\\p{P}\\x{2032}\\x{2033}\\x{FF02}]|[!-/:-@\\[-`{-~]", is_punct_cp, &punct_example);
  // PCRE2's \s with UCP takes the separators (Z*) and the ASCII spaces; ours adds the two
  // zero-width ones and leaves out U+180E, which Unicode no longer counts as a space.
  const auto space = disagreements("[\\p{Xsp}\\x{200B}\\x{FEFF}](?<![\\x{180E}])", is_space_cp, &space_example);
  INFO("first disagreements at code points: upper " << upper_example << ", punctuation " << punct_example
                                                      << ", space " << space_example);
  CHECK(upper == 0);
  CHECK(punct == 0);
  CHECK(space == 0);
}

TEST_CASE("the token layer's letters, small letters and word characters agree with PCRE2's UCP", "[unicode]") {
  std::string lower_example, word_example;
  const auto lower = disagreements("\\p{Ll}", icu_is_lower, &lower_example);
  const auto word = disagreements("[\\p{L}\\p{M}\\p{N}]", icu_is_word_char, &word_example);
  INFO("first disagreements at code points: lower " << lower_example << ", word " << word_example);
  CHECK(lower == 0);
  CHECK(word == 0);
}

TEST_CASE("capitals outside Latin-1 start names", "[unicode]") {
  for (const char32_t capital : {U'Ł', U'Ź', U'Ś', U'Ž', U'Ő', U'Ď', U'Ω', U'Ж', U'Ա'}) CHECK(is_upper_cp(capital));
  // Latin Extended-A alternates capital and small letter, but not from an even code point on
  // everywhere: U+0138 (ĸ) and U+0149 (ŉ) are small letters between capitals.
  for (const char32_t small : {U'ł', U'ź', U'ĸ', U'ŉ', U'ſ', U'ж', U'ß'}) CHECK_FALSE(is_upper_cp(small));
}

TEST_CASE("a speaker named with capitals outside Latin-1 keeps the whole name", "[unicode]") {
  std::string error;
  const auto extractor = Extractor::create({}, &error);
  REQUIRE(extractor);
  struct Row { const char* text; const char* speaker; const char* key; };
  const Row rows[] = {
      {"\u201cWe will win,\u201d said \u0141ukasz Nowak.", "\u0141ukasz Nowak", "person:lksz-nowak"},
      {"\u201cWe will lose,\u201d said Zygmunt \u0179rebiec.", "Zygmunt \u0179rebiec", "person:zgmnt-zrebiec"},
      {"\u201cWe will see,\u201d said \u0160t\u011bp\u00e1n Dvo\u0159\u00e1k.", "\u0160t\u011bp\u00e1n Dvo\u0159\u00e1k", ""},
  };
  for (const auto& row : rows) {
    Document doc;
    doc.id = "u";
    doc.text = row.text;
    DocumentQuotes found;
    extractor->extract(doc, found);
    INFO(row.text);
    REQUIRE(found.quotes.size() == 1);
    CHECK(found.quotes[0].speaker == row.speaker);
  }
}

TEST_CASE("keys fold accents and transliterate other scripts", "[unicode]") {
  CHECK(normalise_key("\u0141ukasz Nowak") == normalise_key("Lukasz Nowak"));
  CHECK(normalise_key("Stra\u00dfe") == "strasse");
  CHECK(normalise_key("\u00c6sop \u00d8stergaard") == "aesop-ostergaard");
  CHECK(normalise_key("O\u2019Brien") == "obrien");
  CHECK(normalise_key("\u0421\u0435\u0440\u0433\u0435\u0439 \u041b\u0430\u0432\u0440\u043e\u0432") == "sergej-lavrov");
  CHECK_FALSE(normalise_key("\u5f20\u4f1f").empty());  // a name in Han gets a key, not none
}
