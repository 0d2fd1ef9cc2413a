#include "phrase.h"

#include <algorithm>
#include <cctype>

#include "chars.h"

namespace quotegraph::detail {
namespace {

enum class TokenClass { Name, Title, Country, Organization, Honorific, Stop, Connector, Other };

struct Token {
  std::string text;       // without a possessive ’s (or the ’ after an s)
  bool possessive = false;
  std::string possessive_mark;  // "’s", "'s", "’" or "'" as written
  TokenClass cls = TokenClass::Other;
  std::string value;      // canonical country / organisation name
  std::size_t span = 1;   // words covered by a phrase match starting here
};

bool starts_upper(std::string_view s) {
  return !s.empty() && is_upper_cp(cp_at(s, 0));
}

// "al-Assad", "el-Sisi": the Arabic article joined to a capitalised name (CAPWORD in rules.txt).
bool is_particle_name(const Lexicon& lex, std::string_view w) {
  const std::size_t hyphen = w.find('-');
  if (hyphen == std::string_view::npos || hyphen + 1 >= w.size() || !is_upper_cp(cp_at(w, hyphen + 1))) return false;
  return lex.joined_particles.count(std::string(w.substr(0, hyphen))) > 0;
}

bool is_connector(const Lexicon& lex, const std::string& w) {
  return lex.connectors.count(w) > 0 || is_name_particle(lex, w);
}

bool is_determiner(const Lexicon& lex, const std::string& lower) { return lex.source_determiners.count(lower) > 0; }

// What a part of a group names the group with: "one of the diplomats", "one of their lawyers".
bool is_group_determiner(const Lexicon& lex, const std::string& lower) { return lex.group_determiners.count(lower) > 0; }

bool is_organisation_preposition(const Lexicon& lex, const std::string& w) {
  return lex.organisation_prepositions.count(w) > 0;
}

bool is_source_qualifier(const Lexicon& lex, const std::string& w) { return lex.source_qualifiers.count(w) > 0; }

// "23-year-old"
bool is_age(const std::string& w) {
  std::size_t digits = 0;
  while (digits < w.size() && w[digits] >= '0' && w[digits] <= '9') ++digits;
  return digits >= 1 && digits <= 3 && w.compare(digits, std::string::npos, "-year-old") == 0;
}

std::vector<Token> tokenize(std::string_view phrase) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  while (i < phrase.size()) {
    while (i < phrase.size() && is_space_cp(cp_at(phrase, i))) {
      std::size_t len;
      decode_utf8(phrase, i, len);
      i += len;
    }
    std::size_t j = i;
    while (j < phrase.size()) {
      std::size_t len;
      if (is_space_cp(decode_utf8(phrase, j, len))) break;
      j += len;
    }
    if (j > i) {
      Token t;
      t.text = std::string(phrase.substr(i, j - i));
      while (!t.text.empty() && (t.text.back() == ',' || t.text.back() == ';' || t.text.back() == ':'))
        t.text.pop_back();
      if (const std::size_t mark = possessive_mark_size(t.text)) {
        t.possessive_mark = t.text.substr(t.text.size() - mark);
        t.text.resize(t.text.size() - mark);
        t.possessive = true;
      }
      if (!t.text.empty()) tokens.push_back(std::move(t));
    }
    i = j;
  }
  return tokens;
}

std::string join(const std::vector<Token>& tokens, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t k = from; k < to; ++k) {
    if (k > from) out += ' ';
    out += tokens[k].text;
    if (k + 1 < to) out += tokens[k].possessive_mark;  // "Data Commissioner’s Office"
  }
  return out;
}

// Where the language compounds its nouns (language.tsv "compounds titles"), a word that ends
// with a title of at least four letters is one: "SPD-Vorsitzende", "Bundesinnenminister".
bool is_compound_title(const std::string& word, const Lexicon& lex) {
  if (!lex.compound_titles) return false;
  const std::string lower = to_lower_ascii(word);
  for (std::size_t from = 1; from + 4 <= lower.size(); ++from) {
    if ((static_cast<unsigned char>(lower[from]) & 0xC0) == 0x80) continue;  // inside a character
    const std::size_t start = lower[from] == '-' ? from + 1 : from;
    if (start < lower.size() && lex.titles.count(lower.substr(start))) return true;
  }
  return false;
}

// The source noun a word is (language.tsv "compounds descriptors": or ends with, after a
// hyphen or as the last part of a compound of at least four letters: "WWF-Sprecher",
// "Feuerwehrsprecher"), or the lexicon's end.
static std::unordered_map<std::string, bool>::const_iterator descriptor_head(const std::string& word,
                                                                           const Lexicon& lex) {
  const std::string lower = to_lower_ascii(word);
  const auto exact = lex.descriptors.find(lower);
  if (exact != lex.descriptors.end() || !lex.compound_descriptors) return exact;
  for (std::size_t from = 1; from + 4 <= lower.size(); ++from) {
    if ((static_cast<unsigned char>(lower[from]) & 0xC0) == 0x80) continue;  // inside a character
    const std::size_t start = lower[from] == '-' ? from + 1 : from;
    if (const auto part = lex.descriptors.find(lower.substr(start)); part != lex.descriptors.end()) return part;
  }
  return lex.descriptors.end();
}

