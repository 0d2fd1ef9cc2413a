// Pass: attribution by the rule file's rules, each quote's context matched in the file's order.
#include "passes.h"

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "chars.h"

namespace quotegraph::detail {

// "one of them", "some of those": a phrase ending with a group reference of the language.
static bool ends_with_of_them(const Lexicon& lex, std::string_view phrase) {
  const std::string lower = to_lower_ascii(phrase);
  for (const std::string& reference : lex.group_references) {
    const std::string end = " " + reference;
    if (lower.size() > end.size() && ends_with(lower, end)) return true;
  }
  return false;
}

// "saying", "responding": a speech verb's form that introduces, not reports.
bool is_participle(const Lexicon& lex, const std::string& word) {
  for (const std::string& suffix : lex.participle_suffixes)
    if (word.size() > suffix.size() + 1 && ends_with(word, suffix))
      return true;
  return false;
}

// The end of the sentence starting at `start` when it is only an attribution: a speaker, a
// speech verb that is not a participle, and after it nothing reported — the end, whom it was
// told ("told the BBC News website") or a short adjunct ("said in a statement"); at most 14
// words and no quotation mark. "Nina Park asked." and "Paul Goosens, head of Preventon, told
// the BBC." are; "Organisers say all funds will go to charity." is not. npos otherwise.
std::size_t attribution_sentence_end(const PassContext& cx, const DocumentAnalysis& doc, std::size_t start,
                                     std::size_t paragraph_end) {
  const std::size_t end = std::min(sentence_end(doc, start), paragraph_end);
  std::size_t words = 0, after_verb = 0;
  std::string verb;
  for (std::size_t pos = start; pos < end;) {
    std::size_t len;
    const char32_t c = decode_utf8(doc.text, pos, len);
    if (is_quote_mark_cp(c) && c != 0x2019 && c != '\'') return std::string::npos;
    if (!is_word_cp(c)) {
      pos += len;
      continue;
    }
    std::size_t w = pos;
    while (w < end && is_word_cp(cp_at(doc.text, w))) {
      decode_utf8(doc.text, w, len);
      w += len;
    }
    const std::string word = doc.text.substr(pos, w - pos);
    pos = w;
    if (++words > 14) return std::string::npos;
    if (verb.empty()) {
      if (words > 1 && cx.lex.speech_verb_forms.count(word) && !is_participle(cx.lex, word))
        verb = word;
      continue;
    }
    const bool tells = cx.lex.telling_verbs.count(verb) > 0;
    if (++after_verb == 1 && !tells && !cx.lex.adjunct_starts.count(word)) return std::string::npos;
    if (after_verb > 6) return std::string::npos;
  }
  return verb.empty() ? std::string::npos : end;
}

// A short name in marks: at most four words, a capital first, no punctuation — a medium or a
// title ("„…“, schreibt die „Computerwoche“."), which ends no attribution after a quote.
static bool name_in_marks(const DocumentAnalysis& doc, const QuoteSpan& q) {
  if (!q.closed || q.end <= q.begin || q.end - q.begin > 40 || !is_upper_cp(cp_at(doc.text, q.begin))) return false;
  int words = 1;
  for (std::size_t k = q.begin; k < q.end; ++k) {
    const char c = doc.text[k];
    if (c == ' ') ++words;
    if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || words > 4) return false;
  }
  return true;
}

