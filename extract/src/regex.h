// A thin PCRE2 wrapper (internal): a pattern is compiled once (with JIT) into an immutable
// object that threads share; each thread matches with its own MatchScratch, which carries the
// match and depth limits that keep every match bounded.
#pragma once
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace quotegraph::detail {

class MatchScratch;

// Partial: only from a match on a cut subject (see Pattern::match), which reached the cut.
enum class MatchResult { Match, NoMatch, LimitExceeded, Error, Partial };

struct Group {
  std::size_t begin = 0, end = 0;
  bool set = false;
};

class Pattern {
 public:
  // Anywhere: match() searches from its start offset; AtStart: match() matches only at it.
  enum class Anchor { Anywhere, AtStart };
  // Compiles `source` (UTF-8 mode, Unicode properties). On failure returns null and sets
  // `error` to PCRE2's message and the offset of the offending part, and `error_offset` (when
  // given) to that byte offset in `source`.
  static std::unique_ptr<Pattern> compile(const std::string& source, std::string* error,
                                          Anchor anchor = Anchor::Anywhere, std::size_t* error_offset = nullptr);
  // Whether `source` compiles, without keeping it (no JIT); sets `error` and `error_offset`
  // like compile() when it does not.
  static bool check(const std::string& source, std::string* error, std::size_t* error_offset);
  ~Pattern();
  Pattern(const Pattern&) = delete;
  Pattern& operator=(const Pattern&) = delete;

  // Searches subject[start, end-of-subject) (or matches at `start` only: Anchor::AtStart).
  // `cut`: the subject is the beginning of a longer text; the result is Partial when the match
  // read up to the cut, where the rest could change it.
  MatchResult match(std::string_view subject, std::size_t start, MatchScratch& scratch, bool cut = false) const;
  // Whether a match can start with byte `b` (from PCRE2's start-of-match analysis; true for
  // every byte when PCRE2 found no such set).
  bool may_start_with(unsigned char b) const { return !has_first_bytes_ || (first_bytes_[b / 8] >> (b % 8)) & 1; }
  // Group number for a name, or -1. Group 0 is the whole match.
  int group_index(const char* name) const;
  const std::string& source() const { return source_; }

 private:
  Pattern() = default;
  struct Code;
  std::unique_ptr<Code> code_;
  std::string source_;
  unsigned char first_bytes_[32] = {};
  bool has_first_bytes_ = false;
};

// Per-thread match state: match data (grown for a pattern with more groups), limits, JIT stack.
class MatchScratch {
 public:
  explicit MatchScratch(unsigned long match_limit = 200000);
  ~MatchScratch();
  MatchScratch(const MatchScratch&) = delete;
  MatchScratch& operator=(const MatchScratch&) = delete;
  // Groups of the last successful match; valid until the next match with this scratch.
  Group group(int index) const;

 private:
  friend class Pattern;
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace quotegraph::detail