// The country a word names in the genitive without an apostrophe (language.tsv
// genitive_suffix: German "Frankreichs", "Russlands"), or "".
static std::string genitive_country(const std::string& word, const Lexicon& lex) {
  std::string country;
  genitive_stem_that(lex, word, 2, [&](const std::string& stem) {
    const auto c = lex.countries.find(stem);
    if (c != lex.countries.end()) country = c->second;
    return c != lex.countries.end();
  });
  return country;
}

// Whether a word is a title in the genitive (language.tsv genitive_suffix: German "des
// Parteichefs", "des SPD-Vorsitzenden" is a title already): "Bürgermeisters" -> "bürgermeister".
static bool is_genitive_title(const std::string& word, const Lexicon& lex) {
  return genitive_stem_that(lex, word, 3, [&](const std::string& stem) {
    return lex.titles.count(to_lower_ascii(stem)) || is_compound_title(stem, lex);
  });
}

// Where titles compound (language.tsv "compounds titles"), the organisation before the hyphen
// of a title: "SPD-Vorsitzende", "EU-Außenbeauftragte", "WWF-Sprecher" -> SPD, EU, WWF; an
// acronym (two capitals or more) or a name the lexicons know; "" otherwise ("Ex-Präsident").
static std::string organisation_of_compound(const std::string& word, const Lexicon& lex) {
  if (!lex.compound_titles) return "";
  const std::size_t hyphen = word.find('-');
  if (hyphen == std::string::npos || hyphen < 2 || hyphen + 4 > word.size()) return "";
  const std::string prefix = word.substr(0, hyphen), rest = to_lower_ascii(word.substr(hyphen + 1));
  if (!lex.titles.count(rest) && !lex.descriptors.count(rest) && !is_compound_title(rest, lex)) return "";
  const auto capitals = std::count_if(prefix.begin(), prefix.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  if (capitals >= 2 || lex.organizations.count(prefix) || lex.countries.count(prefix)) return prefix;
  return "";
}

// The organisation of the first compound title in [from, to) that names one, or "".
static std::string compound_organisation(const std::vector<Token>& tokens, std::size_t from, std::size_t to,
                                         const Lexicon& lex) {
  for (std::size_t k = from; k < to; ++k)
    if (std::string org = organisation_of_compound(tokens[k].text, lex); !org.empty()) return org;
  return "";
}

// Classifies tokens; a phrase in a lexicon (longest first) marks its first token with its
// class and span, and the rest as covered by it.
void classify(std::vector<Token>& tokens, const Lexicon& lex) {
  for (std::size_t i = 0; i < tokens.size();) {
    bool found = false;
    for (std::size_t n = std::min(lex.longest_phrase_from(tokens[i].text), tokens.size() - i); n >= 1 && !found; --n) {
      const std::string words = join(tokens, i, i + n);
      // A possessive may only end the phrase ("Russia’s", not "Russia’s UN").
      bool inner_possessive = false;
      for (std::size_t k = i; k + 1 < i + n; ++k) inner_possessive |= tokens[k].possessive;
      if (inner_possessive) continue;
      TokenClass cls = TokenClass::Other;
      std::string value;
      if (auto c = lex.countries.find(words); c != lex.countries.end()) {
        cls = TokenClass::Country;
        value = c->second;
      } else if (auto o = lex.organizations.find(words); o != lex.organizations.end()) {
        cls = TokenClass::Organization;
        value = o->second;
      } else if ((lex.titles.count(to_lower_ascii(words)) || (n == 1 && is_compound_title(words, lex))) &&
                 (n > 1 || !is_connector(lex, words))) {
        cls = TokenClass::Title;
      }
      if (cls == TokenClass::Other) continue;
      tokens[i].cls = cls;
      tokens[i].value = value;
      tokens[i].span = n;
      for (std::size_t k = 1; k < n; ++k) tokens[i + k].cls = cls, tokens[i + k].span = 0;
      tokens[i].possessive = tokens[i + n - 1].possessive;
      i += n;
      found = true;
    }
    if (found) continue;
    Token& t = tokens[i];
    if (const std::string country = genitive_country(t.text, lex); !country.empty()) {
      t.cls = TokenClass::Country;
      t.value = country;
      t.span = 1;
    } else if (starts_upper(t.text) && is_genitive_title(t.text, lex)) {
      t.cls = TokenClass::Title;
      t.span = 1;
    } else if (lex.honorifics.count(t.text)) t.cls = TokenClass::Honorific;
    else if (lex.stopwords.count(t.text)) t.cls = TokenClass::Stop;
    else if (is_connector(lex, t.text)) t.cls = TokenClass::Connector;
    else if (starts_upper(t.text) || is_particle_name(lex, t.text)) t.cls = TokenClass::Name;
    ++i;
  }
  // "Theresa May", "Mike Friday": a month or a weekday that ends the phrase right after a name
  // is that person's surname.
  if (tokens.size() >= 2 && tokens.back().cls == TokenClass::Stop && is_calendar_word(lex, tokens.back().text) &&
      tokens[tokens.size() - 2].cls == TokenClass::Name && !tokens[tokens.size() - 2].possessive)
    tokens.back().cls = TokenClass::Name;
  // "Mr King", "Stephen King", "John Major": a capitalised one-word title that ends the phrase
  // right after an honorific or a known first name is a surname. ("EC President" and "Salford
  // MP" stay roles: what comes before is not a first name.)
  if (tokens.size() >= 2 && tokens.back().cls == TokenClass::Title && tokens.back().span == 1 &&
      starts_upper(tokens.back().text) && !tokens.back().possessive) {
    const Token& before = tokens[tokens.size() - 2];
    if (!before.possessive && (before.cls == TokenClass::Honorific ||
                               (before.cls == TokenClass::Name && lex.first_names.count(before.text))))
      tokens.back().cls = TokenClass::Name;
  }
  // "Philip French", "Michael Jordan": a capitalised country word that ends the phrase right
  // after a name is that person's surname. (Not a title word: "Simon Champion" would gain a
  // surname, but "EC President" and "Salford MP", roles standing alone, would become people.)
  if (tokens.size() >= 2 && tokens.back().cls == TokenClass::Country && tokens.back().span == 1 &&
      starts_upper(tokens.back().text) && !tokens.back().possessive &&
      tokens[tokens.size() - 2].cls == TokenClass::Name && !tokens[tokens.size() - 2].possessive) {
    tokens.back().cls = TokenClass::Name;
    tokens.back().value.clear();
  }
  // "Foreign Ministry", "Labour Party": capitalised words before an organisation cue word.
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (!lex.organization_cues.count(tokens[i].text)) continue;
    auto capitalised = [&](std::size_t k) {
      return (tokens[k].cls == TokenClass::Name || tokens[k].cls == TokenClass::Title ||
              tokens[k].cls == TokenClass::Country) && starts_upper(tokens[k].text);
    };
    auto joins = [&](std::size_t k) { return lex.name_conjunctions.count(tokens[k].text) > 0; };
    std::size_t first = i;  // "Finance and Economy Ministry", "Information Commissioner’s Office"
    while (first > 0 && (capitalised(first - 1) || (first >= 2 && joins(first - 1) && capitalised(first - 2))))
      --first;
    // "Department of Trade and Industry", "Ministry for Foreign Affairs": the name goes on after
    // "of", "for" or "and" (not past a possessive: "Deutsche Bank’s Simon Champion").
    std::size_t last = i;
    while (!tokens[last].possessive && last + 2 < tokens.size() &&
           (lex.name_links.count(tokens[last + 1].text) || joins(last + 1)) && capitalised(last + 2)) {
      last += 2;
      while (!tokens[last].possessive && last + 1 < tokens.size() && capitalised(last + 1)) ++last;
    }
    tokens[first].cls = TokenClass::Organization;
    tokens[first].value = join(tokens, first, last + 1);
    tokens[first].span = last + 1 - first;
    for (std::size_t k = first + 1; k <= last; ++k) tokens[k].cls = TokenClass::Organization, tokens[k].span = 0;
    i = last;
  }
}

