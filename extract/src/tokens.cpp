#include "tokens.h"

#include <algorithm>
#include <cstring>

#include "lexicon.h"
#include "quotegraph/utf8.h"
#include "unicode.h"

namespace quotegraph::detail {
namespace {

// What an ASCII byte is to the tokenizer; every byte from 0x80 up is NonAscii (decoded and
// asked of the Unicode model).
enum class Byte : std::uint8_t { Other, Lower, Upper, Digit, Space, Newline, Apostrophe, Quote, Hyphen, Ampersand, Period, SentenceEnd, Punct, NonAscii };

struct ByteTable {
  Byte of[256] = {};
  constexpr ByteTable() {
    for (int c = 0; c < 256; ++c) of[c] = c >= 0x80 ? Byte::NonAscii : Byte::Other;
    for (int c = 'a'; c <= 'z'; ++c) of[c] = Byte::Lower;
    for (int c = 'A'; c <= 'Z'; ++c) of[c] = Byte::Upper;
    for (int c = '0'; c <= '9'; ++c) of[c] = Byte::Digit;
    for (const char c : {' ', '\t', '\r', '\f', '\v'}) of[static_cast<unsigned char>(c)] = Byte::Space;
    of[static_cast<unsigned char>('\n')] = Byte::Newline;
    for (int c = '!'; c <= '~'; ++c)
      if (of[c] == Byte::Other) of[c] = Byte::Punct;
    of[static_cast<unsigned char>('\'')] = Byte::Apostrophe;
    of[static_cast<unsigned char>('"')] = Byte::Quote;
    of[static_cast<unsigned char>('-')] = Byte::Hyphen;
    of[static_cast<unsigned char>('&')] = Byte::Ampersand;
    of[static_cast<unsigned char>('.')] = Byte::Period;
    of[static_cast<unsigned char>('!')] = Byte::SentenceEnd;
    of[static_cast<unsigned char>('?')] = Byte::SentenceEnd;
  }
};
constexpr ByteTable kBytes;

constexpr char32_t kRightSingleQuote = 0x2019;  // ’, the typographic apostrophe
constexpr char32_t kEllipsis = 0x2026;

struct Char {
  char32_t cp = 0;
  std::size_t size = 0;  // bytes; 0 at the end of the text
};

Char char_at(std::string_view text, std::size_t i) {
  if (i >= text.size()) return {};
  const unsigned char b = static_cast<unsigned char>(text[i]);
  if (b < 0x80) return {b, 1};
  Char c;
  c.cp = decode_utf8(text, i, c.size);
  return c;
}

// A letter (or, outside ASCII, any letter, mark or number: what joins a word).
bool is_letter(char32_t c) {
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  return icu_is_word_char(c);
}

bool is_word_char(char32_t c) {
  if (c < 0x80) return kBytes.of[c] == Byte::Lower || kBytes.of[c] == Byte::Upper || kBytes.of[c] == Byte::Digit;
  return icu_is_word_char(c);
}

bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }

bool is_apostrophe(char32_t c) { return c == '\'' || c == kRightSingleQuote; }

bool is_hyphen(char32_t c) { return c == '-' || c == 0x2010 || c == 0x2011; }

// The quotation marks of the quote scanner (chars.h's is_quote_mark_cp): a typographic choice.
bool is_quote_mark(char32_t c) {
  return c == '"' || c == '\'' || c == 0xAB || c == 0xBB || (c >= 0x2018 && c <= 0x201F) || c == 0x2039 ||
         c == 0x203A || c == 0x2032 || c == 0x2033 || c == 0xFF02;
}

bool is_space(char32_t c) {
  if (c < 0x80) return kBytes.of[c] == Byte::Space || c == '\n';
  return icu_is_space(c);
}

// A line break outside ASCII: NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR.
bool is_line_break(char32_t c) { return c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029; }

// Where the word starting at `begin` ends, and what is in it. A word is a run of letters, marks
// and digits, joined by an inner hyphen ("Jean-Luc", "23-year-old"), an apostrophe before a
// letter that does not make a possessive ("O'Neill", "don’t"), an ampersand between capitals
// ("AT&T") and, in a number, ".", "," or ":" between digits ("3.5", "1,000", "10:30"); and an
// initialism with its full stops ("U.S.", "U.S.A.").
struct WordScan {
  std::size_t end = 0;
  std::uint32_t code_points = 0;
  int letters = 0, lower = 0;
  bool capitalised = false, digit = false, non_ascii = false, initialism = false;
  bool joined = false;  // an inner hyphen, apostrophe or ampersand
};

WordScan scan_word(std::string_view text, std::size_t begin) {
  WordScan w;
  std::size_t i = begin;
  char32_t previous = 0;
  bool single_letters = true;  // so far letters each followed by a full stop: "U.S"
  int run = 0;                 // letters in the current run between full stops
  const auto take = [&](Char c) {
    const bool ascii = c.cp < 0x80;
    const bool upper = ascii ? kBytes.of[c.cp] == Byte::Upper : icu_is_upper(c.cp);
    const bool lower = ascii ? kBytes.of[c.cp] == Byte::Lower : icu_is_lower(c.cp);
    if (upper || lower) {
      ++w.letters;
      if (lower) ++w.lower;
      if (++run > 1) single_letters = false;
    } else if (is_digit(c.cp)) {
      w.digit = true;
      single_letters = false;
    }
    if (i == begin) w.capitalised = upper;
    if (!ascii) w.non_ascii = true;
    previous = c.cp;
    i += c.size;
    ++w.code_points;
  };
  for (;;) {
    // The fast path: a run of ASCII letters and digits, counted without a call per byte.
    const std::size_t run_start = i;
    int lower = 0, upper = 0, digits = 0;
    for (; i < text.size(); ++i) {
      const Byte b = kBytes.of[static_cast<unsigned char>(text[i])];
      if (b == Byte::Lower) ++lower;
      else if (b == Byte::Upper) ++upper;
      else if (b == Byte::Digit) ++digits;
      else break;
    }
    if (i > run_start) {
      if (run_start == begin) w.capitalised = kBytes.of[static_cast<unsigned char>(text[begin])] == Byte::Upper;
      w.letters += lower + upper;
      w.lower += lower;
      w.code_points += static_cast<std::uint32_t>(i - run_start);
      if (digits) w.digit = true, single_letters = false;
      run += lower + upper;
      if (run > 1) single_letters = false;
      previous = static_cast<unsigned char>(text[i - 1]);
    }
    // Most words end at a space or a punctuation mark that joins nothing: no decoding then.
    if (i < text.size()) {
      const unsigned char b = static_cast<unsigned char>(text[i]);
      const Byte kind = kBytes.of[b];
      if (kind == Byte::Space || kind == Byte::Newline || kind == Byte::SentenceEnd || kind == Byte::Quote ||
          (kind == Byte::Punct && b != ',' && b != ':'))
        break;
    }
    const Char c = char_at(text, i);
    if (c.size == 0) break;
    if (c.cp >= 0x80 && icu_is_word_char(c.cp)) {
      take(c);
      continue;
    }
    const Char next = char_at(text, i + c.size);
    if (is_hyphen(c.cp) && is_word_char(next.cp)) {
      w.joined = true;
      take(c);
      take(next);
      single_letters = false;
      continue;
    }
    if (is_apostrophe(c.cp) && is_letter(next.cp)) {
      // "’s" and "'s" before a non-word character: a possessive, its own token.
      const Char after = char_at(text, i + c.size + next.size);
      if ((next.cp == 's' || next.cp == 'S') && !is_word_char(after.cp)) break;
      w.joined = true;
      take(c);
      take(next);
      single_letters = false;
      continue;
    }
    if (c.cp == '&' && next.cp < 0x80 && kBytes.of[next.cp] == Byte::Upper && previous < 0x80 &&
        kBytes.of[previous] == Byte::Upper) {
      w.joined = true;
      take(c);
      take(next);
      continue;
    }
    if ((c.cp == '.' || c.cp == ',' || c.cp == ':') && is_digit(previous) && is_digit(next.cp) &&
        is_digit(static_cast<unsigned char>(text[begin]))) {
      take(c);
      take(next);
      continue;
    }
    if (c.cp == '.' && single_letters && run == 1) {
      // "U.S.": a single letter, a full stop, and another single letter with its full stop.
      const Char after = char_at(text, i + c.size + next.size);
      if (is_letter(next.cp) && after.cp == '.') {
        run = 0;
        take(c);
        take(next);
        continue;
      }
      if (w.code_points >= 3) {  // the full stop that ends "U.S." (a hyphen may follow: "U.S.-based")
        take(c);
        w.initialism = true;
        continue;
      }
    }
    break;
  }
  w.end = i;
  w.initialism = w.initialism && text[i - 1] == '.';
  return w;
}

// The bytes and code points of a possessive mark at `i` after a word, or 0 bytes: "’s" or "'s"
// before a non-word character, or an apostrophe alone after a word ending in s before space or
// punctuation ("Wales’ team").
std::size_t possessive_at(std::string_view text, std::size_t i, char32_t last_of_word, std::uint32_t* code_points) {
  const Char mark = char_at(text, i);
  if (!is_apostrophe(mark.cp)) return 0;
  const Char next = char_at(text, i + mark.size);
  if ((next.cp == 's' || next.cp == 'S') && !is_word_char(char_at(text, i + mark.size + 1).cp)) {
    *code_points = 2;
    return mark.size + 1;
  }
  if ((last_of_word == 's' || last_of_word == 'S') && (next.size == 0 || is_space(next.cp))) {
    *code_points = 1;
    return mark.size;
  }
  return 0;
}

char32_t last_char_before(std::string_view text, std::size_t end) {
  std::size_t start = end - 1;
  while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
  return char_at(text, start).cp;
}

}  // namespace