void context_bounds(const PassContext& cx, const DocumentAnalysis& doc, std::size_t i, std::size_t* before_begin,
                    std::size_t* after_end) {
  const QuoteSpan& q = doc.spans[i];
  std::size_t b = std::max(sentence_start(doc, q.open), q.paragraph_begin);
  if (i > 0 && doc.spans[i - 1].paragraph_begin == q.paragraph_begin) b = std::max(b, doc.spans[i - 1].close_end);
  if (q.open > kContextBytes) b = std::max(b, q.open - kContextBytes);
  *before_begin = std::min(b, q.open);
  std::size_t e = std::min(sentence_end(doc, q.close_end), q.paragraph_end);
  // “Why now?” Nina Park asked. / “…the best of both worlds.” Paul Goosens, head of Preventon,
  // told the BBC. — a quote that ends its own sentence may still be followed by a sentence
  // that is nothing but its attribution.
  const char last = q.end > q.begin ? doc.text[q.end - 1] : 0;
  if (last == '?' || last == '!' || last == '.') {
    std::size_t j = q.close_end;
    while (j < e && doc.text[j] == ' ') ++j;
    if (j == e && e < q.paragraph_end) {
      const std::size_t attribution_end = attribution_sentence_end(cx, doc, e, q.paragraph_end);
      if (attribution_end != std::string::npos) e = attribution_end;
    }
  }
  std::size_t next = i + 1;
  while (next < doc.spans.size() && doc.spans[next].open < e && name_in_marks(doc, doc.spans[next])) ++next;
  if (next < doc.spans.size() && doc.spans[next].open < e) e = doc.spans[next].open;
  e = std::min(e, q.close_end + kContextBytes);
  *after_end = std::max(e, q.close_end);
}

// Whether every word is capitalised or a name particle: "Rui Costa", "Dr John E. Kelly", not
// "who will make her comeback in the Sydney International" or "Technology and Intellectual
// Property".
static bool only_names(const Lexicon& lex, std::string_view words) {
  return every_word_capitalised(words, [&](std::string_view word) { return is_name_particle(lex, word); });
}

// "port's chief executive" -> "chief executive", "their lawyer" -> "lawyer": whose role it is
// is not part of it.
static std::string without_possessor(const Lexicon& lex, const std::string& role) {
  const std::size_t space = role.find(' ');
  if (space == std::string::npos) return role;
  const std::string first = to_lower_ascii(role.substr(0, space));
  const bool possessor = lex.possessive_determiners.count(first) > 0 || possessive_mark_size(first) > 0;
  return possessor ? role.substr(space + 1) : role;
}

namespace {

struct SpeakerMatch {
  int entity = -1;
  double certainty = 1.0;  // multiplies the rule's confidence
  bool named_in_apposition = false;  // "The port's chief executive, Rui Costa, said" (the evidence spans both)
};

}  // namespace

// Pronouns and "the diplomat" are resolved, so they are less certain than a name.
static double certainty_of(const Phrase& p) {
  if (p.kind == PhraseKind::Pronoun) return 0.9;
  if (p.kind == PhraseKind::Descriptor && p.definite) return 0.9;
  if (p.kind == PhraseKind::Person && p.name.size() == 1) return 0.95;
  return 1.0;
}

