#include "lexicon.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "quotegraph/utf8.h"

namespace quotegraph::detail {
namespace {

std::size_t word_count(const std::string& s) {
  return static_cast<std::size_t>(std::count(s.begin(), s.end(), ' ')) + 1;
}


std::vector<std::string> split(const std::string& line, char sep) {
  std::vector<std::string> out;
  std::string field;
  std::istringstream in(line);
  while (std::getline(in, field, sep)) {
    if (sep == ' ' && field.empty()) continue;
    out.push_back(field);
  }
  return out;
}

}  // namespace

std::size_t invalid_utf8_at(const std::string& line) {
  std::string copy = line;
  const Utf8Repair repair = repair_utf8(copy);
  return repair.invalid_bytes ? repair.first_invalid : std::string::npos;
}

std::string to_lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool Lexicon::read_data_file(const std::string& directory, const std::string& language,
                             const std::string& name, std::string* text, std::string* error) {
  if (!directory.empty()) {
    std::ifstream in(directory + "/" + name, std::ios::binary);
    if (in) {
      std::ostringstream buffer;
      buffer << in.rdbuf();
      *text = buffer.str();
      return true;
    }
  }
  const std::string_view builtin = embedded_data(language + "/" + name);
  if (builtin.empty()) {
    if (error) *error = language + "/" + name + ": no such data file";
    return false;
  }
  *text = std::string(builtin);
  return true;
}

namespace {

constexpr const char* kLexiconFiles[] = {"speech_verbs.txt", "titles.txt",      "descriptors.txt", "countries.tsv",
                                         "organizations.txt", "honorifics.tsv",  "first_names.tsv", "stopwords.txt",
                                         "title_words.txt",  "title_cues.txt",  "language.tsv"};

// Why `directory` cannot be a --lexicon-dir, or "": it must be a directory, and every file in
// it a lexicon (a misnamed one would be ignored without a word, the built-in copy used instead).
std::string check_lexicon_dir(const std::string& directory) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const auto status = fs::status(directory, ec);
  if (ec || !fs::exists(status)) return directory + ": no such directory (--lexicon-dir)";
  if (!fs::is_directory(status)) return directory + ": not a directory (--lexicon-dir takes a directory of lexicon files)";
  std::vector<std::string> names;
  for (fs::directory_iterator it(directory, ec), end; !ec && it != end; it.increment(ec))
    names.push_back(it->path().filename().string());
  if (ec) return directory + ": cannot read directory: " + ec.message();
  std::sort(names.begin(), names.end());
  for (const auto& name : names) {
    if (name.empty() || name[0] == '.') continue;  // hidden files: an editor's, a version control's
    if (std::find(std::begin(kLexiconFiles), std::end(kLexiconFiles), name) != std::end(kLexiconFiles)) continue;
    if (name == "rules.txt") return directory + "/rules.txt: a rule file is given with --rules, not in --lexicon-dir";
    std::string known;
    for (const char* file : kLexiconFiles) known += std::string(known.empty() ? "" : ", ") + file;
    return directory + "/" + name + ": not a lexicon file (they are " + known + ")";
  }
  return "";
}

}  // namespace