// Role words: from the first title to the last title, organisations and connectors between.
std::string role_between(const std::vector<Token>& tokens, std::size_t from, std::size_t to) {
  std::size_t first = to, last = to;
  for (std::size_t k = from; k < to; ++k) {
    if (tokens[k].cls == TokenClass::Title) {
      if (first == to) first = k;
      last = k;
    }
  }
  if (first == to) return "";
  // Keep a trailing "to the UN" / "of State" that belongs to the title.
  std::size_t end = last + 1;
  while (end < to && tokens[end].cls == TokenClass::Title) ++end;
  if (end + 1 < to && tokens[end].cls == TokenClass::Connector) {
    std::size_t k = end;
    while (k < to && tokens[k].cls == TokenClass::Connector) ++k;
    if (k < to && (tokens[k].cls == TokenClass::Organization || tokens[k].cls == TokenClass::Country)) {
      end = k + std::max<std::size_t>(tokens[k].span, 1);
    }
  }
  return join(tokens, first, std::min(end, to));
}

// Lower-case words before the title or the name are part of the role: "race director",
// "union leader", "asbestosis sufferer", "former prime minister".
void add_role_words(const Lexicon& lex, const std::vector<Token>& tokens, std::size_t name_begin, std::string& role) {
  std::size_t first_title = name_begin;
  for (std::size_t k = 0; k < name_begin; ++k)
    if (tokens[k].cls == TokenClass::Title) { first_title = k; break; }
  std::size_t from = first_title;
  while (from > 0 && tokens[from - 1].cls == TokenClass::Other && !tokens[from - 1].possessive &&
         !starts_upper(tokens[from - 1].text))
    --from;
  if (from == first_title) return;
  // "a defiant Tom Hale": after an indefinite article, lower-case words describe, not name a role.
  if (first_title == name_begin && lex.indefinite_articles.count(tokens[from].text)) return;
  if (role.empty()) {
    if (first_title == name_begin) role = join(tokens, from, name_begin);
    return;
  }
  role = join(tokens, from, first_title) + " " + role;
}