// The entity a rule's speaker group names, analysing the phrase once.
static SpeakerMatch speaker_entity(const PassContext& cx, DocumentAnalysis& doc, std::size_t begin, std::size_t end,
                                   std::size_t appos_begin, std::size_t appos_end, std::size_t quote_pos,
                                   bool confident_rule) {
  Phrase p = cx.phrases.analyse(std::string_view(doc.text).substr(begin, end - begin), cx.lex);
  if (organisation_article_at(cx.lex, doc, begin) > 0 && p.kind == PhraseKind::Person && p.role.empty() && !p.gender) {
    // "“…,” the FA said": a name with an article speaking is an organisation, unless it is
    // somebody named before ("the Oscar-nominated Owen told reporters").
    if (const int known = person_named(doc, p.name.back()); known >= 0) return {known, 0.9};
    if (!confident_rule) return {};
    p.kind = PhraseKind::Organization;  // the organisation the phrase names, else the name
    if (p.organization.empty()) p.organization = join_words(p.name);
  }
  if (p.kind == PhraseKind::None && is_calendar_word(cx.lex, std::string_view(doc.text).substr(begin, end - begin))) {
    // "“…,” May wrote on his website": Brian May, named before.
    const int known = person_named(doc, doc.text.substr(begin, end - begin));
    return known >= 0 ? SpeakerMatch{known, 0.95} : SpeakerMatch{};
  }
  if (names_a_thing(cx, doc, p, begin)) return {};
  if (starts_with_capitalised_common_word(cx, doc, p, begin)) p.name.erase(p.name.begin());
  SpeakerMatch match;
  match.certainty = certainty_of(p);
  const std::string_view appos_text = std::string_view(doc.text).substr(appos_begin, appos_end - appos_begin);
  const bool appos_is_name = appos_end > appos_begin && only_names(cx.lex, appos_text);
  if (const Mention* m = mention_at(doc, begin); m && m->entity >= 0 && m->end == end && !appos_is_name) {
    if (doc.entities[m->entity].kind != PhraseKind::Organization || confident_rule) {
      match.entity = m->entity;
      Entity& e = doc.entities[m->entity];
      const bool courtesy_role = cx.lex.honorifics.count(e.role) > 0;  // "Dr", "Prof": an apposition says more
      if (appos_end > appos_begin && e.kind == PhraseKind::Person &&
          (e.role.empty() || courtesy_role || e.organization.empty())) {
        Phrase learnt;  // "Kirsten Pfeifer from the Consumer Electronics Association told"
        analyse_apposition(std::string_view(doc.text).substr(appos_begin, appos_end - appos_begin), cx.lex, learnt);
        if (e.role.empty() || (courtesy_role && !learnt.role.empty())) e.role = learnt.role;
        if (e.organization.empty()) e.organization = learnt.organization;
        note_role(cx.lex, e, begin, learnt.role, learnt.organization);
      }
      return match;
    }
  }
  if (appos_end > appos_begin) {
    const std::string_view appos = appos_text;
    Phrase named = cx.phrases.analyse(appos, cx.lex);
    const bool a_name = named.kind == PhraseKind::Person && named.name.size() >= 2 && appos_is_name;
    // (A role with one capitalised word taken for a name counts too: "Shadow chief secretary".)
    // (So does a role whose "name" is the organisation it serves: "der Leiter der Internationalen
    // Atomenergiebehörde IAEA, Mohammed ElBaradei".)
    const bool role_first = p.kind == PhraseKind::Descriptor || p.kind == PhraseKind::Organization ||
                            (p.kind == PhraseKind::Person && !p.role.empty() &&
                             (p.name.size() == 1 || p.organization == join_words(p.name))) ||
                            (p.kind == PhraseKind::None && !p.role.empty());  // "Detective Superintendent, Mick Deats"
    if (role_first && a_name) {
      // "The port's chief executive, Rui Costa, said", "shadow chief secretary to the
      // Treasury, George Osborne, said": the role first, the name in apposition.
      if (named.role.empty()) named.role = without_possessor(cx.lex, p.role);
      if (named.organization.empty()) named.organization = p.organization;
      p = std::move(named);
      match.certainty = certainty_of(p);
      match.named_in_apposition = true;
    } else {
      analyse_apposition(appos, cx.lex, p);
    }
  }
  switch (p.kind) {
    case PhraseKind::Pronoun:
      match.entity = resolve_pronoun(doc, p.pronoun, std::min(begin, quote_pos));
      if (match.entity < 0 && p.pronoun == PronounClass::Neuter) match.entity = antecedent_of_it(cx, doc, std::min(begin, quote_pos));
      break;
    case PhraseKind::None:
      // "the firm", "the ministry" (the rule file's ORGANIZATION_NOUN): the organisation that
      // opened a sentence before, one of that kind if the noun names a kind of organisation.
      if (const std::size_t article = organisation_article_at(cx.lex, doc, begin);
          p.name.empty() && p.role.empty() && article > 0 && end - begin > article)
        match.entity =
            organization_subject_before(cx, doc, begin, doc.text.substr(begin + article, end - begin - article));
      // "one of them", "some of those": the group named last, unnamed sources or people.
      if (match.entity < 0 && ends_with_of_them(cx.lex, std::string_view(doc.text).substr(begin, end - begin)))
        match.entity = latest_entity(doc, begin, kPronounReach, false, [](const Entity& e) {
          return e.plural && !e.written && (e.kind == PhraseKind::Descriptor || e.kind == PhraseKind::Person);
        });
      if (match.entity >= 0) match.certainty = 0.9;
      break;
    case PhraseKind::Organization: match.entity = confident_rule ? entity_for(cx, doc, p, begin, true) : -1; break;
    case PhraseKind::Person:
    case PhraseKind::Descriptor: match.entity = entity_for(cx, doc, p, begin, confident_rule); break;
    default: break;
  }
  return match;
}

