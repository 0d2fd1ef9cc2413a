// Pass: the quotes of a document as the outputs see them (Quote), built in one place.
#include "passes.h"

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "chars.h"
#include "quotegraph/entity_id.h"

namespace quotegraph::detail {

// “The Rachel Maddow Show”, ''Access Hollywood,'', “Made in the U.S.A.”: a few words, each
// capitalised or a lower-case word of a title (the lexicon's title_words: "of", "the", "in"),
// name a work, a programme, a product or a slogan. Unattributed, such a quote is not speech.
// Headlines capitalise every word, so they are not asked.
bool names_a_title(const PassContext& cx, const DocumentAnalysis& doc, const QuoteSpan& q) {
  constexpr int kMaxTitleWords = 6;
  int words = 0;
  const bool capitalised = every_word_capitalised(
      std::string_view(doc.text).substr(q.begin, q.end - q.begin),
      [&](std::string_view word) {
        return cx.lex.title_words.count(std::string(word.substr(0, word.find_first_of(".,;:!?")))) > 0;
      },
      &words);
  return capitalised && words > 0 && words <= kMaxTitleWords;
}

// Whether a quote nobody was found for is still worth reporting as speech: not a title
// (headlines, written in title case, excepted), nor a headline's short single-quoted phrase
// (“U.S. Stonewalls Putin’s ‘Anti-Terror’ Push”) that no person in the headline says.
static bool is_speech_without_speaker(const PassContext& cx, const DocumentAnalysis& doc, const QuoteSpan& q) {
  if (!q.in_headline) return !names_a_title(cx, doc, q);
  return !q.single_marks || count_words(doc.text, q.begin, q.end) >= cx.scan.min_words_single;
}

// “Meet the Press” after "on", a possessive ("NBC's “Today”") or a word for a work ("his
// book, “An American Son”"; the lexicon's title_cues): a title, even in a sentence whose
// speaker a rule found.
static bool is_title_after_cue(const PassContext& cx, const DocumentAnalysis& doc, const QuoteSpan& q) {
  if (q.in_headline || !names_a_title(cx, doc, q)) return false;
  std::size_t end = q.open;
  while (end > q.paragraph_begin && (doc.text[end - 1] == ' ' || doc.text[end - 1] == ',')) --end;
  std::size_t begin = end;
  while (begin > q.paragraph_begin && doc.text[begin - 1] != ' ' && doc.text[begin - 1] != '\t') --begin;
  if (begin == end) return false;
  const std::string_view word = std::string_view(doc.text).substr(begin, end - begin);
  return possessive_mark_size(word) > 0 || cx.lex.title_cues.count(to_lower_ascii(word)) > 0;
}

// Whether a word of `words` stands in the text from `begin` to `end` (as written, or with its
// first letter in lower case).
bool has_word_between(const std::unordered_set<std::string>& words, const std::string& text, std::size_t begin,
                      std::size_t end) {
  for (std::size_t pos = begin; pos < end;) {
    std::size_t len;
    if (!is_word_cp(decode_utf8(text, pos, len))) {
      pos += len;
      continue;
    }
    std::size_t w = pos;
    while (w < end && is_word_cp(decode_utf8(text, w, len))) w += len;
    if (has_word(words, std::string_view(text).substr(pos, w - pos))) return true;
    pos = w;
  }
  return false;
}

// The word that ends right before the quote's opening mark, with the spaces between (at least
// one: a mark glued to a word is part of it), or "" at the paragraph's start.
static std::string_view word_before_mark(const DocumentAnalysis& doc, const QuoteSpan& q) {
  std::size_t end = q.open;
  while (end > q.paragraph_begin && doc.text[end - 1] == ' ') --end;
  if (end == q.open) return {};
  std::size_t begin = end;
  while (begin > q.paragraph_begin) {
    const char32_t c = cp_before(doc.text, begin);
    if (!is_word_cp(c) && c != '-') break;
    std::size_t step = 1;
    while (step < begin && (static_cast<unsigned char>(doc.text[begin - step]) & 0xC0) == 0x80) ++step;
    begin -= step;
  }
  return std::string_view(doc.text).substr(begin, end - begin);
}

// A short quotation that reads as somebody's words, not as a name: it opens with a lower-case
// word („gravierende rechtliche Bedenken“, „maßvoll“; a name opens with a capital) right after
// a judgement word (the language's judgement_word: German "als") or in a sentence that has,
// outside the marks, a speech verb (nannte, warnte) or a word of reported speech (the
// language's reported_speech_word: German "sei", "habe").
static bool reads_as_reported_speech(const PassContext& cx, const DocumentAnalysis& doc, const QuoteSpan& q) {
  const char32_t first = cp_at(doc.text, q.begin);
  if (!is_word_cp(first) || is_upper_cp(first) || (first >= '0' && first <= '9')) return false;
  if (has_word(cx.lex.judgement_words, word_before_mark(doc, q))) return true;
  const std::size_t begin = std::max(sentence_start(doc, q.open), q.paragraph_begin);
  const std::size_t end = std::min(sentence_end(doc, q.close_end), std::max(q.paragraph_end, q.close_end));
  for (const auto* words : {&cx.lex.speech_verb_forms, &cx.lex.reported_speech_words})
    if (has_word_between(*words, doc.text, begin, q.open) || has_word_between(*words, doc.text, q.close_end, end))
      return true;
  return false;
}

// „tagesschau.de“, „news.bbc.co.uk“: a word with a dot inside followed by letters to its end.
static bool is_web_address(std::string_view word) {
  const std::size_t dot = word.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 2 > word.size()) return false;
  for (std::size_t i = dot + 1; i < word.size(); ++i)
    if (!(word[i] >= 'a' && word[i] <= 'z')) return false;
  return true;
}

