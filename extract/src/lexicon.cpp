#include "lexicon.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace quotegraph::detail {
namespace {

std::size_t word_count(const std::string& s) {
  return static_cast<std::size_t>(std::count(s.begin(), s.end(), ' ')) + 1;
}

// Calls `line_fn(line, line_number)` for every line that is not blank or a comment.
template <typename LineFn>
void for_each_entry(const std::string& text, LineFn line_fn) {
  std::istringstream in(text);
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const auto first = line.find_first_not_of(" \t");
    if (first == std::string::npos || line[first] == '#') continue;
    line_fn(line, number);
  }
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

bool Lexicon::load(const std::string& directory, const std::string& language, std::string* error) {
  std::string text;
  bool ok = true;
  auto fail = [&](const std::string& file, int line, const std::string& why) {
    if (ok && error) *error = file + ":" + std::to_string(line) + ": " + why;
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
  if (!read("language.tsv")) return false;
  entries("language.tsv", [&](const std::string& line, int number) {
    const auto f = split(line, '\t');
    if (f.size() == 3 && f[0] == "pronoun") {
      pronouns[to_lower_ascii(f[1])] = f[2];
    } else if (f.size() == 2 && f[0] == "definite") {
      definite_articles.insert(to_lower_ascii(f[1]));
    } else if (f.size() == 2 && f[0] == "determiner") {
      determiners.insert(to_lower_ascii(f[1]));
    } else if (f.size() == 2 && f[0] == "nouns" && f[1] == "capitalised") {
      nouns_capitalised = true;
    } else if (f.size() == 2 && f[0] == "compounds" && f[1] == "titles") {
      compound_titles = true;
    } else {
      fail("language.tsv", number,
           "expected pronoun<TAB>FORM<TAB>he|she|they|it|we, definite<TAB>WORD, determiner<TAB>WORD, nouns<TAB>capitalised or compounds<TAB>titles");
    }
  });
  // Longest forms first, so that alternations built from them prefer "said" over "sa".
  std::sort(speech_verbs.begin(), speech_verbs.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size() || (a.size() == b.size() && a < b); });
  speech_verbs.erase(std::unique(speech_verbs.begin(), speech_verbs.end()), speech_verbs.end());
  speech_verb_forms.insert(speech_verbs.begin(), speech_verbs.end());
  return ok;
}

std::size_t Lexicon::longest_phrase_from(const std::string& first_word) const {
  const auto found = phrase_starts.find(to_lower_ascii(first_word));
  return found == phrase_starts.end() ? 1 : found->second;
}

}  // namespace quotegraph::detail