void fold_case(std::string_view word, std::string& out) {
  for (std::size_t i = 0; i < word.size();) {
    const unsigned char b = static_cast<unsigned char>(word[i]);
    if (b < 0x80) {
      out += static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b);
      ++i;
      continue;
    }
    std::size_t size;
    const char32_t c = decode_utf8(word, i, size);
    append_utf8(out, icu_to_lower(c));
    i += size;
  }
}

void TokenLexicon::add(std::string_view word, std::uint32_t classes) {
  std::string folded;
  fold_case(word, folded);
  if (folded.empty() || folded.size() > 256) return;  // no lexicon word is that long
  const std::uint32_t hash = fnv1a_hash(folded);
  if (const std::uint32_t at = find(folded, hash); at != FlatIndex::kNone) {
    entries_[at].classes |= classes;
    return;
  }
  entries_.push_back({static_cast<std::uint32_t>(chars_.size()), static_cast<std::uint32_t>(folded.size()), classes});
  chars_ += folded;
  index_.insert(hash, static_cast<std::uint32_t>(entries_.size() - 1));
  longest_ = std::max(longest_, folded.size());
}

std::uint32_t TokenLexicon::find(std::string_view folded, std::uint32_t hash) const {
  return index_.find(hash, [&](std::uint32_t e) {
    return std::string_view(chars_.data() + entries_[e].offset, entries_[e].size) == folded;
  });
}