// Whether quote i stands inside the attribution of the quote before it, between its cue and the
// end of its speaker's mention: „…“, schreibt die „Computerwoche“ / zitiert die „Computerwoche“ X.
static bool in_previous_attribution(const DocumentAnalysis& doc, std::size_t i) {
  if (i == 0) return false;
  const Attribution& a = doc.attributions[i - 1];
  if (a.entity < 0 || a.mention_begin >= a.mention_end || a.cue_begin >= a.cue_end) return false;
  const QuoteSpan& q = doc.spans[i];
  return q.open >= std::min(a.cue_begin, a.mention_begin) && q.open < std::max(a.cue_end, a.mention_end);
}

// Whether the quoted words end as a sentence does (. ! ? …): speech, or a saying, not a name.
// A full stop after an abbreviation ends none: "e.V.", "Co." (the lexicon's abbreviations).
static bool ends_as_sentence(const Lexicon& lex, std::string_view quoted) {
  while (!quoted.empty() && quoted.back() == ' ') quoted.remove_suffix(1);
  if (quoted.empty()) return false;
  const char last = quoted.back();
  if (last == '.') {
    const std::size_t space = quoted.find_last_of(' ');
    const std::size_t from = space == std::string_view::npos ? 0 : space + 1;
    const std::string_view word = quoted.substr(from, quoted.size() - 1 - from);
    return word.find('.') == std::string_view::npos && !lex.abbreviations.count(std::string(word));
  }
  return last == '!' || last == '?' || ends_with(quoted, "\xE2\x80\xA6");
}

