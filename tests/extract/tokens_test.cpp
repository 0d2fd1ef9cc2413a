// The token layer (extract/src/tokens.h): what each token of invented sentences is, its
// offsets, flags and lexicon classes; and, over the sample articles and generated junk, that
// the tokens cover every character that is not space exactly once, in order, with code point
// offsets a reader would count.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "chars.h"
#include "lexicon.h"
#include "quotegraph/utf8.h"
#include "tokens.h"

using namespace quotegraph::detail;

namespace {

std::vector<std::string> texts_of(std::string_view text, const std::vector<Token>& tokens) {
  std::vector<std::string> out;
  for (const Token& t : tokens) out.emplace_back(text.substr(t.begin, t.length));
  return out;
}

std::vector<Token> tokens_of(std::string_view text, const TokenLexicon* lexicon = nullptr) {
  std::vector<Token> tokens;
  tokenize(text, lexicon, tokens);
  return tokens;
}

const TokenLexicon& english() {
  static const TokenLexicon lexicon = [] {
    Lexicon l;
    std::string error;
    if (!l.load("", "en", &error)) FAIL(error);
    return TokenLexicon::from(l);
  }();
  return lexicon;
}

// The invariants every tokenisation keeps: tokens in order, not overlapping, covering every
// character that is not white space, each at the code point offset counted from the start.
void check_cover(std::string_view text) {
  const auto tokens = tokens_of(text);
  std::size_t pos = 0;
  for (const Token& t : tokens) {
    REQUIRE(t.begin >= pos);
    REQUIRE(t.length > 0);
    REQUIRE(t.end() <= text.size());
    for (std::size_t i = pos; i < t.begin;) {  // only white space between tokens
      std::size_t len;
      REQUIRE(is_space_cp(quotegraph::decode_utf8(text, i, len)));
      i += len;
    }
    REQUIRE(t.cp == quotegraph::count_code_points(text, 0, t.begin));
    pos = t.end();
  }
  for (std::size_t i = pos; i < text.size();) {
    std::size_t len;
    REQUIRE(is_space_cp(quotegraph::decode_utf8(text, i, len)));
    i += len;
  }
}

}  // namespace

TEST_CASE("words, numbers, possessives, quotation marks and punctuation", "[tokens]") {
  const std::string text = "Mr. O'Neill's U.S.-based firm, AT&T, said: “It's 3.5% up, not 1,000.”";
  const auto tokens = tokens_of(text);
  CHECK(texts_of(text, tokens) ==
        std::vector<std::string>{"Mr", ".", "O'Neill", "'s", "U.S.-based", "firm", ",", "AT&T", ",", "said", ":",
                                 "“", "It", "'s", "3.5", "%", "up", ",", "not", "1,000", ".", "”"});
  CHECK(tokens[0].kind == TokenKind::Word);
  CHECK(tokens[1].kind == TokenKind::Punct);
  CHECK(tokens[3].kind == TokenKind::Possessive);
  CHECK(tokens[11].kind == TokenKind::QuoteMark);
  // "’s" and "'s" are told by their form alone: "It's" ends like "Blair's" (the rules decide).
  CHECK(tokens[13].kind == TokenKind::Possessive);
  CHECK(tokens[14].kind == TokenKind::Number);
  CHECK(tokens[19].kind == TokenKind::Number);
  CHECK(tokens[21].kind == TokenKind::QuoteMark);
}

TEST_CASE("initialisms keep their full stops; an initial before a name does not", "[tokens]") {
  const std::string text = "The U.S.A. and J. Smith met in the U.S. on Monday.";
  CHECK(texts_of(text, tokens_of(text)) == std::vector<std::string>{"The", "U.S.A.", "and", "J", ".", "Smith", "met",
                                                                    "in", "the", "U.S.", "on", "Monday", "."});
  const auto tokens = tokens_of(text);
  CHECK((tokens[1].flags & kAllCaps));
  CHECK((tokens[1].flags & kSentenceEnd));  // "in the U.S." may end a sentence
  CHECK((tokens[12].flags & kSentenceEnd));
  CHECK_FALSE((tokens[6].flags & kSentenceEnd));
}