std::uint32_t TokenLexicon::classes_of_ascii(std::string_view word) const {
  if (word.empty() || word.size() > longest_) return 0;
  char buffer[256];  // longest_ is at most this (add() keeps longer words out of ASCII lookups)
  std::uint32_t hash = kFnv1aBasis32;  // fnv1a_hash of the folded bytes, computed while folding
  for (std::size_t i = 0; i < word.size(); ++i) {
    const char c = word[i];
    buffer[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
    hash = fnv1a_step(hash, static_cast<unsigned char>(buffer[i]));
  }
  const std::uint32_t at = find(std::string_view(buffer, word.size()), hash);
  return at == FlatIndex::kNone ? 0 : entries_[at].classes;
}

std::uint32_t TokenLexicon::classes_of(std::string_view word) const {
  if (std::all_of(word.begin(), word.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
    return classes_of_ascii(word);
  if (word.size() > longest_ * 2) return 0;  // folding changes a character's size by a byte at most
  std::string folded;
  fold_case(word, folded);
  const std::uint32_t at = find(folded, fnv1a_hash(folded));
  return at == FlatIndex::kNone ? 0 : entries_[at].classes;
}

TokenLexicon TokenLexicon::from(const Lexicon& lexicon) {
  TokenLexicon out;
  // An entry of one word gets `whole`; of several, its first word gets `start`.
  const auto entry = [&](const std::string& text, std::uint32_t whole, std::uint32_t start) {
    const std::size_t space = text.find(' ');
    if (space == std::string::npos) out.add(text, whole);
    else if (start) out.add(std::string_view(text).substr(0, space), start);
  };
  for (const auto& verb : lexicon.speech_verbs) entry(verb, kSpeechVerb, 0);
  for (const auto& title : lexicon.titles) entry(title, kTitle, kTitleStart);
  for (const auto& [head, written] : lexicon.descriptors) entry(head, kDescriptor | (written ? std::uint32_t{kWrittenSource} : 0u), 0);
  for (const auto& [form, country] : lexicon.countries) entry(form, kCountry, kCountryStart);
  for (const auto& [form, name] : lexicon.organizations) entry(form, kOrganization, kOrganizationStart);
  for (const auto& cue : lexicon.organization_cues) entry(cue, kOrganizationCue, 0);
  for (const auto& [word, gender] : lexicon.honorifics) {
    std::string bare = word;
    if (!bare.empty() && bare.back() == '.') bare.pop_back();  // "Mr." and "Mr" alike: the full stop is a token
    entry(bare, kHonorific | (lexicon.ranks.count(word) ? std::uint32_t{kRank} : 0u), 0);
  }
  for (const auto& [name, gender] : lexicon.first_names)
    entry(name, gender == 'f' ? kGivenNameFemale : gender == 'm' ? kGivenNameMale : kGivenNameMale | kGivenNameFemale, 0);
  for (const auto& [form, stand_in] : lexicon.pronouns) entry(form, kPronoun, 0);
  for (const auto& word : lexicon.determiners) entry(word, kDeterminer, 0);
  for (const auto& word : lexicon.definite_articles) entry(word, kDefiniteArticle, 0);
  for (const auto& word : lexicon.stopwords) entry(word, kStopword, 0);
  for (const auto& word : lexicon.title_words) entry(word, kTitleWord, 0);
  for (const auto& word : lexicon.title_cues) entry(word, kTitleCue, 0);
  for (const auto* words : {&lexicon.name_particles, &lexicon.connectors, &lexicon.name_links})
    for (const auto& word : *words) entry(word, kNameJoin, 0);
  for (const auto& word : lexicon.articles) entry(word, kArticle, 0);
  for (const auto& word : lexicon.name_conjunctions) entry(word, kConjunction, 0);
  return out;
}

void tokenize(std::string_view text, const TokenLexicon* lexicon, std::vector<Token>& out) {
  out.clear();
  std::uint16_t pending = kSpaceBefore | kLineStart | kParagraphStart;  // flags for the next token
  int line_breaks = 0;  // since the last token: two make a blank line
  std::uint32_t cp = 0;
  std::size_t i = 0;
  const auto emit = [&](TokenKind kind, std::size_t begin, std::size_t end, std::uint32_t code_points, std::uint16_t flags) {
    Token t;
    t.begin = static_cast<std::uint32_t>(begin);
    t.length = static_cast<std::uint32_t>(end - begin);
    t.cp = cp;
    t.kind = kind;
    t.flags = static_cast<std::uint16_t>(flags | pending);
    out.push_back(t);
    cp += code_points;
    pending = 0;
    line_breaks = 0;
  };
  while (i < text.size()) {
    const unsigned char b = static_cast<unsigned char>(text[i]);
    const Byte kind = kBytes.of[b];
    if (kind == Byte::Space) {
      ++i, ++cp;
      pending |= kSpaceBefore;
      continue;
    }
    if (kind == Byte::Newline) {
      ++i, ++cp;
      pending |= kSpaceBefore | kLineStart;
      if (++line_breaks >= 2) pending |= kParagraphStart;
      continue;
    }
    const Char c = kind == Byte::NonAscii ? char_at(text, i) : Char{b, 1};
    if (kind == Byte::NonAscii && is_space(c.cp)) {
      i += c.size, ++cp;
      pending |= kSpaceBefore;
      if (is_line_break(c.cp)) {
        pending |= kLineStart;
        if (++line_breaks >= 2 || c.cp == 0x2029) pending |= kParagraphStart;
      }
      continue;
    }
    if (is_word_char(c.cp)) {
      const WordScan w = scan_word(text, i);
      std::uint16_t flags = 0;
      if (w.capitalised) flags |= kCapitalised;
      if (w.letters >= 2 && w.lower == 0) flags |= kAllCaps;
      if (w.digit) flags |= kHasDigit;
      if (w.non_ascii) flags |= kNonAscii;
      if (w.joined) flags |= kJoined;
      if (w.initialism) flags |= kSentenceEnd;  // "in the U.S." may end a sentence
      const std::size_t begin = i;
      emit(is_digit(c.cp) ? TokenKind::Number : TokenKind::Word, begin, w.end, w.code_points, flags);
      if (lexicon && out.back().kind == TokenKind::Word) {
        const std::string_view word = text.substr(begin, w.end - begin);
        out.back().classes = w.non_ascii ? lexicon->classes_of(word) : lexicon->classes_of_ascii(word);
      }
      i = w.end;
      std::uint32_t mark_points = 0;
      const bool may_be_mark = i < text.size() && (text[i] == '\'' || text[i] == '\xE2');  // ' or ’
      if (const std::size_t mark = may_be_mark ? possessive_at(text, i, last_char_before(text, i), &mark_points) : 0) {
        emit(TokenKind::Possessive, i, i + mark, mark_points, mark > 2 ? kNonAscii : 0);
        i += mark;
      }
      continue;
    }
    std::uint16_t flags = c.cp >= 0x80 ? kNonAscii : 0;
    if (c.cp == '.' || c.cp == '!' || c.cp == '?' || c.cp == kEllipsis) flags |= kSentenceEnd;
    const TokenKind punct_kind = is_quote_mark(c.cp) ? TokenKind::QuoteMark
                                 : (c.cp < 0x80 ? kind != Byte::Other : icu_is_punct(c.cp)) ? TokenKind::Punct
                                                                                             : TokenKind::Symbol;
    emit(punct_kind, i, i + c.size, 1, flags);
    i += c.size;
  }
}

const TokenSymbol kTokenSymbols[] = {
    {"CAPITALISED", 'C'},        // a capitalised word none of the next three is
    {"CAPITALISED_TITLE", 'T'},  // a capitalised word of titles.txt (or a several-word title's first)
    {"HONORIFIC", 'H'},          // a capitalised word of honorifics.txt ("Mr", "Dr"; its full stop is a token)
    {"INITIAL", 'I'},            // one capital letter ("J" of "J. K. Rowling")
    {"TITLE", 't'},              // a lower-case word of titles.txt (or a several-word title's first)
    {"JOIN", 'o'},               // a lower-case name particle, connector or name link ("de", "of")
    {"ARTICLE", 'd'},            // a lower-case article ("the", "a")
    {"CONJUNCTION", 'c'},        // a lower-case name conjunction ("and")
    {"WORD", 'w'},               // any other word
    {"NUMBER", 'n'},
    {"POSSESSIVE", 'p'},         // ’s or 's
    {"POSSESSIVE_MARK", 'm'},    // the apostrophe alone after an s ("Wales’ coach")
    {"APOSTROPHE", 'a'},         // ' or ’ standing alone
    {"QUOTE", 'q'},              // any other quotation mark
    {"FULL_STOP", '.'},
    {"COMMA", ','},
    {"HYPHEN", '-'},
    {"OTHER", 'x'},              // other punctuation, symbols
};
const std::size_t kTokenSymbolCount = sizeof kTokenSymbols / sizeof kTokenSymbols[0];

namespace {

// "al-Assad", "el-Sisi": a lower-case particle of language.tsv's joined particles, a hyphen
// and a capital make a capitalised name.
bool joined_particle_name(std::string_view word, const Lexicon& lexicon) {
  const std::size_t hyphen = word.find('-');
  if (hyphen == std::string_view::npos || hyphen + 1 >= word.size() || word[hyphen + 1] < 'A' || word[hyphen + 1] > 'Z')
    return false;
  return lexicon.joined_particles.count(std::string(word.substr(0, hyphen))) > 0;
}

char symbol_of_token(std::string_view text, const Token& t, const Lexicon& lexicon) {
  const std::string_view s = text.substr(t.begin, t.length);
  switch (t.kind) {
    case TokenKind::Word:
      if (t.flags & kCapitalised) {
        if (t.length == 1) return 'I';
        if (t.classes & kHonorific) return 'H';
        return t.classes & (kTitle | kTitleStart) ? 'T' : 'C';
      }
      if (t.classes & (kTitle | kTitleStart)) return 't';
      if (t.classes & kArticle) return 'd';
      if (t.classes & kConjunction) return 'c';
      if (t.classes & kNameJoin) return 'o';
      return (t.flags & kJoined) && joined_particle_name(s, lexicon) ? 'C' : 'w';
    case TokenKind::Number: return 'n';
    case TokenKind::Possessive: return t.length == 1 || s == "\u2019" ? 'm' : 'p';
    case TokenKind::QuoteMark: return s == "'" || s == "\u2019" ? 'a' : 'q';
    case TokenKind::Punct: return s == "." ? '.' : s == "," ? ',' : s == "-" ? '-' : 'x';
    case TokenKind::Symbol: return 'x';
  }
  return 'x';
}

}  // namespace

void class_string(std::string_view text, const std::vector<Token>& tokens, const Lexicon& lexicon, ClassString& out) {
  // At most a symbol and a space a token, written by index (push_back per symbol cost more than
  // the symbols themselves) and then cut to size.
  out.symbols.resize(2 * tokens.size());
  out.token_at.resize(2 * tokens.size());
  out.symbol_of.resize(tokens.size());
  char* symbols = out.symbols.data();
  std::int32_t* token_at = out.token_at.data();
  std::size_t n = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (i > 0 && (t.flags & (kLineStart | kSpaceBefore))) {
      symbols[n] = t.flags & kLineStart ? '\n' : ' ';
      token_at[n++] = -1;
    }
    out.symbol_of[i] = static_cast<std::uint32_t>(n);
    symbols[n] = symbol_of_token(text, t, lexicon);
    token_at[n++] = static_cast<std::int32_t>(i);
  }
  out.symbols.resize(n);
  out.token_at.resize(n);
}

}  // namespace quotegraph::detail