// Where nouns are capitalised (German), a quotation that opens with a capital or a digit is a
// name when it stands in a noun phrase: right after a capitalised word that does not open its
// sentence (a noun or a name: die Nachrichtenagentur „Interfax“, die Studie „Linke Gewalt in
// Berlin“, unter dem Motto „1.000 Jahre …“), or, unattributed, right after an article or a
// preposition joined with one (nach einem „Gesetz zur Bekämpfung …“, im „Großen Preis von …“),
// whatever its length. One that ends as a sentence (`sentence`) is spared.
static bool names_in_noun_phrase(const PassContext& cx, const DocumentAnalysis& doc, const QuoteSpan& q,
                                 const Quote& quote, bool sentence) {
  const char32_t first = cp_at(quote.text, 0);
  const bool capital_or_digit = is_upper_cp(first) || (first >= '0' && first <= '9');
  if (!cx.lex.nouns_capitalised || !capital_or_digit) return false;
  const std::string_view before = word_before_mark(doc, q);
  if (before.empty()) return false;
  // After a word for a title or a motto (the language's motto_cue: unter dem Motto „Wir sind
  // das Volk!“) even a sentence is a name.
  if (sentence && !has_word(cx.lex.motto_cues, before)) return false;
  if (quote.speaker.empty() && (has_word(cx.lex.determiners, before) || has_word(cx.lex.article_contractions, before)))
    return true;
  if (!is_upper_cp(cp_at(before, 0)) || is_sentence_initial(doc, static_cast<std::size_t>(before.data() - doc.text.data())))
    return false;
  // A noun for what somebody said (the language's utterance_noun, or a compound ending with
  // one) introduces words, not a name: mit den Worten „Wir machen weiter“ verabschiedete er sich.
  const std::string noun = to_lower_ascii(before);
  return std::none_of(cx.lex.utterance_nouns.begin(), cx.lex.utterance_nouns.end(),
                      [&](const std::string& word) { return ends_with(noun, word); });
}

// Whether the quoted words stand elsewhere in the text too, as whole words, after its first
// line (a headline may repeat a quote of the body). Never for a quote of the headline. Within
// kRecurrenceReach of the quote, which holds a whole news article and keeps a long text with
// many short quotations linear.
static bool recurs_in_text(const DocumentAnalysis& doc, const QuoteSpan& q) {
  constexpr std::size_t kRecurrenceReach = 64 * 1024;
  if (q.in_headline || q.end <= q.begin) return false;
  const std::string_view text = doc.text, words = text.substr(q.begin, q.end - q.begin);
  const std::size_t first_line_end = text.find('\n');
  const std::size_t from = std::max(first_line_end == std::string_view::npos ? 0 : first_line_end,
                                    q.begin > kRecurrenceReach ? q.begin - kRecurrenceReach : 0);
  const std::string_view reach = text.substr(from, std::min(text.size(), q.end + kRecurrenceReach) - from);
  for (std::size_t in = reach.find(words); in != std::string_view::npos; in = reach.find(words, in + 1)) {
    const std::size_t at = from + in;
    if (at == q.begin) continue;
    if (!is_word_cp(cp_before(text, at)) && !is_word_cp(cp_at(text, at + words.size()))) return true;
  }
  return false;
}

// A quotation that is part of a word: its closing mark is joined by a hyphen to the word after
// it („Reuters“-Reporterin, the “Star Wars”-style plot).
static bool joined_to_word_after(const DocumentAnalysis& doc, const QuoteSpan& q) {
  return q.closed && q.close_end < doc.text.size() && doc.text[q.close_end] == '-' &&
         is_word_cp(cp_at(doc.text, q.close_end + 1));
}

// Whether only a comma or a list conjunction (the language's list_conjunction: "und", "oder")
// stands between quotation a and the quotation b after it, in one paragraph.
static bool listed_together(const PassContext& cx, const DocumentAnalysis& doc, const QuoteSpan& a, const QuoteSpan& b) {
  if (!a.closed || b.open < a.close_end || b.paragraph_begin != a.paragraph_begin) return false;
  std::size_t words = 0;
  for (std::size_t pos = a.close_end; pos < b.open;) {
    const char c = doc.text[pos];
    if (c == ' ' || c == ',') {
      ++pos;
      continue;
    }
    std::size_t end = pos;
    while (end < b.open && doc.text[end] != ' ' && doc.text[end] != ',') ++end;
    if (++words > 1 || !cx.lex.list_conjunctions.count(std::string(doc.text, pos, end - pos))) return false;
    pos = end;
  }
  return true;
}

