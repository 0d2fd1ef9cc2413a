// The rule file (internal): attribution rules and mention patterns, compiled once.
// Format: docs/rules.md. Macros ({NAME}) come from `define` lines and from the lexicons
// ({@speech_verbs}, {@titles}, {@descriptors}).
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "lexicon.h"
#include "regex.h"

namespace quotegraph::detail {

// Where a rule looks: the words after the closing mark up to the end of the sentence, the
// sentence before the opening mark, or the end of an unclosed quote's own text.
enum class RuleContext { After, Before, Tail };

struct AttributionRule {
  std::string id;
  RuleContext context;
  double confidence;
  std::unique_ptr<Pattern> pattern;
  int speaker_group;  // required
  int cue_group;      // -1 if the rule has none
  int appos_group;    // an apposition giving role/organisation, -1 if none
};

enum class MentionKind { Person, Descriptor, Pronoun };

struct MentionRule {
  std::string id;
  MentionKind kind;
  std::unique_ptr<Pattern> pattern;  // anchored (\G): tried only where a word starts
  int name_group;   // the name (person) or -1: the whole match
  int appos_group;  // title phrase in apposition, or -1
};

struct RuleSet {
  std::vector<AttributionRule> rules;  // in file order: the first that matches wins
  std::vector<MentionRule> mentions;
  // Lower-case words a mention may start with (the MENTION_STARTERS macro plus the first word
  // of every title); mentions are otherwise looked for only at capitalised words, numbers and
  // possessives. Without the macro, every word start is tried.
  bool mention_starters_given = false;
  bool is_mention_starter(std::string_view lower_case_word) const;

  // Parses and compiles `text`; `file_name` is used in messages ("rules.txt:12: ...").
  bool load(const std::string& text, const std::string& file_name, const Lexicon& lexicon,
            std::string* error);

 private:
  void add_mention_starter(const std::string& word);
  std::unordered_set<std::string> mention_starters_;
  // Bit n of [letter - 'a'] is set when a starter of that first letter has n bytes: most words
  // are ruled out by it without hashing.
  std::uint32_t starter_lengths_[26] = {};
};

}  // namespace quotegraph::detail
