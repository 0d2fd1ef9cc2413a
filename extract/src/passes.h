// The passes of the extractor, one file each, over a DocumentAnalysis (internal). Each pass
// is a function of the language's data (PassContext) and the document's analysis so far; the
// order they run in is run_passes() in extractor.cpp. The `rule` field of a quote names the
// rule or pass that attributed it (docs/rules.md).
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_set>

#include "analysis.h"
#include "lexicon.h"
#include "phrase.h"
#include "quotegraph/extractor.h"
#include "regex.h"
#include "rules.h"

namespace quotegraph::detail {

// What a pass reads besides the document: one language's data, and a thread's scratch space
// (a match's groups, remembered phrase analyses). Valid for one extract() call.
struct PassContext {
  const Lexicon& lex;
  const RuleSet& rules;
  const ScanOptions& scan;
  MatchScratch& scratch;
  PhraseCache& phrases;
};

// ---- sentences.cpp: where sentences start ---------------------------------------------------
// Fills doc.sentence_starts: line starts, the first word after a wire story's dateline, and
// after a full stop (not an abbreviation's), ! or ?, the next capitalised word, digit or mark.
void find_sentences(const PassContext& cx, DocumentAnalysis& doc);
// Where the first sentence starts after a dateline at `start` ("MOSCOW (Reuters) — The
// Kremlin said"), or npos when there is none.
std::size_t dateline_end(const DocumentAnalysis& doc, std::size_t start);

// ---- mentions.cpp: names, descriptors and pronouns --------------------------------------------
// Fills doc.mentions (and, through entities.cpp, doc.entities and doc.organization_subjects)
// from the rule file's mention patterns, tried at word starts before the last quote's context
// ends. Needs sentences and at least one span (run_passes() stops where there is none).
void find_mentions(const PassContext& cx, DocumentAnalysis& doc);
// "the Middle East", "the 1989 Children Act": a capitalised name right after an article is a
// place, an event or a law, not a person.
bool names_a_thing(const PassContext& cx, const DocumentAnalysis& doc, const Phrase& p, std::size_t begin);
// Whether a person's name starts at a sentence's start with a word the document also writes in
// lower case ("Like Kazaa, ..."): that word is not part of the name.
bool starts_with_capitalised_common_word(const PassContext& cx, const DocumentAnalysis& doc, const Phrase& p,
                                         std::size_t begin);

// ---- entities.cpp: entities and coreference -----------------------------------------------------
// Finds or registers the entity a phrase at `pos` names (-1: none). Surnames and variant
// spellings join a full name introduced earlier; "the diplomat", "the American" and epithets
// refer back.
int entity_for(const PassContext& cx, DocumentAnalysis& doc, const Phrase& p, std::size_t pos, bool introduces_name);
// Keeps a role (with its organisation) read for `e` at `pos`; an empty role is none, a shorter
// form of one kept is the same one.
void note_role(const Lexicon& lex, Entity& e, std::size_t pos, const std::string& role, const std::string& organization);
// he / she: the most salient person it agrees with (mentions weighted by subjecthood and
// recency); they / it, or Either (a person of either gender): the latest subject it agrees with; within reach.
int resolve_pronoun(DocumentAnalysis& doc, PronounClass pronoun, std::size_t pos, bool learns_gender = true);
// "it" that no subject took: the later of a written source and an organisation that opened a sentence.
int antecedent_of_it(const PassContext& cx, const DocumentAnalysis& doc, std::size_t pos);
// The latest person whose surname is `surname`, or -1.
int person_named(const DocumentAnalysis& doc, const std::string& surname);
// An organisation that opens a sentence or speaks: what a later "it" or "the firm" refers to.
void note_organization_subject(const PassContext& cx, DocumentAnalysis& doc, std::size_t pos,
                               const Phrase& organization);
// The latest organisation that opened a sentence before `pos`, within reach; when `noun` is
// an organisation cue word ("ministry"), one whose name has it.
int organization_subject_before(const PassContext& cx, const DocumentAnalysis& doc, std::size_t pos,
                                const std::string& noun);
// A phrase that names the organisation `name`.
Phrase organization_named(const std::string& name);
// Whether `name` is a country of the lexicon (its canonical form).
bool is_country(const PassContext& cx, const std::string& name);
// The words joined by single spaces.
std::string join_words(const std::vector<std::string>& words);
// Pass: a person known by the surname alone takes the full name the document writes once.
void complete_surnames(const PassContext& cx, DocumentAnalysis& doc);
// Pass: a definite description later written in apposition after a name becomes that person.
void name_described_sources(DocumentAnalysis& doc);

// The latest mention before `pos`, within `reach` bytes, whose entity `accepts`; -1 if none.
template <typename Accept>
int latest_entity(DocumentAnalysis& doc, std::size_t pos, std::size_t reach, bool subjects_only, Accept accepts) {
  for (auto it = doc.mentions.rbegin(); it != doc.mentions.rend(); ++it) {
    if (it->begin >= pos || it->entity < 0 || (subjects_only && !it->subject)) continue;
    if (pos - it->begin > reach) break;
    if (accepts(doc.entities[it->entity])) return it->entity;
  }
  return -1;
}

// Whether every word of `words` (split at spaces, leading punctuation skipped: "(D-MA)",
// "$15") starts with a capital or a digit, or is a lower-case word `lower_case_ok` accepts.
// `count` gets the number of words.
template <typename LowerCaseOk>
bool every_word_capitalised(std::string_view words, LowerCaseOk lower_case_ok, int* count = nullptr) {
  int n = 0;
  for (std::size_t pos = 0; pos < words.size();) {
    while (pos < words.size() && words[pos] == ' ') ++pos;
    std::size_t end = words.find(' ', pos);
    if (end == std::string_view::npos) end = words.size();
    std::size_t first = pos;
    char32_t c = 0;
    for (std::size_t len = 0; first < end; first += len) {
      c = decode_utf8(words, first, len);
      if (is_word_cp(c)) break;
    }
    pos = end;
    if (first >= end) continue;
    ++n;
    if (!is_upper_cp(c) && !(c >= '0' && c <= '9') && !lower_case_ok(words.substr(first, end - first)))
      return false;
  }
  if (count) *count = n;
  return true;
}

// ---- attribution.cpp: the rule file's rules ---------------------------------------------------
// Pass: fills doc.attributions, one per span, with the first rule of the rule file (in its
// order) whose pattern matches the quote's context and names a usable speaker.
void attribute_by_rules(const PassContext& cx, DocumentAnalysis& doc);
// The context of quote i the rules read: from `before_begin` to the opening mark and from the
// closing mark to `after_end` (its sentence, its paragraph, kContextBytes at most).
void context_bounds(const PassContext& cx, const DocumentAnalysis& doc, std::size_t i, std::size_t* before_begin,
                    std::size_t* after_end);
// The end of the sentence at `start` when it is only an attribution ("Nina Park asked."), or npos.
std::size_t attribution_sentence_end(const PassContext& cx, const DocumentAnalysis& doc, std::size_t start,
                                     std::size_t paragraph_end);
// Whether the words after quote `q` may attribute it (not a new sentence, unless one that is
// only an attribution).
bool after_context_usable(const PassContext& cx, const DocumentAnalysis& doc, const QuoteSpan& q,
                          std::size_t after_end);
// "saying", "responding": a speech verb's form that introduces, not reports.
bool is_participle(const Lexicon& lex, const std::string& word);

// ---- discourse.cpp: speakers across sentences, for quotes no rule attributed -------------------
// Pass `headline.subject`: a headline's quote is the words of the person it names first.
void headline_speakers(const PassContext& cx, DocumentAnalysis& doc);
// Passes `lead_in.reported_speech` and `lead_in.subject`: a full quote after a sentence whose
// subject speaks (or is a person) is theirs.
void lead_in_speakers(const PassContext& cx, DocumentAnalysis& doc);
// Passes `continuation.paragraph`, `continuation.interrupted`, `continuation.next_paragraph`:
// a quote goes on with the previous quote's speaker.
void continue_speakers(const PassContext& cx, DocumentAnalysis& doc);
// Pass `clause.subject`: a fragment woven into a sentence is the words of its subject.
void clause_subject_speakers(const PassContext& cx, DocumentAnalysis& doc);

// ---- emit.cpp: the output -----------------------------------------------------------------------
// Pass: appends a Quote to `result.quotes` for every span worth reporting, with its speaker's
// entity, role, organisation, rule and confidence; offsets in code points.
void emit_quotes(const PassContext& cx, const DocumentAnalysis& doc, DocumentQuotes& result);
// Whether a word of `words` stands in text[begin, end) (as written, or with its first letter
// in lower case).
bool has_word_between(const std::unordered_set<std::string>& words, const std::string& text, std::size_t begin,
                      std::size_t end);
// “The Rachel Maddow Show”: a few capitalised words name a work, not speech.
bool names_a_title(const PassContext& cx, const DocumentAnalysis& doc, const QuoteSpan& q);

}  // namespace quotegraph::detail