TEST_CASE("possessives: ’s and 's, and the apostrophe alone after an s", "[tokens]") {
  const std::string text = "Russia’s envoy met Wales’ coach and the players' union; don’t ask 'why'.";
  CHECK(texts_of(text, tokens_of(text)) ==
        std::vector<std::string>{"Russia", "’s", "envoy", "met", "Wales", "’", "coach", "and", "the", "players", "'",
                                 "union", ";", "don’t", "ask", "'", "why", "'", "."});
  const auto tokens = tokens_of(text);
  CHECK(tokens[1].kind == TokenKind::Possessive);
  CHECK(tokens[5].kind == TokenKind::Possessive);
  CHECK(tokens[10].kind == TokenKind::Possessive);
  CHECK(tokens[15].kind == TokenKind::QuoteMark);  // 'why' is in quotation marks
  CHECK(tokens[17].kind == TokenKind::QuoteMark);
}

TEST_CASE("letters outside ASCII through the Unicode model, with code point offsets", "[tokens]") {
  const std::string text = "„Wir gehen“, sagte Łukasz Nowak in Köln. ÜBER 20 Grüße — Жириновский.";
  const auto tokens = tokens_of(text);
  CHECK(texts_of(text, tokens) == std::vector<std::string>{"„", "Wir", "gehen", "“", ",", "sagte", "Łukasz", "Nowak",
                                                           "in", "Köln", ".", "ÜBER", "20", "Grüße", "—",
                                                           "Жириновский", "."});
  CHECK((tokens[6].flags & kCapitalised));  // Ł is a capital: the Unicode model, not a range
  CHECK((tokens[6].flags & kNonAscii));
  CHECK((tokens[11].flags & kAllCaps));
  CHECK((tokens[15].flags & kCapitalised));
  CHECK(tokens[6].cp == 19);  // „ W i r space g e h e n “ , space s a g t e space = 19
  CHECK(tokens[14].kind == TokenKind::Punct);
  check_cover(text);
}

TEST_CASE("line and paragraph starts", "[tokens]") {
  const std::string text = "Title here\n\nFirst line\nsecond line\n \n\tNew paragraph";
  const auto tokens = tokens_of(text);
  REQUIRE(tokens.size() == 8);
  CHECK((tokens[0].flags & kParagraphStart));
  CHECK_FALSE((tokens[1].flags & kLineStart));
  CHECK((tokens[2].flags & kParagraphStart));  // after a blank line
  CHECK((tokens[4].flags & kLineStart));
  CHECK_FALSE((tokens[4].flags & kParagraphStart));
  CHECK((tokens[6].flags & kParagraphStart));  // a line of spaces is blank
  CHECK((tokens[6].flags & kSpaceBefore));
}

TEST_CASE("lexicon classes by one lookup, whatever the case", "[tokens]") {
  const std::string text = "SAID Said said minister Mr he the spokesman report John Mary Britain";
  const auto tokens = tokens_of(text, &english());
  REQUIRE(tokens.size() == 12);
  for (int i = 0; i < 3; ++i) CHECK((tokens[i].classes & kSpeechVerb));
  CHECK((tokens[3].classes & kTitle));
  CHECK((tokens[4].classes & kHonorific));
  CHECK((tokens[5].classes & kPronoun));
  CHECK((tokens[6].classes & kDefiniteArticle));
  CHECK((tokens[7].classes & kDescriptor));
  CHECK_FALSE((tokens[7].classes & kWrittenSource));
  CHECK((tokens[8].classes & (kDescriptor | kWrittenSource)) == (kDescriptor | kWrittenSource));
  CHECK((tokens[9].classes & kGivenNameMale));
  CHECK((tokens[10].classes & kGivenNameFemale));
  CHECK((tokens[11].classes & kCountry));
  // A several-word title marks its first word; a word in none has no class.
  CHECK((english().classes_of("secretary") & kTitleStart));  // "secretary of state"
  CHECK(english().classes_of("zebra") == 0);
  // Lower-case words that join a name's words: "Staffan de Mistura", "Secretary of State".
  CHECK((english().classes_of("de") & kNameJoin));
  CHECK((english().classes_of("of") & kNameJoin));
  CHECK_FALSE((english().classes_of("said") & kNameJoin));
  CHECK((english().classes_of("and") & kConjunction));  // "founder and director Elliot Grove"
}

