#define PCRE2_CODE_UNIT_WIDTH 8
#include "regex.h"

#include <pcre2.h>

#include <algorithm>
#include <mutex>

namespace quotegraph::detail {

struct Pattern::Code {
  pcre2_code* code = nullptr;
  bool jit = false;
  // A match on a cut subject (PCRE2_PARTIAL_HARD) has a JIT code of its own, compiled when first
  // needed: most runs have no line long enough to need it (it costs 23 million instructions).
  std::once_flag partial_jit;
  uint32_t pairs = 1;  // offset pairs a match fills: the whole match and every group
  ~Code() { pcre2_code_free(code); }
};

struct MatchScratch::State {
  pcre2_match_data* data = nullptr;  // room for `pairs` offset pairs, grown for a pattern with more groups
  uint32_t pairs = 0;
  pcre2_match_context* context = nullptr;
  pcre2_jit_stack* jit_stack = nullptr;
  ~State() {
    pcre2_match_data_free(data);
    pcre2_match_context_free(context);
    pcre2_jit_stack_free(jit_stack);
  }
};

namespace {

// `prefix`: bytes the caller put before the user's pattern, left out of the offset it reports.
pcre2_code* compile_code(const std::string& source, std::string* error, std::size_t* error_at, std::size_t prefix = 0) {
  int code_error = 0;
  PCRE2_SIZE error_offset = 0;
  pcre2_code* code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(source.data()), source.size(),
                                   PCRE2_UTF | PCRE2_UCP, &code_error,  // a pattern's UTF-8 is checked: invalid UTF-8 crashed it
                                   &error_offset, nullptr);
  if (!code && error_at) *error_at = error_offset > prefix ? error_offset - prefix : 0;
  if (!code && error) {
    PCRE2_UCHAR buffer[256];
    pcre2_get_error_message(code_error, buffer, sizeof buffer);
    *error = std::string(reinterpret_cast<char*>(buffer)) + " at offset " + std::to_string(error_offset) +
             ": ..." + source.substr(error_offset > 20 ? error_offset - 20 : 0, 40) + "...";
  }
  return code;
}

}  // namespace

std::unique_ptr<Pattern> Pattern::compile(const std::string& source, std::string* error, Anchor anchor,
                                          std::size_t* error_offset) {
  pcre2_code* code = compile_code(source, error, error_offset);
  if (!code) return nullptr;
  std::unique_ptr<Pattern> pattern(new Pattern());
  // The bytes a match can start with, as PCRE2 works them out for its own start-of-match
  // search (it does not for an anchored pattern, so this is read before anchoring).
  const uint8_t* bitmap = nullptr;
  if (pcre2_pattern_info(code, PCRE2_INFO_FIRSTBITMAP, &bitmap) == 0 && bitmap) {
    std::copy(bitmap, bitmap + 32, pattern->first_bytes_);
    pattern->has_first_bytes_ = true;
  }
  if (anchor == Anchor::AtStart) {
    pcre2_code_free(code);
    const std::string anchored = "\\G(?:";
    code = compile_code(anchored + source + ")", error, error_offset, anchored.size());
    if (!code) return nullptr;
  }
  // JIT is a speed-up, not a requirement: a pattern the JIT cannot take still matches.
  pattern->code_ = std::make_unique<Code>();
  pattern->code_->code = code;
  pattern->code_->jit = pcre2_jit_compile(code, PCRE2_JIT_COMPLETE) == 0;
  uint32_t groups = 0;
  pcre2_pattern_info(code, PCRE2_INFO_CAPTURECOUNT, &groups);
  pattern->code_->pairs = groups + 1;
  pattern->source_ = source;
  return pattern;
}

bool Pattern::check(const std::string& source, std::string* error, std::size_t* error_offset) {
  pcre2_code* code = compile_code(source, error, error_offset);
  pcre2_code_free(code);
  return code != nullptr;
}

Pattern::~Pattern() = default;

MatchResult Pattern::match(std::string_view subject, std::size_t start, MatchScratch& scratch, bool cut) const {
  // pcre2_jit_match skips the checks pcre2_match repeats on every call (the subject is valid
  // UTF-8 by construction).
  auto match_function = code_->jit ? pcre2_jit_match : pcre2_match;
  if (cut) {
    // pcre2_match runs the partial JIT code when there is one, else the interpreter. Compiling
    // another mode leaves the complete mode, which other threads may be running, as it is.
    if (code_->jit) std::call_once(code_->partial_jit, [&] { pcre2_jit_compile(code_->code, PCRE2_JIT_PARTIAL_HARD); });
    match_function = pcre2_match;
  }
  MatchScratch::State& state = *scratch.state_;
  if (state.pairs < code_->pairs) {  // a rule file's pattern with more groups than any before
    pcre2_match_data_free(state.data);
    state.data = pcre2_match_data_create(code_->pairs, nullptr);
    state.pairs = code_->pairs;
  }
  const int rc = match_function(code_->code, reinterpret_cast<PCRE2_SPTR>(subject.data()),
                             subject.size(), start,
                             PCRE2_NO_UTF_CHECK | (cut ? PCRE2_PARTIAL_HARD : 0),
                             state.data, state.context);
  if (rc >= 0) return MatchResult::Match;
  if (rc == PCRE2_ERROR_PARTIAL) return MatchResult::Partial;
  if (rc == PCRE2_ERROR_NOMATCH) return MatchResult::NoMatch;
  if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
      rc == PCRE2_ERROR_HEAPLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT)
    return MatchResult::LimitExceeded;
  return MatchResult::Error;
}

int Pattern::group_index(const char* name) const {
  const int n = pcre2_substring_number_from_name(code_->code, reinterpret_cast<PCRE2_SPTR>(name));
  return n > 0 ? n : -1;
}

MatchScratch::MatchScratch(unsigned long match_limit) : state_(std::make_unique<State>()) {
  // Room for the whole match and 9 groups, enough for the built-in rules; match() makes room
  // for a pattern with more (a rule file's), whose groups would otherwise go unset.
  state_->pairs = 10;
  state_->data = pcre2_match_data_create(state_->pairs, nullptr);
  state_->context = pcre2_match_context_create(nullptr);
  pcre2_set_match_limit(state_->context, match_limit);
  pcre2_set_depth_limit(state_->context, 10000);
  pcre2_set_heap_limit(state_->context, 20000);  // KiB
  state_->jit_stack = pcre2_jit_stack_create(32 * 1024, 1024 * 1024, nullptr);
  pcre2_jit_stack_assign(state_->context, nullptr, state_->jit_stack);
}

MatchScratch::~MatchScratch() = default;

Group MatchScratch::group(int index) const {
  Group g;
  if (index < 0 || static_cast<uint32_t>(index) >= pcre2_get_ovector_count(state_->data)) return g;
  const PCRE2_SIZE* ov = pcre2_get_ovector_pointer(state_->data);
  if (ov[2 * index] == PCRE2_UNSET) return g;
  g.begin = ov[2 * index];
  g.end = ov[2 * index + 1];
  g.set = true;
  return g;
}

}  // namespace quotegraph::detail