std::string first_organization(const std::vector<Token>& tokens, std::size_t from, std::size_t to) {
  // A possessor ("Russia’s UN ambassador") speaks for the whole phrase.
  for (std::size_t k = from; k < to; ++k)
    if (tokens[k].span && tokens[k].possessive &&
        (tokens[k].cls == TokenClass::Country || tokens[k].cls == TokenClass::Organization))
      return tokens[k].value;
  for (std::size_t k = from; k < to; ++k)
    if (tokens[k].span && (tokens[k].cls == TokenClass::Country || tokens[k].cls == TokenClass::Organization))
      return tokens[k].value;
  return "";
}

// "Democratic pollster", "Clinton press secretary", "Trump's campaign manager", "House
// Speaker": the capitalised words right before a role (its lower-case words skipped) say whom
// the role is for, when no organisation the lexicon knows does. From the first title in
// [from, to); "" when there is none or nothing capitalised stands before it.
std::string organization_before_role(const std::vector<Token>& tokens, std::size_t from, std::size_t to) {
  std::size_t role = from;
  while (role < to && tokens[role].cls != TokenClass::Title) ++role;
  if (role == to) return "";
  while (role > from && !starts_upper(tokens[role - 1].text) && !tokens[role - 1].possessive &&
         tokens[role - 1].cls == TokenClass::Other)
    --role;
  std::size_t first = role;
  while (first > from && starts_upper(tokens[first - 1].text) &&
         (tokens[first - 1].cls == TokenClass::Name || tokens[first - 1].cls == TokenClass::Other) &&
         (first == role || !tokens[first - 1].possessive))  // only the last word is a possessor
    --first;
  return first < role ? join(tokens, first, role) : "";
}

// American, Russian, Chinese, British, Israeli: the adjective (and noun) of a country name.
bool is_demonym(const Lexicon& lex, const std::string& form, const std::string& country) {
  if (form == country || form.size() < 4) return false;
  for (const std::string& suffix : lex.demonym_suffixes) {
    const std::size_t n = suffix.size();
    if (form.size() > n && form.compare(form.size() - n, n, suffix) == 0) return true;
  }
  return false;
}

// A capitalised word that describes rather than names: a title, a source noun, a country word
// or demonym in the lexicons ("Spaniard", "Californian"), or a word with the ending of an
// adjective or an agent noun ("Defiant", "Billionaire", "Republican", "Democrat", "Treasurer").
bool describes(const std::string& word, const Lexicon& lex) {
  const std::string lower = to_lower_ascii(word);
  if (lex.titles.count(lower) || lex.descriptors.count(lower) || lex.countries.count(word) || is_demonym(lex, word, ""))
    return true;
  for (const std::string& suffix : lex.describing_suffixes) {
    const std::size_t n = suffix.size();
    if (lower.size() > n + 2 && lower.compare(lower.size() - n, n, suffix) == 0) return true;
  }
  return false;
}

// Where a run of name words really starts: titles and adjectives are never part of a name.
// "Said Williams" (a speech verb opening the sentence) is Williams; "Republican Donald Trump",
// "House Speaker Paul Ryan", "Defiant Matt Williams" start at the known given name, when what
// comes before it is not a given name and describes.
std::size_t first_name_word(const std::vector<Token>& tokens, std::size_t begin, std::size_t end, const Lexicon& lex) {
  if (end - begin >= 2 && lex.speech_verb_forms.count(to_lower_ascii(tokens[begin].text))) return begin + 1;
  if (end - begin < 3 || lex.first_names.count(tokens[begin].text)) return begin;
  for (std::size_t i = begin + 1; i + 1 < end; ++i) {
    if (!lex.first_names.count(tokens[i].text)) continue;
    for (std::size_t k = begin; k < i; ++k)
      if (describes(tokens[k].text, lex)) return i;
    return begin;
  }
  return begin;
}

}  // namespace

bool is_calendar_word(const Lexicon& lex, std::string_view w) { return lex.calendar_words.count(std::string(w)) > 0; }

bool is_name_particle(const Lexicon& lex, std::string_view word) {
  // Keep in step with CONNECT in rules.txt.
  return lex.name_particles.count(std::string(word)) > 0;
}

void PhraseCache::start_document(std::uint64_t lexicon_id) {
  if (lexicon_id != lexicon_id_ || entries_.size() >= kMaxEntries) {
    entries_.clear();
    index_.clear();
  }
  lexicon_id_ = lexicon_id;
}

const Phrase& PhraseCache::analyse(std::string_view phrase, const Lexicon& lexicon) {
  const std::uint32_t hash = fnv1a_hash(phrase);
  const std::uint32_t found = index_.find(hash, [&](std::uint32_t entry) { return entries_[entry].first == phrase; });
  if (found != FlatIndex::kNone) return entries_[found].second;
  index_.insert(hash, static_cast<std::uint32_t>(entries_.size()));
  entries_.emplace_back(std::string(phrase), analyse_phrase(phrase, lexicon));
  return entries_.back().second;
}