// Whether quotation i is one of a list of at least kMinListed quotations („Verkehrsgeschichte
// Dresdens“, „Die Straßenbahn im Krieg“, „Mobile Engländer“ oder „…“): of several words each,
// the topics, titles or names of a programme, rarely what somebody said (single nouns may be:
// sprach von „Chaos“, „Willkür“ und „Versagen“).
static bool in_list_of_quotations(const PassContext& cx, const DocumentAnalysis& doc, std::size_t i) {
  constexpr std::size_t kMinListed = 3;
  std::size_t first = i, last = i;
  while (first > 0 && listed_together(cx, doc, doc.spans[first - 1], doc.spans[first])) --first;
  while (last + 1 < doc.spans.size() && listed_together(cx, doc, doc.spans[last], doc.spans[last + 1])) ++last;
  return last - first + 1 >= kMinListed;
}

// A name or term in quotation marks, not speech (the rule file's `terms-in-marks`): few words
// and no attribution, or only a weak one, unless it reads as reported speech; or, whatever
// stands around it, a few words that name something: none of them in lower case („Morning
// Star“, „IG Bau“), a web address, part of a hyphenated word, a gloss in parentheses, words
// that recur in the text, a name inside the previous quote's attribution; or a capitalised
// quotation inside a noun phrase (German) or in a list of quotations.
static bool is_term_in_marks(const PassContext& cx, const DocumentAnalysis& doc, std::size_t i,
                             const Quote& quote) {
  const QuoteSpan& q = doc.spans[i];
  if (cx.rules.term_max_words == 0) return false;
  const std::string_view quoted = quote.text;
  const bool sentence = ends_as_sentence(cx.lex, quoted), capitalised = is_upper_cp(cp_at(quoted, 0));
  if (names_in_noun_phrase(cx, doc, q, quote, sentence)) return true;
  if (capitalised && !sentence && count_words(doc.text, q.begin, q.end) >= 2 && in_list_of_quotations(cx, doc, i))
    return true;
  std::size_t words = 0;
  bool lower_case_word = false;
  for (std::size_t i = 0; i < quoted.size(); ++i) {
    if (quoted[i] == ' ' || quoted[i] == '\n' || (i > 0 && quoted[i - 1] != ' ' && quoted[i - 1] != '\n')) continue;
    ++words;
    const char32_t first = cp_at(quoted, i);
    lower_case_word |= first < 0x80 ? (first >= 'a' && first <= 'z') : (is_word_cp(first) && !is_upper_cp(first));
  }
  if (words > cx.rules.term_max_words) return false;
  if (words >= 2 && !lower_case_word) return true;
  if (in_previous_attribution(doc, i)) return true;
  if (joined_to_word_after(doc, q)) return true;
  // A capitalised gloss in parentheses: Kreuzungen („Hybride“), Ziele („Afghanistan“).
  if (q.open > 0 && doc.text[q.open - 1] == '(' && capitalised && !sentence) return true;
  // A short capitalised quotation whose words recur in the text names something: a name
  // recurs (dem „Tagesspiegel“ … laut „Tagesspiegel“), a remark rarely does.
  if (capitalised && !sentence && recurs_in_text(doc, q)) return true;
  if (words == 1 && is_web_address(quoted)) return true;
  if (!quote.speaker.empty() && quote.confidence >= cx.rules.term_min_confidence) return false;
  return quote.speaker.empty() || !reads_as_reported_speech(cx, doc, q);
}

