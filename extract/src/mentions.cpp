// Pass: the mentions of a document (names, descriptors, pronouns), each with its entity.
#include "passes.h"

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "chars.h"

namespace quotegraph::detail {

// On a line with more than kLongLineBytes after it, a mention (name, role, apposition) is
// matched within kMentionWindowBytes of its start; longer matches are tried on the whole line
// within a budget of kLongMentionBudgetFactor times the document's size.
constexpr std::size_t kLongLineBytes = 4096;
constexpr std::size_t kMentionWindowBytes = 256;
constexpr std::size_t kLongMentionBudgetFactor = 8;

// A mention is a few words, so on a long line it is matched within kMentionWindowBytes of its
// start: on a line of 100,000 title words ("minister minister ... said:") each word start
// cost a match to the end of the line, time growing with the square of the line. A match
// that reads up to the window's end (PCRE2's partial match) is tried again on the whole line
// while the document's budget lasts, so results on real text are the same; past the budget
// the word start is given up, with a warning.
static MatchResult match_mention(const PassContext& cx, DocumentAnalysis& doc, const Pattern& pattern,
                                 std::string_view line, std::size_t pos) {
  const std::size_t rest = line.size() - pos;
  if (rest <= kLongLineBytes) return pattern.match(line, pos, cx.scratch);
  const MatchResult r = pattern.match(line.substr(0, pos + kMentionWindowBytes), pos, cx.scratch, true);
  if (r != MatchResult::Partial) return r;
  if (rest <= doc.long_mention_budget) {
    doc.long_mention_budget -= rest;
    return pattern.match(line, pos, cx.scratch);
  }
  warn(doc, "mention scan cut: words were tried as mentions of at most " + std::to_string(kMentionWindowBytes) +
       " bytes once the document's budget for longer ones was spent");
  return MatchResult::NoMatch;
}

namespace {

// For a mention prefilter that looks ahead (a lexicon word, a possessive or a comma): what it
// found from `searched_from`, kept until the scan passes it (each word is looked at once).
struct PrefilterState {
  std::size_t searched_from = std::string::npos;
  std::size_t target = 0;  // the word, possessive or comma found
  std::size_t passes_from = std::string::npos;  // the first start it holds for
  std::size_t word_start = 0;  // before a comma: the last start answered for the comma's word
};

}  // namespace

static bool prefilter_passes(const PassContext& cx, std::size_t k, std::string_view line, std::size_t pos,
                             PrefilterState& state) {
  const Prefilter& prefilter = cx.rules.mentions[k].prefilter;
  using Kind = Prefilter::Kind;
  if (prefilter.kind != Kind::WordWithin && prefilter.kind != Kind::PossessiveWithin &&
      prefilter.kind != Kind::WordBeforeComma)
    return prefilter.may_match(line, pos);
  const bool searched_here = state.searched_from != std::string::npos && pos >= state.searched_from;
  if (prefilter.kind == Kind::WordBeforeComma) {
    if (!searched_here || pos > state.target) {
      state.searched_from = pos;
      const Prefilter::CommaWord found = prefilter.comma_word(line, pos);
      state.target = found.comma;
      state.passes_from = found.passes ? pos : std::string::npos;
      state.word_start = found.word_start;
    }
    if (pos > state.word_start) return prefilter.may_match(line, pos);  // inside the word before the comma
    return pos >= state.passes_from;
  }
  if (!searched_here || pos >= state.target) {
    // Not searched from here yet, or past the word found (or at it: the next after it).
    state.searched_from = pos;
    state.target = prefilter.next_target(line, pos);
    state.passes_from = state.target < line.size() ? prefilter.reach_start(line, state.target) : std::string::npos;
  }
  return pos >= state.passes_from;
}

// prefilter_passes() for a word prefilter read from the tokens (Prefilter::token_class): the
// state holds token indices, kept until the scan passes the word found.
static bool token_prefilter_passes(const DocumentAnalysis& doc, const Prefilter& prefilter, std::size_t token,
                                   PrefilterState& state) {
  if (state.searched_from == std::string::npos || token < state.searched_from || token >= state.target) {
    state.searched_from = token;
    state.target = prefilter.next_class_token(doc.tokens, doc.text, token);
    state.passes_from =
        state.target < doc.tokens.size() ? prefilter.token_reach_start(doc.tokens, doc.text, state.target) : std::string::npos;
  }
  return token >= state.passes_from;
}

// Whether the clause after a mention says its source is not named: ", who asked not to be
// named", ", speaking on condition of anonymity".
static bool asks_anonymity(const Lexicon& lex, const DocumentAnalysis& doc, std::size_t end) {
  if (doc.text.compare(end, 2, ", ") != 0) return false;
  const std::size_t clause_end = std::min({doc.text.find(',', end + 2), sentence_end(doc, end), end + 160});
  const std::string clause = to_lower_ascii(std::string_view(doc.text).substr(end, clause_end - end));
  for (const std::string& sign : lex.anonymity_signs)
    if (clause.find(sign) != std::string::npos) return true;
  return false;
}

// The text a group of a match over the class string covers: from its first token's first byte
// to its last token's last byte (spaces at its ends left out).
static Group text_of_symbols(const DocumentAnalysis& doc, Group g) {
  if (!g.set) return g;
  std::size_t b = g.begin, e = g.end;
  while (b < e && doc.classes.token_at[b] < 0) ++b;
  while (e > b && doc.classes.token_at[e - 1] < 0) --e;
  if (b == e) return Group{};
  return Group{doc.tokens[doc.classes.token_at[b]].begin, doc.tokens[doc.classes.token_at[e - 1]].end(), true};
}

namespace {

struct MentionCandidate {
  std::size_t begin = 0, end = 0, name_begin = 0, name_end = 0;
  Group appos;
  MentionKind kind = MentionKind::Person;
};

}  // namespace

// Whether the sentence before `pos` is only a few words that modify the name, none of them a
// name itself ("Film host Chris Stone said", "Oscar host Chris Rock said"): the name is still
// the sentence's first.
static bool after_modifiers_only(const DocumentAnalysis& doc, std::size_t pos) {
  const std::size_t s = sentence_start(doc, pos);
  if (s >= pos || pos - s > 40) return false;
  if (!doc.mentions.empty() && doc.mentions.back().begin >= s && doc.mentions.back().entity >= 0) return false;
  int words = 0;
  bool lower_word = false;
  for (std::size_t i = s; i < pos; ++i) {
    const char c = doc.text[i];
    if (c == ' ') continue;
    if (!is_ascii_alnum(static_cast<unsigned char>(c)) && c != '-') return false;
    if (i == s || doc.text[i - 1] == ' ') {
      ++words;
      lower_word = lower_word || (c >= 'a' && c <= 'z');
    }
  }
  return words >= 2 && words <= 3 && lower_word && !mention_between(doc, s + 1, pos);
}

// Whether what starts at `pos` follows "at", "in" or "near", or a possessor after them ("at
// Gateshead's Sage Centre"): a place, not a sentence's subject.
static bool names_a_place(const Lexicon& lex, const DocumentAnalysis& doc, std::size_t pos) {
  std::size_t p = pos;
  std::string_view before = word_before(doc, p >= 16 ? p - 16 : 0, p);
  if (before.empty()) {  // a capitalised possessor in between: "at Gateshead's"
    std::size_t j = p;
    while (j > 0 && doc.text[j - 1] == ' ') --j;
    const std::size_t end = j;
    while (j > 0 && doc.text[j - 1] != ' ') --j;
    const std::string_view word = std::string_view(doc.text).substr(j, end - j);
    if (possessive_mark_size(word) == 0) return false;
    before = word_before(doc, j >= 16 ? j - 16 : 0, j);
  }
  if (!before.empty() && lex.place_prepositions.count(std::string(before))) return true;
  // "in Europe or North America": the next of a list of places.
  if (!before.empty() && lex.list_conjunctions.count(std::string(before)) && !doc.mentions.empty()) {
    std::size_t j = static_cast<std::size_t>(before.data() - doc.text.data());
    while (j > 0 && doc.text[j - 1] == ' ') --j;
    const Mention& previous = doc.mentions.back();
    return previous.end == j && previous.begin < pos && names_a_place(lex, doc, previous.begin);
  }
  return false;
}

// Whether `lower` (a noun in lower case) may name who speaks: a title, a source noun or an
// organisation's kind of the pack, or a compound ending with one of at least three letters
// ("Nachrichtenagentur", "Bundesministerium"), or a noun with an ending of the language's
// speaker_noun_ending ("Sprecher", "Moderatorin", "Gericht").
static bool names_who_speaks(const Lexicon& lex, const std::string& lower) {
  for (const std::string& ending : lex.speaker_noun_endings)
    if (ends_with(lower, ending)) return true;
  for (std::size_t from = 0; from + 3 <= lower.size(); ++from) {
    if ((static_cast<unsigned char>(lower[from]) & 0xC0) == 0x80) continue;  // inside a character
    const std::string part = lower.substr(lower[from] == '-' ? from + 1 : from);
    if (lex.titles.count(part) || lex.descriptors.count(part)) return true;
    for (const std::string& cue : lex.organization_cues)
      if (equal_ignoring_ascii_case(cue, part)) return true;
  }
  return false;
}

// Whether an article stands before `at` in the phrase starting at `begin`, with only lower-case
// words between ("den Fund", "die tibetischen Mönche", also "die Archäologin Sanz den Fund"),
// and is not a genitive after a noun ("Der Leiter des Programms": whose title it is) nor part
// of a name ("von der Leyen", "van den Bosch").
static bool article_before(const PassContext& cx, const DocumentAnalysis& doc, std::size_t begin, std::size_t at) {
  std::size_t article = std::string::npos;
  std::string article_word;
  for (std::size_t end = at; end > begin && article == std::string::npos;) {
    while (end > begin && doc.text[end - 1] == ' ') --end;
    std::size_t start = end;
    while (start > begin && doc.text[start - 1] != ' ') --start;
    if (start == end) break;
    const std::string_view w = std::string_view(doc.text).substr(start, end - start);
    std::size_t len;
    if (cx.lex.determiners.count(article_word = to_lower_ascii(w))) article = start;
    else if (is_upper_cp(decode_utf8(w, 0, len))) return false;
    end = start;
  }
  if (article == std::string::npos) return false;
  if (article > begin && cx.lex.genitive_prepositions.count(article_word)) return false;
  std::size_t particle_end = article, particle = article;
  while (particle_end > 0 && doc.text[particle_end - 1] == ' ') --particle_end;
  for (particle = particle_end; particle > 0 && is_ascii_alnum(static_cast<unsigned char>(doc.text[particle - 1]));) --particle;
  return !cx.lex.name_particles.count(to_lower_ascii(std::string_view(doc.text).substr(particle, particle_end - particle)));
}

// Whether a capitalised word may be a name or name who speaks all the same: one with capitals
// inside ("FIFA", "McClaren"), or a noun that may name who speaks ("Gericht", "Reporter"), in
// the genitive too ("des Reporters").
static bool may_name_somebody(const Lexicon& lex, const std::string& word) {
  const std::size_t hyphen = word.rfind('-');
  const std::string_view last_part = std::string_view(word).substr(hyphen == std::string::npos ? 0 : hyphen + 1);
  std::size_t capitals = 0;
  for (std::size_t pos = 0, len = 0; pos < last_part.size(); pos += len)
    capitals += is_upper_cp(decode_utf8(last_part, pos, len));
  if (capitals != 1) return true;
  const std::string lower = to_lower_ascii(last_part);
  if (names_who_speaks(lex, lower)) return true;
  return genitive_stem_that(lex, lower, 3, [&](const std::string& stem) { return names_who_speaks(lex, stem); });
}

// Where nouns are capitalised, the person whose words a phrase names: a noun of the language's
// utterance_noun section (or a compound ending with one) and a name in the genitive or after
// "von": "die ersten Worte Armstrongs" (a person named before), "das Fazit von Sandra Boser",
// "die Kernaussage von Jerry Larson". Empty when the phrase is no such thing.
static std::vector<std::string> utterance_author(const PassContext& cx, const DocumentAnalysis& doc, const Phrase& p) {
  if (!cx.lex.nouns_capitalised || p.kind != PhraseKind::Person || p.honorific || p.name.size() < 2) return {};
  const std::string head = to_lower_ascii(p.name.front());
  if (std::none_of(cx.lex.utterance_nouns.begin(), cx.lex.utterance_nouns.end(),
                   [&](const std::string& noun) { return ends_with(head, noun); }))
    return {};
  if (p.name.size() >= 3 && cx.lex.genitive_prepositions.count(p.name[1]))
    return std::vector<std::string>(p.name.begin() + 2, p.name.end());
  if (p.name.size() != 2) return {};
  std::string bare;
  if (genitive_stem_that(cx.lex, p.name[1], 2, [&](const std::string& stem) {
        bare = stem;
        return person_named(doc, stem) >= 0;
      }))
    return {bare};
  return {};
}

// Where nouns are capitalised, a name of one or two capitalised words after an article and
// lower-case words only is a common noun phrase, not a person: "das Ende des Projekts", "den
// Fund", "die tibetischen Mönche", "Der Öffentliche Nahverkehr", "den Kurznachrichtendienst
// Twitter". Names take no article, and a title is a noun, so capitalised ("der Minister
// Eich"). Not when a word may name somebody all the same: a given name, the surname of a
// person named before ("der 84-jährige Küng"), a first word that may_name_somebody ("die
// FIFA", "das Gericht", "der Tennisspieler Medvedev", "das US-Magazin Barrons"; the last word
// is not asked: "Äußerungen Hassemers" ends like "Sprechers").
static bool names_a_common_noun(const PassContext& cx, const DocumentAnalysis& doc, const Phrase& p,
                                std::size_t begin) {
  // Longer: only a noun and what it is of ("dem Amtsantritt von Angela Merkel").
  const bool noun_of = p.name.size() > 2 && cx.lex.genitive_prepositions.count(p.name[1]) > 0;
  if (p.name.empty() || (p.name.size() > 2 && !noun_of) || !utterance_author(cx, doc, p).empty()) return false;
  const std::size_t at = doc.text.find(p.name.front(), begin);
  if (at == std::string::npos || at == begin || at - begin > 120 || !article_before(cx, doc, begin, at)) return false;
  for (std::size_t k = 0; k < p.name.size() && !noun_of; ++k)
    if (cx.lex.first_names.count(p.name[k]) || person_named(doc, p.name[k]) >= 0) return false;
  return !may_name_somebody(cx.lex, p.name.front());
}

// Where the finite verb comes second (German), one capitalised word opening its sentence and
// followed by a verb and then a pronoun or an article is an adverb or adjective before the
// verb, not its subject: "Unmissverständlich sagt das Gericht", "Aktuell lässt sie erklären".
// Not a given name nor a person named before ("Brenner lässt sie warten").
static bool opens_inverted_sentence(const PassContext& cx, const DocumentAnalysis& doc, const Phrase& p,
                                    std::size_t begin) {
  if (p.name.size() != 1 || !p.role.empty() || doc.text.compare(begin, p.name.front().size(), p.name.front()) != 0 ||
      !is_sentence_initial(doc, begin) || cx.lex.first_names.count(p.name.front()) ||
      person_named(doc, p.name.front()) >= 0)
    return false;
  std::size_t pos = begin + p.name.front().size();
  const auto next_word = [&]() {
    if (pos >= doc.text.size() || doc.text[pos] != ' ') return std::string_view();
    const std::size_t start = pos + 1;
    std::size_t end = start;
    while (end < doc.text.size() && doc.text[end] != ' ' && doc.text[end] != ',' && doc.text[end] != '.') ++end;
    pos = end;
    return std::string_view(doc.text).substr(start, end - start);
  };
  const std::string_view verb = next_word();
  if (verb.empty() || !(verb[0] >= 'a' && verb[0] <= 'z')) return false;
  const std::string subject(next_word());
  return cx.lex.pronouns.count(subject) || cx.lex.definite_articles.count(subject);
}

// "the Middle East", "the 1989 Children Act", "a Grand Slam event": a capitalised name right
// after an article is a place, an event or a law, not a person (people's names take none;
// "the prime minister, Tony Blair" has a title in between).
bool names_a_thing(const PassContext& cx, const DocumentAnalysis& doc, const Phrase& p, std::size_t begin) {
  if (p.kind != PhraseKind::Person || p.honorific) return false;
  if (cx.lex.nouns_capitalised && (names_a_common_noun(cx, doc, p, begin) || opens_inverted_sentence(cx, doc, p, begin)))
    return true;
  if (!p.role.empty()) return false;
  // "the Lib Dems David Laws", "the Conservative Party's John Smith": a first name after what
  // names the group starts a person's name ("an Alan Shearer strike" stays a thing).
  for (std::size_t k = 1; k + 1 < p.name.size(); ++k)
    if (cx.lex.first_names.count(p.name[k])) return false;
  if (!p.organization.empty() && p.name.size() >= 2 && cx.lex.first_names.count(p.name[0])) return false;
  std::size_t j = begin;
  auto skip_back = [&](auto is_part) {
    while (j > 0 && doc.text[j - 1] == ' ') --j;
    const std::size_t end = j;
    while (j > 0 && is_part(doc.text[j - 1])) --j;
    return end - j;
  };
  skip_back([](char ch) { return ch >= '0' && ch <= '9'; });  // a year: "the 1989 Children Act"
  const std::size_t length = skip_back([](char ch) { return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'); });
  const std::string_view article = std::string_view(doc.text).substr(j, length);
  return has_word(cx.lex.articles, article) &&
         (j == 0 || !is_ascii_alnum(static_cast<unsigned char>(doc.text[j - 1])));
}

static bool occurs_as_lower_case_word(const DocumentAnalysis& doc, const std::string& word) {
  if (word.empty() || !(word[0] >= 'A' && word[0] <= 'Z') || !may_search_text(doc)) return false;
  std::string lower = word;
  lower[0] = static_cast<char>(lower[0] - 'A' + 'a');
  for (std::size_t at = doc.text.find(lower); at != std::string::npos; at = doc.text.find(lower, at + 1)) {
    const std::size_t end = at + lower.size();
    const bool starts = at == 0 || !is_ascii_alnum(static_cast<unsigned char>(doc.text[at - 1]));
    const bool ends = end == doc.text.size() || !is_ascii_alnum(static_cast<unsigned char>(doc.text[end]));
    if (starts && ends) return true;
  }
  return false;
}

// "Like Kazaa, Exeem ...", "Boxing Day": a sentence's first word is capitalised whatever it
// is, so a name that starts a sentence loses its first word when the document also writes
// that word in lower case (as a common word, not a name).
// Whether the text writes `surname` after a known given name other than `first` ("Gary Johnson").
static bool has_other_given_name(const PassContext& cx, const DocumentAnalysis& doc, const std::string& surname,
                                 const std::string& first) {
  if (!may_search_text(doc)) return false;
  for (std::size_t at = doc.text.find(surname); at != std::string::npos; at = doc.text.find(surname, at + 1)) {
    const std::size_t end = at + surname.size();
    if (at < 2 || doc.text[at - 1] != ' ' || (end < doc.text.size() && is_ascii_alnum(static_cast<unsigned char>(doc.text[end]))))
      continue;
    std::size_t b = at - 1;
    while (b > 0 && is_ascii_alnum(static_cast<unsigned char>(doc.text[b - 1]))) --b;
    const std::string word = doc.text.substr(b, at - 1 - b);
    if (word != first && cx.lex.first_names.count(word)) return true;
  }
  return false;
}

bool starts_with_capitalised_common_word(const PassContext& cx, const DocumentAnalysis& doc, const Phrase& p,
                                         std::size_t begin) {
  if (p.kind != PhraseKind::Person || p.name.size() < 2) return false;
  const std::string& first = p.name.front();
  if (doc.text.compare(begin, first.size(), first) != 0 || !is_sentence_initial(doc, begin)) return false;
  if (occurs_as_lower_case_word(doc, first)) return true;
  // "Neither Johnson", "Derelict Obama", "Celebrating Clinton": a two-word name opening its
  // sentence with a word that is no known given name or rank, whose surname the document
  // also writes after a known given name ("Gary Johnson"), is that surname after an opener.
  if (p.name.size() != 2 || p.honorific || !p.role.empty() || cx.lex.first_names.count(first) ||
      cx.lex.ranks.count(first))
    return false;
  // A given name the list lacks may open a sentence too: not one written twice with the
  // surname ("Betsy Ebeling" beside "Tom Ebeling"), nor a hyphenated one ("Eva-Maria").
  const std::string together = first + " " + p.name[1];
  if (first.find('-') != std::string::npos || !may_search_text(doc, 2) ||
      doc.text.find(together) != doc.text.rfind(together))
    return false;
  return has_other_given_name(cx, doc, p.name[1], first);
}

// A word start where a mention can begin: capitalised, a number, a possessive or one of the
// rule file's MENTION_STARTERS (checked here, cheaply, so most words never reach a pattern).
// When it cannot, `word_end` is where the word's ASCII letters and digits end.
static bool may_start_mention(const PassContext& cx, const DocumentAnalysis& doc, std::size_t pos,
                              std::size_t& word_end) {
  const unsigned char c = static_cast<unsigned char>(doc.text[pos]);
  if (!cx.rules.mention_starters_given || !(c >= 'a' && c <= 'z')) return true;
  std::size_t end = pos;
  while (end < doc.text.size() && is_ascii_alnum(static_cast<unsigned char>(doc.text[end]))) ++end;
  word_end = end;
  if (end < doc.text.size() && (doc.text[end] == '\'' || std::string_view(doc.text).substr(end, 3) == "’")) return true;
  return cx.rules.is_mention_starter(std::string_view(doc.text).substr(pos, end - pos));
}

namespace {

// A name a speech verb presents as speaking: right after the verb ("…, said Andrew Pearson,
// boss of Workshare"), or, as the sentence's first mention, right before it past an
// apposition ("Michelle, a mother of twins, said"; not "Blinken said Lavrov repeated …",
// where Lavrov's verb is reported). Not after "told" or "asked": their object listens.
enum class SpeakerPosition { None, AfterVerb, BeforeVerb };

}  // namespace

static SpeakerPosition speaker_position(const PassContext& cx, const DocumentAnalysis& doc, std::size_t begin,
                                        std::size_t end, bool first_in_sentence) {
  const std::string_view before = word_before(doc, begin >= 20 ? begin - 20 : 0, begin);
  const std::string verb(before);
  if (!verb.empty() && cx.lex.speech_verb_forms.count(verb) && !cx.lex.telling_verbs.count(verb) &&
      !cx.lex.asking_verbs.count(verb)) {
    // Inverted only after a comma, a closing mark or at the start of a sentence: in
    // "Blinken said Lavrov repeated …" the name after "said" is not the one speaking.
    std::size_t v = static_cast<std::size_t>(before.data() - doc.text.data());
    while (v > 0 && doc.text[v - 1] == ' ') --v;
    const unsigned char c = v > 0 ? static_cast<unsigned char>(doc.text[v - 1]) : '.';
    // And only when the name ends its clause ("…, said Andrew Pearson, boss of …"): in
    // "…, said Exeem was the next evolution" the name starts the reported clause.
    const char after = end < doc.text.size() ? doc.text[end] : '.';
    const bool ends_clause = after == ',' || after == '.' || after == ';' || after == ':' || after == '\n';
    if (ends_clause && (c == ',' || c == '"' || c == 0x9D /* ” */ || v == sentence_start(doc, v) || v == 0))
      return SpeakerPosition::AfterVerb;
  }
  // Before the verb: as the sentence's first mention, or after a comma ending the reported
  // clause ("BT is moving to a new strategy, Andrew Burke told the forum.").
  std::size_t b = begin;
  while (b > 0 && doc.text[b - 1] == ' ') --b;
  const bool after_clause = b > 0 && doc.text[b - 1] == ',';
  if (!first_in_sentence && !after_clause) return SpeakerPosition::None;
  std::size_t j = end;
  if (j < doc.text.size() && doc.text[j] == ',') {  // ", a mother of twins,"
    const std::size_t next = doc.text.find_first_of(",.\n", j + 1);
    if (next == std::string::npos || doc.text[next] != ',' || next - j > 80) return SpeakerPosition::None;
    j = next + 1;
  }
  while (j < doc.text.size() && doc.text[j] == ' ') ++j;
  std::size_t k = j;
  while (k < doc.text.size() && doc.text[k] >= 'a' && doc.text[k] <= 'z') ++k;
  return k > j && cx.lex.speech_verb_forms.count(doc.text.substr(j, k - j)) ? SpeakerPosition::BeforeVerb
                                                                      : SpeakerPosition::None;
}

static void add_mention(const PassContext& cx, DocumentAnalysis& doc, const MentionCandidate& c,
                        std::size_t& current_sentence) {
  bool speaking = false;
  const Phrase& phrase =
      cx.phrases.analyse(std::string_view(doc.text).substr(c.name_begin, c.name_end - c.name_begin), cx.lex);
  Mention m{c.name_begin, c.name_end, -1, false, phrase.kind};
  if (phrase.kind == PhraseKind::Pronoun) {
    if (phrase.pronoun == PronounClass::FirstPerson) return;
    // Only a pronoun that starts its sentence, the one most likely to be its subject, teaches
    // gender: in "Jane Russell said she was impressed when he discussed the role" the "he" is
    // somebody else.
    m.entity = resolve_pronoun(doc, phrase.pronoun, c.begin, sentence_start(doc, c.begin) != current_sentence);
  } else if (phrase.kind == PhraseKind::Person || phrase.kind == PhraseKind::Descriptor) {
    const std::vector<std::string> author = utterance_author(cx, doc, phrase);
    if (names_a_thing(cx, doc, phrase, c.name_begin)) {
      // "…, the OECD said": a name with an article that speaks is an organisation.
      if (speaker_position(cx, doc, c.name_begin, c.end, true) != SpeakerPosition::None)
        note_organization_subject(cx, doc, c.begin, organization_named(join_words(phrase.name)));
      return;
    }
    // The cached analysis as this mention reads it: a copy only where something changes it.
    std::optional<Phrase> edited;
    const auto edit = [&]() -> Phrase& {
      if (!edited) edited = phrase;
      return *edited;
    };
    // "The city's budget director, who asked not to be named, said": an unnamed source,
    // somebody new, not an earlier mention ("the seventh seed, who …" is).
    if (phrase.kind == PhraseKind::Descriptor && phrase.definite && !phrase.epithet && !phrase.nationality &&
        asks_anonymity(cx.lex, doc, c.end))
      edit().definite = false;
    if (!author.empty()) {  // the words of a person are that person's
      Phrase& words_of = edit();
      words_of.name = author;
      words_of.role.clear();
      words_of.organization.clear();
    }
    if (starts_with_capitalised_common_word(cx, doc, phrase, c.name_begin)) {
      std::vector<std::string>& name = edit().name;
      name.erase(name.begin());
    }
    if (c.appos.set)
      analyse_apposition(std::string_view(doc.text).substr(c.appos.begin, c.appos.end - c.appos.begin), cx.lex, edit());
    const Phrase& with_appos = edited ? *edited : phrase;
    const SpeakerPosition position =
        speaker_position(cx, doc, c.name_begin, c.end,
                         sentence_start(doc, c.begin) != current_sentence || after_modifiers_only(doc, c.begin));
    speaking = position != SpeakerPosition::None;
    // A lone capitalised word before a verb ("Turkcell said", "Westminster said") may be a
    // company or a place; with a title or honorific ("Lord Butler said") it is a person.
    // An honorific says person wherever the name stands ("Ms Berg was blunt.").
    const bool introduces =
        position == SpeakerPosition::AfterVerb || with_appos.honorific ||
        (position == SpeakerPosition::BeforeVerb && (!with_appos.role.empty() || with_appos.gender));
    m.entity = entity_for(cx, doc, with_appos, c.begin, introduces);
    // "Macrovision says its new technology ...": a lone word speaking that nobody introduced
    // as a person is most likely a company, which a later "it" or "the firm" refers to.
    if (m.entity < 0 && position == SpeakerPosition::BeforeVerb && with_appos.kind == PhraseKind::Person &&
        with_appos.name.size() == 1 && with_appos.role.empty()) {
      note_organization_subject(cx, doc, c.begin, organization_named(with_appos.name.front()));
    }
  } else {
    // Organisations are not sentence subjects for he and she, but one that opens its sentence
    // or speaks is what a later "it" or "the ministry" refers to.
    if (phrase.kind == PhraseKind::Organization && !is_country(cx, phrase.organization) &&
        (sentence_start(doc, c.begin) != current_sentence ||
         speaker_position(cx, doc, c.name_begin, c.end, true) != SpeakerPosition::None))  // "…, the OECD said."
      note_organization_subject(cx, doc, c.begin, phrase);
    return;
  }
  // The first person, descriptor or pronoun of a sentence is taken as its subject, and so
  // is whoever a speech verb names as speaking in it. A common word capitalised because it
  // opens the sentence does not take the place ("Dance teacher Eve Trew told"), nor does any
  // word that names nobody ("At a rally in Beaumont, Tex., Mr Trump was blunt"), nor a
  // person after a preposition, who is no subject ("Sessions with Tomas Berg have been vital",
  // "moving from Ana Ruiz to Tom Vale").
  // Where common nouns are capitalised (German), a word that names nobody may be a common noun
  // that is the subject ("Die Regierung erklärte"), so only an opening word that is not a name
  // stays out there.
  const std::size_t s = sentence_start(doc, c.begin);
  const bool names_nobody =
      m.entity < 0 && (!cx.lex.nouns_capitalised ||
                       (phrase.kind == PhraseKind::Person && phrase.name.size() == 1 && c.begin == c.name_begin &&
                        is_sentence_initial(doc, c.begin) && occurs_as_lower_case_word(doc, phrase.name.front())));
  // Nor does the document somebody spoke in ("the ministry said in a statement"), nor a place
  // ("To a packed audience at Gateshead's Sage Centre, the chancellor said").
  const std::size_t word_window = c.begin >= 16 ? c.begin - 16 : 0;
  const std::string_view before = word_before(doc, word_window, c.begin);
  // Nor whom somebody speaks to (German "Gegenüber NDR Info äußerte er sich"), matched in any case.
  m.addressee = !cx.lex.addressee_prepositions.empty() &&
                cx.lex.addressee_prepositions.count(to_lower_ascii(letters_before(doc, word_window, c.begin))) > 0;
  const bool after_preposition =
      m.addressee || (!before.empty() && cx.lex.object_prepositions.count(std::string(before)) > 0);
  // Nor a noun phrase whose article says it is an object ("Die Regierung wies den Bericht der
  // Zeitung zurück": "den" is no subject's article). Languages without such articles skip it.
  const auto opens_with_object_article = [&] {
    if (cx.lex.object_articles.empty()) return false;
    std::size_t first_end = c.begin;
    while (first_end < c.end && doc.text[first_end] != ' ') ++first_end;
    return cx.lex.object_articles.count(to_lower_ascii(std::string_view(doc.text).substr(c.begin, first_end - c.begin))) > 0;
  };
  const bool object_case = opens_with_object_article();
  if (s != current_sentence && !names_nobody && !after_preposition && !object_case &&
      !(phrase.written && spoken_in(cx.lex, doc, c.begin)) && !names_a_place(cx.lex, doc, c.begin)) {
    current_sentence = s;
    m.subject = m.entity >= 0;
  }
  if (speaking) m.subject = m.entity >= 0;
  doc.mentions.push_back(m);
}

void find_mentions(const PassContext& cx, DocumentAnalysis& doc) {
  doc.long_mention_budget = kLongMentionBudgetFactor * doc.text.size();  // bytes, see match_mention
  // Real articles search their text a few hundred times; a hostile one stops at 64 times its
  // size (or 4 MiB for a small one).
  doc.word_search_budget = std::max<std::size_t>(std::size_t{4} << 20, 64 * doc.text.size());
  // Every mention starts a word, so the patterns (anchored) are tried at word starts only:
  // a scan from every byte would cost each pattern a match attempt per byte of the text.
  // At each word start the longest match of any pattern is taken, and the words it covers
  // are not tried again: a mention starting inside an accepted one would be dropped anyway.
  std::vector<std::size_t> resume(cx.rules.mentions.size(), 0);  // past each rule's last match
  std::vector<PrefilterState> prefilter_states(cx.rules.mentions.size());
  // Mentions are only looked back to, or looked up in an attribution's context, which ends
  // at most kContextBytes after the last quote: the text beyond is never needed.
  const std::size_t scan_end = std::min(doc.text.size(), doc.spans.back().close_end + kContextBytes);
  // Rules over tokens match the class string of the text up to there (tokens.h).
  doc.tokens.clear();
  doc.classes.symbols.clear();
  doc.classes.token_at.clear();
  doc.classes.symbol_of.clear();
  if (cx.rules.token_lexicon) {
    tokenize(std::string_view(doc.text).substr(0, scan_end), cx.rules.token_lexicon.get(), doc.tokens);
    class_string(doc.text, doc.tokens, cx.lex, doc.classes);
  }
  std::size_t next_token = 0;      // the first token not before the word start
  std::size_t class_line_end = 0;  // of the class string's line being read
  std::size_t covered = 0;
  std::size_t current_sentence = std::string::npos;
  std::size_t line_end = 0;
  for (std::size_t pos = 0; pos < scan_end; ++pos) {
    if (pos < covered) {
      pos = covered - 1;
      continue;
    }
    const unsigned char c = static_cast<unsigned char>(doc.text[pos]);
    if (!(is_ascii_alnum(c) || c >= 0xC0)) continue;
    if (pos > 0) {
      const unsigned char before = static_cast<unsigned char>(doc.text[pos - 1]);
      if (before < 0x80 ? is_ascii_alnum(before) : is_word_cp(cp_before(doc.text, pos))) continue;
    }
    // Past a word that starts nothing, the rest of its ASCII letters and digits are not word
    // starts either: the scan goes on after them.
    const auto skip_word = [&] {
      while (pos + 1 < scan_end && is_ascii_alnum(static_cast<unsigned char>(doc.text[pos + 1]))) ++pos;
    };
    std::size_t word_end = 0;
    if (!may_start_mention(cx, doc, pos, word_end)) {
      pos = std::min(word_end, scan_end) - 1;  // as skip_word(), without a second pass
      continue;
    }
    if (pos >= line_end) {  // a mention never runs over a line break, whatever the pattern
      line_end = doc.text.find('\n', pos);
      if (line_end == std::string::npos) line_end = doc.text.size();
    }
    const std::string_view line = std::string_view(doc.text).substr(0, line_end);
    // The token that starts here, if one does (not "Luc" of "Jean-Luc"), for rules over tokens.
    while (next_token < doc.tokens.size() && doc.tokens[next_token].begin < pos) ++next_token;
    const bool at_token = next_token < doc.tokens.size() && doc.tokens[next_token].begin == pos;
    const std::size_t symbol = at_token ? doc.classes.symbol_of[next_token] : 0;
    if (at_token && symbol >= class_line_end) {
      class_line_end = doc.classes.symbols.find('\n', symbol);
      if (class_line_end == std::string::npos) class_line_end = doc.classes.symbols.size();
    }
    MentionCandidate best;
    for (std::size_t k = 0; k < cx.rules.mentions.size(); ++k) {
      const MentionRule& rule = cx.rules.mentions[k];
      if (pos < resume[k]) continue;
      MatchResult r;
      if (rule.over_tokens) {
        if (!at_token || !rule.pattern->may_start_with(static_cast<unsigned char>(doc.classes.symbols[symbol]))) continue;
        r = match_mention(cx, doc, *rule.pattern, std::string_view(doc.classes.symbols).substr(0, class_line_end), symbol);
      } else {
        if (!rule.pattern->may_start_with(c)) continue;
        const Prefilter& prefilter = rule.prefilter;
        if (at_token && prefilter.token_class ? !token_prefilter_passes(doc, prefilter, next_token, prefilter_states[k])
                                              : !prefilter_passes(cx, k, line, pos, prefilter_states[k]))
          continue;
        r = match_mention(cx, doc, *rule.pattern, line, pos);
      }
      if (r == MatchResult::LimitExceeded) warn(doc, "mention " + rule.id + " stopped at its match limit");
      if (r != MatchResult::Match) continue;
      const auto group = [&](int index) {
        const Group g = cx.scratch.group(index);
        return rule.over_tokens ? text_of_symbols(doc, g) : g;
      };
      const Group whole = group(0);
      resume[k] = std::max(whole.end, whole.begin + 1);
      if (whole.end <= best.end || inside_quote(doc, whole.begin, whole.end)) continue;
      const Group name = rule.name_group >= 0 ? group(rule.name_group) : whole;
      const Group appos = rule.appos_group >= 0 ? group(rule.appos_group) : Group{};
      best = {whole.begin, whole.end, name.begin, name.end, appos, rule.kind};
    }
    if (best.end == 0) {
      skip_word();
      continue;
    }
    covered = best.end;
    add_mention(cx, doc, best, current_sentence);
  }
}

}  // namespace quotegraph::detail