// A quote that ends its own sentence ("… aggressor.") is followed by a new sentence, not by
// its attribution, unless the next word is lower case ("… it?” he asked) or the sentence is
// nothing but an attribution.
bool after_context_usable(const PassContext& cx, const DocumentAnalysis& doc, const QuoteSpan& q,
                          std::size_t after_end) {
  if (!q.closed) return false;
  if (q.end > q.begin && doc.text[q.end - 1] == '.') {
    std::size_t j = q.close_end;
    while (j < after_end && doc.text[j] == ' ') ++j;
    if (j < after_end && is_upper_cp(cp_at(doc.text, j)))
      return attribution_sentence_end(cx, doc, j, q.paragraph_end) != std::string::npos;
  }
  return true;
}

static void attribute(const PassContext& cx, DocumentAnalysis& doc, std::size_t i) {
  QuoteSpan& q = doc.spans[i];
  std::size_t before_begin, after_end;
  context_bounds(cx, doc, i, &before_begin, &after_end);
  // A quote that ends its own sentence ("… aggressor.") is followed by a new sentence, not by
  // its attribution, unless the next word is lower case ("… it?” he asked).
  const bool after_usable = after_context_usable(cx, doc, q, after_end);
  // What each word list's prefilter found in each context, for the rules that share it.
  struct ContextTest { const WordSet* words; std::size_t from, to; bool passed; };
  std::vector<ContextTest> tested;
  for (const auto& rule : cx.rules.rules) {
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
    const std::string_view context = std::string_view(doc.text).substr(from, to - from);
    if (!rule.context_may_end_here(context)) continue;
    if (rule.prefilter.kind == Prefilter::Kind::Contains) {
      auto test = std::find_if(tested.begin(), tested.end(), [&](const ContextTest& t) {
        return t.words == rule.prefilter.words.get() && t.from == from && t.to == to;
      });
      if (test == tested.end())
        test = tested.insert(tested.end(),
                             {rule.prefilter.words.get(), from, to, rule.prefilter.context_may_match(context)});
      if (!test->passed) continue;
    }
    std::size_t start = 0;
    for (int attempt = 0; attempt < 4 && start < context.size(); ++attempt) {
      const MatchResult r = rule.pattern->match(context, start, cx.scratch);
      if (r == MatchResult::LimitExceeded) warn(doc, "rule " + rule.id + " stopped at its match limit");
      if (r != MatchResult::Match) break;
      const Group speaker = cx.scratch.group(rule.speaker_group);
      const Group appos = rule.appos_group >= 0 ? cx.scratch.group(rule.appos_group) : Group{};
      const Group cue = rule.cue_group >= 0 ? cx.scratch.group(rule.cue_group) : Group{};
      const SpeakerMatch found = speaker_entity(cx, doc, from + speaker.begin, from + speaker.end,
                                                appos.set ? from + appos.begin : 0, appos.set ? from + appos.end : 0,
                                                q.open, rule.confidence >= 0.9);
      if (found.entity >= 0) {
        Attribution& a = doc.attributions[i];
        a.entity = found.entity;
        a.rule = rule.id;
        a.cue = cue.set ? std::string(context.substr(cue.begin, cue.end - cue.begin)) : "";
        a.confidence = rule.confidence * found.certainty;
        // The evidence: the rule's speaker group (and the apposition that holds the name), its cue group.
        a.set_mention(from + (found.named_in_apposition ? std::min(speaker.begin, appos.begin) : speaker.begin),
                      from + (found.named_in_apposition ? std::max(speaker.end, appos.end) : speaker.end));
        if (cue.set) a.cue_begin = from + cue.begin, a.cue_end = from + cue.end;
        if (rule.context == RuleContext::Tail) {  // the attribution is not part of the quote
          std::size_t end = from + speaker.begin;
          while (end > q.begin && (doc.text[end - 1] == ' ')) --end;
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

void attribute_by_rules(const PassContext& cx, DocumentAnalysis& doc) {
  doc.attributions.assign(doc.spans.size(), Attribution{});
  for (std::size_t i = 0; i < doc.spans.size(); ++i) attribute(cx, doc, i);
}

}  // namespace quotegraph::detail