// The quote's paragraph, without its indent and trailing spaces; where the paragraph runs on
// for more than kMaxContextBytes before or after the quote, from the first sentence that
// starts within that reach to the end of the last sentence that does.
static std::pair<std::size_t, std::size_t> context_of(const DocumentAnalysis& doc, const QuoteSpan& q) {
  std::size_t begin = q.paragraph_begin, end = std::max(q.paragraph_end, q.close_end);
  if (q.open > begin + kMaxContextBytes) {
    const std::size_t reach = q.open - kMaxContextBytes;
    const auto first = std::lower_bound(doc.sentence_starts.begin(), doc.sentence_starts.end(), reach);
    begin = first != doc.sentence_starts.end() && *first <= q.open ? *first : q.open;
  }
  if (end > q.close_end + kMaxContextBytes)
    end = std::min(end, std::max(sentence_end(doc, q.close_end + kMaxContextBytes), q.close_end));
  while (begin < q.open && (doc.text[begin] == ' ' || doc.text[begin] == '\t')) ++begin;
  while (end > q.close_end && (doc.text[end - 1] == ' ' || doc.text[end - 1] == '\t' || doc.text[end - 1] == '\r' ||
                               doc.text[end - 1] == '\n'))
    --end;
  return {begin, end};
}

// What the entity is, for the outputs. A lone capitalised word is a person only with evidence
// that it names one: a title, an honorific, a gender (from "Mr", "he", a given name).
static EntityType entity_type(const PassContext& cx, const Entity& e) {
  switch (e.kind) {
    case PhraseKind::Descriptor:
      return e.written ? EntityType::WrittenSource : e.plural ? EntityType::Group : EntityType::UnnamedSource;
    case PhraseKind::Organization: return is_country(cx, e.organization) ? EntityType::Place : EntityType::Organization;
    case PhraseKind::Person:
      if (e.plural) return EntityType::Group;  // named together: "Sonia und Willy Bogner", "Polizei und Staatsanwaltschaft"
      return e.name.size() >= 2 || !e.role.empty() || e.gender || e.honorific ? EntityType::Person : EntityType::Name;
    default: return EntityType::None;
  }
}

// A role as a title, without the articles a sentence put before it: "der SPD-Vorsitzende" is
// the role "SPD-Vorsitzende" (the language's definite articles and determiners).
static std::string role_without_articles(const Lexicon& lex, const std::string& role) {
  std::size_t start = 0;
  for (;;) {
    const std::size_t space = role.find(' ', start);
    if (space == std::string::npos) break;
    const std::string first = to_lower_ascii(role.substr(start, space - start));
    if (!lex.definite_articles.count(first) && !lex.determiners.count(first)) break;
    start = space + 1;
  }
  return role.substr(start);
}