Phrase analyse_phrase(std::string_view text, const Lexicon& lex) {
  Phrase p;
  auto tokens = tokenize(text);
  if (tokens.empty()) return p;
  const std::string first_lower = to_lower_ascii(tokens.front().text);
  if (const auto pronoun = lex.pronouns.find(first_lower); tokens.size() == 1 && pronoun != lex.pronouns.end()) {
    p.kind = PhraseKind::Pronoun;
    p.pronoun = pronoun->second;
    return p;
  }
  // "the American", "the Russian", "the 27-year-old Austrian": a demonym standing for a person
  // mentioned before.
  bool only_lower_between = true;
  for (std::size_t k = 1; k + 1 < tokens.size(); ++k) only_lower_between &= !starts_upper(tokens[k].text);
  if (tokens.size() >= 2 && tokens.size() <= 4 && lex.epithet_articles.count(first_lower) && only_lower_between && !tokens.back().possessive) {
    if (auto c = lex.countries.find(tokens.back().text); c != lex.countries.end() && is_demonym(lex, tokens.back().text, c->second)) {
      p.kind = PhraseKind::Descriptor;
      p.descriptor = std::string(text);
      p.head = to_lower_ascii(tokens.back().text);
      p.definite = true;
      p.nationality = true;
      p.organization = c->second;
      return p;
    }
  }
  // "the 23-year-old": a person named by age, like a pronoun for the latest subject.
  // "the Dutchman", "the Uruguayan-born": a person named by an origin the lexicon does not list.
  if (tokens.size() == 2 && lex.epithet_articles.count(first_lower) &&
      (is_age(tokens[1].text) || (starts_upper(tokens[1].text) && !tokens[1].possessive && is_demonym(lex, tokens[1].text, "")))) {
    p.kind = PhraseKind::Descriptor;
    p.descriptor = std::string(text);
    p.head = to_lower_ascii(tokens[1].text);
    p.definite = true;
    p.epithet = true;
    return p;
  }
  // The head noun may be followed by its organisation ("a spokesman for Dell", "an analyst at
  // Barclays Capital") or by what makes it a source ("a source familiar with the matter").
  std::size_t head_index = tokens.size() - 1;
  for (std::size_t k = 1; k + 1 < tokens.size(); ++k)
    if ((is_organisation_preposition(lex, tokens[k].text) || is_source_qualifier(lex, tokens[k].text)) &&
        lex.descriptors.count(to_lower_ascii(tokens[k - 1].text))) {
      head_index = k - 1;
      break;
    }
  // Where nouns are capitalised, the head is the first source noun after the determiner: "ein
  // Sprecher des Ministeriums", "der Betreiber von Abgeordnetenwatch"; not one a name follows
  // ("der Vorsitzende Richter Klaus Tolksdorf": a title).
  if (lex.nouns_capitalised && lex.determiners.count(first_lower))
    for (std::size_t k = 1; k < head_index; ++k)
      if (!starts_upper(tokens[k + 1].text) && descriptor_head(tokens[k].text, lex) != lex.descriptors.end()) {
        head_index = k;
        break;
      }
  const std::string last_lower = to_lower_ascii(tokens[head_index].text);
  const auto head = descriptor_head(tokens[head_index].text, lex);
  const bool lower_head = !starts_upper(tokens[head_index].text) ||
                          (lex.nouns_capitalised && head_index > 0 && lex.determiners.count(first_lower));
  if (head != lex.descriptors.end() && lower_head && !tokens[head_index].possessive) {
    p.kind = PhraseKind::Descriptor;
    p.descriptor = std::string(text);
    while (!p.descriptor.empty() && (p.descriptor.back() == ',' || p.descriptor.back() == ' '))
      p.descriptor.pop_back();
    p.head = last_lower;
    p.written = head->second;
    p.definite = lex.definite_articles.count(first_lower) > 0;
    p.plural = lex.plural_source_nouns.count(last_lower) ||  // "family": a family speaks as "they"
               (last_lower.back() == 's' && lex.descriptors.count(last_lower.substr(0, last_lower.size() - 1)));
    classify(tokens, lex);
    p.organization = first_organization(tokens, 0, tokens.size());
    if (p.organization.empty()) p.organization = compound_organisation(tokens, head_index, head_index + 1, lex);
    if (p.organization.empty() && head_index + 2 < tokens.size() &&
        is_organisation_preposition(lex, tokens[head_index + 1].text)) {  // an organisation the lexicon does not know
      std::size_t k = head_index + 2;
      if (lex.organisation_articles.count(tokens[k].text)) ++k;
      if (k < tokens.size() && starts_upper(tokens[k].text)) p.organization = join(tokens, k, tokens.size());
    }
    // "one of the diplomats", "some of their lawyers": part of a group, whose noun is the role.
    const bool part_of_group = tokens.size() > 3 && lex.genitive_prepositions.count(to_lower_ascii(tokens[1].text)) &&
                               is_group_determiner(lex, to_lower_ascii(tokens[2].text));
    if (part_of_group && lex.distributives.count(first_lower)) p.plural = false;
    const std::size_t from = part_of_group ? 3 : (is_determiner(lex, first_lower) || lex.determiners.count(first_lower)) ? 1 : 0;
    p.role = p.written ? "" : join(tokens, from, tokens.size());
    return p;
  }
  // "the two-time champion", "the lock forward": a title with no name, standing for the person
  // the text is about, like "the 23-year-old"; "der italienische Innenminister" where nouns
  // are capitalised.
  if (tokens.size() >= 2 && tokens.size() <= 4 && lex.definite_articles.count(first_lower) && only_lower_between &&
      (!starts_upper(tokens.back().text) || lex.nouns_capitalised) && !tokens.back().possessive &&
      (lex.titles.count(to_lower_ascii(tokens.back().text)) ||
       (tokens.size() >= 3 && lex.titles.count(to_lower_ascii(join(tokens, tokens.size() - 2, tokens.size())))))) {
    p.kind = PhraseKind::Descriptor;
    p.descriptor = std::string(text);
    p.head = to_lower_ascii(tokens.back().text);
    p.role = join(tokens, 1, tokens.size());
    p.definite = true;
    p.epithet = true;
    return p;
  }
  classify(tokens, lex);
  // The name is the last run of name words (with particles and initials inside it).
  std::size_t name_end = tokens.size();
  while (name_end > 0 && tokens[name_end - 1].cls != TokenClass::Name) --name_end;
  std::size_t name_begin = name_end;
  while (name_begin > 0) {
    const Token& t = tokens[name_begin - 1];
    if (t.possessive) break;  // "Wenger’s Bayern counterpart": the possessor is someone else
    if (t.cls == TokenClass::Name) { --name_begin; continue; }
    // "Staffan de Mistura": a particle between two name words.
    if (t.cls == TokenClass::Connector && !lex.connectors.count(t.text) && name_begin >= 2 && tokens[name_begin - 2].cls == TokenClass::Name) {
      --name_begin;
      continue;
    }
    break;
  }
  // A possessive name is somebody else's ("Blinken’s effort"), not the speaker.
  if (name_end > name_begin && tokens[name_end - 1].possessive) name_begin = name_end;
  // "Brian Taylor of Wells Fargo", "Mr Skeens of Brownsville": the name is before "of", and
  // what follows is where the person is from.
  std::size_t origin_begin = name_begin, origin_end = name_end;
  if (name_begin >= 2 && lex.genitive_prepositions.count(tokens[name_begin - 1].text) && tokens[name_begin - 2].cls == TokenClass::Name &&
      !tokens[name_begin - 2].possessive) {
    name_end = name_begin - 1;
    name_begin = name_end;
    while (name_begin > 0 && tokens[name_begin - 1].cls == TokenClass::Name && !tokens[name_begin - 1].possessive)
      --name_begin;
  } else {
    origin_begin = origin_end = 0;
  }
  // Honorifics of this name, not of a possessor before it ("Mr Brown's Budget").
  std::size_t own_from = 0;
  for (std::size_t k = 0; k < name_begin; ++k)
    if (tokens[k].possessive) own_from = k + 1;
  for (std::size_t k = own_from; k < name_begin; ++k) {
    if (tokens[k].cls == TokenClass::Honorific) {
      p.honorific = true;
      const char g = lex.honorifics.at(tokens[k].text);
      if (g != '-') p.gender = g;
    }
  }
  name_begin = first_name_word(tokens, name_begin, name_end, lex);
  // "Sonia und Willy Bogner", "Jan Giesel und David Perteck": two names joined by a speaker
  // conjunction of the language speak together, as one plural speaker named by both.
  bool coordinated = false;
  if (name_begin >= 2 && name_begin > own_from + 1 && lex.speaker_conjunctions.count(tokens[name_begin - 1].text) &&
      tokens[name_begin - 2].cls == TokenClass::Name && !tokens[name_begin - 2].possessive) {
    name_begin -= 2;
    while (name_begin > own_from && tokens[name_begin - 1].cls == TokenClass::Name && !tokens[name_begin - 1].possessive)
      --name_begin;
    coordinated = true;
  }
  // "Lord Butler", "Prince Charles", "Sir Paul", "Pope Francis": a rank with one word after it
  // is a name, not a surname with a title ("Lord Butler" is not "Mr Butler").
  if (name_end == name_begin + 1 && name_begin > own_from && !tokens[name_begin - 1].possessive &&
      lex.ranks.count(tokens[name_begin - 1].text)) {
    --name_begin;
    p.honorific = true;
    const char g = lex.honorifics.at(tokens[name_begin].text);
    if (g != '-') p.gender = g;
  }
  if (name_end > name_begin) {
    p.kind = PhraseKind::Person;
    for (std::size_t k = name_begin; k < name_end; ++k) p.name.push_back(tokens[k].text);
    p.plural = coordinated;
    if (!p.gender && !coordinated) {
      if (auto g = lex.first_names.find(p.name.front()); g != lex.first_names.end() && p.name.size() > 1)
        p.gender = g->second;
    }
    p.role = role_between(tokens, 0, name_begin);
    add_role_words(lex, tokens, name_begin, p.role);
    // "Sen. Tim Scott", "Gov. Ann Lee": an honorific that is also a title is the role.
    for (std::size_t k = 0; k < name_begin && p.role.empty(); ++k) {
      std::string word = to_lower_ascii(tokens[k].text);
      if (!word.empty() && word.back() == '.') word.pop_back();
      if (tokens[k].cls == TokenClass::Honorific && lex.titles.count(word) && !lex.courtesy_titles.count(word)) p.role = tokens[k].text;
    }
    p.organization = first_organization(tokens, 0, name_begin);
    if (p.organization.empty()) p.organization = first_organization(tokens, name_end, tokens.size());
    if (p.organization.empty() && origin_end > origin_begin) p.organization = join(tokens, origin_begin, origin_end);
    if (p.organization.empty()) p.organization = compound_organisation(tokens, own_from, name_begin, lex);
    // "der Vorsitzende des Linux-Verbandes, NAME": where a title is followed by an organisation
    // preposition, the words taken for a name are whose title it is (the name in apposition
    // keeps it).
    if (p.organization.empty() && name_begin >= 2 && is_organisation_preposition(lex, tokens[name_begin - 1].text) &&
        tokens[name_begin - 2].cls == TokenClass::Title && lex.nouns_capitalised) {
      p.organization = join(tokens, name_begin, name_end);
      // One word there and nothing after it ("der stellvertretende Chef der Behörde"): no name
      // at all, an unnamed source with its organisation.
      if (name_end == name_begin + 1 && name_end == tokens.size() && !lex.first_names.count(tokens[name_begin].text)) {
        p.kind = PhraseKind::Descriptor;
        p.name.clear();
        p.descriptor = std::string(text);
        p.head = to_lower_ascii(tokens[name_begin - 2].text);
        p.definite = lex.definite_articles.count(first_lower) > 0;
        p.role = join(tokens, lex.determiners.count(first_lower) ? 1 : 0, name_begin - 1);
      }
    }
    if (p.organization.empty() && !p.role.empty()) p.organization = organization_before_role(tokens, own_from, name_begin);
    return p;
  }
  p.organization = first_organization(tokens, 0, tokens.size());
  p.role = role_between(tokens, 0, tokens.size());
  if (!p.organization.empty() && p.role.empty()) p.kind = PhraseKind::Organization;
  // "der stellvertretende Chef der Behörde": an article, a title and the organisation it serves
  // (a cue word of organizations.txt), no name: an unnamed source of that organisation, as where
  // the organisation is a word the lexicon does not know (above). Without this it named nobody.
  if (lex.nouns_capitalised && p.kind == PhraseKind::None && !p.role.empty() && !p.organization.empty() &&
      lex.determiners.count(first_lower) && tokens.size() >= 3 && tokens[1].cls != TokenClass::Organization) {
    std::size_t title = 1;
    while (title < tokens.size() && tokens[title].cls != TokenClass::Title) ++title;
    if (title + 1 < tokens.size() && is_organisation_preposition(lex, tokens[title + 1].text)) {
      p.kind = PhraseKind::Descriptor;
      p.descriptor = std::string(text);
      p.head = to_lower_ascii(tokens[title].text);
      p.definite = lex.definite_articles.count(first_lower) > 0;
      p.role = join(tokens, 1, title + 1);
    }
  }
  // "der Innenminister Frankreichs": a title and the country it serves, no name; stands for
  // the person the text is about, like "der italienische Innenminister".
  const std::size_t n = tokens.size();
  if (n >= 3 && lex.definite_articles.count(first_lower) && tokens[n - 1].cls == TokenClass::Country &&
      tokens[n - 2].cls == TokenClass::Title && !genitive_country(tokens[n - 1].text, lex).empty()) {
    p.kind = PhraseKind::Descriptor;
    p.descriptor = std::string(text);
    p.head = to_lower_ascii(tokens[n - 2].text);
    p.role = join(tokens, 1, n - 1);
    p.definite = true;
    p.epithet = true;
  }
  return p;
}

