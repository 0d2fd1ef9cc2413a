// What the passes of the extractor know about one document, as plain data, and the queries
// every pass asks of it (internal). The passes (passes.h) run in the order of
// run_passes() in extractor.cpp; each reads what the earlier ones wrote:
//
//   scan_quotes        spans
//   find_sentences     sentence_starts
//   find_mentions      tokens, classes (for token-mentions), mentions, entities,
//                      organization_subjects (with entities.cpp)
//   attribute_by_rules attributions (the rule file's rules)
//   headline_speakers, lead_in_speakers, continue_speakers, clause_subject_speakers
//                      attributions left empty by the rules (discourse.cpp)
//   complete_surnames  entities' names
//   name_described_sources  descriptors named later in apposition
//   emit_quotes        DocumentQuotes
//
// Everything refers to text by byte offsets into `text` and to mentions, entities and spans
// by index, never by pointer; it is valid while the Document it was made from lives.
#pragma once
#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "chars.h"
#include "lexicon.h"
#include "phrase.h"
#include "quotegraph/document.h"
#include "quotegraph/quote_scanner.h"
#include "tokens.h"

namespace quotegraph::detail {

// How far back a pronoun or "the diplomat" may look for what it refers to, in bytes: beyond
// that, no speaker is better than a guess from far away.
constexpr std::size_t kPronounReach = 1500;
constexpr std::size_t kDefiniteReach = 4000;
// How far an attribution's context reaches before and after its quote, in bytes.
constexpr std::size_t kContextBytes = 400;

// Somebody or something a document quotes or names: a person, an organisation, or an unnamed
// or written source (a descriptor). Mentions of the same one share it.
struct Entity {
  PhraseKind kind = PhraseKind::None;  // Person, Organization or Descriptor
  std::vector<std::string> name;       // person
  std::string display;                 // what the output calls it
  std::string key;
  std::string role, organization;    // the first read (a fuller form replaces a role)
  // Every role read for it with its organisation, where the text gave it (a mention's offset),
  // in the order read: a quote gets the latest given before it ("a lawyer", later "Senator").
  struct Reading {
    std::size_t pos;
    std::string role, organization;
  };
  std::vector<Reading> readings;
  char gender = 0;
  std::string head;                    // descriptor head noun
  bool written = false, plural = false;
  bool definite = false;               // a descriptor written with a definite article ("the spokesman")
  bool honorific = false;              // a person named with an honorific ("Mr", "Dr") somewhere
};

// A name, descriptor or pronoun in the text, and the entity it refers to (-1: none).
struct Mention {
  std::size_t begin, end;
  int entity = -1;
  bool subject = false;  // its sentence's subject, or presented as speaking by a speech verb
  PhraseKind kind = PhraseKind::None;
  // Right after an addressee_preposition of language.tsv ("Gegenüber NDR Info äußerte er sich"):
  // whom somebody speaks to, never what a pronoun later in its sentence refers to.
  bool addressee = false;
};

// Who said quote i (attributions[i]) and which rule or pass found it; entity -1: nobody yet.
struct Attribution {
  int entity = -1;
  std::string rule, cue;
  double confidence = 0;
  // Where this attribution's evidence stands, in bytes (npos: nowhere): the mention that named
  // the speaker here (a name, a descriptor, a pronoun; with the apposition when the name is in
  // it) and the cue. Copied with the attribution, so a continuation points to the mention of
  // the quote it continues; clear_cue() goes with every cue.clear().
  std::size_t mention_begin = std::string::npos, mention_end = std::string::npos;
  std::size_t cue_begin = std::string::npos, cue_end = std::string::npos;
  void clear_cue() { cue.clear(), cue_begin = cue_end = std::string::npos; }
  void set_mention(std::size_t begin, std::size_t end) { mention_begin = begin, mention_end = end; }
};

struct DocumentAnalysis {
  explicit DocumentAnalysis(const Document& doc) : document(doc), text(doc.text) {}

