// Reads a mention ("US Secretary of State Antony Blinken", "a Pentagon spokesman", "he") into
// name, role, organisation and kind, using the lexicons (internal).
#pragma once
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "flat_index.h"
#include "lexicon.h"

namespace quotegraph::detail {

enum class PhraseKind { None, Person, Organization, Descriptor, Pronoun };

struct Phrase {
  PhraseKind kind = PhraseKind::None;
  std::vector<std::string> name;  // name tokens, for a person
  std::string role;
  std::string organization;       // canonical country or organisation name
  char gender = 0;                // 'm', 'f' or 0 when the phrase does not tell
  bool honorific = false;         // "Mr", "Dr", "Sen." before the name: surely a person
  // Descriptors:
  std::string descriptor;         // the phrase as written ("a Pentagon spokesman")
  std::string head;               // head noun, lower case ("spokesman")
  bool definite = false;          // "the diplomat": refers back to an earlier mention
  bool written = false;           // a document rather than a person
  bool plural = false;
  bool nationality = false;       // "the American": the earlier person from that country
  bool epithet = false;           // "the 23-year-old", "the Dutchman": an earlier person or nobody
  PronounClass pronoun = PronounClass::None;  // for pronouns
};

Phrase analyse_phrase(std::string_view phrase, const Lexicon& lexicon);

// analyse_phrase, remembered: the same phrases recur within an article and across articles
// ("Mr Blair", "The", "He"), and the analysis depends on the phrase and the lexicon only, so
// the output is the same with or without the cache. Bounded: it is emptied when full, between
// documents only, so a reference it returns stays valid for the rest of the document.
class PhraseCache {
 public:
  // Starts a document for `lexicon_id` (a number that identifies one loaded lexicon).
  void start_document(std::uint64_t lexicon_id);
  const Phrase& analyse(std::string_view phrase, const Lexicon& lexicon);

 private:
  static constexpr std::size_t kMaxEntries = 20000;
  std::uint64_t lexicon_id_ = 0;
  // A deque, so that a reference to an entry survives adding more.
  std::deque<std::pair<std::string, Phrase>> entries_;
  FlatIndex index_;  // of entries_, by their phrases' hashes
};

// A lower-case word inside a name: "de" (Staffan de Mistura), "ten" (Erik ten Hag), "bin".
bool is_name_particle(const Lexicon& lex, std::string_view word);

// A month or a weekday: never a name alone, except as the surname of somebody named before
// ("Theresa May", "Mike Friday").
bool is_calendar_word(const Lexicon& lex, std::string_view word);

// Role and organisation from an apposition ("Russia’s foreign minister").
void analyse_apposition(std::string_view appos, const Lexicon& lexicon, Phrase& into);

}  // namespace quotegraph::detail
