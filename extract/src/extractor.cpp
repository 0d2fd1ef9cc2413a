#include "quotegraph/extractor.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>

#include "chars.h"
#include "flat_index.h"
#include "lexicon.h"
#include "phrase.h"
#include "quotegraph/quote_scanner.h"
#include "quotegraph/utf8.h"
#include "regex.h"
#include "rules.h"

namespace quotegraph {

using namespace detail;

// One language's rules and lexicons, compiled (extract/data/LANG/).
struct LanguagePack {
  std::string language;
  Lexicon lexicon;
  RuleSet rules;
  // Tells one pack's lexicon from another's in a thread's PhraseCache (an address could be
  // reused by a later extractor).
  std::uint64_t id = next_id();

  static std::uint64_t next_id() {
    static std::atomic<std::uint64_t> last{0};
    return ++last;
  }
};

struct Extractor::Impl {
  std::vector<std::unique_ptr<LanguagePack>> packs;  // one, or every language for "auto"
  ScanOptions scan;
};

namespace {

// How far back a pronoun or "the diplomat" may look for what it refers to, in bytes: beyond
// that, no speaker is better than a guess from far away.
constexpr std::size_t kPronounReach = 1500;
constexpr std::size_t kDefiniteReach = 4000;
constexpr std::size_t kContextBytes = 400;
// On a line with more than kLongLineBytes after it, a mention (name, role, apposition) is
// matched within kMentionWindowBytes of its start; longer matches are tried on the whole line
// within a budget of kLongMentionBudgetFactor times the document's size.
constexpr std::size_t kLongLineBytes = 4096;
constexpr std::size_t kMentionWindowBytes = 256;
constexpr std::size_t kLongMentionBudgetFactor = 8;

// Edits (insertions, deletions, substitutions) from `a` to `b`.
std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

// Same first name up to transliteration or a typo: Sergei/Sergey, Antony/Anthony, Dmytro/Dmitry.
bool first_names_compatible(const std::string& a, const std::string& b) {
  const std::string ka = normalise_key(a), kb = normalise_key(b);
  if (ka.empty() || kb.empty() || ka[0] != kb[0]) return false;
  return edit_distance(ka, kb) <= (std::min(ka.size(), kb.size()) >= 5 ? 2u : 1u);
}

std::string join_words(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

struct Entity {
  PhraseKind kind = PhraseKind::None;  // Person, Organization or Descriptor
  std::vector<std::string> name;       // person
  std::string display;                 // what the output calls it
  std::string key;
  std::string role, organization;
  char gender = 0;
  std::string head;                    // descriptor head noun
  bool written = false, plural = false;
  bool honorific = false;              // a person named with an honorific ("Mr", "Dr") somewhere
};

struct Mention {
  std::size_t begin, end;
  int entity = -1;
  bool subject = false;
  PhraseKind kind = PhraseKind::None;
};

struct Attribution {
  int entity = -1;
  std::string rule, cue;
  double confidence = 0;
  // [evidence] Where this attribution's evidence stands, in bytes (npos: nowhere): the mention
  // that named the speaker here (a name, a descriptor, a pronoun; with the apposition when the
  // name is in it) and the cue. Copied with the attribution, so a continuation points to the
  // mention of the quote it continues; clear_cue() goes with every cue.clear().
  std::size_t mention_begin = std::string::npos, mention_end = std::string::npos;
  std::size_t cue_begin = std::string::npos, cue_end = std::string::npos;
  void clear_cue() { cue.clear(), cue_begin = cue_end = std::string::npos; }
  void set_mention(std::size_t begin, std::size_t end) { mention_begin = begin, mention_end = end; }
};

bool is_abbreviation(std::string_view word) {
  static constexpr std::string_view words[] = {"Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Sen", "Rep", "Gov",
                                               "Lt", "Col", "Sgt", "Capt", "Prof", "Rev", "Jan", "Feb", "Mar",
                                               "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
                                               "No", "Nos", "vs", "etc", "Inc", "Corp", "Ltd", "Jr", "Sr", "Co"};
  if (word.size() == 1 && word[0] >= 'A' && word[0] <= 'Z') return true;  // an initial
  if (word.find('.') != std::string_view::npos) return true;                 // U.S, U.N
  for (const std::string_view w : words)
    if (word == w) return true;
  return false;
}

// Per-document working state: sentences, mentions, entities, attributions.
class DocumentRun {
 public:
  DocumentRun(const Lexicon& lexicon, const RuleSet& rules, const ScanOptions& scan, const Document& doc,
              MatchScratch& scratch, PhraseCache& phrases, DocumentQuotes& out)
      : lex_(lexicon), rules_(rules), scan_(scan), doc_(doc), text_(doc.text), scratch_(scratch), phrases_(phrases),
        out_(out) {}

  void run() {
    spans_ = scan_quotes(text_, scan_);
    if (spans_.empty()) return;
    find_sentences();
    find_mentions();
    attributions_.assign(spans_.size(), Attribution{});
    for (std::size_t i = 0; i < spans_.size(); ++i) attribute(i);
    headline_speakers();
    lead_in_speakers();
    continue_speakers();
    clause_subject_speakers();
    complete_surnames();
    emit();
  }

 private:
  // ---- sentences -------------------------------------------------------------------------
  void find_sentences() {
    static constexpr ByteSet kSentenceBytes("\n\r.!?");  // what can end a sentence, or a line
    sentence_starts_.push_back(0);
    if (const std::size_t after = dateline_end(0); after != std::string::npos) sentence_starts_.push_back(after);
    for (std::size_t i = 0; (i = kSentenceBytes.find(text_, i, text_.size())) < text_.size(); ++i) {
      const char c = text_[i];
      if (c == '\n' || c == '\r') {
        sentence_starts_.push_back(i + 1);
        if (const std::size_t after = dateline_end(i + 1); after != std::string::npos) sentence_starts_.push_back(after);
        continue;
      }
      if (c != '.' && c != '!' && c != '?') continue;
      if (c == '.') {
        std::size_t w = i;
        while (w > 0 && is_word_cp(cp_before(text_, w)) ) {
          std::size_t start = w - 1;
          while (start > 0 && (static_cast<unsigned char>(text_[start]) & 0xC0) == 0x80) --start;
          w = start;
          if (w > 0 && text_[w - 1] == '.') --w;  // U.S.
        }
        if (is_abbreviation(std::string_view(text_).substr(w, i - w))) continue;
      }
      std::size_t j = i + 1;
      while (j < text_.size()) {  // closing marks and brackets after the full stop
        std::size_t len;
        const char32_t cp = decode_utf8(text_, j, len);
        if (!(is_quote_mark_cp(cp) || cp == ')' || cp == ']')) break;
        j += len;
      }
      if (j >= text_.size() || text_[j] != ' ') continue;
      while (j < text_.size() && text_[j] == ' ') ++j;
      const char32_t next = cp_at(text_, j);
      if (is_upper_cp(next) || is_quote_mark_cp(next) || (next >= '0' && next <= '9'))
        sentence_starts_.push_back(j);
    }
    std::sort(sentence_starts_.begin(), sentence_starts_.end());
  }

  // Where the first sentence starts after a wire story's dateline at `start`, a paragraph's
  // start ("MOSCOW (Reuters) — The Kremlin said", "WASHINGTON, Jan 5 (AP) - ", "VIENNA — "),
  // or npos: the dateline is not part of the sentence, whose subject comes after it.
  std::size_t dateline_end(std::size_t start) const {
    const auto upper = [&](std::size_t i) { return i < text_.size() && text_[i] >= 'A' && text_[i] <= 'Z'; };
    std::size_t i = start;
    if (!upper(i) || !upper(i + 1)) return std::string::npos;
    while (i < text_.size() && (upper(i) || text_[i] == ' ' || text_[i] == '.' || text_[i] == '\'' || text_[i] == '-')) {
      if (text_[i] == '-' && i + 1 < text_.size() && (text_[i + 1] == ' ' || text_[i + 1] == '-')) break;  // the dash
      ++i;
    }
    const std::size_t limit = std::min(text_.size(), i + 60);  // ", Jan 5", " (Reuters)"
    std::size_t j = i;
    while (j < limit && text_[j] != '\n' && text_[j] != '-' && text_.compare(j, 3, "\xE2\x80\x94") != 0 &&
           text_.compare(j, 3, "\xE2\x80\x93") != 0)
      ++j;
    if (j >= limit || text_[j] == '\n' || (j > i && text_[i] != ',' && text_[i] != ' ' && text_[i] != '(')) return std::string::npos;
    j += text_[j] == '-' ? (text_.compare(j, 2, "--") == 0 ? 2 : 1) : 3;
    if (j >= text_.size() || text_[j] != ' ') return std::string::npos;
    while (j < text_.size() && text_[j] == ' ') ++j;
    return j < text_.size() && text_[j] != '\n' ? j : std::string::npos;
  }

  std::size_t sentence_start(std::size_t pos) const {
    auto it = std::upper_bound(sentence_starts_.begin(), sentence_starts_.end(), pos);
    return it == sentence_starts_.begin() ? 0 : *(it - 1);
  }
  std::size_t sentence_end(std::size_t pos) const {
    auto it = std::upper_bound(sentence_starts_.begin(), sentence_starts_.end(), pos);
    return it == sentence_starts_.end() ? text_.size() : *it;
  }

  bool inside_quote(std::size_t begin, std::size_t end) const {
    auto it = std::upper_bound(spans_.begin(), spans_.end(), begin,
                               [](std::size_t pos, const QuoteSpan& q) { return pos < q.open; });
    if (it != spans_.begin() && (it - 1)->close_end > begin) return true;
    return it != spans_.end() && it->open < end;
  }

  // ---- mentions and entities ---------------------------------------------------------------
  void find_mentions() {
    // Every mention starts a word, so the patterns (anchored) are tried at word starts only:
    // a scan from every byte would cost each pattern a match attempt per byte of the text.
    // At each word start the longest match of any pattern is taken, and the words it covers
    // are not tried again: a mention starting inside an accepted one would be dropped anyway.
    std::vector<std::size_t> resume(rules_.mentions.size(), 0);  // past each rule's last match
    std::vector<PrefilterState> prefilter_states(rules_.mentions.size());
    // Mentions are only looked back to, or looked up in an attribution's context, which ends
    // at most kContextBytes after the last quote: the text beyond is never needed.
    const std::size_t scan_end = std::min(text_.size(), spans_.back().close_end + kContextBytes);
    std::size_t covered = 0;
    std::size_t current_sentence = std::string::npos;
    std::size_t line_end = 0;
    for (std::size_t pos = 0; pos < scan_end; ++pos) {
      if (pos < covered) {
        pos = covered - 1;
        continue;
      }
      const unsigned char c = static_cast<unsigned char>(text_[pos]);
      if (!(is_ascii_alnum(c) || c >= 0xC0)) continue;
      if (pos > 0) {
        const unsigned char before = static_cast<unsigned char>(text_[pos - 1]);
        if (before < 0x80 ? is_ascii_alnum(before) : is_word_cp(cp_before(text_, pos))) continue;
      }
      // Past a word that starts nothing, the rest of its ASCII letters and digits are not word
      // starts either: the scan goes on after them.
      const auto skip_word = [&] {
        while (pos + 1 < scan_end && is_ascii_alnum(static_cast<unsigned char>(text_[pos + 1]))) ++pos;
      };
      std::size_t word_end = 0;
      if (!may_start_mention(pos, word_end)) {
        pos = std::min(word_end, scan_end) - 1;  // as skip_word(), without a second pass
        continue;
      }
      if (pos >= line_end) {  // a mention never runs over a line break, whatever the pattern
        line_end = text_.find('\n', pos);
        if (line_end == std::string::npos) line_end = text_.size();
      }
      const std::string_view line = std::string_view(text_).substr(0, line_end);
      MentionCandidate best;
      for (std::size_t k = 0; k < rules_.mentions.size(); ++k) {
        const MentionRule& rule = rules_.mentions[k];
        if (pos < resume[k] || !rule.pattern->may_start_with(c) || !prefilter_passes(k, line, pos, prefilter_states[k]))
          continue;
        const MatchResult r = match_mention(*rule.pattern, line, pos);
        if (r == MatchResult::LimitExceeded) warn("mention " + rule.id + " stopped at its match limit");
        if (r != MatchResult::Match) continue;
        const Group whole = scratch_.group(0);
        resume[k] = std::max(whole.end, whole.begin + 1);
        if (whole.end <= best.end || inside_quote(whole.begin, whole.end)) continue;
        const Group name = rule.name_group >= 0 ? scratch_.group(rule.name_group) : whole;
        const Group appos = rule.appos_group >= 0 ? scratch_.group(rule.appos_group) : Group{};
        best = {whole.begin, whole.end, name.begin, name.end, appos, rule.kind};
      }
      if (best.end == 0) {
        skip_word();
        continue;
      }
      covered = best.end;
      add_mention(best, current_sentence);
    }
  }

  // A mention is a few words, so on a long line it is matched within kMentionWindowBytes of its
  // start: on a line of 100,000 title words ("minister minister ... said:") each word start
  // cost a match to the end of the line, time growing with the square of the line. A match
  // that reads up to the window's end (PCRE2's partial match) is tried again on the whole line
  // while the document's budget lasts, so results on real text are the same; past the budget
  // the word start is given up, with a warning.
  MatchResult match_mention(const Pattern& pattern, std::string_view line, std::size_t pos) {
    const std::size_t rest = line.size() - pos;
    if (rest <= kLongLineBytes) return pattern.match(line, pos, scratch_);
    const MatchResult r = pattern.match(line.substr(0, pos + kMentionWindowBytes), pos, scratch_, true);
    if (r != MatchResult::Partial) return r;
    if (rest <= long_mention_budget_) {
      long_mention_budget_ -= rest;
      return pattern.match(line, pos, scratch_);
    }
    warn("mention scan cut: words were tried as mentions of at most " + std::to_string(kMentionWindowBytes) +
         " bytes once the document's budget for longer ones was spent");
    return MatchResult::NoMatch;
  }

  // For a mention prefilter that looks ahead (a lexicon word, a possessive or a comma): what it
  // found from `searched_from`, kept until the scan passes it (each word is looked at once).
  struct PrefilterState {
    std::size_t searched_from = std::string::npos;
    std::size_t target = 0;  // the word, possessive or comma found
    std::size_t passes_from = std::string::npos;  // the first start it holds for
    std::size_t word_start = 0;  // before a comma: the last start answered for the comma's word
  };

  bool prefilter_passes(std::size_t k, std::string_view line, std::size_t pos, PrefilterState& state) const {
    const Prefilter& prefilter = rules_.mentions[k].prefilter;
    using Kind = Prefilter::Kind;
    if (prefilter.kind != Kind::WordWithin && prefilter.kind != Kind::PossessiveWithin && prefilter.kind != Kind::WordBeforeComma)
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

  // Whether the clause after a mention says its source is not named: ", who asked not to be
  // named", ", speaking on condition of anonymity".
  bool asks_anonymity(std::size_t end) const {
    if (text_.compare(end, 2, ", ") != 0) return false;
    const std::size_t clause_end = std::min({text_.find(',', end + 2), sentence_end(end), end + 160});
    const std::string clause = to_lower_ascii(std::string_view(text_).substr(end, clause_end - end));
    for (const char* sign : {"not to be named", "anonymity", "anonymously", "not authori", "not be named",
                             "to remain anonymous", "not to be identified"})
      if (clause.find(sign) != std::string::npos) return true;
    return false;
  }

  struct MentionCandidate {
    std::size_t begin = 0, end = 0, name_begin = 0, name_end = 0;
    Group appos;
    MentionKind kind = MentionKind::Person;
  };

  void add_mention(const MentionCandidate& c, std::size_t& current_sentence) {
    bool speaking = false;
    const Phrase& phrase = phrases_.analyse(std::string_view(text_).substr(c.name_begin, c.name_end - c.name_begin), lex_);
    Mention m{c.name_begin, c.name_end, -1, false, phrase.kind};
    if (phrase.kind == PhraseKind::Pronoun) {
      if (phrase.pronoun == "we") return;
      // Only a pronoun that starts its sentence, the one most likely to be its subject, teaches
      // gender: in "Jane Russell said she was impressed when he discussed the role" the "he" is
      // somebody else.
      m.entity = resolve_pronoun(phrase.pronoun, c.begin, sentence_start(c.begin) != current_sentence);
    } else if (phrase.kind == PhraseKind::Person || phrase.kind == PhraseKind::Descriptor) {
      if (names_a_thing(phrase, c.name_begin)) {
        // "…, the OECD said": a name with an article that speaks is an organisation.
        if (speaker_position(c.name_begin, c.end, true) != SpeakerPosition::None)
          note_organization_subject(c.begin, organization_named(join_words(phrase.name)));
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
          asks_anonymity(c.end))
        edit().definite = false;
      if (starts_with_capitalised_common_word(phrase, c.name_begin)) {
        std::vector<std::string>& name = edit().name;
        name.erase(name.begin());
      }
      if (c.appos.set) analyse_apposition(std::string_view(text_).substr(c.appos.begin, c.appos.end - c.appos.begin), lex_, edit());
      const Phrase& with_appos = edited ? *edited : phrase;
      const SpeakerPosition position =
          speaker_position(c.name_begin, c.end, sentence_start(c.begin) != current_sentence || after_modifiers_only(c.begin));
      speaking = position != SpeakerPosition::None;
      // A lone capitalised word before a verb ("Turkcell said", "Westminster said") may be a
      // company or a place; with a title or honorific ("Lord Butler said") it is a person.
      // An honorific says person wherever the name stands ("Ms Berg was blunt.").
      const bool introduces = position == SpeakerPosition::AfterVerb || with_appos.honorific ||
                              (position == SpeakerPosition::BeforeVerb && (!with_appos.role.empty() || with_appos.gender));
      m.entity = entity_for(with_appos, c.begin, introduces);
      // "Macrovision says its new technology ...": a lone word speaking that nobody introduced
      // as a person is most likely a company, which a later "it" or "the firm" refers to.
      if (m.entity < 0 && position == SpeakerPosition::BeforeVerb && with_appos.kind == PhraseKind::Person &&
          with_appos.name.size() == 1 && with_appos.role.empty()) {
        note_organization_subject(c.begin, organization_named(with_appos.name.front()));
      }
    } else {
      // Organisations are not sentence subjects for he and she, but one that opens its sentence
      // or speaks is what a later "it" or "the ministry" refers to.
      if (phrase.kind == PhraseKind::Organization && !is_country(phrase.organization) &&
          (sentence_start(c.begin) != current_sentence ||
           speaker_position(c.name_begin, c.end, true) != SpeakerPosition::None))  // "…, the OECD said."
        note_organization_subject(c.begin, phrase);
      return;
    }
    // The first person, descriptor or pronoun of a sentence is taken as its subject, and so
    // is whoever a speech verb names as speaking in it. A common word capitalised because it
    // opens the sentence does not take the place ("Dance teacher Eve Trew told").
    const std::size_t s = sentence_start(c.begin);
    const bool lone_opening_word = m.entity < 0 && phrase.kind == PhraseKind::Person && phrase.name.size() == 1 &&
                                   c.begin == c.name_begin && is_sentence_initial(c.begin) &&
                                   occurs_as_lower_case_word(phrase.name.front());
    // Nor does the document somebody spoke in ("the ministry said in a statement"), nor a place
    // ("To a packed audience at Gateshead's Sage Centre, the chancellor said").
    if (s != current_sentence && !lone_opening_word && !(phrase.written && spoken_in(c.begin)) &&
        !names_a_place(c.begin)) {
      current_sentence = s;
      m.subject = m.entity >= 0;
    }
    if (speaking) m.subject = m.entity >= 0;
    mentions_.push_back(m);
  }

  // Whether the sentence before `pos` is only a few words that modify the name, none of them a
  // name itself ("Film host Chris Stone said", "Oscar host Chris Rock said"): the name is still
  // the sentence's first.
  bool after_modifiers_only(std::size_t pos) const {
    const std::size_t s = sentence_start(pos);
    if (s >= pos || pos - s > 40) return false;
    if (!mentions_.empty() && mentions_.back().begin >= s && mentions_.back().entity >= 0) return false;
    int words = 0;
    bool lower_word = false;
    for (std::size_t i = s; i < pos; ++i) {
      const char c = text_[i];
      if (c == ' ') continue;
      if (!is_ascii_alnum(static_cast<unsigned char>(c)) && c != '-') return false;
      if (i == s || text_[i - 1] == ' ') {
        ++words;
        lower_word = lower_word || (c >= 'a' && c <= 'z');
      }
    }
    return words >= 2 && words <= 3 && lower_word && !mention_between(s + 1, pos);
  }

  // Whether what starts at `pos` follows "at", "in" or "near", or a possessor after them ("at
  // Gateshead's Sage Centre"): a place, not a sentence's subject.
  bool names_a_place(std::size_t pos) const {
    std::size_t p = pos;
    std::string_view before = word_before(p >= 16 ? p - 16 : 0, p);
    if (before.empty()) {  // a capitalised possessor in between: "at Gateshead's"
      std::size_t j = p;
      while (j > 0 && text_[j - 1] == ' ') --j;
      const std::size_t end = j;
      while (j > 0 && text_[j - 1] != ' ') --j;
      const std::string_view word = std::string_view(text_).substr(j, end - j);
      if (possessive_mark_size(word) == 0) return false;
      before = word_before(j >= 16 ? j - 16 : 0, j);
    }
    if (before == "at" || before == "in" || before == "near") return true;
    // "in Europe or North America": the next of a list of places.
    if ((before == "or" || before == "and") && !mentions_.empty()) {
      std::size_t j = static_cast<std::size_t>(before.data() - text_.data());
      while (j > 0 && text_[j - 1] == ' ') --j;
      const Mention& previous = mentions_.back();
      return previous.end == j && previous.begin < pos && names_a_place(previous.begin);
    }
    return false;
  }

  // A document somebody spoke in ("said in a statement"): right after "in".
  bool spoken_in(std::size_t pos) const { return word_before(pos >= 12 ? pos - 12 : 0, pos) == "in"; }

  bool is_country(const std::string& name) const {
    const auto found = lex_.countries.find(name);
    return found != lex_.countries.end() && found->second == name;
  }

  // "it" that no subject took: the later of a written source mentioned anywhere ("according to
  // a confidential concept paper ... “…,” it says") and an organisation that opened a sentence.
  int antecedent_of_it(std::size_t pos) const {
    std::size_t written_at = 0;
    int written = -1;
    for (auto it = mentions_.rbegin(); it != mentions_.rend(); ++it) {
      if (it->begin >= pos || it->entity < 0) continue;
      if (pos - it->begin > kPronounReach) break;
      // Not the document an organisation spoke "in" ("Marsh said in a statement").
      if (entities_[it->entity].written && !spoken_in(it->begin)) {
        written = it->entity, written_at = it->begin;
        break;
      }
    }
    const int organization = organization_subject_before(pos, "");
    if (organization < 0) return written;
    std::size_t organization_at = 0;
    for (const auto& [at, entity] : organization_subjects_)
      if (entity == organization && at < pos) organization_at = at;
    return written >= 0 && written_at > organization_at ? written : organization;
  }

  static Phrase organization_named(const std::string& name) {
    Phrase p;
    p.kind = PhraseKind::Organization;
    p.organization = name;
    return p;
  }

  void note_organization_subject(std::size_t pos, const Phrase& organization) {
    const int entity = entity_for(organization, pos, true);
    if (entity >= 0) organization_subjects_.push_back({pos, entity});
  }

  // The latest organisation that opened a sentence before `pos`, within reach; when `noun` is
  // an organisation cue word ("ministry" for "Finance Ministry"), one whose name has it.
  int organization_subject_before(std::size_t pos, const std::string& noun) const {
    std::string cue = noun;
    if (!cue.empty()) cue[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(cue[0])));
    const bool of_a_kind = lex_.organization_cues.count(cue) > 0;
    for (auto it = organization_subjects_.rbegin(); it != organization_subjects_.rend(); ++it) {
      if (it->first >= pos) continue;
      if (pos - it->first > kPronounReach) break;
      if (!of_a_kind || entities_[it->second].display.find(cue) != std::string::npos) return it->second;
    }
    return -1;
  }

  // "Like Kazaa, Exeem ...", "Boxing Day": a sentence's first word is capitalised whatever it
  // is, so a name that starts a sentence loses its first word when the document also writes
  // that word in lower case (as a common word, not a name).
  bool starts_with_capitalised_common_word(const Phrase& p, std::size_t begin) const {
    if (p.kind != PhraseKind::Person || p.name.size() < 2) return false;
    const std::string& first = p.name.front();
    if (text_.compare(begin, first.size(), first) != 0 || !is_sentence_initial(begin)) return false;
    return occurs_as_lower_case_word(first);
  }

  // "the Middle East", "the 1989 Children Act", "a Grand Slam event": a capitalised name right
  // after an article is a place, an event or a law, not a person (people's names take none;
  // "the prime minister, Tony Blair" has a title in between).
  bool names_a_thing(const Phrase& p, std::size_t begin) const {
    if (p.kind != PhraseKind::Person || !p.role.empty() || p.honorific) return false;
    // "the Lib Dems David Laws", "the Conservative Party's John Smith": a first name after what
    // names the group starts a person's name ("an Alan Shearer strike" stays a thing).
    for (std::size_t k = 1; k + 1 < p.name.size(); ++k)
      if (lex_.first_names.count(p.name[k])) return false;
    if (!p.organization.empty() && p.name.size() >= 2 && lex_.first_names.count(p.name[0])) return false;
    std::size_t j = begin;
    auto skip_back = [&](auto is_part) {
      while (j > 0 && text_[j - 1] == ' ') --j;
      const std::size_t end = j;
      while (j > 0 && is_part(text_[j - 1])) --j;
      return end - j;
    };
    skip_back([](char ch) { return ch >= '0' && ch <= '9'; });  // a year: "the 1989 Children Act"
    const std::size_t length = skip_back([](char ch) { return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'); });
    const std::string_view article = std::string_view(text_).substr(j, length);
    return (article == "the" || article == "The" || article == "a" || article == "A" || article == "an" || article == "An") &&
           (j == 0 || !is_ascii_alnum(static_cast<unsigned char>(text_[j - 1])));
  }

  static bool ends_with_of_them(std::string_view phrase) {
    const std::string lower = to_lower_ascii(phrase);
    const auto ends_with = [&](std::string_view end) {
      return lower.size() > end.size() && lower.compare(lower.size() - end.size(), end.size(), end) == 0;
    };
    return ends_with(" of them") || ends_with(" of those");
  }

  bool starts_with_the(std::size_t pos) const {
    return text_.compare(pos, 4, "the ") == 0 || text_.compare(pos, 4, "The ") == 0;
  }

  bool is_sentence_initial(std::size_t pos) const {
    std::size_t j = pos;
    while (j > 0 && (text_[j - 1] == ' ' || text_[j - 1] == '"' || text_[j - 1] == '\'')) --j;
    if (j >= 3 && (text_.compare(j - 3, 3, "\xE2\x80\x9C") == 0 || text_.compare(j - 3, 3, "\xE2\x80\x98") == 0)) j -= 3;
    return j == 0 || text_[j - 1] == '\n' || sentence_start(pos) == pos;
  }

  bool occurs_as_lower_case_word(const std::string& word) const {
    if (word.empty() || !(word[0] >= 'A' && word[0] <= 'Z')) return false;
    std::string lower = word;
    lower[0] = static_cast<char>(lower[0] - 'A' + 'a');
    for (std::size_t at = text_.find(lower); at != std::string::npos; at = text_.find(lower, at + 1)) {
      const std::size_t end = at + lower.size();
      const bool starts = at == 0 || !is_ascii_alnum(static_cast<unsigned char>(text_[at - 1]));
      const bool ends = end == text_.size() || !is_ascii_alnum(static_cast<unsigned char>(text_[end]));
      if (starts && ends) return true;
    }
    return false;
  }

  // A word start where a mention can begin: capitalised, a number, a possessive or one of the
  // rule file's MENTION_STARTERS (checked here, cheaply, so most words never reach a pattern).
  // When it cannot, `word_end` is where the word's ASCII letters and digits end.
  bool may_start_mention(std::size_t pos, std::size_t& word_end) const {
    const unsigned char c = static_cast<unsigned char>(text_[pos]);
    if (!rules_.mention_starters_given || !(c >= 'a' && c <= 'z')) return true;
    std::size_t end = pos;
    while (end < text_.size() && is_ascii_alnum(static_cast<unsigned char>(text_[end]))) ++end;
    word_end = end;
    if (end < text_.size() && (text_[end] == '\'' || std::string_view(text_).substr(end, 3) == "’")) return true;
    return rules_.is_mention_starter(std::string_view(text_).substr(pos, end - pos));
  }

  // A word of lower-case letters ending at `end` (after `begin`), or "".
  std::string_view word_before(std::size_t begin, std::size_t end) const {
    while (end > begin && text_[end - 1] == ' ') --end;
    std::size_t start = end;
    while (start > begin && text_[start - 1] >= 'a' && text_[start - 1] <= 'z') --start;
    return std::string_view(text_).substr(start, end - start);
  }

  // A name a speech verb presents as speaking: right after the verb ("…, said Andrew Pearson,
  // boss of Workshare"), or, as the sentence's first mention, right before it past an
  // apposition ("Michelle, a mother of twins, said"; not "Blinken said Lavrov repeated …",
  // where Lavrov's verb is reported). Not after "told" or "asked": their object listens.
  enum class SpeakerPosition { None, AfterVerb, BeforeVerb };
  SpeakerPosition speaker_position(std::size_t begin, std::size_t end, bool first_in_sentence) const {
    const std::string_view before = word_before(begin >= 20 ? begin - 20 : 0, begin);
    if (!before.empty() && lex_.speech_verb_forms.count(std::string(before)) &&
        before.rfind("tell", 0) != 0 && before != "told" && before.rfind("ask", 0) != 0) {
      // Inverted only after a comma, a closing mark or at the start of a sentence: in
      // "Blinken said Lavrov repeated …" the name after "said" is not the one speaking.
      std::size_t v = static_cast<std::size_t>(before.data() - text_.data());
      while (v > 0 && text_[v - 1] == ' ') --v;
      const unsigned char c = v > 0 ? static_cast<unsigned char>(text_[v - 1]) : '.';
      // And only when the name ends its clause ("…, said Andrew Pearson, boss of …"): in
      // "…, said Exeem was the next evolution" the name starts the reported clause.
      const char after = end < text_.size() ? text_[end] : '.';
      const bool ends_clause = after == ',' || after == '.' || after == ';' || after == ':' || after == '\n';
      if (ends_clause && (c == ',' || c == '"' || c == 0x9D /* ” */ || v == sentence_start(v) || v == 0))
        return SpeakerPosition::AfterVerb;
    }
    // Before the verb: as the sentence's first mention, or after a comma ending the reported
    // clause ("BT is moving to a new strategy, Andrew Burke told the forum.").
    std::size_t b = begin;
    while (b > 0 && text_[b - 1] == ' ') --b;
    const bool after_clause = b > 0 && text_[b - 1] == ',';
    if (!first_in_sentence && !after_clause) return SpeakerPosition::None;
    std::size_t j = end;
    if (j < text_.size() && text_[j] == ',') {  // ", a mother of twins,"
      const std::size_t next = text_.find_first_of(",.\n", j + 1);
      if (next == std::string::npos || text_[next] != ',' || next - j > 80) return SpeakerPosition::None;
      j = next + 1;
    }
    while (j < text_.size() && text_[j] == ' ') ++j;
    std::size_t k = j;
    while (k < text_.size() && text_[k] >= 'a' && text_[k] <= 'z') ++k;
    return k > j && lex_.speech_verb_forms.count(text_.substr(j, k - j)) ? SpeakerPosition::BeforeVerb
                                                                        : SpeakerPosition::None;
  }

  int add_entity(Entity e) {
    entities_.push_back(std::move(e));
    return static_cast<int>(entities_.size()) - 1;
  }

  // Finds or registers the entity a mention names. Single surnames and variant spellings join
  // the full name introduced earlier in the document.
  int entity_for(const Phrase& p, std::size_t pos, bool introduces_name) {
    switch (p.kind) {
      case PhraseKind::Person: return person_for(p, introduces_name);
      case PhraseKind::Descriptor: return descriptor_for(p, pos);
      case PhraseKind::Organization: {
        for (std::size_t k = 0; k < entities_.size(); ++k)
          if (entities_[k].kind == PhraseKind::Organization && entities_[k].display == p.organization)
            return static_cast<int>(k);
        Entity e;
        e.kind = PhraseKind::Organization;
        e.display = p.organization;
        e.organization = p.organization;
        e.key = normalise_key(p.organization);
        return add_entity(std::move(e));
      }
      default: return -1;
    }
  }

  // The latest person whose surname is `surname`, or -1.
  int person_named(const std::string& surname) const {
    for (std::size_t k = entities_.size(); k-- > 0;)
      if (entities_[k].kind == PhraseKind::Person && !entities_[k].name.empty() && entities_[k].name.back() == surname)
        return static_cast<int>(k);
    return -1;
  }

  int person_for(const Phrase& p, bool introduces_name) {
    int found = -1;
    const std::string& last = p.name.back();
    // "Sir Alex" after "Sir Alex Ferguson", "Lord Butler" after "Robin Butler": a rank name
    // is the person named in full before whose given name or surname it carries.
    const bool rank_name = p.name.size() == 2 && lex_.ranks.count(p.name.front()) > 0;
    for (std::size_t k = entities_.size(); k-- > 0;) {
      const Entity& e = entities_[k];
      if (e.kind != PhraseKind::Person) continue;
      if (e.name == p.name) { found = static_cast<int>(k); break; }
      if (rank_name && e.name.size() >= 2 && !lex_.ranks.count(e.name.front()) &&
          (e.name.front() == last || e.name.back() == last) && (!e.gender || !p.gender || e.gender == p.gender)) {
        found = static_cast<int>(k);
        break;
      }
      if (e.name.back() != last) continue;
      if (p.name.size() == 1 || e.name.size() == 1 ||
          first_names_compatible(e.name.front(), p.name.front())) {
        found = static_cast<int>(k);
        break;
      }
    }
    if (found < 0) {
      // A lone capitalised word nobody was introduced with is not taken for a person from the
      // running text or a weak rule (it may be a place or a brand), only when a confident rule
      // names it as a speaker ("…,” Smith said).
      if (p.name.size() == 1 && !introduces_name) return -1;
      Entity e;
      e.kind = PhraseKind::Person;
      found = add_entity(std::move(e));
    }
    Entity& e = entities_[found];
    if (p.name.size() > e.name.size()) {  // a new person, or "Blinken" learns "Antony Blinken"
      e.name = p.name;
      e.display = join_words(e.name);
      e.key = normalise_key(e.display);
    }
    // A fuller form of the same role replaces it ("director" -> "race director").
    const bool fuller_role = p.role.size() > e.role.size() &&
                             p.role.compare(p.role.size() - e.role.size(), e.role.size(), e.role) == 0;
    if (e.role.empty() || fuller_role) e.role = p.role;
    if (e.organization.empty()) e.organization = p.organization;
    if (!e.gender) e.gender = p.gender;
    e.honorific = e.honorific || p.honorific;
    return found;
  }

  int descriptor_for(const Phrase& p, std::size_t pos) {
    if (p.nationality) {
      const int earlier = resolve_nationality(p.organization, pos);
      if (earlier >= 0) return earlier;
    } else if (p.definite) {
      int earlier = resolve_definite(p.head, pos);
      // An epithet with no antecedent of its own ("the world’s top diplomat also blamed ...")
      // names the person the text is about: the latest subject, as a pronoun would.
      if (earlier < 0 && !p.plural && !p.written) earlier = resolve_pronoun("he/she", pos);
      if (earlier >= 0) return earlier;
      if (p.epithet) return -1;  // "the 23-year-old" with nobody before: not a source
    }
    Phrase described = p;
    if (described.organization.empty()) described.organization = organization_named_before(p.role, pos);
    const std::string key = normalise_key(p.role.empty() ? p.descriptor : p.role) + (p.written ? "-w" : "");
    for (std::size_t k = 0; k < entities_.size(); ++k)
      if (entities_[k].kind == PhraseKind::Descriptor && entities_[k].key == key) return static_cast<int>(k);
    Entity e;
    e.kind = PhraseKind::Descriptor;
    e.display = p.descriptor;
    e.key = key;
    e.role = p.role;
    e.organization = described.organization;
    e.head = p.head;
    e.written = p.written;
    e.plural = p.plural;
    return add_entity(std::move(e));
  }

  // The latest mention before `pos`, within `reach` bytes, whose entity `accepts`; -1 if none.
  template <typename Accept>
  int latest_entity(std::size_t pos, std::size_t reach, bool subjects_only, Accept accepts) {
    for (auto it = mentions_.rbegin(); it != mentions_.rend(); ++it) {
      if (it->begin >= pos || it->entity < 0 || (subjects_only && !it->subject)) continue;
      if (pos - it->begin > reach) break;
      if (accepts(entities_[it->entity])) return it->entity;
    }
    return -1;
  }

  // "the diplomat", "the spokesperson", "the secretary": the latest entity it can refer to.
  int resolve_definite(const std::string& head, std::size_t pos) {
    return latest_entity(pos, kDefiniteReach, false, [&](const Entity& e) {
      return (e.kind == PhraseKind::Descriptor && e.head == head) ||
             (e.kind == PhraseKind::Person && to_lower_ascii(e.role).find(head) != std::string::npos);
    });
  }

  // "one council diplomat": a lower-case organisation word ("council", "ministry") stands for
  // the latest organisation of that kind named before ("the Security Council").
  std::string organization_named_before(const std::string& words, std::size_t pos) const {
    std::string best;
    std::size_t best_pos = 0;
    std::size_t start = 0;
    while (start < words.size()) {
      std::size_t end = words.find(' ', start);
      if (end == std::string::npos) end = words.size();
      std::string word = words.substr(start, end - start);
      start = end + 1;
      if (word.empty() || word[0] < 'a' || word[0] > 'z') continue;
      word[0] = static_cast<char>(word[0] - 'a' + 'A');
      if (!lex_.organization_cues.count(word)) continue;
      for (const auto& [form, canonical] : lex_.organizations) {
        if (form.size() <= word.size() || form.compare(form.size() - word.size(), word.size(), word) != 0) continue;
        const std::size_t at = std::string_view(text_).substr(0, pos).rfind(form);
        if (at != std::string_view::npos && (best.empty() || at > best_pos)) best = canonical, best_pos = at;
      }
    }
    return best;
  }

  // "the American": the latest person from that country, within reach.
  int resolve_nationality(const std::string& country, std::size_t pos) {
    return latest_entity(pos, kDefiniteReach, false, [&](const Entity& e) {
      return e.kind == PhraseKind::Person && e.organization == country;
    });
  }

  // he / she / they / it: the latest subject it agrees with, within reach ("he/she": either).
  int resolve_pronoun(const std::string& pronoun, std::size_t pos, bool learns_gender = true) {
    const auto agrees = [&](Entity& e, bool learns) {
      if (pronoun == "he/she") return e.kind == PhraseKind::Person;
      if (pronoun == "they") return e.plural || e.kind == PhraseKind::Organization;
      if (pronoun == "it") return e.written || e.kind == PhraseKind::Organization;
      if (pronoun != "he" && pronoun != "she") return false;  // "we": the writer's side, unresolved
      const char g = pronoun == "he" ? 'm' : 'f';
      const bool agreeing = !e.written && !e.plural && e.kind != PhraseKind::Organization && (e.gender == 0 || e.gender == g);
      if (agreeing && learns && e.kind == PhraseKind::Person && !e.gender) e.gender = g;  // learnt from the text
      return agreeing;
    };
    const int subject = latest_entity(pos, kPronounReach, true, [&](Entity& e) { return agrees(e, learns_gender); });
    if (subject >= 0 || (pronoun != "he" && pronoun != "she" && pronoun != "he/she")) return subject;
    // No subject agrees: the latest person mentioned with a role who does ("Norwich have signed
    // Charlton midfielder Graham Stuart. “…,” he said."), who teaches no gender. A role says
    // the name is a person's ("Six Nations", "Visual Radio" are not) and somebody who speaks.
    return latest_entity(pos, kPronounReach, false, [&](Entity& e) {
      return e.kind == PhraseKind::Person && !e.role.empty() && agrees(e, false);
    });
  }

  const Mention* mention_at(std::size_t begin) const {
    auto it = std::lower_bound(mentions_.begin(), mentions_.end(), begin,
                               [](const Mention& m, std::size_t pos) { return m.begin < pos; });
    return it != mentions_.end() && it->begin == begin ? &*it : nullptr;
  }

  // ---- attribution -------------------------------------------------------------------------
  std::size_t paragraph_open(const QuoteSpan& q) const {
    std::size_t i = q.paragraph_begin;
    while (i < q.open && (text_[i] == ' ' || text_[i] == '\t')) ++i;
    return i;
  }

  void context_bounds(std::size_t i, std::size_t* before_begin, std::size_t* after_end) const {
    const QuoteSpan& q = spans_[i];
    std::size_t b = std::max(sentence_start(q.open), q.paragraph_begin);
    if (i > 0 && spans_[i - 1].paragraph_begin == q.paragraph_begin) b = std::max(b, spans_[i - 1].close_end);
    if (q.open > kContextBytes) b = std::max(b, q.open - kContextBytes);
    *before_begin = std::min(b, q.open);
    std::size_t e = std::min(sentence_end(q.close_end), q.paragraph_end);
    // “Why now?” Nina Park asked. / “…the best of both worlds.” Paul Goosens, head of Preventon,
    // told the BBC. — a quote that ends its own sentence may still be followed by a sentence
    // that is nothing but its attribution.
    const char last = q.end > q.begin ? text_[q.end - 1] : 0;
    if (last == '?' || last == '!' || last == '.') {
      std::size_t j = q.close_end;
      while (j < e && text_[j] == ' ') ++j;
      if (j == e && e < q.paragraph_end) {
        const std::size_t attribution_end = attribution_sentence_end(e, q.paragraph_end);
        if (attribution_end != std::string::npos) e = attribution_end;
      }
    }
    if (i + 1 < spans_.size() && spans_[i + 1].open < e) e = spans_[i + 1].open;
    e = std::min(e, q.close_end + kContextBytes);
    *after_end = std::max(e, q.close_end);
  }

  // The end of the sentence starting at `start` when it is only an attribution: a speaker, a
  // speech verb that is not a participle, and after it nothing reported — the end, whom it was
  // told ("told the BBC News website") or a short adjunct ("said in a statement"); at most 14
  // words and no quotation mark. "Nina Park asked." and "Paul Goosens, head of Preventon, told
  // the BBC." are; "Organisers say all funds will go to charity." is not. npos otherwise.
  std::size_t attribution_sentence_end(std::size_t start, std::size_t paragraph_end) const {
    const std::size_t end = std::min(sentence_end(start), paragraph_end);
    std::size_t words = 0, after_verb = 0;
    std::string verb;
    for (std::size_t pos = start; pos < end;) {
      std::size_t len;
      const char32_t c = decode_utf8(text_, pos, len);
      if (is_quote_mark_cp(c) && c != 0x2019 && c != '\'') return std::string::npos;
      if (!is_word_cp(c)) {
        pos += len;
        continue;
      }
      std::size_t w = pos;
      while (w < end && is_word_cp(cp_at(text_, w))) {
        decode_utf8(text_, w, len);
        w += len;
      }
      const std::string word = text_.substr(pos, w - pos);
      pos = w;
      if (++words > 14) return std::string::npos;
      if (verb.empty()) {
        if (words > 1 && lex_.speech_verb_forms.count(word) && !is_participle(word))
          verb = word;
        continue;
      }
      const bool tells = verb.rfind("tel", 0) == 0 || verb == "told";
      if (++after_verb == 1 && !tells && !is_adjunct_start(word)) return std::string::npos;
      if (after_verb > 6) return std::string::npos;
    }
    return verb.empty() ? std::string::npos : end;
  }

  // "saying", "responding": a speech verb's form that introduces, not reports.
  static bool is_participle(const std::string& word) {
    return word.size() > 4 && word.compare(word.size() - 3, 3, "ing") == 0;
  }

  static bool is_adjunct_start(const std::string& word) {
    for (const char* w : {"in", "on", "at", "during", "after", "before", "when", "while", "as", "from", "to", "via",
                          "through", "yesterday", "today", "tonight", "last", "this", "earlier", "later", "recently"})
      if (word == w) return true;
    return false;
  }

  void attribute(std::size_t i) {
    QuoteSpan& q = spans_[i];
    std::size_t before_begin, after_end;
    context_bounds(i, &before_begin, &after_end);
    // A quote that ends its own sentence ("… aggressor.") is followed by a new sentence, not by
    // its attribution, unless the next word is lower case ("… it?” he asked).
    const bool after_usable = after_context_usable(q, after_end);
    // What each word list's prefilter found in each context, for the rules that share it.
    struct ContextTest { const WordSet* words; std::size_t from, to; bool passed; };
    std::vector<ContextTest> tested;
    for (const auto& rule : rules_.rules) {
      std::size_t from, to;
      if (rule.context == RuleContext::After) {
        if (!after_usable) continue;
        from = q.close_end, to = after_end;
      } else if (rule.context == RuleContext::Before) {
        from = before_begin, to = q.open;
      } else {
        if (q.closed) continue;
        from = q.begin, to = q.end;
      }
      if (to <= from) continue;
      const std::string_view context = std::string_view(text_).substr(from, to - from);
      if (!rule.context_may_end_here(context)) continue;
      if (rule.prefilter.kind == Prefilter::Kind::Contains) {
        auto test = std::find_if(tested.begin(), tested.end(), [&](const ContextTest& t) {
          return t.words == rule.prefilter.words.get() && t.from == from && t.to == to;
        });
        if (test == tested.end())
          test = tested.insert(tested.end(), {rule.prefilter.words.get(), from, to, rule.prefilter.context_may_match(context)});
        if (!test->passed) continue;
      }
      std::size_t start = 0;
      for (int attempt = 0; attempt < 4 && start < context.size(); ++attempt) {
        const MatchResult r = rule.pattern->match(context, start, scratch_);
        if (r == MatchResult::LimitExceeded) warn("rule " + rule.id + " stopped at its match limit");
        if (r != MatchResult::Match) break;
        const Group speaker = scratch_.group(rule.speaker_group);
        const Group appos = rule.appos_group >= 0 ? scratch_.group(rule.appos_group) : Group{};
        const Group cue = rule.cue_group >= 0 ? scratch_.group(rule.cue_group) : Group{};
        const SpeakerMatch found = speaker_entity(from + speaker.begin, from + speaker.end,
                                                  appos.set ? from + appos.begin : 0, appos.set ? from + appos.end : 0,
                                                  q.open, rule.confidence >= 0.9);
        if (found.entity >= 0) {
          Attribution& a = attributions_[i];
          a.entity = found.entity;
          a.rule = rule.id;
          a.cue = cue.set ? std::string(context.substr(cue.begin, cue.end - cue.begin)) : "";
          a.confidence = rule.confidence * found.certainty;
          // [evidence] the rule's speaker group (and the apposition that holds the name), its cue group.
          a.set_mention(from + (found.named_in_apposition ? std::min(speaker.begin, appos.begin) : speaker.begin),
                        from + (found.named_in_apposition ? std::max(speaker.end, appos.end) : speaker.end));
          if (cue.set) a.cue_begin = from + cue.begin, a.cue_end = from + cue.end;
          if (rule.context == RuleContext::Tail) {  // the attribution is not part of the quote
            std::size_t end = from + speaker.begin;
            while (end > q.begin && (text_[end - 1] == ' ')) --end;
            q.end = end;
          }
          return;
        }
        // Not a usable speaker here (a weekday, a place): look for another match further on.
        std::size_t len;
        decode_utf8(context, speaker.begin, len);
        start = speaker.begin + len;
      }
    }
  }

  // Whether every word is capitalised or a name particle: "Rui Costa", "Dr John E. Kelly", not
  // "who will make her comeback in the Sydney International" or "Technology and Intellectual
  // Property".
  static bool only_names(std::string_view words) {
    return every_word_capitalised(words, [](std::string_view word) { return is_name_particle(word); });
  }

  // Whether every word of `words` (split at spaces, leading punctuation skipped: "(D-MA)",
  // "$15") starts with a capital or a digit, or is a lower-case word `lower_case_ok` accepts.
  // `count` gets the number of words.
  template <typename LowerCaseOk>
  static bool every_word_capitalised(std::string_view words, LowerCaseOk lower_case_ok, int* count = nullptr) {
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

  // Whether a quote nobody was found for is still worth reporting as speech: not a title
  // (headlines, written in title case, excepted), nor a headline's short single-quoted phrase
  // (“U.S. Stonewalls Putin’s ‘Anti-Terror’ Push”) that no person in the headline says.
  bool is_speech_without_speaker(const QuoteSpan& q) const {
    if (!q.in_headline) return !names_a_title(q);
    return !q.single_marks || count_words(text_, q.begin, q.end) >= scan_.min_words_single;
  }

  // “Meet the Press” after "on", a possessive ("NBC's “Today”") or a word for a work ("his
  // book, “An American Son”"; the lexicon's title_cues): a title, even in a sentence whose
  // speaker a rule found.
  bool is_title_after_cue(const QuoteSpan& q) const {
    if (q.in_headline || !names_a_title(q)) return false;
    std::size_t end = q.open;
    while (end > q.paragraph_begin && (text_[end - 1] == ' ' || text_[end - 1] == ',')) --end;
    std::size_t begin = end;
    while (begin > q.paragraph_begin && text_[begin - 1] != ' ' && text_[begin - 1] != '\t') --begin;
    if (begin == end) return false;
    const std::string_view word = std::string_view(text_).substr(begin, end - begin);
    return possessive_mark_size(word) > 0 || lex_.title_cues.count(to_lower_ascii(word)) > 0;
  }

  // “The Rachel Maddow Show”, ''Access Hollywood,'', “Made in the U.S.A.”: a few words, each
  // capitalised or a lower-case word of a title (the lexicon's title_words: "of", "the", "in"),
  // name a work, a programme, a product or a slogan. Unattributed, such a quote is not speech.
  // Headlines capitalise every word, so they are not asked.
  bool names_a_title(const QuoteSpan& q) const {
    constexpr int kMaxTitleWords = 6;
    int words = 0;
    const bool capitalised = every_word_capitalised(
        std::string_view(text_).substr(q.begin, q.end - q.begin),
        [&](std::string_view word) {
          return lex_.title_words.count(std::string(word.substr(0, word.find_first_of(".,;:!?")))) > 0;
        },
        &words);
    return capitalised && words > 0 && words <= kMaxTitleWords;
  }

  // "port's chief executive" -> "chief executive", "their lawyer" -> "lawyer": whose role it is
  // is not part of it.
  static std::string without_possessor(const std::string& role) {
    const std::size_t space = role.find(' ');
    if (space == std::string::npos) return role;
    const std::string first = to_lower_ascii(role.substr(0, space));
    const bool possessor = first == "his" || first == "her" || first == "their" || first == "its" || first == "our" ||
                           possessive_mark_size(first) > 0;
    return possessor ? role.substr(space + 1) : role;
  }

  struct SpeakerMatch {
    int entity = -1;
    double certainty = 1.0;  // multiplies the rule's confidence
    bool named_in_apposition = false;  // [evidence] "The port's chief executive, Rui Costa, said"
  };

  // Pronouns and "the diplomat" are resolved, so they are less certain than a name.
  static double certainty_of(const Phrase& p) {
    if (p.kind == PhraseKind::Pronoun) return 0.9;
    if (p.kind == PhraseKind::Descriptor && p.definite) return 0.9;
    if (p.kind == PhraseKind::Person && p.name.size() == 1) return 0.95;
    return 1.0;
  }

  // The entity a rule's speaker group names, analysing the phrase once.
  SpeakerMatch speaker_entity(std::size_t begin, std::size_t end, std::size_t appos_begin, std::size_t appos_end,
                              std::size_t quote_pos, bool confident_rule) {
    Phrase p = phrases_.analyse(std::string_view(text_).substr(begin, end - begin), lex_);
    if (starts_with_the(begin) && p.kind == PhraseKind::Person && p.role.empty() && !p.gender) {
      // "“…,” the FA said": a name with an article speaking is an organisation, unless it is
      // somebody named before ("the Oscar-nominated Owen told reporters").
      if (const int known = person_named(p.name.back()); known >= 0) return {known, 0.9};
      if (!confident_rule) return {};
      p.kind = PhraseKind::Organization;  // the organisation the phrase names, else the name
      if (p.organization.empty()) p.organization = join_words(p.name);
    }
    if (p.kind == PhraseKind::None && is_calendar_word(std::string_view(text_).substr(begin, end - begin))) {
      // "“…,” May wrote on his website": Brian May, named before.
      const int known = person_named(text_.substr(begin, end - begin));
      return known >= 0 ? SpeakerMatch{known, 0.95} : SpeakerMatch{};
    }
    if (names_a_thing(p, begin)) return {};
    if (starts_with_capitalised_common_word(p, begin)) p.name.erase(p.name.begin());
    SpeakerMatch match;
    match.certainty = certainty_of(p);
    const std::string_view appos_text = std::string_view(text_).substr(appos_begin, appos_end - appos_begin);
    const bool appos_is_name = appos_end > appos_begin && only_names(appos_text);
    if (const Mention* m = mention_at(begin); m && m->entity >= 0 && m->end == end && !appos_is_name) {
      if (entities_[m->entity].kind != PhraseKind::Organization || confident_rule) {
        match.entity = m->entity;
        Entity& e = entities_[m->entity];
        const bool courtesy_role = lex_.honorifics.count(e.role) > 0;  // "Dr", "Prof": an apposition says more
        if (appos_end > appos_begin && e.kind == PhraseKind::Person &&
            (e.role.empty() || courtesy_role || e.organization.empty())) {
          Phrase learnt;  // "Kirsten Pfeifer from the Consumer Electronics Association told"
          analyse_apposition(std::string_view(text_).substr(appos_begin, appos_end - appos_begin), lex_, learnt);
          if (e.role.empty() || (courtesy_role && !learnt.role.empty())) e.role = learnt.role;
          if (e.organization.empty()) e.organization = learnt.organization;
        }
        return match;
      }
    }
    if (appos_end > appos_begin) {
      const std::string_view appos = appos_text;
      Phrase named = phrases_.analyse(appos, lex_);
      const bool a_name = named.kind == PhraseKind::Person && named.name.size() >= 2 && appos_is_name;
      // (A role with one capitalised word taken for a name counts too: "Shadow chief secretary".)
      const bool role_first = p.kind == PhraseKind::Descriptor || p.kind == PhraseKind::Organization ||
                              (p.kind == PhraseKind::Person && !p.role.empty() && p.name.size() == 1) ||
                              (p.kind == PhraseKind::None && !p.role.empty());  // "Detective Superintendent, Mick Deats"
      if (role_first && a_name) {
        // "The port's chief executive, Rui Costa, said", "shadow chief secretary to the
        // Treasury, George Osborne, said": the role first, the name in apposition.
        if (named.role.empty()) named.role = without_possessor(p.role);
        if (named.organization.empty()) named.organization = p.organization;
        p = std::move(named);
        match.certainty = certainty_of(p);
        match.named_in_apposition = true;  // [evidence]
      } else {
        analyse_apposition(appos, lex_, p);
      }
    }
    switch (p.kind) {
      case PhraseKind::Pronoun:
        match.entity = resolve_pronoun(p.pronoun, std::min(begin, quote_pos));
        if (match.entity < 0 && p.pronoun == "it") match.entity = antecedent_of_it(std::min(begin, quote_pos));
        break;
      case PhraseKind::None:
        // "the firm", "the ministry" (the rule file's ORGANIZATION_NOUN): the organisation that
        // opened a sentence before, one of that kind if the noun names a kind of organisation.
        if (p.name.empty() && p.role.empty() && end - begin > 4 && starts_with_the(begin))
          match.entity = organization_subject_before(begin, text_.substr(begin + 4, end - begin - 4));
        // "one of them", "some of those": the group named last, unnamed sources or people.
        if (match.entity < 0 && ends_with_of_them(std::string_view(text_).substr(begin, end - begin)))
          match.entity = latest_entity(begin, kPronounReach, false, [](const Entity& e) {
            return e.plural && !e.written && (e.kind == PhraseKind::Descriptor || e.kind == PhraseKind::Person);
          });
        if (match.entity >= 0) match.certainty = 0.9;
        break;
      case PhraseKind::Organization: match.entity = confident_rule ? entity_for(p, begin, true) : -1; break;
      case PhraseKind::Person:
      case PhraseKind::Descriptor: match.entity = entity_for(p, begin, confident_rule); break;
      default: break;
    }
    return match;
  }

  // Quotes with no attribution of their own continue the speaker before them: the second half
  // of an interrupted quote ("A," she said. "B."), the next paragraph of a quote, and a quote
  // that opens the paragraph right after one that was attributed.
  void continue_speakers() {
    for (std::size_t i = 1; i < spans_.size(); ++i) {
      if (attributions_[i].entity >= 0 || attributions_[i - 1].entity < 0) continue;
      if (!spans_[i].continues_previous && has_own_speaker(i)) continue;
      const QuoteSpan& q = spans_[i];
      const QuoteSpan& prev = spans_[i - 1];
      const char* rule = nullptr;
      double confidence = 0;
      if (q.continues_previous) {
        rule = "continuation.paragraph", confidence = 0.9;
      } else if (prev.paragraph_begin == q.paragraph_begin) {
        // A fragment woven into a later sentence that names somebody before it is as often
        // that person's words, or a scare quote, as the previous speaker's: kept, but with a
        // confidence that says so ("But “the Americans were much more reticent.”" keeps 0.85).
        const std::size_t s = sentence_start(q.open);
        const bool fragment_after_a_name = is_partial(i) && s > prev.open && mention_between(s, q.open);
        rule = "continuation.interrupted", confidence = fragment_after_a_name ? 0.5 : 0.85;
      } else if (paragraph_open(q) == q.open && prev.paragraph_end < q.paragraph_begin &&
                 is_previous_paragraph(prev, q)) {
        rule = "continuation.next_paragraph", confidence = 0.7;
      }
      if (!rule) continue;
      attributions_[i] = attributions_[i - 1];
      attributions_[i].rule = rule;
      attributions_[i].clear_cue();  // [evidence] the cue's offsets too
      attributions_[i].confidence = std::min(attributions_[i - 1].confidence, confidence);
    }
    // A quote carried over from the previous paragraph gets the speaker named at its end.
    for (std::size_t i = spans_.size() - 1; i > 0; --i) {
      if (spans_[i].continues_previous && attributions_[i - 1].entity < 0 && attributions_[i].entity >= 0) {
        attributions_[i - 1] = attributions_[i];
        attributions_[i - 1].rule = "continuation.paragraph";
      }
    }
  }

  // A quote that ends its own sentence ("… aggressor.") is followed by a new sentence, not by
  // its attribution, unless the next word is lower case ("… it?” he asked) or the sentence is
  // nothing but an attribution.
  bool after_context_usable(const QuoteSpan& q, std::size_t after_end) const {
    if (!q.closed) return false;
    if (q.end > q.begin && text_[q.end - 1] == '.') {
      std::size_t j = q.close_end;
      while (j < after_end && text_[j] == ' ') ++j;
      if (j < after_end && is_upper_cp(cp_at(text_, j)))
        return attribution_sentence_end(j, q.paragraph_end) != std::string::npos;
    }
    return true;
  }

  // Whether a full quote comes with an attribution of its own that no rule could resolve and
  // that names somebody new: "“…,” one trader told Reuters", "“…,” said its chairman", "A
  // Treasury source said: “…”" — a speech verb next to the quote whose subject is a name, or
  // starts with an indefinite determiner or "its". Such a quote is not the previous
  // speaker's. A pronoun, "the youngster" or "his son" may well be the previous speaker: not
  // counted.
  bool has_own_speaker(std::size_t i) const {
    if (is_partial(i)) return false;
    std::size_t before_begin, after_end;
    context_bounds(i, &before_begin, &after_end);
    const QuoteSpan& q = spans_[i];
    struct Word { std::size_t begin; std::string lower; };
    auto words_of = [&](std::size_t from, std::size_t to) {
      std::vector<Word> words;
      std::size_t pos = from;
      while (pos < to) {
        while (pos < to && !is_ascii_alnum(static_cast<unsigned char>(text_[pos]))) ++pos;
        std::size_t end = pos;
        while (end < to && (is_ascii_alnum(static_cast<unsigned char>(text_[end])) || text_[end] == '-')) ++end;
        if (end > pos) words.push_back({pos, to_lower_ascii(std::string_view(text_).substr(pos, end - pos))});
        pos = end;
      }
      return words;
    };
    auto is_cue = [&](const Word& w) { return lex_.speech_verb_forms.count(w.lower) && !is_participle(w.lower); };
    auto introduces_somebody = [&](const Word& first) {
      static const char* const kNew[] = {"a", "an", "one", "another", "two", "three", "several", "some", "many",
                                         "its"};
      return is_upper_cp(cp_at(text_, first.begin)) ?
                 !(first.lower == "he" || first.lower == "she" || first.lower == "they" || first.lower == "it" ||
                   first.lower == "we" || first.lower == "the") :
                 std::find(std::begin(kNew), std::end(kNew), first.lower) != std::end(kNew);
    };
    if (after_context_usable(q, after_end)) {
      const std::vector<Word> after = words_of(q.close_end, after_end);
      if (after.size() >= 2 && is_cue(after[0])) return introduces_somebody(after[1]);  // "said its chairman"
      for (std::size_t k = 1; k < after.size() && k <= 4; ++k)  // "one trader told Reuters"
        if (is_cue(after[k])) return introduces_somebody(after[0]);
      return false;
    }
    // "One trader told Reuters: “…”": a short sentence of its own before the colon.
    std::size_t end = q.open;
    while (end > before_begin && text_[end - 1] == ' ') --end;
    if (end == before_begin || text_[end - 1] != ':') return false;
    const std::vector<Word> before = words_of(before_begin, end);
    if (before.size() < 2 || before.size() > 6) return false;
    for (std::size_t k = 1; k < before.size() && k <= 4; ++k)
      if (is_cue(before[k])) return introduces_somebody(before[0]);
    return false;
  }

  // "Mr Herren says EduVision already has plans. “We plan to put a solar panel at the school.”"
  // A full quote with no attribution of its own that opens a sentence (or a paragraph) right
  // after a sentence, free of quotation marks, in which somebody says something in reported
  // speech, is theirs: the quote goes on with what they were saying.
  void lead_in_speakers() {
    for (std::size_t i = 0; i < spans_.size(); ++i) {
      const QuoteSpan& q = spans_[i];
      if (attributions_[i].entity >= 0 || q.continues_previous || is_partial(i)) continue;
      std::size_t end = q.open;
      while (end > 0 && is_space_cp(static_cast<unsigned char>(text_[end - 1]))) --end;
      if (end == 0 || (text_[end - 1] != '.' && text_[end - 1] != '!' && text_[end - 1] != '?')) continue;
      const std::size_t begin = sentence_start(end - 1);
      if (i > 0 && spans_[i - 1].close_end > begin) continue;  // a quote in that sentence: continuations decide
      // The first person the sentence has reporting speech: its subject, or a later one ("Sales
      // rose, but Ms Milanesi said it was difficult to say").
      int person_subject = -1;
      const Mention* subject_mention = nullptr;  // [evidence] person_subject's mention
      for (const Mention& m : mentions_) {
        if (m.begin < begin || m.entity < 0) continue;
        if (m.begin >= end) break;
        const Entity& e = entities_[m.entity];
        if (e.kind == PhraseKind::Organization || e.written) {
          if (m.subject) break;
          continue;
        }
        if (m.subject && person_subject < 0) person_subject = m.entity, subject_mention = &m;
        if (!m.subject && !opens_clause(begin, m.begin)) continue;
        std::string cue;
        std::size_t cue_at = 0;
        if (!reports_speech(m.end, end, &cue, &cue_at)) continue;
        Attribution& a = attributions_[i];
        a.entity = m.entity;
        a.rule = "lead_in.reported_speech";
        a.cue = cue;
        a.confidence = 0.6;
        a.set_mention(m.begin, m.end), a.cue_begin = cue_at, a.cue_end = cue_at + cue.size();  // [evidence]
        break;
      }
      // Nobody in it speaks, but its subject is a person and the quote says nothing of who
      // speaks: that person, less certainly ("Mr Negroponte has adapted the idea to his work in
      // Cambodia. “We put in 25 laptops three years ago.”"). Not after a question, which the
      // quote may answer for somebody else ("Ines Duarte asked whether the club would survive."),
      // nor after a participle that passes the word on ("…, saying the rent was too high.").
      if (attributions_[i].entity < 0 && person_subject >= 0 && text_[end - 1] == '.' &&
          !asks_or_passes_on(begin, end) && stands_alone(i)) {
        Attribution& a = attributions_[i];
        a.entity = person_subject;
        a.rule = "lead_in.subject";
        a.confidence = 0.5;
        a.set_mention(subject_mention->begin, subject_mention->end);  // [evidence]
      }
    }
  }

  // Whether the words of text_[begin, end) have a speech verb that asks ("asked", "asks") or a
  // speech verb's participle ("saying", "adding").
  bool asks_or_passes_on(std::size_t begin, std::size_t end) const {
    for (std::size_t pos = begin; pos < end;) {
      std::size_t w = pos;
      while (w < end && text_[w] >= 'a' && text_[w] <= 'z') ++w;
      if (w > pos) {
        const std::string word = text_.substr(pos, w - pos);
        if (lex_.speech_verb_forms.count(word) && (word.rfind("ask", 0) == 0 || is_participle(word))) return true;
      }
      pos = w + 1;
    }
    return false;
  }

  // Whether quote i ends its sentence with nothing after it that says who spoke: a new sentence
  // or the paragraph's end follows, not "…?” he asked" nor "….” Mr Tanzi's statement said.",
  // and no attribution of its own names somebody.
  bool stands_alone(std::size_t i) const {
    const QuoteSpan& q = spans_[i];
    std::size_t last = q.end;
    while (last > q.begin && text_[last - 1] == ' ') --last;
    if (last == q.begin || (text_[last - 1] != '.' && text_[last - 1] != '!' && text_[last - 1] != '?')) return false;
    std::size_t before_begin, after_end;
    context_bounds(i, &before_begin, &after_end);
    std::size_t next = q.close_end;
    while (next < after_end && text_[next] == ' ') ++next;
    if (next < after_end && text_[next] != '\n' && text_[next] != '\r') {
      const char32_t c = cp_at(text_, next);
      if (!is_upper_cp(c) && !is_quote_mark_cp(c)) return false;
      if (is_upper_cp(c) && attribution_sentence_end(next, q.paragraph_end) != std::string::npos) return false;
    }
    return !has_own_speaker(i);
  }

  // Whether the words before `pos` (in the sentence from `begin`) end a clause, so that what
  // starts at `pos` is a new subject: "…, but Ms Milanesi said", "…; Mr Reid said".
  bool opens_clause(std::size_t begin, std::size_t pos) const {
    std::size_t end = pos;
    while (end > begin && text_[end - 1] == ' ') --end;
    if (end > begin && (text_[end - 1] == ';' || text_[end - 1] == ':')) return true;
    std::size_t start = end;
    while (start > begin && text_[start - 1] >= 'a' && text_[start - 1] <= 'z') --start;
    const std::string_view word = std::string_view(text_).substr(start, end - start);
    return word == "but" || word == "while" || word == "whereas" || word == "although" || word == "though";
  }

  // Whether a speech verb follows the subject ending at `from` (right after it or after an
  // apposition between commas, with at most two words before it: "has said", "also told"), with
  // words reported after it before `end`: "Dan Jolin, reviews editor of Empire, says classic
  // shows have a built-in audience". Not "asked" (a question is not what the quote goes on with)
  // and not a participle.
  // `cue_at` gets where the cue starts ([evidence]).
  bool reports_speech(std::size_t from, std::size_t end, std::string* cue, std::size_t* cue_at) const {
    std::size_t pos = from;
    while (pos < end && text_[pos] == ' ') ++pos;
    if (pos < end && text_[pos] == ',') {
      const std::size_t close = text_.find(',', pos + 1);
      if (close == std::string::npos || close >= end || close - pos > 150) return false;
      pos = close + 1;
    }
    std::string previous;
    for (int words = 0; words < 3 && pos < end; ++words) {
      while (pos < end && text_[pos] == ' ') ++pos;
      std::size_t w = pos;
      while (w < end && (text_[w] >= 'a' && text_[w] <= 'z')) ++w;
      if (w == pos || (w < end && text_[w] != ' ')) return false;  // only plain lower-case words
      const std::string word = text_.substr(pos, w - pos);
      pos = w;
      if (!lex_.speech_verb_forms.count(word)) {
        previous = word;
        continue;
      }
      // "Dr Fox was asked if …": who was asked is who answers.
      const bool asked = word.rfind("ask", 0) == 0 && !(previous == "was" || previous == "were" || previous == "been");
      if (asked || is_participle(word)) return false;
      std::size_t reported = 0;  // words after the verb
      for (std::size_t k = pos; k + 1 < end; ++k)
        if (text_[k] == ' ' && text_[k + 1] != ' ') ++reported;
      *cue = word;
      *cue_at = w - word.size();
      return reported >= 3;
    }
    return false;
  }

  // Headlines quote without a speech verb: "Ryan: ‘No Place’ for Hate", "Calderon calls the
  // wall ‘stupid’". An unattributed quote in the headline is the words of the person the
  // headline names first, before the quote; none when it names a person only later or none.
  void headline_speakers() {
    for (std::size_t i = 0; i < spans_.size() && spans_[i].in_headline; ++i) {
      if (attributions_[i].entity >= 0) continue;
      const auto first = std::lower_bound(mentions_.begin(), mentions_.end(), spans_[i].paragraph_begin,
                                          [](const Mention& m, std::size_t pos) { return m.begin < pos; });
      if (first == mentions_.end() || first->begin >= spans_[i].open || first->entity < 0 ||
          entities_[first->entity].kind != PhraseKind::Person)
        continue;
      attributions_[i].entity = first->entity;
      attributions_[i].rule = "headline.subject";
      attributions_[i].confidence = 0.6;
      attributions_[i].set_mention(first->begin, first->end);  // [evidence]
    }
  }

  // "Merkel heralded the deal as a “breakthrough.”", "Paul Ryan worried that the safety net
  // was becoming “a hammock …”": a fragment woven into a sentence with no speech verb is most
  // often the words of the sentence's subject, the person or unnamed source it opens with
  // before the quote. Not a title (“The Five”), which nobody is found to say.
  void clause_subject_speakers() {
    for (std::size_t i = 0; i < spans_.size(); ++i) {
      const QuoteSpan& q = spans_[i];
      if (attributions_[i].entity >= 0 || q.in_headline || !is_partial(i) || names_a_title(q)) continue;
      const std::size_t s = std::max(sentence_start(q.open), q.paragraph_begin);
      auto m = std::lower_bound(mentions_.begin(), mentions_.end(), s,
                                [](const Mention& mention, std::size_t pos) { return mention.begin < pos; });
      for (; m != mentions_.end() && m->begin < q.open; ++m) {
        if (!m->subject || m->entity < 0) continue;
        if (entities_[m->entity].kind == PhraseKind::Organization) break;
        attributions_[i].entity = m->entity;
        attributions_[i].rule = "clause.subject";
        attributions_[i].confidence = 0.6;  // 0.62 of them right on the PolNeAR dev set
        attributions_[i].set_mention(m->begin, m->end);  // [evidence]
        break;
      }
    }
  }

  bool mention_between(std::size_t begin, std::size_t end) const {
    const auto it = std::lower_bound(mentions_.begin(), mentions_.end(), begin,
                                     [](const Mention& m, std::size_t pos) { return m.begin < pos; });
    return it != mentions_.end() && it->begin < end;
  }

  bool is_previous_paragraph(const QuoteSpan& prev, const QuoteSpan& q) const {
    for (std::size_t i = prev.paragraph_end; i < q.paragraph_begin; ++i)
      if (!is_space_cp(static_cast<unsigned char>(text_[i]))) return false;
    return true;
  }

  // ---- output ------------------------------------------------------------------------------
  void emit() {
    std::size_t byte = 0, cp = 0;  // running position for byte -> code point offsets
    std::size_t evidence_byte = 0, evidence_cp = 0;  // [evidence] the last mention or cue converted
    auto to_cp = [&](std::size_t target) {
      cp += count_code_points(text_, byte, target);
      byte = target;
      return cp;
    };
    out_.quotes.reserve(spans_.size());
    for (std::size_t i = 0; i < spans_.size(); ++i) {
      const QuoteSpan& q = spans_[i];
      if (q.end <= q.begin) continue;
      if (attributions_[i].entity < 0 ? !is_speech_without_speaker(q) : is_title_after_cue(q)) continue;
      Quote out;
      out.begin = q.begin;
      out.end = q.end;
      out.start = to_cp(q.begin);
      out.stop = to_cp(q.end);
      out.text = text_.substr(q.begin, q.end - q.begin);
      const auto [context_begin, context_end] = context_of(q);
      out.context = text_.substr(context_begin, context_end - context_begin);
      out.context_start = out.start - count_code_points(text_, context_begin, q.begin);
      out.partial = is_partial(i);
      const Attribution& a = attributions_[i];
      // [evidence] A byte offset in code points, counted from the quote's start or the last one
      // converted, whichever is nearer (the running to_cp() only goes forward; a mention may
      // stand before the quote, and a run of continuations shares one far back).
      const auto cp_of = [&](std::size_t at) {
        const auto distance = [](std::size_t x, std::size_t y) { return x < y ? y - x : x - y; };
        const bool from_last = distance(at, evidence_byte) < distance(at, q.begin);
        const std::size_t from = from_last ? evidence_byte : q.begin, from_cp = from_last ? evidence_cp : out.start;
        evidence_cp = at <= from ? from_cp - count_code_points(text_, at, from) : from_cp + count_code_points(text_, from, at);
        evidence_byte = at;
        return evidence_cp;
      };
      if (a.entity >= 0) {
        const Entity& e = entities_[a.entity];
        out.speaker = e.display;
        out.speaker_type = entity_type(e);
        out.gender = e.gender;
        out.role = e.role;
        out.organization = e.organization;
        if (!e.organization.empty())
          out.organization_type = is_country(e.organization) ? EntityType::Place : EntityType::Organization;
        if (e.kind == PhraseKind::Descriptor) {
          out.anonymous = true;
          out.speaker_id = "anon:" + doc_.id + ":" + e.key;  // the id whole: a_1 and a-1 are two documents
        } else if (e.kind == PhraseKind::Organization) {
          out.speaker_id = "org:" + e.key;
        } else {
          out.speaker_id = "person:" + e.key;
        }
        out.cue = a.cue;
        out.rule = a.rule;
        out.confidence = a.confidence;
        // [evidence] The mention and the cue.
        if (a.mention_begin < a.mention_end && a.mention_end <= text_.size()) {
          out.speaker_mention = text_.substr(a.mention_begin, a.mention_end - a.mention_begin);
          out.speaker_start = cp_of(a.mention_begin);
          out.speaker_stop = cp_of(a.mention_end);
        }
        if (!a.cue.empty() && a.cue_begin < a.cue_end && a.cue_end <= text_.size()) {
          out.cue_start = cp_of(a.cue_begin);
          out.cue_stop = cp_of(a.cue_end);
        }
      } else {
        out.rule = "scan.unattributed";
        out.confidence = 0.0;
      }
      {  // [evidence] The sentence(s) of the context that hold the quote and, where they stand
         // in the context, the mention and the cue: what a fact-checker cites.
        std::size_t b = q.open, e = std::max(q.close_end, q.end);
        for (const auto& [x, y] : {std::pair{a.mention_begin, a.mention_end}, std::pair{a.cue_begin, a.cue_end}})
          if (a.entity >= 0 && x < y && x >= context_begin && y <= context_end) b = std::min(b, x), e = std::max(e, y);
        b = std::max(sentence_start(b), context_begin);
        e = std::min(sentence_end(e - 1), context_end);
        while (e > b && (text_[e - 1] == ' ' || text_[e - 1] == '\t' || text_[e - 1] == '\r' || text_[e - 1] == '\n')) --e;
        out.sentences_start = cp_of(b);
        out.sentences_stop = cp_of(e);
      }
      if (is_term_in_marks(out)) continue;
      out_.quotes.push_back(std::move(out));
    }
  }

  // A name or term in quotation marks, not speech (the rule file's `terms-in-marks`): few words
  // and no attribution, or only a weak one; or a name of two or more words, none of them in
  // lower case („Morning Star“, „Shenzhou 6“, „IG Bau“), whatever stands around it.
  bool is_term_in_marks(const Quote& quote) const {
    if (rules_.term_max_words == 0) return false;
    const std::string_view quoted = quote.text;
    std::size_t words = 0;
    bool lower_case_word = false;
    for (std::size_t i = 0; i < quoted.size(); ++i) {
      if (quoted[i] == ' ' || quoted[i] == '\n' || (i > 0 && quoted[i - 1] != ' ' && quoted[i - 1] != '\n')) continue;
      ++words;
      const char32_t first = cp_at(quoted, i);
      lower_case_word |= first < 0x80 ? (first >= 'a' && first <= 'z') : (is_word_cp(first) && !is_upper_cp(first));
    }
    if (words > rules_.term_max_words) return false;
    if (words >= 2 && !lower_case_word) return true;
    return quote.speaker.empty() || quote.confidence < rules_.term_min_confidence;
  }

  // The quote's paragraph, without its indent and trailing spaces; where the paragraph runs on
  // for more than kMaxContextBytes before or after the quote, from the first sentence that
  // starts within that reach to the end of the last sentence that does.
  std::pair<std::size_t, std::size_t> context_of(const QuoteSpan& q) const {
    std::size_t begin = q.paragraph_begin, end = std::max(q.paragraph_end, q.close_end);
    if (q.open > begin + kMaxContextBytes) {
      const std::size_t reach = q.open - kMaxContextBytes;
      const auto first = std::lower_bound(sentence_starts_.begin(), sentence_starts_.end(), reach);
      begin = first != sentence_starts_.end() && *first <= q.open ? *first : q.open;
    }
    if (end > q.close_end + kMaxContextBytes)
      end = std::min(end, std::max(sentence_end(q.close_end + kMaxContextBytes), q.close_end));
    while (begin < q.open && (text_[begin] == ' ' || text_[begin] == '\t')) ++begin;
    while (end > q.close_end && (text_[end - 1] == ' ' || text_[end - 1] == '\t' || text_[end - 1] == '\r' ||
                                 text_[end - 1] == '\n'))
      --end;
    return {begin, end};
  }

  // "Trump said" in an article that names "Donald Trump" only where nobody speaks: a person
  // known by the surname alone takes the document's full name, when the text writes the
  // surname after exactly one known given name or rank ("Lord Nicholls"), of a gender that
  // does not conflict.
  void complete_surnames() {
    auto gender_of = [&](const std::string& word) -> char {
      if (const auto first = lex_.first_names.find(word); first != lex_.first_names.end()) return first->second;
      if (lex_.ranks.count(word)) return lex_.honorifics.at(word) == '-' ? 0 : lex_.honorifics.at(word);
      return '?';  // neither
    };
    for (Entity& e : entities_) {
      if (e.kind != PhraseKind::Person || e.name.size() != 1) continue;
      const std::string& surname = e.name.front();
      std::string given;
      bool several = false;
      for (std::size_t at = text_.find(surname); at != std::string::npos && !several;
           at = text_.find(surname, at + 1)) {
        const std::size_t end = at + surname.size();
        if (at < 2 || text_[at - 1] != ' ' || (end < text_.size() && is_ascii_alnum(text_[end]))) continue;
        std::size_t b = at - 1;
        while (b > 0 && !is_space_cp(static_cast<unsigned char>(text_[b - 1]))) --b;
        const std::string word = text_.substr(b, at - 1 - b);
        const char g = gender_of(word);
        if (g == '?' || (e.gender && g && g != e.gender)) continue;
        if (given.empty()) given = word;
        else several = given != word;
      }
      if (given.empty() || several) continue;
      e.name = {given, surname};
      e.display = join_words(e.name);
      e.key = normalise_key(e.display);
      if (!e.gender) e.gender = gender_of(given);
    }
  }

  // What the entity is, for the outputs. A lone capitalised word is a person only with evidence
  // that it names one: a title, an honorific, a gender (from "Mr", "he", a given name).
  EntityType entity_type(const Entity& e) const {
    switch (e.kind) {
      case PhraseKind::Descriptor:
        return e.written ? EntityType::WrittenSource : e.plural ? EntityType::Group : EntityType::UnnamedSource;
      case PhraseKind::Organization: return is_country(e.organization) ? EntityType::Place : EntityType::Organization;
      case PhraseKind::Person:
        return e.name.size() >= 2 || !e.role.empty() || e.gender || e.honorific ? EntityType::Person : EntityType::Name;
      default: return EntityType::None;
    }
  }

  // A full quote starts a sentence of speech: capitalised, and opening its sentence or
  // following a colon or comma ("Blinken said: “…"). Everything else is woven in.
  bool is_partial(std::size_t i) const {
    const QuoteSpan& q = spans_[i];
    if (q.continues_previous) return false;
    const char32_t first = cp_at(text_, q.begin);
    if (!is_upper_cp(first) && !(first >= '0' && first <= '9')) return true;
    std::size_t j = q.open;
    while (j > q.paragraph_begin && text_[j - 1] == ' ') --j;
    if (j == q.paragraph_begin || j <= sentence_start(q.open)) return false;
    const char prev = text_[j - 1];
    return !(prev == ':' || prev == ',' || prev == '.' || prev == '!' || prev == '?');
  }

  void warn(const std::string& message) {
    if (std::find(out_.warnings.begin(), out_.warnings.end(), message) == out_.warnings.end())
      out_.warnings.push_back(message);
  }

  const Lexicon& lex_;
  const RuleSet& rules_;
  const ScanOptions& scan_;
  const Document& doc_;
  const std::string& text_;
  MatchScratch& scratch_;
  PhraseCache& phrases_;
  DocumentQuotes& out_;
  std::size_t long_mention_budget_ = kLongMentionBudgetFactor * text_.size();  // bytes, see match_mention
  std::vector<QuoteSpan> spans_;
  std::vector<std::size_t> sentence_starts_;
  std::vector<Mention> mentions_;
  std::vector<std::pair<std::size_t, int>> organization_subjects_;  // position, entity
  std::vector<Entity> entities_;
  std::vector<Attribution> attributions_;
};

}  // namespace

std::string normalise_key(std::string_view name) {
  // Outside ASCII, the name is first written in ASCII (accents folded, other scripts
  // transliterated), so that "Łukasz" and "Lukasz", "Сергей" and "Sergej" share a key.
  const bool ascii = std::all_of(name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  std::string transliterated;
  if (!ascii) name = transliterated = ascii_transliteration(name);
  std::string key;
  bool dash = false;
  for (const char byte : name) {
    const unsigned char c = static_cast<unsigned char>(byte);
    char folded = '-';
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) folded = static_cast<char>(c);
    else if (c >= 'A' && c <= 'Z') folded = static_cast<char>(c - 'A' + 'a');
    else if (c == '\'') continue;  // O'Brien -> obrien
    if (folded == '-') {
      dash = !key.empty();
    } else {
      if (dash) key += '-';
      dash = false;
      key += folded;
    }
  }
  return key;
}

Extractor::Extractor() : impl_(std::make_unique<Impl>()) {}
Extractor::~Extractor() = default;

namespace {

bool load_pack(const ExtractorOptions& options, const std::string& language, LanguagePack& pack,
               std::string* error) {
  pack.language = language;
  if (embedded_data(language + "/rules.txt").empty()) {
    if (error) *error = "no language pack '" + language + "' (built in: en, de, or auto)";
    return false;
  }
  if (!pack.lexicon.load(options.lexicon_dir, language, error)) return false;
  std::string rules_text;
  // English keeps its error messages' file name ("rules.txt:12: ...").
  std::string rules_name = language == "en" ? "rules.txt" : language + "/rules.txt";
  if (!options.rules_file.empty()) {
    std::ifstream in(options.rules_file, std::ios::binary);
    std::ostringstream buffer;
    if (!in || !(buffer << in.rdbuf())) {
      if (error) *error = options.rules_file + ": cannot read rule file";
      return false;
    }
    rules_text = buffer.str();
    rules_name = options.rules_file;
  } else {
    rules_text = std::string(embedded_data(language + "/rules.txt"));
  }
  return pack.rules.load(rules_text, rules_name, pack.lexicon, error);
}

}  // namespace

std::unique_ptr<Extractor> Extractor::create(const ExtractorOptions& options, std::string* error) {
  std::unique_ptr<Extractor> extractor(new Extractor());
  Impl& impl = *extractor->impl_;
  const std::vector<std::string> languages =
      options.language == "auto" ? std::vector<std::string>{"en", "de"} : std::vector<std::string>{options.language};
  for (const std::string& language : languages) {
    impl.packs.push_back(std::make_unique<LanguagePack>());
    if (!load_pack(options, language, *impl.packs.back(), error)) return nullptr;
  }
  return extractor;
}

void Extractor::extract(const Document& document, DocumentQuotes& out) const {
  out.clear();
  const LanguagePack* pack = impl_->packs.front().get();
  if (impl_->packs.size() > 1) {
    const std::string_view language = detect_language(document.text);
    for (const auto& p : impl_->packs)
      if (p->language == language) pack = p.get();
  }
  out.language = pack->language;
  thread_local MatchScratch scratch;
  thread_local PhraseCache phrases;
  phrases.start_document(pack->id);
  DocumentRun(pack->lexicon, pack->rules, impl_->scan, document, scratch, phrases, out).run();
}

std::string_view builtin_data_file(std::string_view name) {
  // A name without a folder is English's ("rules.txt" = "en/rules.txt"), as before languages.
  if (name.find('/') == std::string_view::npos) return embedded_data("en/" + std::string(name));
  return embedded_data(name);
}

std::string_view detect_language(std::string_view text) {
  // Cheap evidence from the first 4 KB: frequent function words of each language, and the
  // German opening mark „ (U+201E) or »; German wins only with more evidence than English.
  const std::string_view sample = text.substr(0, 4096);
  static constexpr std::string_view kGerman[] = {"der", "die", "das", "und", "nicht", "ist", "ein", "eine",
                                                 "mit", "sich", "auf", "für", "dem", "den", "von", "zu"};
  static constexpr std::string_view kEnglish[] = {"the", "and", "of", "to", "is", "that", "with", "for",
                                                  "was", "on", "it", "he", "she", "said", "by", "from"};
  int german = 0, english = 0;
  std::size_t i = 0;
  while (i < sample.size()) {
    while (i < sample.size() && !std::isalpha(static_cast<unsigned char>(sample[i]))) {
      if (sample.compare(i, 3, "\xE2\x80\x9E") == 0 || sample.compare(i, 2, "\xC2\xBB") == 0) german += 2;
      ++i;
    }
    std::size_t j = i;
    while (j < sample.size() && (std::isalpha(static_cast<unsigned char>(sample[j])) || (sample[j] & 0x80))) ++j;
    const std::string word = to_lower_ascii(sample.substr(i, j - i));
    for (const std::string_view w : kGerman) german += word == w;
    for (const std::string_view w : kEnglish) english += word == w;
    i = j;
  }
  return german > english ? "de" : "en";
}

std::string quote_id(const std::string& document_id, std::size_t start, std::size_t end) {
  // FNV-1a over "doc\0start\0end": stable across runs, machines and shard orders.
  std::uint64_t h = fnv1a_hash64({});
  for (const std::string& part : {document_id, std::to_string(start), std::to_string(end)})
    h = fnv1a_hash64(std::string_view("\0", 1), fnv1a_hash64(part, h));
  char buffer[24];
  std::snprintf(buffer, sizeof buffer, "q%016llx", static_cast<unsigned long long>(h));
  return buffer;
}


}  // namespace quotegraph
