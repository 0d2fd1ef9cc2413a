// The rule file (internal): attribution rules and mention patterns, compiled once.
// Format: docs/rules.md. Macros ({NAME}) come from `define` lines and from the lexicons
// ({@speech_verbs}, {@titles}, {@descriptors}).
#pragma once
#include <algorithm>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "flat_index.h"
#include "lexicon.h"
#include "regex.h"
#include "tokens.h"

namespace quotegraph::detail {

// A set of words looked up at almost every word of a text: most words are ruled out by their
// first two bytes and length before any hashing, and the rest probe one flat index of words that
// lie back to back in one string.
class WordSet {
 public:
  void insert(std::string_view word);
  bool contains(std::string_view word) const { return may_contain(word) && find(word); }
  // contains() for `word` with its ASCII capitals made small, without copying it for the words
  // its first bytes and length already rule out (folding keeps a byte's filter slot).
  bool contains_folded(std::string_view word) const { return may_contain(word) && find_folded(word); }
  // Whether a word has a byte outside ASCII (which the patterns may match in any case).
  bool has_non_ascii() const { return has_non_ascii_; }

 private:
  struct Word {
    std::uint32_t offset, size;  // in chars_
  };
  // The first test: false for most words not in the set, true for every word in it.
  bool may_contain(std::string_view word) const {
    return !word.empty() && ((lengths_[filter_slot(word)] >> std::min<std::size_t>(word.size(), 31)) & 1);
  }
  bool find(std::string_view word) const;
  bool find_folded(std::string_view word) const;
  // The low five bits of the first two bytes (0 for a word's missing second byte): an upper- and
  // a lower-case letter share a slot, and most words share theirs with no word of the set.
  static std::size_t filter_slot(std::string_view word) {
    const std::size_t second = word.size() > 1 ? static_cast<unsigned char>(word[1]) & 31u : 0;
    return (static_cast<unsigned char>(word[0]) & 31u) * 32 + second;
  }
  std::string chars_;
  std::vector<Word> words_;
  FlatIndex index_;  // of words_, by their hashes
  // Bit n of [filter_slot] is set when a word in that slot has n bytes (31: 31 or more).
  std::uint32_t lengths_[32 * 32] = {};
  bool has_non_ascii_ = false;
};

// A cheap test run before a pattern, declared by a `prefilter` line of the rule file: it must
// hold wherever the pattern can match, so skipping the pattern where it fails changes nothing
// but the time (docs/rules.md).
struct Prefilter {
  enum class Kind {
    None,
    // Mentions, at a word start:
    WordWithin,       // one of the `within` words after the first starts with a word of `words`
    WordBeforeComma,  // the first comma ends a word of `words` and is followed by a space
    PossessiveWithin, // one of the first `within` + 1 words, with a capital, ends with ’s or 's
    LowerCaseStart,   // a word starting with an ASCII lower-case letter is the first of an entry
    // Attribution rules, in a quotation's context:
    Contains,         // a word of `words` is in the context
  };
  Kind kind = Kind::None;
  std::shared_ptr<const WordSet> words;  // rules with the same list share it
  std::size_t within = 0;
  // WordWithin over a lexicon alone: the token class (tokens.h) its words have, for
  // may_match_tokens(); 0 otherwise.
  std::uint32_t token_class = 0;
  // Whether a mention pattern may match at `pos` of `line` (a line of text, at a word start).
  bool may_match(std::string_view line, std::size_t pos) const;
  // WordBeforeComma for every start up to one comma at once: the first comma at or after
  // `from` (or line.size()), and `word_start`, where the word before it starts (not before
  // `from`): for every pos in [from, word_start], may_match(line, pos) == passes.
  struct CommaWord {
    std::size_t comma, word_start;
    bool passes;
  };
  CommaWord comma_word(std::string_view line, std::size_t from) const;
  // WordWithin in two steps, so that a caller can keep the first for later positions: the
  // start of the first word after `from` (and after horizontal space) that starts with a word
  // of `words`, or line.size(); and whether the word at `word_start` is within reach of `pos`.
  std::size_t next_word(std::string_view line, std::size_t from) const;
  bool within_reach(std::string_view line, std::size_t pos, std::size_t word_start) const;
  // The first position from which `word_start` (a character other than horizontal space) is
  // within reach: for every pos <= word_start,
  // within_reach(line, pos, word_start) == (word_start < line.size() && pos >= reach_start(...)).
  // One scan back from the word instead of one forward from every word start before it.
  std::size_t reach_start(std::string_view line, std::size_t word_start) const;
  // PossessiveWithin likewise: where the next ’s or 's before horizontal space starts (at or
  // after `from`) that ends a word with a capital (or a byte outside ASCII), or line.size();
  // within_reach() then tells whether it is close enough.
  static std::size_t next_possessive(std::string_view line, std::size_t from);
  // next_word or next_possessive, as the kind asks.
  std::size_t next_target(std::string_view line, std::size_t from) const;
  // WordWithin where the text is tokens too, in two steps like next_target() and reach_start():
  // the first token after `from` that starts with a word of the list (its class is
  // `token_class`, or its first run of ASCII letters and digits is in `words`), or
  // tokens.size(); and the first token from which it is within reach (on its line, at most
  // `within` spaces and no stop character before it). Holds wherever may_match() does.
  std::size_t next_class_token(const std::vector<Token>& tokens, std::string_view text, std::size_t from) const;
  std::size_t token_reach_start(const std::vector<Token>& tokens, std::string_view text, std::size_t target) const;
  // Contains: whether a run of ASCII letters in `context` is a word of `words`.
  bool context_may_match(std::string_view context) const;
};

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
  Prefilter prefilter;
  // From an `ends-with` prefilter: the context must end with one of these bytes, horizontal
  // space and one final line break aside (as `\h*$` allows); empty: no such test.
  std::string ends_with;
  bool context_may_end_here(std::string_view context) const;
};

