// Reads a mention ("US Secretary of State Antony Blinken", "a Pentagon spokesman", "he") into
// name, role, organisation and kind, using the lexicons (internal).
#pragma once
#include <string>
#include <string_view>
#include <vector>

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
  std::string pronoun;            // lower case, for pronouns
};

Phrase analyse_phrase(std::string_view phrase, const Lexicon& lexicon);

// A lower-case word inside a name: "de" (Staffan de Mistura), "ten" (Erik ten Hag), "bin".
bool is_name_particle(std::string_view word);

// A month or a weekday: never a name alone, except as the surname of somebody named before
// ("Theresa May", "Mike Friday").
bool is_calendar_word(std::string_view word);

// Role and organisation from an apposition ("Russia’s foreign minister").
void analyse_apposition(std::string_view appos, const Lexicon& lexicon, Phrase& into);

}  // namespace quotegraph::detail