void emit_quotes(const PassContext& cx, const DocumentAnalysis& doc, DocumentQuotes& result) {
  std::size_t byte = 0, cp = 0;  // running position for byte -> code point offsets
  std::size_t evidence_byte = 0, evidence_cp = 0;  // the last mention or cue converted
  auto to_cp = [&](std::size_t target) {
    cp += count_code_points(doc.text, byte, target);
    byte = target;
    return cp;
  };
  result.quotes.reserve(doc.spans.size());
  for (std::size_t i = 0; i < doc.spans.size(); ++i) {
    const QuoteSpan& q = doc.spans[i];
    if (q.end <= q.begin) continue;
    if (doc.attributions[i].entity < 0 ? !is_speech_without_speaker(cx, doc, q) : is_title_after_cue(cx, doc, q))
      continue;
    Quote out;
    out.begin = q.begin;
    out.end = q.end;
    out.start = to_cp(q.begin);
    out.stop = to_cp(q.end);
    out.text = doc.text.substr(q.begin, q.end - q.begin);
    const auto [context_begin, context_end] = context_of(doc, q);
    out.context = doc.text.substr(context_begin, context_end - context_begin);
    out.context_start = out.start - count_code_points(doc.text, context_begin, q.begin);
    out.partial = is_partial(doc, i);
    const Attribution& a = doc.attributions[i];
    // A byte offset in code points, counted from the quote's start or the last one converted,
    // whichever is nearer (the running to_cp() only goes forward; a mention may stand before
    // the quote, and a run of continuations shares one far back).
    const auto cp_of = [&](std::size_t at) {
      const auto distance = [](std::size_t x, std::size_t y) { return x < y ? y - x : x - y; };
      const bool from_last = distance(at, evidence_byte) < distance(at, q.begin);
      const std::size_t from = from_last ? evidence_byte : q.begin, from_cp = from_last ? evidence_cp : out.start;
      evidence_cp = at <= from ? from_cp - count_code_points(doc.text, at, from) : from_cp + count_code_points(doc.text, from, at);
      evidence_byte = at;
      return evidence_cp;
    };
    if (a.entity >= 0) {
      const Entity& e = doc.entities[a.entity];
      out.speaker = e.display;
      out.speaker_type = entity_type(cx, e);
      out.gender = e.gender;
      // The role the text gave the speaker last before the quote or its mention (the first
      // read when none stands before).
      const std::size_t at = a.mention_begin < a.mention_end ? std::max(a.mention_begin, q.begin) : q.begin;
      // (Readings come in no order of position: an attribution reads its apposition late. Of two
      // at one place the first read wins: the mention's own, before what an attribution reads there.)
      const Entity::Reading* nearest = nullptr;
      for (const Entity::Reading& r : e.readings)
        if (r.pos <= at && (!nearest || r.pos > nearest->pos)) nearest = &r;
      const std::string& role = nearest ? nearest->role : e.role;
      const std::string& organization = nearest && !nearest->organization.empty() ? nearest->organization : e.organization;
      out.role = role_without_articles(cx.lex, role);
      out.organization = organization;
      if (!organization.empty())
        out.organization_type = is_country(cx, organization) ? EntityType::Place : EntityType::Organization;
      if (e.kind == PhraseKind::Descriptor) {
        out.anonymous = true;
        out.speaker_id = EntityId::anonymous(doc.document.id, e.key).to_string();  // the id whole: a_1 and a-1 are two documents
      } else if (e.kind == PhraseKind::Organization) {
        out.speaker_id = EntityId::organization(e.key).to_string();
      } else {
        out.speaker_id = EntityId::person(e.key).to_string();
      }
      out.cue = a.cue;
      out.rule = a.rule;
      out.confidence = a.confidence;
      // The evidence: the mention and the cue.
      if (a.mention_begin < a.mention_end && a.mention_end <= doc.text.size()) {
        out.speaker_mention = doc.text.substr(a.mention_begin, a.mention_end - a.mention_begin);
        out.speaker_start = cp_of(a.mention_begin);
        out.speaker_stop = cp_of(a.mention_end);
      }
      if (!a.cue.empty() && a.cue_begin < a.cue_end && a.cue_end <= doc.text.size()) {
        out.cue_start = cp_of(a.cue_begin);
        out.cue_stop = cp_of(a.cue_end);
      }
    } else {
      out.rule = "scan.unattributed";
      out.confidence = 0.0;
    }
    {  // The sentence(s) of the context that hold the quote and, where they stand in the
       // context, the mention and the cue: what a fact-checker cites.
      std::size_t b = q.open, e = std::max(q.close_end, q.end);
      for (const auto& [x, y] : {std::pair{a.mention_begin, a.mention_end}, std::pair{a.cue_begin, a.cue_end}})
        if (a.entity >= 0 && x < y && x >= context_begin && y <= context_end) b = std::min(b, x), e = std::max(e, y);
      b = std::max(sentence_start(doc, b), context_begin);
      e = std::min(sentence_end(doc, e - 1), context_end);
      while (e > b && (doc.text[e - 1] == ' ' || doc.text[e - 1] == '\t' || doc.text[e - 1] == '\r' || doc.text[e - 1] == '\n')) --e;
      out.sentences_start = cp_of(b);
      out.sentences_stop = cp_of(e);
    }
    if (is_term_in_marks(cx, doc, i, out)) continue;
    result.quotes.push_back(std::move(out));
  }
}

}  // namespace quotegraph::detail
