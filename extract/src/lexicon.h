// The lexicons (speech verbs, titles, countries, organisations, ...) as lookup tables
// (internal). Loaded from a language's extract/data/LANG/ files: built into the binary, or
// from a directory the user gives, file by file.
#pragma once
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>
#include <vector>
#include "chars.h"

namespace quotegraph::detail {

// What a pronoun refers to, as the coreference code reasons with it; language.tsv maps each
// language's pronouns to one (`pronoun<TAB>er<TAB>masculine`). Either is no pronoun of any
// language: it stands for an epithet that refers back to a person of either gender.
enum class PronounClass { None, Masculine, Feminine, Either, Plural, Neuter, FirstPerson };

struct Lexicon {
  std::vector<std::string> speech_verbs;             // every form, lower case
  std::unordered_set<std::string> speech_verb_forms; // the same, for lookups
  std::unordered_set<std::string> titles;            // lower case, words or phrases
  std::unordered_map<std::string, bool> descriptors; // head noun (lower case) -> written source?
  std::unordered_map<std::string, std::string> countries;  // form -> country
  std::unordered_map<std::string, std::string> organizations;  // form -> canonical name
  std::unordered_set<std::string> organization_cues;
  std::unordered_map<std::string, char> honorifics;  // word -> 'm', 'f' or '-'
  std::unordered_set<std::string> ranks;             // honorifics that are part of a name ("Lord", "Prince")
  std::unordered_map<std::string, char> first_names; // name -> 'm' or 'f'
  std::unordered_set<std::string> stopwords;
  std::unordered_set<std::string> title_words;       // lower-case words of titles ("of", "the")
  std::unordered_set<std::string> title_cues;        // words before a title ("book", "show")
  // language.tsv: the little grammar the code needs. A pronoun's form -> what it refers to
  // ("er" -> Masculine, "sie" -> Feminine), which the coreference code reasons with; definite articles
  // ("the"; "der", "die", ...: a descriptor after one refers back); determiners that open an
  // unnamed source's phrase ("ein Sprecher"); and whether common nouns are capitalised (German:
  // "ein Sprecher des Ministeriums" is an unnamed source although "Sprecher" has a capital).
  std::unordered_map<std::string, PronounClass> pronouns;
  std::unordered_set<std::string> definite_articles;
  std::unordered_set<std::string> determiners;
  bool nouns_capitalised = false;
  bool compound_titles = false;  // a word ending with a title is one ("SPD-Vorsitzende")
  bool compound_descriptors = false;  // a word ending with a source noun is one ("WWF-Sprecher")
  // language.tsv's word lists for the passes (the file's header says what each is for). Lower
  // case, but for the abbreviations, which are matched as written ("No" ends no sentence).
  std::unordered_set<std::string> abbreviations;          // "Mr", "Jan", "vs": a full stop after them ends nothing
  std::unordered_set<std::string> articles;               // "the", "a": before a capitalised name, a thing
  std::unordered_set<std::string> organisation_articles;  // "the": a name after it that speaks is an organisation
  std::unordered_set<std::string> place_prepositions;     // "at", "in", "near": a place follows
  std::unordered_set<std::string> object_prepositions;    // "with", "from": the person after it is no subject
  std::unordered_set<std::string> addressee_prepositions; // German "gegenüber": whom one speaks to, in any case
  std::unordered_set<std::string> object_articles;          // "den", "dem": a noun phrase it opens is no subject (German cases)
  std::unordered_set<std::string> list_conjunctions;      // "or", "and": the next of a list of places
  std::unordered_set<std::string> document_prepositions;  // "in": "said in a statement"
  std::unordered_set<std::string> telling_verbs;          // speech verb forms whose object listens: "told"
  std::unordered_set<std::string> asking_verbs;           // speech verb forms that ask: "asked"
  std::unordered_set<std::string> passive_auxiliaries;    // "was": "was asked" (who was asked answers)
  std::vector<std::string> participle_suffixes;           // "ing": "saying" introduces, not reports
  std::unordered_set<std::string> clause_openers;         // "but", "while": a new subject follows
  std::unordered_set<std::string> adjunct_starts;         // "in", "yesterday": "said in a statement"
  std::vector<std::string> anonymity_signs;               // "not to be named": an unnamed source
  std::unordered_set<std::string> possessive_determiners; // "his", "their": whose role, not the role
  std::vector<std::string> group_references;              // "of them": "one of them" is the group named last
  std::unordered_set<std::string> new_source_starts;      // "a", "one", "its": "one trader told" names somebody new
  std::unordered_set<std::string> known_source_starts;    // "he", "the": may be the previous speaker
  // ... and for the phrase analyser (phrase.cpp).
  std::unordered_set<std::string> calendar_words;         // "Friday", "May" (as written): a surname only after a name
  std::unordered_set<std::string> name_particles;         // "de", "van", "bin": lower-case words inside a name
  std::unordered_set<std::string> joined_particles;       // "al", "el": "al-Assad" is a name
  std::unordered_set<std::string> connectors;             // "of", "the": join the words of a title or organisation
  std::unordered_set<std::string> source_determiners;     // "a", "one", "several": open an unnamed source's phrase
  std::unordered_set<std::string> group_determiners;      // "the", "their": "one of their lawyers"
  std::unordered_set<std::string> organisation_prepositions;  // "for", "at": "a spokesman for Dell"
  std::unordered_set<std::string> source_qualifiers;      // "familiar", "close": "a source familiar with"
  std::vector<std::string> demonym_suffixes;              // "an", "ese": "American", "Chinese"
  std::vector<std::string> describing_suffixes;           // "ant", "crat": "Defiant", "Democrat" describe, not name
  std::unordered_set<std::string> name_conjunctions;      // "and", "&": "Trade and Industry"
  std::unordered_set<std::string> speaker_conjunctions;   // German "und": "Sonia und Willy Bogner" speak together
  std::unordered_set<std::string> name_links;             // "of", "for": "Ministry for Foreign Affairs"
  std::unordered_set<std::string> genitive_prepositions;  // "of": "Brian Taylor of Wells Fargo", "one of the"
  std::unordered_set<std::string> origin_prepositions;    // "from": only a known organisation after it
  std::unordered_set<std::string> indefinite_articles;    // "a", "an": "a defiant Tom Hale" has no role
  std::unordered_set<std::string> epithet_articles;       // "the": "the American", "the 23-year-old"
  std::unordered_set<std::string> plural_source_nouns;    // "people", "family": speak as "they"
  std::unordered_set<std::string> distributives;          // "one", "each": one of a group speaks alone
  std::unordered_set<std::string> courtesy_titles;        // "dr": an honorific that is no role
  std::unordered_set<std::string> role_end_words;         // "who", "and": end an unnamed source's role
  std::unordered_set<std::string> reported_speech_words;  // "sei", "habe": a sentence reports what was said
  std::unordered_set<std::string> article_contractions;  // "im", "zum": a preposition joined with an article
  std::unordered_set<std::string> judgement_words;  // "als" before a short quote: somebody's judgement
  std::unordered_set<std::string> motto_cues;       // German "Motto": a quoted sentence after it is a name
  std::vector<std::string> genitive_suffixes;             // "s": "Frankreichs" is of Frankreich
  std::vector<std::string> speaker_noun_endings;          // a noun so ending may name who speaks ("Sprecher", "Nachrichtenagentur")
  std::vector<std::string> utterance_nouns;               // "worte", "aussage": words of whom a name after it says
  // For --lang auto (detect_language(), which reads the built-in files).
  std::vector<std::string> frequent_words;                // "the", "and": frequent in the language's texts
  std::vector<std::string> opening_marks;                 // "„": a quotation mark the language opens with
  // Lower-case first word of a several-word title, country or organisation -> the most words
  // of an entry starting with it: phrases are looked up only where one can start.
  std::unordered_map<std::string, std::size_t> phrase_starts;
  std::size_t longest_phrase_from(const std::string& first_word) const;

