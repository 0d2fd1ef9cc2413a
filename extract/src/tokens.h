// The token layer (internal header, issue 32): a document read once into words, numbers,
// punctuation and quotation marks, each with its offsets, what its characters are (capitalised,
// all capitals, digits, the start of a line or paragraph, a possible sentence end) and the
// classes the language's lexicons give the word (speech verb, title, honorific, given name,
// pronoun...), found by one hash lookup. Rules are meant to run over these tokens, not over
// bytes: a token is looked at once, whatever the number of rules.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "flat_index.h"

namespace quotegraph::detail {

struct Lexicon;

enum class TokenKind : std::uint8_t {
  Word,       // letters and digits, joined by an inner hyphen, apostrophe or ampersand
              // ("Jean-Luc", "O'Neill", "AT&T"), or an initialism ("U.S.")
  Number,     // starts with a digit; may hold inner ".", "," and ":" between digits ("1,000", "3.5")
  Possessive, // "’s", "'s" after a word, or an apostrophe alone after a word ending in s
  QuoteMark,  // “ ” „ « » ‹ › ‘ ’ ‚ " ' and the primes: the quote scanner decides which pairs
  Punct,      // any other punctuation character, one token each
  Symbol,     // anything else that is not space (emoji, currency signs, ...), one character each
};

// What a token's characters and surroundings are: bits of Token::flags.
enum TokenFlag : std::uint16_t {
  kCapitalised = 1 << 0,     // starts with an upper-case letter (\p{Lu})
  kAllCaps = 1 << 1,         // two or more letters, none of them lower case ("NATO", "U.S.")
  kHasDigit = 1 << 2,        // a digit somewhere in it
  kSpaceBefore = 1 << 3,     // white space (or the start of the text) right before it
  kLineStart = 1 << 4,       // the first token of a line
  kParagraphStart = 1 << 5,  // the first token of the text or after a blank line
  kSentenceEnd = 1 << 6,     // ".", "!", "?" or "…": a sentence may end here
  kNonAscii = 1 << 7,        // has a byte outside ASCII
  kJoined = 1 << 8,          // a word with an inner hyphen, apostrophe or ampersand ("Jean-Luc")
};

// The classes a word has in the lexicons: bits of Token::classes (several may hold: "May" is a
// month and a given name). A several-word entry marks its first word with the `...Start` bit.
enum WordClass : std::uint32_t {
  kSpeechVerb = 1u << 0,
  kTitle = 1u << 1,
  kTitleStart = 1u << 2,
  kDescriptor = 1u << 3,        // the head noun of an unnamed source ("spokesman")
  kWrittenSource = 1u << 4,     // ... that is a document ("report")
  kCountry = 1u << 5,
  kCountryStart = 1u << 6,
  kOrganization = 1u << 7,
  kOrganizationStart = 1u << 8,
  kOrganizationCue = 1u << 9,   // "Party", "Ministry", "Inc"
  kHonorific = 1u << 10,        // "Mr", "Dr"
  kRank = 1u << 11,             // an honorific that is part of a name ("Lord", "Prince")
  kGivenNameMale = 1u << 12,
  kGivenNameFemale = 1u << 13,
  kPronoun = 1u << 14,
  kDeterminer = 1u << 15,
  kDefiniteArticle = 1u << 16,
  kStopword = 1u << 17,
  kTitleWord = 1u << 18,        // a lower-case word inside a title of a work ("of", "the")
  kTitleCue = 1u << 19,         // a word before a title of a work ("book", "show")
  kNameJoin = 1u << 20,         // a lower-case word that joins a name's words ("de", "van", "of")
  kArticle = 1u << 21,          // "the", "a", "an" (language.tsv's articles)
  kConjunction = 1u << 22,      // "and": joins two titles or the words of a name (name conjunctions)
};

struct Token {
  std::uint32_t begin = 0;   // byte offset in the text
  std::uint32_t length = 0;  // bytes
  std::uint32_t cp = 0;      // code point offset of `begin` (what the outputs report)
  std::uint32_t classes = 0; // WordClass bits (words only)
  std::uint16_t flags = 0;   // TokenFlag bits
  TokenKind kind = TokenKind::Word;
  std::uint32_t end() const { return begin + length; }
};

// Word -> WordClass bits, without regard to case: one hash of the word's folded bytes and a
// probe or two of one flat table. Built once per language, then read-only (thread-safe).
class TokenLexicon {
 public:
  // Every class the lexicons give a word (language.tsv's pronouns and articles among them).
  static TokenLexicon from(const Lexicon& lexicon);
  // Adds `classes` to `word` (any case; folded when stored).
  void add(std::string_view word, std::uint32_t classes);
  // The classes of `word` in any case ("SAID", "Said", "said"), or 0.
  std::uint32_t classes_of(std::string_view word) const;
  // classes_of() for a word known to be ASCII (the tokenizer knows): folded on the stack.
  std::uint32_t classes_of_ascii(std::string_view word) const;
  std::size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    std::uint32_t offset, size;  // of the folded word in chars_
    std::uint32_t classes;
  };
  std::uint32_t find(std::string_view folded, std::uint32_t hash) const;
  std::string chars_;
  std::vector<Entry> entries_;
  FlatIndex index_;
  std::size_t longest_ = 0;  // a longer word is in no entry
};

// The case-folded form lookups use: ASCII capitals made small, other capitals through the
// project's Unicode model ("Über" -> "über"). Appends to `out`; `word` is valid UTF-8.
void fold_case(std::string_view word, std::string& out);

// Reads `text` (valid UTF-8, as the reader leaves it) into `out` (cleared first). Words get
// their classes from `lexicon` when one is given. Time linear in the text; `out` keeps its
// capacity between documents.
void tokenize(std::string_view text, const TokenLexicon* lexicon, std::vector<Token>& out);

// The class string rules over tokens match (docs/rules.md, "Mentions over tokens"): one ASCII
// symbol a token, what its kind, case and lexicon classes make it (kTokenSymbols lists them),
// ' ' for horizontal space between two tokens and '\n' for a line break. `token_at[i]` is the
// token of symbol i, -1 for a space or line break; `symbol_of[t]` the symbol of token t.
struct ClassString {
  std::string symbols;
  std::vector<std::int32_t> token_at;
  std::vector<std::uint32_t> symbol_of;
};
void class_string(std::string_view text, const std::vector<Token>& tokens, const Lexicon& lexicon, ClassString& out);

// The symbols, each with the name a rule file writes it by ({%CAPITALISED}): {name, symbol}.
struct TokenSymbol {
  const char* name;
  char symbol;
};
extern const TokenSymbol kTokenSymbols[];
extern const std::size_t kTokenSymbolCount;

}  // namespace quotegraph::detail