  const Document& document;
  const std::string& text;
  std::vector<QuoteSpan> spans;                 // the quotations, in document order
  std::vector<std::size_t> sentence_starts;     // sorted byte offsets
  // The text up to where mentions are looked for, as tokens and their class string (tokens.h),
  // when the rule file matches a mention over tokens; empty otherwise.
  std::vector<Token> tokens;
  ClassString classes;
  std::vector<Mention> mentions;                // in document order
  std::vector<std::pair<std::size_t, int>> organization_subjects;  // position, entity
  std::vector<Entity> entities;
  std::vector<Attribution> attributions;        // one per span
  std::vector<std::string> warnings;            // each once
  // Bytes of text the mention finder may still match past its window on long lines.
  std::size_t long_mention_budget = 0;
  // Bytes the searches of the whole text for a word ("does it also stand in lower case?") may
  // still read: each costs the text's size, and a text of nothing but sentences that open with
  // a name would otherwise take time growing with its square. Mutable: queries spend it.
  mutable std::size_t word_search_budget = 0;
};

// Whether `searches` searches of the whole text may run (and spends their cost); false once the
// document's budget is spent, when the caller answers as if the word were not found.
inline bool may_search_text(const DocumentAnalysis& doc, std::size_t searches = 1) {
  const std::size_t cost = searches * doc.text.size();
  if (doc.word_search_budget < cost) return false;
  doc.word_search_budget -= cost;
  return true;
}

inline std::size_t sentence_start(const DocumentAnalysis& doc, std::size_t pos) {
  auto it = std::upper_bound(doc.sentence_starts.begin(), doc.sentence_starts.end(), pos);
  return it == doc.sentence_starts.begin() ? 0 : *(it - 1);
}

inline std::size_t sentence_end(const DocumentAnalysis& doc, std::size_t pos) {
  auto it = std::upper_bound(doc.sentence_starts.begin(), doc.sentence_starts.end(), pos);
  return it == doc.sentence_starts.end() ? doc.text.size() : *it;
}

inline bool inside_quote(const DocumentAnalysis& doc, std::size_t begin, std::size_t end) {
  auto it = std::upper_bound(doc.spans.begin(), doc.spans.end(), begin,
                             [](std::size_t pos, const QuoteSpan& q) { return pos < q.open; });
  if (it != doc.spans.begin() && (it - 1)->close_end > begin) return true;
  return it != doc.spans.end() && it->open < end;
}

// Whether `words` (lower case) has `word`, as written or with its first letter in lower case
// ("The"; not "THE").
inline bool has_word(const std::unordered_set<std::string>& words, std::string_view word) {
  if (word.empty() || words.empty()) return false;
  std::string lower(word);
  if (lower[0] >= 'A' && lower[0] <= 'Z') lower[0] = static_cast<char>(lower[0] - 'A' + 'a');
  return words.count(lower) > 0;
}

// The length of the organisation article and the space after it at `pos` ("the ", "The "), or 0.
inline std::size_t organisation_article_at(const Lexicon& lex, const DocumentAnalysis& doc, std::size_t pos) {
  for (const std::string& article : lex.organisation_articles) {
    const std::size_t n = article.size();
    if (pos + n < doc.text.size() && doc.text[pos + n] == ' ' &&
        has_word(lex.organisation_articles, std::string_view(doc.text).substr(pos, n)))
      return n + 1;
  }
  return 0;
}

inline bool is_sentence_initial(const DocumentAnalysis& doc, std::size_t pos) {
  std::size_t j = pos;
  while (j > 0 && (doc.text[j - 1] == ' ' || doc.text[j - 1] == '"' || doc.text[j - 1] == '\'')) --j;
  if (j >= 3 && (doc.text.compare(j - 3, 3, "\xE2\x80\x9C") == 0 || doc.text.compare(j - 3, 3, "\xE2\x80\x98") == 0))
    j -= 3;
  return j == 0 || doc.text[j - 1] == '\n' || sentence_start(doc, pos) == pos;
}

// The bytes `in_word` takes that end at `end` (after `begin`), spaces before `end` skipped, or "".
template <typename InWord>
std::string_view word_ending_at(const DocumentAnalysis& doc, std::size_t begin, std::size_t end, InWord in_word) {
  while (end > begin && doc.text[end - 1] == ' ') --end;
  std::size_t start = end;
  while (start > begin && in_word(static_cast<unsigned char>(doc.text[start - 1]))) --start;
  return std::string_view(doc.text).substr(start, end - start);
}

// A word of lower-case letters ending at `end` (after `begin`), or "".
inline std::string_view word_before(const DocumentAnalysis& doc, std::size_t begin, std::size_t end) {
  return word_ending_at(doc, begin, end, [](unsigned char c) { return c >= 'a' && c <= 'z'; });
}

// The word ending at `end` (after `begin`), of ASCII letters or digits in any case and non-ASCII bytes
// ("Gegenüber"), or "".
inline std::string_view letters_before(const DocumentAnalysis& doc, std::size_t begin, std::size_t end) {
  return word_ending_at(doc, begin, end, [](unsigned char c) { return is_ascii_alnum(c) || c >= 0x80; });
}

// A document somebody spoke in ("said in a statement"): right after a document preposition ("in").
inline bool spoken_in(const Lexicon& lex, const DocumentAnalysis& doc, std::size_t pos) {
  const std::string_view before = word_before(doc, pos >= 12 ? pos - 12 : 0, pos);
  return !before.empty() && lex.document_prepositions.count(std::string(before)) > 0;
}

// The first mention that begins at `pos` or later (mentions are in text order).
inline std::vector<Mention>::const_iterator first_mention_from(const DocumentAnalysis& doc, std::size_t pos) {
  return std::lower_bound(doc.mentions.begin(), doc.mentions.end(), pos,
                          [](const Mention& m, std::size_t at) { return m.begin < at; });
}

inline const Mention* mention_at(const DocumentAnalysis& doc, std::size_t begin) {
  const auto it = first_mention_from(doc, begin);
  return it != doc.mentions.end() && it->begin == begin ? &*it : nullptr;
}

inline std::size_t paragraph_open(const DocumentAnalysis& doc, const QuoteSpan& q) {
  std::size_t i = q.paragraph_begin;
  while (i < q.open && (doc.text[i] == ' ' || doc.text[i] == '\t')) ++i;
  return i;
}

inline bool mention_between(const DocumentAnalysis& doc, std::size_t begin, std::size_t end) {
  const auto it = first_mention_from(doc, begin);
  return it != doc.mentions.end() && it->begin < end;
}

inline bool is_previous_paragraph(const DocumentAnalysis& doc, const QuoteSpan& prev, const QuoteSpan& q) {
  for (std::size_t i = prev.paragraph_end; i < q.paragraph_begin; ++i)
    if (!is_space_cp(static_cast<unsigned char>(doc.text[i]))) return false;
  return true;
}

// A full quote starts a sentence of speech: capitalised, and opening its sentence or
// following a colon or comma ("Blinken said: “…"). Everything else is woven in.
inline bool is_partial(const DocumentAnalysis& doc, std::size_t i) {
  const QuoteSpan& q = doc.spans[i];
  if (q.continues_previous) return false;
  const char32_t first = cp_at(doc.text, q.begin);
  if (!is_upper_cp(first) && !(first >= '0' && first <= '9')) return true;
  std::size_t j = q.open;
  while (j > q.paragraph_begin && doc.text[j - 1] == ' ') --j;
  if (j == q.paragraph_begin || j <= sentence_start(doc, q.open)) return false;
  const char prev = doc.text[j - 1];
  return !(prev == ':' || prev == ',' || prev == '.' || prev == '!' || prev == '?');
}

// Notes a warning for the document once (DocumentQuotes::warnings).
inline void warn(DocumentAnalysis& doc, const std::string& message) {
  if (std::find(doc.warnings.begin(), doc.warnings.end(), message) == doc.warnings.end())
    doc.warnings.push_back(message);
}

}  // namespace quotegraph::detail