  // Reads every lexicon file from `directory` when given and present there, else from the
  // built-in copy of `language` ("en", "de"). Returns false and sets `error` (file:line:
  // reason) on a malformed file.
  bool load(const std::string& directory, const std::string& language, std::string* error);
  // Text of a data file: the user's copy in `directory` if there, else the built-in one of
  // `language`.
  // One row of language.tsv, split at tabs: false when it is none of the file's sections.
  bool add_language_row(const std::vector<std::string>& fields);
  static bool read_data_file(const std::string& directory, const std::string& language,
                             const std::string& name, std::string* text, std::string* error);
};

// The built-in copy of a data file by its path below extract/data/ ("en/rules.txt"; generated
// at build time); empty if none.
std::string_view embedded_data(std::string_view name);
// The built-in languages, the folders of extract/data/ (generated at build time), the default
// ("en") first.
const std::vector<std::string_view>& embedded_languages();

std::string to_lower_ascii(std::string_view s);

// Whether `word` without one of the language's genitive suffixes (genitive_suffix: "Frankreichs"
// is of "Frankreich") leaves a stem of more than `min_stem` bytes that `accept` takes.
template <typename Accept>
bool genitive_stem_that(const Lexicon& lex, std::string_view word, std::size_t min_stem, Accept accept) {
  for (const std::string& suffix : lex.genitive_suffixes)
    if (word.size() > suffix.size() + min_stem && ends_with(word, suffix) &&
        accept(std::string(word.substr(0, word.size() - suffix.size()))))
      return true;
  return false;
}

// Calls `line_fn(line, line_number)` for every line of a data file (lexicon or rule file) that
// is not blank or a comment, without its line break; stops when line_fn returns false (one
// that returns nothing sees every line).
template <typename LineFn>
void for_each_entry(const std::string& text, LineFn line_fn) {
  std::size_t start = 0;
  for (int number = 1; start < text.size(); ++number) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    start = end + 1;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const auto first = line.find_first_not_of(" \t");
    if (first == std::string::npos || line[first] == '#') continue;
    if constexpr (std::is_same_v<decltype(line_fn(line, number)), bool>) {
      if (!line_fn(line, number)) return;
    } else {
      line_fn(line, number);
    }
  }
}

// Where the first byte that is not UTF-8 is in `line`, or npos: the patterns are compiled from
// lexicon and rule lines in UTF mode.
std::size_t invalid_utf8_at(const std::string& line);

}  // namespace quotegraph::detail