// "publisher of SCOTUSblog", "co-author of a book": an apposition without an article names a
// role when one to three lower-case words stand before "of", "for", "at" and the name of what
// they are for ("Lavrov, meanwhile, said" has none; nor an age, "59", or a participle or
// preposition in "-ing", "recalling his years", "during a debate").
bool is_noun_like(const Lexicon& lex, const std::string& w) {
  if (w.empty() || !std::all_of(w.begin(), w.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '-'; }))
    return false;
  for (const std::string& suffix : lex.participle_suffixes)
    if (w.size() > suffix.size() && ends_with(w, suffix)) return false;
  return true;
}

std::string bare_role(const Lexicon& lex, const std::vector<Token>& tokens, std::size_t end) {
  constexpr std::size_t kMaxBareRoleWords = 3;
  std::size_t last = 0;
  while (last < end && last < tokens.size() && is_noun_like(lex, tokens[last].text) && !starts_upper(tokens[last].text) && !tokens[last].possessive &&
         !is_connector(lex, tokens[last].text) && !is_organisation_preposition(lex, tokens[last].text) &&
         !lex.role_end_words.count(tokens[last].text) && !lex.place_prepositions.count(tokens[last].text))
    ++last;
  if (last == 0 || last > kMaxBareRoleWords || last + 1 >= tokens.size()) return "";
  const std::string& preposition = tokens[last].text;
  if (!lex.genitive_prepositions.count(preposition) && !is_organisation_preposition(lex, preposition)) return "";
  return join(tokens, 0, last);
}