TEST_CASE("the class string: a symbol a token, spaces and line breaks between", "[tokens]") {
  Lexicon lexicon;
  std::string error;
  REQUIRE(lexicon.load("", "en", &error));
  const std::string text = "Sen. Jo de Vries, Wales’ party chairman, told al-Assad’s aide in 2010:\n“Yes.”";
  const auto tokens = tokens_of(text, &english());
  ClassString classes;
  class_string(text, tokens, lexicon, classes);
  // Sen . Jo de Vries , Wales ’ party chairman , told al-Assad ’s aide in 2010 : \n “ Yes . ”
  CHECK(classes.symbols == "H. C o C, Cm w t, w Cp t w nx\nqC.q");  // "aide" is a title
  REQUIRE(classes.token_at.size() == classes.symbols.size());
  REQUIRE(classes.symbol_of.size() == tokens.size());
  for (std::size_t t = 0; t < tokens.size(); ++t) CHECK(classes.token_at[classes.symbol_of[t]] == static_cast<int>(t));
  for (std::size_t i = 0; i < classes.symbols.size(); ++i)
    CHECK((classes.token_at[i] < 0) == (classes.symbols[i] == ' ' || classes.symbols[i] == '\n'));
  // Every symbol has a name the rule files write it by.
  for (const char symbol : classes.symbols) {
    if (symbol == ' ' || symbol == '\n') continue;
    bool named = false;
    for (std::size_t k = 0; k < kTokenSymbolCount; ++k) named = named || kTokenSymbols[k].symbol == symbol;
    CHECK(named);
  }
}

TEST_CASE("a lexicon folds case outside ASCII too", "[tokens]") {
  TokenLexicon lexicon;
  lexicon.add("Über", kStopword);
  lexicon.add("ERKLÄRTE", kSpeechVerb);
  CHECK(lexicon.classes_of("über") == kStopword);
  CHECK(lexicon.classes_of("ÜBER") == kStopword);
  CHECK(lexicon.classes_of("erklärte") == kSpeechVerb);
  CHECK(lexicon.classes_of("Erklärte") == kSpeechVerb);
  CHECK(lexicon.classes_of("erklärt") == 0);
  CHECK(lexicon.size() == 2);
}

TEST_CASE("tokens cover every character but white space, in order, on real articles and junk", "[tokens]") {
  namespace fs = std::filesystem;
  int articles = 0;
  for (const auto& entry : fs::directory_iterator(QUOTEGRAPH_SOURCE_DIR "/samples")) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    std::string text = buffer.str();
    quotegraph::repair_utf8(text);
    check_cover(text);
    ++articles;
  }
  CHECK(articles == 4);
  // Junk: random pieces of the characters the tokenizer treats specially, in every order.
  const std::vector<std::string> pieces = {"a", "Z", "1", ".", ",", ":", "'", "’", "-", "&", "s", "S", " ", "\n",
                                           "“", "”", "„", "é", "Ł", "\u00A0", "\u2028", "…", "!", "€", "😀", "\t"};
  std::mt19937 random(7);
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const int n = 1 + static_cast<int>(random() % 30);
    for (int k = 0; k < n; ++k) text += pieces[random() % pieces.size()];
    INFO(text);
    check_cover(text);
  }
}