bool Lexicon::load(const std::string& directory, const std::string& language, std::string* error) {
  if (!directory.empty()) {
    if (std::string why = check_lexicon_dir(directory); !why.empty()) {
      if (error) *error = why;
      return false;
    }
  }
  std::string text;
  bool ok = true;
  // A file is named as the user knows it: with the directory when it came from there.
  auto source = [&](const std::string& file) {
    std::error_code ec;
    return !directory.empty() && std::filesystem::exists(directory + "/" + file, ec) ? directory + "/" + file : file;
  };
  auto fail = [&](const std::string& file, int line, const std::string& why) {
    if (ok && error) *error = source(file) + ":" + std::to_string(line) + ": " + why;
    ok = false;
  };
  auto read = [&](const char* name) {
    text.clear();
    return read_data_file(directory, language, name, &text, error);
  };
  // Every line of a lexicon is a word, a phrase or a short list of words; a longer one is a
  // mistake (a file pasted into another) that would become a pattern as long as itself.
  constexpr std::size_t kMaxLineBytes = 4096;
  auto entries = [&](const char* file, auto line_fn) {
    for_each_entry(text, [&](const std::string& line, int number) {
      if (line.size() > kMaxLineBytes)
        return fail(file, number, "a line of " + std::to_string(line.size()) + " bytes (at most " +
                                      std::to_string(kMaxLineBytes) + ")");
      if (const std::size_t bad = invalid_utf8_at(line); bad != std::string::npos)
        return fail(file, number, "byte " + std::to_string(bad + 1) + ": invalid UTF-8 (save the file as UTF-8)");
      line_fn(line, number);
    });
  };
  auto note_phrase = [&](const std::string& s) {
    const std::size_t words = word_count(s);
    if (words > 1) {
      std::size_t& most = phrase_starts[to_lower_ascii(s.substr(0, s.find(' ')))];
      most = std::max(most, words);
    }
  };

  if (!read("speech_verbs.txt")) return false;
  entries("speech_verbs.txt", [&](const std::string& line, int) {
    for (const auto& form : split(line, ' ')) speech_verbs.push_back(to_lower_ascii(form));
  });
  if (!read("titles.txt")) return false;
  entries("titles.txt", [&](const std::string& line, int) {
    titles.insert(to_lower_ascii(line));
    note_phrase(line);
  });
  if (!read("descriptors.txt")) return false;
  entries("descriptors.txt", [&](const std::string& line, int) {
    const auto f = split(line, '\t');
    descriptors[to_lower_ascii(f[0])] = f.size() > 1 && f[1] == "written";
  });
  if (!read("countries.tsv")) return false;
  entries("countries.tsv", [&](const std::string& line, int number) {
    const auto f = split(line, '\t');
    if (f.size() != 2) return fail("countries.tsv", number, "expected form<TAB>country");
    countries[f[0]] = f[1];
    note_phrase(f[0]);
  });
  if (!read("organizations.txt")) return false;
  entries("organizations.txt", [&](const std::string& line, int number) {
    const auto f = split(line, '\t');
    if (f.size() < 2 || (f[0] != "org" && f[0] != "cue"))
      return fail("organizations.txt", number, "expected org<TAB>NAME[<TAB>CANONICAL] or cue<TAB>WORD");
    if (f[0] == "cue") {
      organization_cues.insert(f[1]);
    } else {
      organizations[f[1]] = f.size() > 2 ? f[2] : f[1];
      note_phrase(f[1]);
    }
  });
  if (!read("honorifics.tsv")) return false;
  entries("honorifics.tsv", [&](const std::string& line, int number) {
    const auto f = split(line, '\t');
    if (f.size() < 2 || f.size() > 3 || f[1].size() != 1 || (f.size() == 3 && f[2] != "rank"))
      return fail("honorifics.tsv", number, "expected word<TAB>m|f|-[<TAB>rank]");
    honorifics[f[0]] = f[1][0];
    if (f.size() == 3) ranks.insert(f[0]);
  });
  if (!read("first_names.tsv")) return false;
  entries("first_names.tsv", [&](const std::string& line, int number) {
    const auto f = split(line, '\t');
    if (f.size() != 2 || f[1].size() != 1) return fail("first_names.tsv", number, "expected name<TAB>m|f");
    first_names[f[0]] = f[1][0];
  });
  if (!read("stopwords.txt")) return false;
  entries("stopwords.txt", [&](const std::string& line, int) {
    for (const auto& w : split(line, ' ')) stopwords.insert(w);
  });
  if (!read("title_words.txt")) return false;
  entries("title_words.txt", [&](const std::string& line, int) {
    for (const auto& w : split(line, ' ')) title_words.insert(w);
  });
  if (!read("title_cues.txt")) return false;
  entries("title_cues.txt", [&](const std::string& line, int) {
    for (const auto& w : split(line, ' ')) title_cues.insert(to_lower_ascii(w));
  });
  if (!read("language.tsv")) return false;
  entries("language.tsv", [&](const std::string& line, int number) {
    if (!add_language_row(split(line, '\t'))) {
      fail("language.tsv", number,
           "expected pronoun<TAB>FORM<TAB>masculine|feminine|plural|neuter|first_person, nouns<TAB>capitalised, compounds<TAB>titles or "
           "SECTION<TAB>WORD for a section of the file's header (definite, determiner, abbreviation, article, ...)");
    }
  });
  // Longest forms first, so that alternations built from them prefer "said" over "sa".
  std::sort(speech_verbs.begin(), speech_verbs.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size() || (a.size() == b.size() && a < b); });
  speech_verbs.erase(std::unique(speech_verbs.begin(), speech_verbs.end()), speech_verbs.end());
  speech_verb_forms.insert(speech_verbs.begin(), speech_verbs.end());
  return ok;
}