// "a cardiologist who was not involved", "the study's lead author", "a rancher from Eagle Pass",
// "a Montgomery Village resident", "a D.C.-based Democratic strategist": an apposition that is
// a noun phrase with an article names the person's role, whether the titles lexicon has it or
// not: the words after the article (and a possessor), up to a preposition, a relative pronoun
// or the end, ending with the last lower-case word (the head noun; capitalised words before it
// say where or for whom: "a Border Patrol tunneling expert").
std::string noun_phrase_role(const Lexicon& lex, const std::vector<Token>& tokens, std::size_t end) {
  constexpr std::size_t kMaxRoleWords = 6;
  if (tokens.empty()) return "";
  if (!is_determiner(lex, to_lower_ascii(tokens[0].text))) return bare_role(lex, tokens, end);
  std::size_t first = 1;
  if (first < end && tokens[first].possessive) ++first;  // "the study's"
  std::size_t last = first, head_end = first;  // head_end: one past the last lower-case word
  while (last < end) {
    const std::string& w = tokens[last].text;
    // Letters, digits, hyphens and full stops inside ("D.C.-based"), not at the ends.
    const bool plain = !w.empty() && w.back() != '-' && w.back() != '.' && w.front() != '.' &&
                       std::all_of(w.begin(), w.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.'; });
    // A participle that takes an object ends the role ("a Democrat supporting Clinton"); one
    // before the head noun is part of it ("a tunneling expert").
    const bool next_lower = last + 1 < end && !starts_upper(tokens[last + 1].text) &&
                            !is_connector(lex, tokens[last + 1].text) && !is_organisation_preposition(lex, tokens[last + 1].text);
    const bool participle = !starts_upper(w) && !is_noun_like(lex, w) && last > first && !next_lower;
    if (!plain || participle || tokens[last].possessive || is_connector(lex, w) || is_organisation_preposition(lex, w) ||
        lex.role_end_words.count(w) || lex.place_prepositions.count(w))
      break;
    ++last;
    if (!starts_upper(w)) head_end = last;
  }
  if (head_end == first || head_end - first > kMaxRoleWords) return "";
  return join(tokens, first, head_end);
}

void analyse_apposition(std::string_view appos, const Lexicon& lex, Phrase& into) {
  auto tokens = tokenize(appos);
  classify(tokens, lex);
  // "Group Economist at Halifax", "Director General of the British Chambers of Commerce (BCC)",
  // "from the Local Government Association": the organisation after a preposition, whether the
  // lexicon knows it or not; the role is what comes before it.
  // A name the lexicon knows as an organisation (or a country) after a later preposition is
  // the organisation, rather than an unknown one before it: "director of International Security
  // Studies at the Royal United Services Institute".
  std::size_t role_end = tokens.size();
  std::string organization;
  bool known_organization = false;
  for (std::size_t k = 0; k + 1 < tokens.size() && !known_organization; ++k) {
    const std::string& w = tokens[k].text;
    if (tokens[k].cls == TokenClass::Title || !(is_organisation_preposition(lex, w) || lex.genitive_prepositions.count(w))) continue;
    std::size_t first = lex.organisation_articles.count(tokens[k + 1].text) ? k + 2 : k + 1;
    std::size_t last = first;  // one past the last capitalised word of the name
    for (std::size_t j = first; j < tokens.size(); ++j) {
      if (starts_upper(tokens[j].text)) last = j + 1;
      else if (!is_connector(lex, tokens[j].text) && !lex.name_conjunctions.count(tokens[j].text)) break;
      if (tokens[j].possessive) break;
    }
    if (last == first) continue;
    const std::string known = first_organization(tokens, first, last);
    // "a teacher from Ohio": after "from", only what is known to be an organisation or a country.
    if (lex.origin_prepositions.count(w) && known.empty()) continue;
    if (!organization.empty() && known.empty()) continue;
    const bool whole = known.size() && tokens[first].span == last - first;
    organization = whole ? known : join(tokens, first, last);
    known_organization = !known.empty();
    role_end = std::min(role_end, k);
  }
  std::string role = role_between(tokens, 0, role_end);
  if (role.empty()) role = noun_phrase_role(lex, tokens, role_end);
  if (role.empty() && organization.empty()) return;  // "Lavrov, meanwhile, said": nothing to learn
  // An apposition's role says more than a courtesy title before the name: "Dr Sonia Patel, a
  // cardiologist", "Prof Peter Kistler, the study's lead author".
  if (into.role.empty() || (!role.empty() && lex.honorifics.count(into.role))) into.role = role;
  if (organization.empty()) organization = first_organization(tokens, 0, tokens.size());
  if (organization.empty()) organization = organization_before_role(tokens, 0, role_end);  // "a Democratic strategist"
  if (into.organization.empty()) into.organization = organization;
}

}  // namespace quotegraph::detail