enum class MentionKind { Person, Descriptor, Pronoun };

struct MentionRule {
  std::string id;
  MentionKind kind;
  std::unique_ptr<Pattern> pattern;  // anchored (\G): tried only where a word starts
  // A `token-mention`: the pattern matches the document's class string (tokens.h), at the
  // symbol of the token that starts at the word, not its bytes.
  bool over_tokens = false;
  int name_group;   // the name (person) or -1: the whole match
  int appos_group;  // title phrase in apposition, or -1
  Prefilter prefilter;
};

struct RuleSet {
  std::vector<AttributionRule> rules;  // in file order: the first that matches wins
  std::vector<MentionRule> mentions;
  // Set when a mention is matched over tokens: the classes their words get.
  std::unique_ptr<TokenLexicon> token_lexicon;
  // Lower-case words a mention may start with (the MENTION_STARTERS macro plus the first run of
  // letters and digits of every title, "co" for "co-founder"); mentions are otherwise looked
  // for only at capitalised words, numbers and possessives. Without the macro, every word start
  // is tried. `word` is a run of ASCII letters and digits, compared without case.
  // `terms-in-marks N [C]`: a quotation of at most N words that no rule attributes, or only
  // with a confidence below C, is a name or a term in quotation marks („Shenzhou 6“, „Morning
  // Star“), not speech, and is left out; so is one of 2 to N words none of which is in lower
  // case (a name), whoever it is attributed to. N = 0 (no such line, as in the English file):
  // every quotation is kept.
  std::size_t term_max_words = 0;
  double term_min_confidence = 0.0;
  bool mention_starters_given = false;
  bool is_mention_starter(std::string_view word) const { return mention_starters_.contains_folded(word); }

  // Parses and compiles `text`; `file_name` is used in messages ("rules.txt:12: ...").
  bool load(const std::string& text, const std::string& file_name, const Lexicon& lexicon,
            std::string* error);

 private:
  // Parses the rest of a `prefilter` line; returns why it is wrong, or "".
  std::string add_prefilter(std::string fields, const Lexicon& lexicon);
  std::string add_ending_test(const std::string& ids, const std::string& ending_bytes);
  std::string set_mention_prefilters(const std::string& ids, const std::string& kind_name, const Prefilter& prefilter);
  std::map<std::string, std::shared_ptr<const WordSet>> prefilter_words_;  // by list and kind
  WordSet mention_starters_;
};

}  // namespace quotegraph::detail