// One row of language.tsv (split at tabs); false when it is none of the file's sections.
bool Lexicon::add_language_row(const std::vector<std::string>& f) {
  // Sections of words, stored in lower case, and of suffixes and phrases, in file order.
  static const std::pair<const char*, std::unordered_set<std::string> Lexicon::*> kWordSets[] = {
      {"article", &Lexicon::articles},
      {"organisation_article", &Lexicon::organisation_articles},
      {"place_preposition", &Lexicon::place_prepositions},
      {"object_preposition", &Lexicon::object_prepositions},
      {"addressee_preposition", &Lexicon::addressee_prepositions},
      {"object_article", &Lexicon::object_articles},
      {"list_conjunction", &Lexicon::list_conjunctions},
      {"document_preposition", &Lexicon::document_prepositions},
      {"telling_verb", &Lexicon::telling_verbs},
      {"asking_verb", &Lexicon::asking_verbs},
      {"passive_auxiliary", &Lexicon::passive_auxiliaries},
      {"clause_opener", &Lexicon::clause_openers},
      {"adjunct_start", &Lexicon::adjunct_starts},
      {"possessive_determiner", &Lexicon::possessive_determiners},
      {"new_source_start", &Lexicon::new_source_starts},
      {"known_source_start", &Lexicon::known_source_starts},
      {"name_particle", &Lexicon::name_particles},
      {"joined_particle", &Lexicon::joined_particles},
      {"connector", &Lexicon::connectors},
      {"source_determiner", &Lexicon::source_determiners},
      {"group_determiner", &Lexicon::group_determiners},
      {"organisation_preposition", &Lexicon::organisation_prepositions},
      {"source_qualifier", &Lexicon::source_qualifiers},
      {"name_conjunction", &Lexicon::name_conjunctions},
      {"speaker_conjunction", &Lexicon::speaker_conjunctions},
      {"name_link", &Lexicon::name_links},
      {"genitive_preposition", &Lexicon::genitive_prepositions},
      {"origin_preposition", &Lexicon::origin_prepositions},
      {"indefinite_article", &Lexicon::indefinite_articles},
      {"epithet_article", &Lexicon::epithet_articles},
      {"plural_source_noun", &Lexicon::plural_source_nouns},
      {"distributive", &Lexicon::distributives},
      {"courtesy_title", &Lexicon::courtesy_titles},
      {"role_end_word", &Lexicon::role_end_words},
      {"reported_speech_word", &Lexicon::reported_speech_words},
      {"judgement_word", &Lexicon::judgement_words},
      {"motto_cue", &Lexicon::motto_cues},
      {"article_contraction", &Lexicon::article_contractions},
  };
  static const std::pair<const char*, std::vector<std::string> Lexicon::*> kWordLists[] = {
      {"participle_suffix", &Lexicon::participle_suffixes},
      {"genitive_suffix", &Lexicon::genitive_suffixes},
      {"speaker_noun_ending", &Lexicon::speaker_noun_endings},
      {"utterance_noun", &Lexicon::utterance_nouns},
      {"anonymity_sign", &Lexicon::anonymity_signs},
      {"group_reference", &Lexicon::group_references},
      {"demonym_suffix", &Lexicon::demonym_suffixes},
      {"describing_suffix", &Lexicon::describing_suffixes},
      {"frequent_word", &Lexicon::frequent_words},
      {"opening_mark", &Lexicon::opening_marks},
  };
  if (f.size() == 3 && f[0] == "pronoun") {
    static const std::pair<const char*, PronounClass> kClasses[] = {
        {"masculine", PronounClass::Masculine}, {"feminine", PronounClass::Feminine},
        {"plural", PronounClass::Plural},       {"neuter", PronounClass::Neuter},
        {"first_person", PronounClass::FirstPerson}};
    for (const auto& [name, pronoun_class] : kClasses)
      if (f[2] == name) return pronouns[to_lower_ascii(f[1])] = pronoun_class, true;
    return false;
  }
  if (f.size() != 2) return false;
  const std::string& section = f[0];
  if (section == "nouns" && f[1] == "capitalised") return nouns_capitalised = true;
  if (section == "compounds" && f[1] == "titles") return compound_titles = true;
  if (section == "compounds" && f[1] == "descriptors") return compound_descriptors = true;
  std::unordered_set<std::string>* words = nullptr;
  if (section == "definite") words = &definite_articles;
  if (section == "determiner") words = &determiners;
  for (const auto& [name, set] : kWordSets)
    if (section == name) words = &(this->*set);
  if (words) return words->insert(to_lower_ascii(f[1])), true;
  // Matched as written: "No" (the abbreviation) is not "no", "May" (the month) not "may".
  if (section == "abbreviation") return abbreviations.insert(f[1]), true;
  if (section == "calendar_word") return calendar_words.insert(f[1]), true;
  for (const auto& [name, list] : kWordLists)
    if (section == name) return (this->*list).push_back(to_lower_ascii(f[1])), true;
  return false;
}

std::size_t Lexicon::longest_phrase_from(const std::string& first_word) const {
  const auto found = phrase_starts.find(to_lower_ascii(first_word));
  return found == phrase_starts.end() ? 1 : found->second;
}

}  // namespace quotegraph::detail
