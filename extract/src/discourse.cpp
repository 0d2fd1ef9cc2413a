// Passes over several sentences for quotes no rule attributed: headlines, lead-ins,
// continuations, and a clause's subject.
#include "passes.h"

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "chars.h"

namespace quotegraph::detail {

// Whether a full quote comes with an attribution of its own that no rule could resolve and
// that names somebody new: "“…,” one trader told Reuters", "“…,” said its chairman", "A
// Treasury source said: “…”" — a speech verb next to the quote whose subject is a name, or
// starts with an indefinite determiner or "its". Such a quote is not the previous
// speaker's. A pronoun, "the youngster" or "his son" may well be the previous speaker: not
// counted.
static bool has_own_speaker(const PassContext& cx, const DocumentAnalysis& doc, std::size_t i) {
  if (is_partial(doc, i)) return false;
  std::size_t before_begin, after_end;
  context_bounds(cx, doc, i, &before_begin, &after_end);
  const QuoteSpan& q = doc.spans[i];
  struct Word { std::size_t begin; std::string lower; };
  auto words_of = [&](std::size_t from, std::size_t to) {
    std::vector<Word> words;
    std::size_t pos = from;
    while (pos < to) {
      while (pos < to && !is_ascii_alnum(static_cast<unsigned char>(doc.text[pos]))) ++pos;
      std::size_t end = pos;
      while (end < to && (is_ascii_alnum(static_cast<unsigned char>(doc.text[end])) || doc.text[end] == '-')) ++end;
      if (end > pos) words.push_back({pos, to_lower_ascii(std::string_view(doc.text).substr(pos, end - pos))});
      pos = end;
    }
    return words;
  };
  auto is_cue = [&](const Word& w) {
    return cx.lex.speech_verb_forms.count(w.lower) && !is_participle(cx.lex, w.lower);
  };
  auto introduces_somebody = [&](const Word& first) {
    return is_upper_cp(cp_at(doc.text, first.begin)) ? !cx.lex.known_source_starts.count(first.lower)
                                                     : cx.lex.new_source_starts.count(first.lower) > 0;
  };
  if (after_context_usable(cx, doc, q, after_end)) {
    const std::vector<Word> after = words_of(q.close_end, after_end);
    if (after.size() >= 2 && is_cue(after[0])) return introduces_somebody(after[1]);  // "said its chairman"
    for (std::size_t k = 1; k < after.size() && k <= 4; ++k)  // "one trader told Reuters"
      if (is_cue(after[k])) return introduces_somebody(after[0]);
    return false;
  }
  // "One trader told Reuters: “…”": a short sentence of its own before the colon.
  std::size_t end = q.open;
  while (end > before_begin && doc.text[end - 1] == ' ') --end;
  if (end == before_begin || doc.text[end - 1] != ':') return false;
  const std::vector<Word> before = words_of(before_begin, end);
  if (before.size() < 2 || before.size() > 6) return false;
  for (std::size_t k = 1; k < before.size() && k <= 4; ++k)
    if (is_cue(before[k])) return introduces_somebody(before[0]);
  return false;
}

// Gives attribution `a` to the entity mention `m` names, by `rule`, pointing at the mention.
static void attribute_to(Attribution& a, const Mention& m, const char* rule, double confidence) {
  a.entity = m.entity;
  a.rule = rule;
  a.confidence = confidence;
  a.set_mention(m.begin, m.end);
}

// Whom the text between quotes i-1 and i presents as a sentence's subject after the previous
// speaker was last named, when that is somebody else ("„…“, sagte Seibert in Berlin. Später
// sagte Bundeskanzlerin Angela Merkel vor der Presse, Benedikt XVI. „ist und bleibt …“";
// "Klose nannte ihn „überzogen“, Bundestrainer Joachim Löw bezeichnete sie als „übertrieben“"):
// the quote is more likely theirs than the previous speaker's. Null when there is none.
static const Mention* new_subject_between(const DocumentAnalysis& doc, std::size_t i) {
  const Attribution& previous = doc.attributions[i - 1];
  const Mention* other = nullptr;
  auto m = first_mention_from(doc, doc.spans[i - 1].close_end);
  for (; m != doc.mentions.end() && m->begin < doc.spans[i].open; ++m) {
    if (m->begin == previous.mention_begin || (m->entity >= 0 && m->entity == previous.entity))
      other = nullptr;  // "„…“, sagte er. „…“": the previous speaker again
    else if (m->subject && m->entity >= 0)
      other = &*m;
  }
  return other;
}

// Quotes with no attribution of their own continue the speaker before them: the second half
// of an interrupted quote ("A," she said. "B."), the next paragraph of a quote, and a quote
// that opens the paragraph right after one that was attributed.
void continue_speakers(const PassContext& cx, DocumentAnalysis& doc) {
  for (std::size_t i = 1; i < doc.spans.size(); ++i) {
    if (doc.attributions[i].entity >= 0 || doc.attributions[i - 1].entity < 0) continue;
    if (!doc.spans[i].continues_previous && has_own_speaker(cx, doc, i)) continue;
    const QuoteSpan& q = doc.spans[i];
    const QuoteSpan& prev = doc.spans[i - 1];
    const char* rule = nullptr;
    double confidence = 0;
    if (q.continues_previous) {
      rule = "continuation.paragraph", confidence = 0.9;
    } else if (prev.paragraph_begin == q.paragraph_begin) {
      // A fragment woven into a later sentence that names somebody before it is as often
      // that person's words, or a scare quote, as the previous speaker's: kept, but with a
      // confidence that says so ("But “the Americans were much more reticent.”" keeps 0.92: the
      // share of the others that were right on the PolNeAR dev set, 1,553 quotes).
      const std::size_t s = sentence_start(doc, q.open);
      const bool fragment_after_a_name = is_partial(doc, i) && s > prev.open && mention_between(doc, s, q.open);
      rule = "continuation.interrupted", confidence = fragment_after_a_name ? 0.55 : 0.92;
    } else if (paragraph_open(doc, q) == q.open && prev.paragraph_end < q.paragraph_begin &&
               is_previous_paragraph(doc, prev, q)) {
      rule = "continuation.next_paragraph", confidence = 0.7;
    }
    if (!rule) continue;
    if (const Mention* other = q.continues_previous ? nullptr : new_subject_between(doc, i)) {
      // Right for 4 of 6 on the German dev set, 13 of 23 on PolNeAR dev.
      attribute_to(doc.attributions[i], *other, "continuation.new_subject", 0.6);
      continue;
    }
    doc.attributions[i] = doc.attributions[i - 1];
    doc.attributions[i].rule = rule;
    doc.attributions[i].clear_cue();  // the cue's offsets too
    doc.attributions[i].confidence = std::min(doc.attributions[i - 1].confidence, confidence);
  }
  // A quote carried over from the previous paragraph gets the speaker named at its end.
  for (std::size_t i = doc.spans.size() - 1; i > 0; --i) {
    if (doc.spans[i].continues_previous && doc.attributions[i - 1].entity < 0 && doc.attributions[i].entity >= 0) {
      doc.attributions[i - 1] = doc.attributions[i];
      doc.attributions[i - 1].rule = "continuation.paragraph";
    }
  }
}

// Whether the words of doc.text[begin, end) have a speech verb that asks ("asked", "asks") or a
// speech verb's participle ("saying", "adding").
static bool asks_or_passes_on(const PassContext& cx, const DocumentAnalysis& doc, std::size_t begin, std::size_t end) {
  for (std::size_t pos = begin; pos < end;) {
    std::size_t w = pos;
    while (w < end && doc.text[w] >= 'a' && doc.text[w] <= 'z') ++w;
    if (w > pos) {
      const std::string word = doc.text.substr(pos, w - pos);
      if (cx.lex.speech_verb_forms.count(word) && (cx.lex.asking_verbs.count(word) || is_participle(cx.lex, word)))
        return true;
    }
    pos = w + 1;
  }
  return false;
}

// Whether quote i ends its sentence with nothing after it that says who spoke: a new sentence
// or the paragraph's end follows, not "…?” he asked" nor "….” Mr Tanzi's statement said.",
// and no attribution of its own names somebody.
static bool stands_alone(const PassContext& cx, const DocumentAnalysis& doc, std::size_t i) {
  const QuoteSpan& q = doc.spans[i];
  std::size_t last = q.end;
  while (last > q.begin && doc.text[last - 1] == ' ') --last;
  if (last == q.begin || (doc.text[last - 1] != '.' && doc.text[last - 1] != '!' && doc.text[last - 1] != '?'))
    return false;
  std::size_t before_begin, after_end;
  context_bounds(cx, doc, i, &before_begin, &after_end);
  std::size_t next = q.close_end;
  while (next < after_end && doc.text[next] == ' ') ++next;
  if (next < after_end && doc.text[next] != '\n' && doc.text[next] != '\r') {
    const char32_t c = cp_at(doc.text, next);
    if (!is_upper_cp(c) && !is_quote_mark_cp(c)) return false;
    if (is_upper_cp(c) && attribution_sentence_end(cx, doc, next, q.paragraph_end) != std::string::npos) return false;
  }
  return !has_own_speaker(cx, doc, i);
}

// Whether the words before `pos` (in the sentence from `begin`) end a clause, so that what
// starts at `pos` is a new subject: "…, but Ms Milanesi said", "…; Mr Reid said".
static bool opens_clause(const Lexicon& lex, const DocumentAnalysis& doc, std::size_t begin, std::size_t pos) {
  std::size_t end = pos;
  while (end > begin && doc.text[end - 1] == ' ') --end;
  if (end > begin && (doc.text[end - 1] == ';' || doc.text[end - 1] == ':')) return true;
  std::size_t start = end;
  while (start > begin && doc.text[start - 1] >= 'a' && doc.text[start - 1] <= 'z') --start;
  const std::string_view word = std::string_view(doc.text).substr(start, end - start);
  return !word.empty() && lex.clause_openers.count(std::string(word)) > 0;
}

// Where common nouns are capitalised, a noun that names nobody may have taken a sentence's
// subject place in find_mentions ("Um die Zeit dafür zu gewinnen, will Oettinger …"): when no
// mention of doc.text[begin, end) is a subject, the first person named there with a role, a
// gender or an honorific stands for it (not "Milliarden Euro", "Deutsche Mark"). Null otherwise.
static const Mention* person_for_missing_subject(const PassContext& cx, const DocumentAnalysis& doc, std::size_t begin,
                                                 std::size_t end) {
  if (!cx.lex.nouns_capitalised) return nullptr;
  const Mention* person = nullptr;
  auto m = first_mention_from(doc, begin);
  for (; m != doc.mentions.end() && m->begin < end; ++m) {
    if (m->subject) return nullptr;
    if (m->entity < 0 || person) continue;
    const Entity& e = doc.entities[m->entity];
    if (e.kind == PhraseKind::Person && (!e.role.empty() || e.gender || e.honorific)) person = &*m;
  }
  return person;
}

// Whether only an article stands between the sentence start `s` and `pos`: "Die Bundesregierung hatte".
static bool opens_sentence(const Lexicon& lex, const DocumentAnalysis& doc, std::size_t s, std::size_t pos) {
  std::string_view before = std::string_view(doc.text).substr(s, pos - s);
  if (const std::size_t colon = before.rfind(':'); colon != std::string_view::npos)
    before.remove_prefix(colon + 1);  // "Europapolitik: Die SPD will …"
  while (!before.empty() && before.front() == ' ') before.remove_prefix(1);
  while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  if (before.empty()) return true;
  if (before.find(' ') != std::string_view::npos) return false;
  const std::string word = to_lower_ascii(before);
  return lex.definite_articles.count(word) || lex.determiners.count(word);
}

// The organisation that opens the sentence from `begin` (only an article before it) before
// `end`: "Die Bundesregierung hatte …", "Der BGH widersprach …"; -1 if none. `name_begin` and
// `name_end` get where its name stands.
static int organization_opening(const PassContext& cx, const DocumentAnalysis& doc, std::size_t begin, std::size_t end,
                                std::size_t* name_begin, std::size_t* name_end) {
  for (const auto& [pos, entity] : doc.organization_subjects) {
    if (pos < begin || !opens_sentence(cx.lex, doc, begin, pos)) continue;
    if (pos >= end) break;
    // Its name as written there (the entity's may be a fuller one): the capitalised words
    // after the article.
    std::size_t at = pos;
    while (at < end && doc.text[at] != ' ') ++at;
    if (at == end || !opens_sentence(cx.lex, doc, begin, at)) at = pos;  // no article
    while (at < end && doc.text[at] == ' ') ++at;
    std::size_t stop = at;  // the end of the last capitalised word
    for (std::size_t w = at; w < end && is_upper_cp(cp_at(doc.text, w));) {
      while (w < end && doc.text[w] != ' ' && doc.text[w] != ',' && doc.text[w] != ':' && doc.text[w] != ';' &&
             doc.text[w] != '.')
        ++w;
      stop = w;
      if (w == end || doc.text[w] != ' ') break;
      ++w;
    }
    if (stop <= at) continue;
    *name_begin = at, *name_end = stop;
    return entity;
  }
  return -1;
}

// Whether a speech verb follows the subject ending at `from` (right after it or after an
// apposition between commas, with at most two words before it: "has said", "also told"), with
// words reported after it before `end`: "Dan Jolin, reviews editor of Empire, says classic
// shows have a built-in audience". Not "asked" (a question is not what the quote goes on with)
// and not a participle. `cue_at` gets where the cue starts.
static bool reports_speech(const PassContext& cx, const DocumentAnalysis& doc, std::size_t from, std::size_t end, std::string* cue,
                           std::size_t* cue_at) {
  std::size_t pos = from;
  while (pos < end && doc.text[pos] == ' ') ++pos;
  if (pos < end && doc.text[pos] == ',') {
    const std::size_t close = doc.text.find(',', pos + 1);
    if (close == std::string::npos || close >= end || close - pos > 150) return false;
    pos = close + 1;
  }
  std::string previous;
  for (int words = 0; words < 3 && pos < end; ++words) {
    while (pos < end && doc.text[pos] == ' ') ++pos;
    std::size_t w = pos;
    while (w < end && (doc.text[w] >= 'a' && doc.text[w] <= 'z')) ++w;
    if (w == pos || (w < end && doc.text[w] != ' ')) return false;  // only plain lower-case words
    const std::string word = doc.text.substr(pos, w - pos);
    pos = w;
    if (!cx.lex.speech_verb_forms.count(word)) {
      previous = word;
      continue;
    }
    // "Dr Fox was asked if …": who was asked is who answers.
    const bool asked = cx.lex.asking_verbs.count(word) && !cx.lex.passive_auxiliaries.count(previous);
    if (asked || is_participle(cx.lex, word)) return false;
    std::size_t reported = 0;  // words after the verb
    for (std::size_t k = pos; k + 1 < end; ++k)
      if (doc.text[k] == ' ' && doc.text[k + 1] != ' ') ++reported;
    *cue = word;
    *cue_at = w - word.size();
    return reported >= 3;
  }
  return false;
}

// "Mr Herren says EduVision already has plans. “We plan to put a solar panel at the school.”"
// A full quote with no attribution of its own that opens a sentence (or a paragraph) right
// after a sentence, free of quotation marks, in which somebody says something in reported
// speech, is theirs: the quote goes on with what they were saying.
void lead_in_speakers(const PassContext& cx, DocumentAnalysis& doc) {
  for (std::size_t i = 0; i < doc.spans.size(); ++i) {
    const QuoteSpan& q = doc.spans[i];
    if (doc.attributions[i].entity >= 0 || q.continues_previous || is_partial(doc, i)) continue;
    std::size_t end = q.open;
    while (end > 0 && is_space_cp(static_cast<unsigned char>(doc.text[end - 1]))) --end;
    if (end == 0 || (doc.text[end - 1] != '.' && doc.text[end - 1] != '!' && doc.text[end - 1] != '?')) continue;
    const std::size_t begin = sentence_start(doc, end - 1);
    if (i > 0 && doc.spans[i - 1].close_end > begin) continue;  // a quote in that sentence: continuations decide
    // The first person the sentence has reporting speech: its subject, or a later one ("Sales
    // rose, but Ms Milanesi said it was difficult to say").
    int person_subject = -1;
    const Mention* subject_mention = nullptr;  // person_subject's mention
    for (const Mention& m : doc.mentions) {
      if (m.begin < begin || m.entity < 0) continue;
      if (m.begin >= end) break;
      const Entity& e = doc.entities[m.entity];
      if (e.kind == PhraseKind::Organization || e.written) {
        if (m.subject) break;
        continue;
      }
      if (m.subject && person_subject < 0) person_subject = m.entity, subject_mention = &m;
      if (!m.subject && !opens_clause(cx.lex, doc, begin, m.begin)) continue;
      std::string cue;
      std::size_t cue_at = 0;
      if (!reports_speech(cx, doc, m.end, end, &cue, &cue_at)) continue;
      Attribution& a = doc.attributions[i];
      a.entity = m.entity;
      a.rule = "lead_in.reported_speech";
      a.cue = cue;
      a.confidence = 0.6;
      a.set_mention(m.begin, m.end), a.cue_begin = cue_at, a.cue_end = cue_at + cue.size();
      break;
    }
    // A quote after an attributed one of its paragraph is left to the continuations.
    if (person_subject < 0 && !(i > 0 && doc.spans[i - 1].paragraph_begin == q.paragraph_begin &&
                                doc.attributions[i - 1].entity >= 0))
      if (const Mention* person = person_for_missing_subject(cx, doc, begin, end))
        person_subject = person->entity, subject_mention = person;
    // Nobody in it speaks, but its subject is a person and the quote says nothing of who
    // speaks: that person, less certainly ("Mr Negroponte has adapted the idea to his work in
    // Cambodia. “We put in 25 laptops three years ago.”"). Not after a question, which the
    // quote may answer for somebody else ("Ines Duarte asked whether the club would survive."),
    // nor after a participle that passes the word on ("…, saying the rent was too high.").
    if (doc.attributions[i].entity < 0 && person_subject >= 0 && doc.text[end - 1] == '.' &&
        !asks_or_passes_on(cx, doc, begin, end) && stands_alone(cx, doc, i)) {
      Attribution& a = doc.attributions[i];
      a.entity = person_subject;
      a.rule = "lead_in.subject";
      a.confidence = 0.55;  // 0.67 of them right on the PolNeAR dev set (42 quotes)
      a.set_mention(subject_mention->begin, subject_mention->end);
    }
  }
}

// Headlines quote without a speech verb: "Ryan: ‘No Place’ for Hate", "Calderon calls the
// wall ‘stupid’". An unattributed quote in the headline is the words of the person the
// headline names first, before the quote; none when it names a person only later or none.
void headline_speakers(const PassContext& /*cx*/, DocumentAnalysis& doc) {
  for (std::size_t i = 0; i < doc.spans.size() && doc.spans[i].in_headline; ++i) {
    if (doc.attributions[i].entity >= 0) continue;
    const auto first = first_mention_from(doc, doc.spans[i].paragraph_begin);
    if (first == doc.mentions.end() || first->begin >= doc.spans[i].open || first->entity < 0 ||
        doc.entities[first->entity].kind != PhraseKind::Person)
      continue;
    attribute_to(doc.attributions[i], *first, "headline.subject", 0.6);
  }
}

// "Ministerin Roth nahm zu der Frage Stellung. Jeder Lehrer könne „die Stunden nachholen“": a
// fragment in a sentence of reported speech (a word of the language's reported_speech_word
// outside the marks) whose subject clause_subject_speakers did not find goes on with the
// previous sentence's subject, a person, when no quote stands in that sentence.
static const Mention* reported_speech_goes_on(const PassContext& cx, const DocumentAnalysis& doc, std::size_t i,
                                              std::size_t s) {
  const QuoteSpan& q = doc.spans[i];
  if (s <= q.paragraph_begin) return nullptr;  // the paragraph's first sentence
  const std::size_t end = std::min(sentence_end(doc, q.close_end), std::max(q.paragraph_end, q.close_end));
  if (!has_word_between(cx.lex.reported_speech_words, doc.text, s, q.open) &&
      !has_word_between(cx.lex.reported_speech_words, doc.text, q.close_end, end))
    return nullptr;
  const std::size_t previous = sentence_start(doc, s - 1);
  if (i > 0 && doc.spans[i - 1].close_end > previous) return nullptr;  // a quote there: the continuations'
  auto m = first_mention_from(doc, previous);
  for (; m != doc.mentions.end() && m->begin < s; ++m)
    if (m->subject && m->entity >= 0 && doc.entities[m->entity].kind != PhraseKind::Organization) return &*m;
  return person_for_missing_subject(cx, doc, previous, s);
}

// The last person in doc.text[begin, end) who is not its sentence's subject but opens a clause
// (after a clause_opener of the language, a semicolon or a colon) and reports speech; null if none.
static const Mention* speaker_of_a_clause(const PassContext& cx, const DocumentAnalysis& doc, std::size_t begin,
                                          std::size_t end) {
  const Mention* speaking = nullptr;
  auto m = first_mention_from(doc, begin);
  for (; m != doc.mentions.end() && m->begin < end; ++m) {
    if (m->subject || m->entity < 0) continue;
    const Entity& e = doc.entities[m->entity];
    if (e.kind == PhraseKind::Organization || e.written || !opens_clause(cx.lex, doc, begin, m->begin)) continue;
    std::string cue;
    std::size_t cue_at = 0;
    if (reports_speech(cx, doc, m->end, end, &cue, &cue_at)) speaking = &*m;
  }
  return speaking;
}

// Whether quote q opens right after a colon in its paragraph: "Dabei griff sie den Plan an: „…“".
static bool after_colon(const DocumentAnalysis& doc, const QuoteSpan& q) {
  std::size_t j = q.open;
  while (j > q.paragraph_begin && doc.text[j - 1] == ' ') --j;
  return j > q.paragraph_begin && doc.text[j - 1] == ':';
}

// "Merkel heralded the deal as a “breakthrough.”", "Paul Ryan worried that the safety net
// was becoming “a hammock …”": a fragment woven into a sentence with no speech verb is most
// often the words of the sentence's subject, the person or unnamed source it opens with
// before the quote; and so is a full quote its sentence introduces with a colon ("Dabei griff
// sie den Plan scharf an: „…“"). Not a title (“The Five”), which nobody is found to say.
void clause_subject_speakers(const PassContext& cx, DocumentAnalysis& doc) {
  for (std::size_t i = 0; i < doc.spans.size(); ++i) {
    const QuoteSpan& q = doc.spans[i];
    if (doc.attributions[i].entity >= 0 || q.in_headline || names_a_title(cx, doc, q)) continue;
    if (!is_partial(doc, i) && !after_colon(doc, q)) continue;
    const std::size_t s = std::max(sentence_start(doc, q.open), q.paragraph_begin);
    // An organisation that opens the sentence before any person is its subject ("Die
    // Bundesregierung hatte den Bericht als „falsch“ zurückgewiesen").
    std::size_t org_at = q.open, org_end = q.open;
    const int organization = organization_opening(cx, doc, s, q.open, &org_at, &org_end);
    // A person who speaks in a later clause of it, opened by a conjunction ("…, zumal
    // Verteidiger Tom Vogel betont hatte, der Mann sei „harmlos“"), goes before its subject.
    if (const Mention* speaking = speaker_of_a_clause(cx, doc, s, q.open)) {
      attribute_to(doc.attributions[i], *speaking, "clause.subject", 0.6);
      continue;
    }
    for (auto m = first_mention_from(doc, s); m != doc.mentions.end() && m->begin < org_at; ++m) {
      if (!m->subject || m->entity < 0) continue;
      if (doc.entities[m->entity].kind == PhraseKind::Organization) break;
      attribute_to(doc.attributions[i], *m, "clause.subject", 0.6);  // 0.62 of them right on the PolNeAR dev set
      break;
    }
    if (doc.attributions[i].entity < 0 && organization < 0)
      if (const Mention* person = person_for_missing_subject(cx, doc, s, q.open))
        attribute_to(doc.attributions[i], *person, "clause.subject", 0.5);  // 4 of 9 right on the German dev set
    if (doc.attributions[i].entity < 0 && organization < 0)
      if (const Mention* speaker = reported_speech_goes_on(cx, doc, i, s))  // 3 of 5 right on the German dev set
        attribute_to(doc.attributions[i], *speaker, "continuation.reported_speech", 0.55);
    if (doc.attributions[i].entity >= 0 || organization < 0) continue;
    doc.attributions[i].entity = organization;
    doc.attributions[i].rule = "clause.subject";
    doc.attributions[i].confidence = 0.5;  // 5 of 11 right on PolNeAR dev and the German dev set
    doc.attributions[i].set_mention(org_at, org_end);
  }
}

}  // namespace quotegraph::detail
