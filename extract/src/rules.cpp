#include "rules.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <map>
#include <sstream>

#include "chars.h"
#include "quotegraph/utf8.h"

namespace quotegraph::detail {
namespace {

// The bytes of the UTF-8 character starting at `i` in `s`.
std::size_t char_length(const std::string& s, std::size_t i) {
  const unsigned char lead = static_cast<unsigned char>(s[i]);
  const std::size_t n = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  return std::min(n, s.size() - i);
}

// One lexicon character as a pattern: a space matches any run of horizontal space.
std::string escape_regex_char(std::string_view c) {
  if (c == " ") return "\\h+";
  if (c.size() == 1 && std::string_view("\\^$.|?*+()[]{}-/#").find(c[0]) != std::string_view::npos)
    return "\\" + std::string(c);
  return std::string(c);
}

// Writes the alternation of items[begin, end) (sorted, unique, sharing their first `depth`
// bytes) as a trie: "mayor", "minister", "minister of state" -> m(?:ayor|inister(?:\h+of\h+state)?).
// PCRE2 tries a flat alternation item by item at every position it tests; the trie costs one
// comparison per character whatever the size of the lexicon. A continuation is tried before
// the end of a shorter item (the `?` is greedy), so the longest item still wins, as it did
// when the flat alternation was sorted longest first. A run of characters without a branch
// is written in a loop, so the recursion is as deep as the branch points, not the characters
// (a 100,000-character entry overflowed the stack).
void emit_trie(const std::vector<std::string>& items, std::size_t begin, std::size_t end, std::size_t depth,
               std::string& out) {
  bool ends_here = false;
  std::vector<std::pair<std::size_t, std::size_t>> branches;  // items sharing the next character
  for (;;) {
    for (std::size_t i = begin; i < end;) {
      if (items[i].size() == depth) { ends_here = true; ++i; continue; }
      const std::string_view next(items[i].data() + depth, char_length(items[i], depth));
      std::size_t j = i + 1;
      while (j < end && std::string_view(items[j]).substr(depth, next.size()) == next) ++j;
      branches.emplace_back(i, j);
      i = j;
    }
    if (ends_here || branches.size() != 1) break;
    const std::size_t length = char_length(items[begin], depth);  // one character all items share
    out += escape_regex_char(std::string_view(items[begin]).substr(depth, length));
    depth += length;
    branches.clear();
  }
  if (branches.empty()) return;
  const bool group = ends_here || branches.size() > 1;
  if (group) out += "(?:";
  for (std::size_t b = 0; b < branches.size(); ++b) {
    if (b) out += '|';
    const auto [from, to] = branches[b];
    const std::size_t length = char_length(items[from], depth);
    out += escape_regex_char(std::string_view(items[from]).substr(depth, length));
    emit_trie(items, from, to, depth + length, out);
  }
  if (group) out += ends_here ? ")?" : ")";
}

template <typename Range>
std::string alternation(const Range& items) {
  std::vector<std::string> sorted(items.begin(), items.end());
  std::sort(sorted.begin(), sorted.end());  // bytewise: items sharing a prefix are adjacent
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  sorted.erase(std::remove(sorted.begin(), sorted.end(), std::string()), sorted.end());
  std::string out = "(?:";
  emit_trie(sorted, 0, sorted.size(), 0, out);
  return out + ")";
}

// The most bytes a pattern may expand to. The built-in rules' largest is 12 KB; a macro
// that doubles another (define L1 {L0}{L0}, 40 times) would otherwise take all the memory.
constexpr std::size_t kMaxExpandedBytes = 1 << 20;
// The most bytes all macros together may hold.
constexpr std::size_t kMaxMacroBytes = 16 << 20;

// A statement of the rule file as written: its lines joined, a continuation line (one that
// starts with a space or a tab) without its indentation and without the line break.
struct Statement {
  struct Line {
    std::size_t offset;  // where the line starts in `text`
    int number;          // in the file, from 1
    std::size_t indent;  // characters of indentation left out before `offset`
  };
  std::string text;
  std::vector<Line> lines;
  // "LINE:COLUMN" of text[offset] in the file (the column counts characters, from 1).
  std::string position(std::size_t offset) const {
    auto line = std::upper_bound(lines.begin(), lines.end(), offset,
                                 [](std::size_t o, const Line& l) { return o < l.offset; });
    if (line != lines.begin()) --line;
    std::size_t column = line->indent + 1;
    for (std::size_t i = line->offset; i < offset && i < text.size(); ++i)
      if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
    return std::to_string(line->number) + ":" + std::to_string(column);
  }
};

// Where the bytes of an expanded pattern came from, so that a pattern PCRE2 refuses is reported
// at the file, line and column the user wrote, not at an offset in the expansion. An expansion
// is a list of pieces: each runs from `out_begin` to the next piece's, and is either the
// pattern's own bytes from `from` on, or the expansion of a macro.
struct MacroOrigin;
struct Piece {
  std::size_t out_begin;
  std::shared_ptr<const MacroOrigin> macro;  // null: the pattern's own bytes
  std::size_t from;  // where those start in the pattern as written (a macro: where its {NAME} is)
};
struct MacroOrigin {
  std::string name;
  const Statement* statement = nullptr;  // that defined it; null for a lexicon's macro
  std::size_t pattern_offset = 0;        // where its pattern starts in statement->text
  std::vector<Piece> pieces;
};
using MacroOrigins = std::map<std::string, std::shared_ptr<const MacroOrigin>>;

// Replaces every {NAME} that names a macro; leaves regex quantifiers ({2,5}) alone. Returns ""
// or why the line cannot be expanded. `pieces` gets where each part of `out` came from.
std::string expand(const std::string& in, const std::map<std::string, std::string>& macros,
                   const MacroOrigins& origins, std::string* out, std::vector<Piece>* pieces) {
  out->clear();
  pieces->clear();
  // Before copying in[i]: starts a piece unless the last one already continues there.
  const auto copying_from = [&](std::size_t i) {
    const bool continues = !pieces->empty() && !pieces->back().macro &&
                           pieces->back().from + (out->size() - pieces->back().out_begin) == i;
    if (!continues) pieces->push_back({out->size(), nullptr, i});
  };
  for (std::size_t i = 0; i < in.size(); ++i) {
    copying_from(i);
    if (in[i] == '\\' && i + 1 < in.size()) {
      // \p{Lu} and friends are Unicode properties, not macros: copy them through whole.
      const bool property = (in[i + 1] == 'p' || in[i + 1] == 'P') && i + 2 < in.size() && in[i + 2] == '{';
      const std::size_t stop = property ? in.find('}', i) : i + 1;
      *out += in.substr(i, (stop == std::string::npos ? in.size() : stop + 1) - i);
      i = stop == std::string::npos ? in.size() : stop;
      continue;
    }
    if (in[i] == '{' && i + 1 < in.size() &&
        (std::isupper(static_cast<unsigned char>(in[i + 1])) || in[i + 1] == '@' || in[i + 1] == '%')) {
      const std::size_t close = in.find('}', i);
      if (close != std::string::npos) {
        const std::string name = in.substr(i + 1, close - i - 1);
        const auto it = macros.find(name);
        if (it == macros.end()) return "unknown macro {" + name + "}";
        if (out->size() + it->second.size() > kMaxExpandedBytes)
          return "the pattern expands to more than " + std::to_string(kMaxExpandedBytes >> 20) +
                 " MiB at {" + name + "} (a macro used twice in each of many others?)";
        *out += "(?:";
        const auto origin = origins.find(name);
        pieces->push_back({out->size(), origin == origins.end() ? nullptr : origin->second, i});
        *out += it->second;
        pieces->push_back({out->size(), nullptr, close});  // the closing parenthesis: the '}'
        *out += ')';
        i = close;
        continue;
      }
    }
    *out += in[i];
  }
  return "";
}

// Where expanded[offset] was written, and the macros it lies in, innermost last.
std::string locate_in(const std::vector<Piece>& pattern_pieces, const Statement& statement, std::size_t pattern_offset,
                      std::size_t offset, const std::string& file_name, std::vector<std::string>* macros) {
  const std::vector<Piece>* pieces = &pattern_pieces;
  const Statement* written = &statement;
  std::size_t base = pattern_offset;
  for (int depth = 0; !pieces->empty() && depth < 1000; ++depth) {
    auto piece = std::upper_bound(pieces->begin(), pieces->end(), offset,
                                  [](std::size_t o, const Piece& p) { return o < p.out_begin; });
    if (piece != pieces->begin()) --piece;
    const std::size_t inside = offset > piece->out_begin ? offset - piece->out_begin : 0;
    if (!piece->macro) return file_name + ":" + written->position(base + piece->from + inside);
    macros->push_back(piece->macro->name);
    if (!piece->macro->statement) return file_name + ":" + written->position(base + piece->from);
    offset = inside;
    pieces = &piece->macro->pieces;
    written = piece->macro->statement;
    base = piece->macro->pattern_offset;
  }
  return file_name + ":" + written->position(base);
}

// Where expanded[offset] was written: "FILE:LINE:COLUMN", and in `via` the macros it lies in
// (" in {DESCRIPTOR}"; of a long chain, the outermost two and the innermost).
std::string locate(const std::vector<Piece>& pattern_pieces, const Statement& statement, std::size_t pattern_offset,
                   std::size_t offset, const std::string& file_name, std::string* via) {
  std::vector<std::string> macros;
  const std::string at = locate_in(pattern_pieces, statement, pattern_offset, offset, file_name, &macros);
  for (std::size_t k = 0; k < macros.size(); ++k) {
    if (macros.size() > 4 && k == 2) {
      *via += " in " + std::to_string(macros.size() - 3) + " more";
      k = macros.size() - 2;
      continue;
    }
    *via += " in {" + macros[k] + "}";
  }
  return at;
}

// Splits off the first whitespace-separated field of `rest`.
std::string take_field(std::string& rest) {
  const auto start = rest.find_first_not_of(" \t");
  if (start == std::string::npos) { rest.clear(); return ""; }
  const auto end = rest.find_first_of(" \t", start);
  std::string field = rest.substr(start, end == std::string::npos ? std::string::npos : end - start);
  rest = end == std::string::npos ? "" : rest.substr(end);
  return field;
}

// Calls `apply` with each id of a comma-separated list (a prefilter line's rules); returns the
// first reason `apply` gives for an id being wrong, or "".
template <typename Apply>
std::string for_each_id(const std::string& ids, Apply apply) {
  std::size_t start = 0;
  while (start <= ids.size()) {
    const std::size_t comma = std::min(ids.find(',', start), ids.size());
    if (std::string why = apply(ids.substr(start, comma - start)); !why.empty()) return why;
    start = comma + 1;
  }
  return "";
}

// The leading run of ASCII letters and digits: how a word start is looked up ("co" of "co-founder").
std::string leading_alnum_run(std::string_view word) {
  std::size_t n = 0;
  while (n < word.size() && is_ascii_alnum(static_cast<unsigned char>(word[n]))) ++n;
  return std::string(word.substr(0, n));
}

// The prefix of a subroutine's group name: `subroutine VERB ...` is the group (?<_VERB>...).
constexpr const char* kSubroutinePrefix = "(?&_";

// The (?(DEFINE)...) block a pattern needs for the subroutines it calls, directly or through
// other subroutines; "" when it calls none. `pieces` gets where each body came from, the block
// being written at `out_offset`.
std::string subroutine_definitions(const std::string& pattern, const std::map<std::string, std::string>& bodies,
                                   const MacroOrigins& origins, std::size_t out_offset, std::vector<Piece>* pieces) {
  std::vector<std::string> needed;
  std::string definitions = "(?(DEFINE)";
  std::vector<const std::string*> to_scan = {&pattern};
  while (!to_scan.empty()) {
    const std::string& text = *to_scan.back();
    to_scan.pop_back();
    for (std::size_t at = text.find(kSubroutinePrefix); at != std::string::npos; at = text.find(kSubroutinePrefix, at + 1)) {
      const std::size_t name_start = at + std::string_view(kSubroutinePrefix).size();
      const std::string name = text.substr(name_start, text.find(')', name_start) - name_start);
      if (std::find(needed.begin(), needed.end(), name) != needed.end()) continue;
      const auto body = bodies.find(name);
      if (body == bodies.end()) continue;  // not ours: the rule's own (?&...) call
      needed.push_back(name);
      definitions += "(?<_" + name + ">";
      if (const auto origin = origins.find(name); origin != origins.end())
        pieces->push_back({out_offset + definitions.size(), origin->second, 0});
      definitions += body->second + ")";
      to_scan.push_back(&body->second);
    }
  }
  return needed.empty() ? "" : definitions + ")";
}

// Whether a pattern has a named group ((?<name>, (?'name' or (?P<name>), not a look-behind.
bool has_named_group(const std::string& pattern) {
  for (std::size_t at = pattern.find("(?"); at != std::string::npos; at = pattern.find("(?", at + 1)) {
    if (at > 0 && pattern[at - 1] == '\\') continue;
    const std::string_view rest = std::string_view(pattern).substr(at + 2, 2);
    if (rest.size() >= 2 && rest[0] == '<' && rest[1] != '=' && rest[1] != '!') return true;
    if (!rest.empty() && rest[0] == '\'') return true;
    if (rest.size() >= 2 && rest[0] == 'P' && rest[1] == '<') return true;
  }
  return false;
}

// For a pattern that does not compile: the lexicons written into it, whose growth may be
// what broke it ("regular expression is too large" when titles.txt grew), or "".
std::string lexicons_inside(const std::string& pattern, const std::map<std::string, std::string>& macros,
                            const Lexicon& lexicon) {
  const struct {
    const char* macro;
    const char* file;
    std::size_t entries;
  } lexicons[] = {{"@titles", "titles.txt", lexicon.titles.size()},
                  {"@speech_verbs", "speech_verbs.txt", lexicon.speech_verbs.size()},
                  {"@descriptors", "descriptors.txt", lexicon.descriptors.size()}};
  std::string found;
  for (const auto& l : lexicons) {
    const auto it = macros.find(l.macro);
    if (it == macros.end() || pattern.find(it->second) == std::string::npos) continue;
    found += std::string(found.empty() ? "" : ", ") + l.file + " (" + std::to_string(l.entries) + " entries, " +
             std::to_string(it->second.size()) + " bytes of pattern)";
  }
  return found.empty() ? "" : "; the pattern holds the lexicon " + found;
}

// A syntax error in `pattern` alone: its message (without PCRE2's offset, which the caller tells
// as a position in the user's file) and `offset`; "" when it compiles, or when its only fault is
// a call of a group or subroutine that the whole pattern (which it is part of) defines, or its
// size or depth (which the rule that uses it reports, with the lexicons inside, or the caps on
// macros do first).
std::string syntax_error(const std::string& pattern, std::size_t* offset) {
  std::string error;
  if (Pattern::check(pattern, &error, offset) || error.find("non-existent") != std::string::npos ||
      error.find("too large") != std::string::npos || error.find("too deeply nested") != std::string::npos)
    return "";
  return error.substr(0, error.find(" at offset "));
}

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  const auto e = s.find_last_not_of(" \t");
  return s.substr(b, e - b + 1);
}

}  // namespace

bool RuleSet::load(const std::string& text, const std::string& file_name, const Lexicon& lexicon,
                   std::string* error) {
  std::map<std::string, std::string> macros;
  std::map<std::string, std::string> subroutine_bodies;  // by name
  std::size_t macro_bytes = 0;  // of the rule file's own macros
  macros["@speech_verbs"] = alternation(lexicon.speech_verbs);
  macros["@titles"] = alternation(lexicon.titles);
  std::vector<std::string> heads;
  for (const auto& [head, written] : lexicon.descriptors) heads.push_back(head);
  macros["@descriptors"] = alternation(heads);
  // The token classes a `token-mention` writes its pattern with: {%CAPITALISED} is 'C'.
  for (std::size_t k = 0; k < kTokenSymbolCount; ++k) {
    const char symbol = kTokenSymbols[k].symbol;
    macros[std::string("%") + kTokenSymbols[k].name] = std::isalpha(static_cast<unsigned char>(symbol))
                                                            ? std::string(1, symbol)
                                                            : std::string("\\") + symbol;
  }

  MacroOrigins origins;
  for (const char* name : {"@speech_verbs", "@titles", "@descriptors"})
    origins[name] = std::make_shared<MacroOrigin>(MacroOrigin{name, nullptr, 0, {}});

  // The statements, each with the lines it was written on.
  std::deque<Statement> statements;
  std::string why_not;  // why the lines do not make statements, "" when they do
  for_each_entry(text, [&](const std::string& line, int number) {
    const std::string at = file_name + ":" + std::to_string(number) + ":";
    const std::size_t first = line.find_first_not_of(" \t");
    if (const std::size_t bad = invalid_utf8_at(line); bad != std::string::npos) {
      why_not = at + " byte " + std::to_string(bad + 1) + ": invalid UTF-8 (save the file as UTF-8)";
      return false;
    }
    if (first == 0) {
      statements.emplace_back();
    } else if (statements.empty()) {
      why_not = at + std::to_string(first + 1) + ": an indented line continues a statement, and there is none above it";
      return false;
    }
    Statement& statement = statements.back();
    if (statement.text.size() + line.size() - first > kMaxExpandedBytes) {
      why_not = at + " a statement of more than " + std::to_string(kMaxExpandedBytes >> 20) + " MiB";
      return false;
    }
    statement.lines.push_back({statement.text.size(), number, first});
    statement.text.append(line, first, std::string::npos);
    return true;
  });
  if (!why_not.empty()) {
    if (error) *error = why_not;
    return false;
  }

  int number = 0;
  auto fail = [&](const std::string& why) {
    if (error) *error = file_name + ":" + std::to_string(number) + ": " + why;
    return false;
  };
  for (const Statement& statement : statements) {
    number = statement.lines.front().number;
    std::string rest = statement.text;
    const std::string keyword = take_field(rest);
    // Where the pattern (the rest of the statement after its fields) starts in it.
    const auto pattern_offset = [&] {
      return statement.text.size() - rest.size() + std::min(rest.size(), rest.find_first_not_of(" \t"));
    };
    std::string expanded;
    std::vector<Piece> pieces;
    if (keyword == "define" || keyword == "subroutine") {
      const std::string name = take_field(rest);
      if (name.empty() || !std::isupper(static_cast<unsigned char>(name[0])))
        return fail(keyword + " needs an upper-case NAME");
      // The patterns that call a subroutine are given its body when they are compiled, so it is
      // defined once.
      if (subroutine_bodies.count(name)) return fail("subroutine " + name + " is defined above: give this one another name");
      if (const std::string why = expand(trim(rest), macros, origins, &expanded, &pieces); !why.empty()) return fail(why);
      macro_bytes += expanded.size();
      if (macro_bytes > kMaxMacroBytes)
        return fail("the macros defined up to here hold more than " + std::to_string(kMaxMacroBytes >> 20) + " MiB");
      // A macro that cannot compile is reported here, at its own line, not by the first rule
      // that uses it (PCRE2 finds a missing parenthesis only at the end of that rule).
      std::vector<Piece> with_calls = pieces;
      std::size_t error_offset = 0;
      const std::string why = syntax_error(
          expanded + subroutine_definitions(expanded, subroutine_bodies, origins, expanded.size(), &with_calls), &error_offset);
      if (!why.empty()) {
        std::string via;
        const std::string at = locate(with_calls, statement, pattern_offset(), error_offset, file_name, &via);
        if (error) *error = at + ": " + keyword + " " + name + ": " + why + (via.empty() ? "" : " (" + via.substr(1) + ")");
        return false;
      }
      origins[name] = std::make_shared<MacroOrigin>(MacroOrigin{name, &statement, pattern_offset(), std::move(pieces)});
      if (keyword == "define") {
        macros[name] = expanded;
        continue;
      }
      // PCRE2 group names: up to 32 letters, digits and underscores (with the leading "_").
      if (name.size() > 31 || name.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_") != std::string::npos)
        return fail("subroutine NAME must be at most 31 letters, digits and underscores, not '" + name + "'");
      if (has_named_group(expanded))
        return fail("subroutine " + name + ": a named group in it would not be seen by the rules (use define)");
      subroutine_bodies[name] = expanded;
      macros[name] = kSubroutinePrefix + name + ")";
      continue;
    }
    if (keyword == "prefilter") {
      if (const std::string why = add_prefilter(rest, lexicon); !why.empty()) return fail(why);
      continue;
    }
    if (keyword == "terms-in-marks") {
      const std::string words = take_field(rest), confidence = trim(rest);
      if (words.empty() || words.size() > 2 || words.find_first_not_of("0123456789") != std::string::npos)
        return fail("terms-in-marks needs a number of words (0-99) and may have a confidence (0-1)");
      term_max_words = static_cast<std::size_t>(std::stoi(words));
      if (!confidence.empty()) {
        char* end = nullptr;
        term_min_confidence = std::strtod(confidence.c_str(), &end);
        if (*end != '\0' || !(term_min_confidence >= 0.0 && term_min_confidence <= 1.0))
          return fail("terms-in-marks: the confidence must be a number from 0 to 1, not '" + confidence + "'");
      }
      continue;
    }
    if (keyword != "rule" && keyword != "mention" && keyword != "token-mention")
      return fail("expected 'define', 'subroutine', 'rule', 'mention', 'token-mention', 'prefilter' or 'terms-in-marks', found '" +
                  keyword + "'");
    const std::string id = take_field(rest);
    const std::string where = take_field(rest);
    std::string confidence_text;
    if (keyword == "rule") confidence_text = take_field(rest);
    if (id.empty() || where.empty() || trim(rest).empty()) return fail("incomplete " + keyword + " line");
    if (const std::string why = expand(trim(rest), macros, origins, &expanded, &pieces); !why.empty()) return fail(why);
    const std::size_t own_bytes = expanded.size();
    expanded += subroutine_definitions(expanded, subroutine_bodies, origins, expanded.size(), &pieces);
    // Mentions are tried only at word starts (see find_mentions), so anchored there.
    std::string compile_error;
    std::size_t error_offset = 0;
    auto pattern = Pattern::compile(expanded, &compile_error,
                                    keyword == "rule" ? Pattern::Anchor::Anywhere : Pattern::Anchor::AtStart,
                                    &error_offset);
    if (!pattern) {
      // Told where the user wrote it: in this statement, or in a macro it uses (PCRE2's own
      // offset into the expanded pattern would mean nothing to them). The pattern's own part is
      // checked alone first: with the subroutines' bodies after it, an unclosed group or class
      // is found only somewhere in those.
      std::string message = syntax_error(expanded.substr(0, own_bytes), &error_offset);
      if (message.empty()) message = compile_error.substr(0, compile_error.find(" at offset "));
      std::string via;
      const std::string at = locate(pieces, statement, pattern_offset(), error_offset, file_name, &via);
      if (error)
        *error = at + ": " + keyword + " " + id + ": " + message +
                 (via.empty() ? "" : " (" + via.substr(1) + ", used on line " + std::to_string(number) + ")") +
                 (message.find("too large") != std::string::npos ? lexicons_inside(expanded, macros, lexicon) : "");
      return false;
    }
    if (keyword == "rule") {
      AttributionRule rule;
      rule.id = id;
      if (where == "after") rule.context = RuleContext::After;
      else if (where == "before") rule.context = RuleContext::Before;
      else if (where == "tail") rule.context = RuleContext::Tail;
      else return fail("rule " + id + ": context must be after, before or tail");
      try {
        rule.confidence = std::stod(confidence_text);
      } catch (...) {
        return fail("rule " + id + ": confidence must be a number");
      }
      if (rule.confidence < 0 || rule.confidence > 1) return fail("rule " + id + ": confidence must be in [0, 1]");
      rule.speaker_group = pattern->group_index("speaker");
      if (rule.speaker_group < 0) return fail("rule " + id + ": pattern has no (?<speaker>...) group");
      rule.cue_group = pattern->group_index("cue");
      rule.appos_group = pattern->group_index("appos");
      rule.pattern = std::move(pattern);
      rules.push_back(std::move(rule));
    } else {
      MentionRule mention;
      mention.id = id;
      if (where == "person") mention.kind = MentionKind::Person;
      else if (where == "descriptor") mention.kind = MentionKind::Descriptor;
      else if (where == "pronoun") mention.kind = MentionKind::Pronoun;
      else return fail("mention " + id + ": kind must be person, descriptor or pronoun");
      mention.over_tokens = keyword == "token-mention";
      if (mention.over_tokens && !token_lexicon) token_lexicon = std::make_unique<TokenLexicon>(TokenLexicon::from(lexicon));
      mention.name_group = pattern->group_index("name");
      mention.appos_group = pattern->group_index("appos");
      mention.pattern = std::move(pattern);
      mentions.push_back(std::move(mention));
    }
  }
  if (rules.empty()) return fail("no rules");
  if (const auto it = macros.find("MENTION_STARTERS"); it != macros.end()) {
    mention_starters_given = true;
    std::string words;  // "(?:a|an)|(?:he)" -> "a|an|he"
    for (char c : it->second)
      if (c != '(' && c != ')' && c != '?' && c != ':') words += c;
    std::size_t start = 0;
    while (start <= words.size()) {
      std::size_t bar = words.find('|', start);
      if (bar == std::string::npos) bar = words.size();
      const std::string word = trim(words.substr(start, bar - start));
      if (word.empty() || word.find_first_not_of("abcdefghijklmnopqrstuvwxyz") != std::string::npos)
        return fail("MENTION_STARTERS must be lower-case words separated by '|', not '" + word + "'");
      mention_starters_.insert(word);
      start = bar + 1;
    }
    // A word start is looked up by its run of ASCII letters and digits (may_start_mention), so
    // a title starts a mention with that run too: "co" for "co-founder".
    for (const auto& title : lexicon.titles) mention_starters_.insert(to_lower_ascii(leading_alnum_run(title)));
  }
  return true;
}

std::string RuleSet::add_prefilter(std::string fields, const Lexicon& lexicon) {
  const std::string ids = take_field(fields), kind_name = take_field(fields);
  if (kind_name == "ends-with") return add_ending_test(ids, take_field(fields));
  Prefilter prefilter;
  if (kind_name == "within" || kind_name == "possessive-within") {
    prefilter.kind = kind_name == "within" ? Prefilter::Kind::WordWithin : Prefilter::Kind::PossessiveWithin;
    const std::string count = take_field(fields);
    if (count.empty() || count.find_first_not_of("0123456789") != std::string::npos || count.size() > 3)
      return "prefilter " + ids + ": '" + kind_name + "' needs a number of words";
    prefilter.within = std::stoul(count);
    if (prefilter.kind == Prefilter::Kind::PossessiveWithin) {
      if (!fields.empty()) return "prefilter " + ids + ": 'possessive-within N' takes no words";
      return set_mention_prefilters(ids, kind_name, prefilter);
    }
  } else if (kind_name == "before-comma") {
    prefilter.kind = Prefilter::Kind::WordBeforeComma;
  } else if (kind_name == "lower-case-start") {
    prefilter.kind = Prefilter::Kind::LowerCaseStart;
  } else if (kind_name == "contains") {
    prefilter.kind = Prefilter::Kind::Contains;
  } else {
    return "prefilter " + ids + ": kind must be 'within N', 'possessive-within N', 'before-comma', 'lower-case-start', 'contains' or 'ends-with', not '" +
           kind_name + "'";
  }
  // The words: a lexicon, then any words of the line's own.
  const std::string list = take_field(fields);
  std::vector<std::string> entries;
  if (list == "@titles") entries.assign(lexicon.titles.begin(), lexicon.titles.end());
  else if (list == "@descriptors") for (const auto& entry : lexicon.descriptors) entries.push_back(entry.first);
  else if (list == "@speech_verbs") entries = lexicon.speech_verbs;
  else return "prefilter " + ids + ": expected @titles, @descriptors or @speech_verbs, not '" + list + "'";
  std::string key = kind_name + " " + list;  // rules with the same test and words share one set
  for (std::string word = take_field(fields); !word.empty(); word = take_field(fields)) {
    entries.push_back(word);
    key += " " + word;
  }
  if (prefilter.kind == Prefilter::Kind::WordWithin && key == kind_name + " " + list)
    prefilter.token_class = list == "@titles" ? kTitle | kTitleStart : list == "@descriptors" ? kDescriptor : kSpeechVerb;
  std::shared_ptr<const WordSet>& words = prefilter_words_[key];
  if (!words) {
    auto set = std::make_shared<WordSet>();
    // A space in an entry stands for any horizontal space: a several-word entry starts a word
    // with its first word and ends one with its last. `contains` looks at runs of letters, so
    // it keeps an entry's first run of letters ("re-elected" -> "re"), and `lower-case-start`,
    // which looks at runs of ASCII letters and digits, the first of those ("co-founder" -> "co").
    for (const std::string& entry : entries) {
      std::string word;
      if (prefilter.kind == Prefilter::Kind::WordWithin) word = entry.substr(0, entry.find(' '));
      else if (prefilter.kind == Prefilter::Kind::WordBeforeComma) word = entry.substr(entry.rfind(' ') + 1);
      else if (prefilter.kind == Prefilter::Kind::LowerCaseStart) word = leading_alnum_run(entry);
      else word = entry.substr(0, std::find_if_not(entry.begin(), entry.end(), [](char c) {
                                    return std::isalpha(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
                                  }) - entry.begin());
      set->insert(to_lower_ascii(word));
    }
    words = std::move(set);
  }
  prefilter.words = words;
  if (prefilter.kind != Prefilter::Kind::Contains) return set_mention_prefilters(ids, kind_name, prefilter);
  // The rules: ids separated by commas, each defined above this line.
  return for_each_id(ids, [&](const std::string& id) -> std::string {
    auto it = std::find_if(rules.begin(), rules.end(), [&](const AttributionRule& r) { return r.id == id; });
    if (it == rules.end()) return "prefilter contains: no rule '" + id + "' above this line";
    it->prefilter = prefilter;
    return "";
  });
}

std::string RuleSet::set_mention_prefilters(const std::string& ids, const std::string& kind_name, const Prefilter& prefilter) {
  // The mentions: ids separated by commas, each defined above this line.
  return for_each_id(ids, [&](const std::string& id) -> std::string {
    auto it = std::find_if(mentions.begin(), mentions.end(), [&](const MentionRule& m) { return m.id == id; });
    if (it == mentions.end()) return "prefilter " + kind_name + ": no mention '" + id + "' above this line";
    it->prefilter = prefilter;
    return "";
  });
}

std::string RuleSet::add_ending_test(const std::string& ids, const std::string& ending_bytes) {
  if (ending_bytes.empty()) return "prefilter " + ids + ": 'ends-with' needs the characters a context must end with";
  for (const unsigned char c : ending_bytes)
    if (c >= 0x80 || c == ' ' || c == '\t')  // one byte each, and never space: it is trimmed
      return "prefilter " + ids + ": 'ends-with' takes ASCII punctuation or letters, not '" + ending_bytes + "'";
  return for_each_id(ids, [&](const std::string& id) -> std::string {
    auto it = std::find_if(rules.begin(), rules.end(), [&](const AttributionRule& r) { return r.id == id; });
    if (it == rules.end()) return "prefilter ends-with: no rule '" + id + "' above this line";
    it->ends_with = ending_bytes;
    return "";
  });
}

namespace {

// The bytes of a horizontal space outside ASCII starting at line[i], or 0. Each of them starts
// with one of the lead bytes tested first (U+00A0, U+1680, U+180E, U+2000–U+200A, U+202F,
// U+205F, U+3000), so other bytes, and the bytes inside a character, are not decoded.
std::size_t non_ascii_space_at(std::string_view line, std::size_t i) {
  const unsigned char c = static_cast<unsigned char>(line[i]);
  if (c != 0xC2 && c != 0xE1 && c != 0xE2 && c != 0xE3) return 0;
  std::size_t length = 0;
  const char32_t cp = decode_utf8(line, i, length);
  const bool space = cp == 0xA0 || cp == 0x1680 || cp == 0x180E || (cp >= 0x2000 && cp <= 0x200A) ||
                     cp == 0x202F || cp == 0x205F || cp == 0x3000;
  return space ? length : 0;
}

// The bytes of the horizontal space (PCRE2's \h) starting at line[i], or 0.
inline std::size_t horizontal_space_at(std::string_view line, std::size_t i) {
  const unsigned char c = static_cast<unsigned char>(line[i]);
  if (c < 0x80) return c == ' ' || c == '\t' ? 1 : 0;
  return non_ascii_space_at(line, i);
}

char to_lower_ascii_char(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// The longest word the word tests fold and compare; a longer one passes them.
constexpr std::size_t kLongestWord = 64;

}  // namespace

// The word tests compare ASCII letters without case, as the patterns' (?i) does; a word with other
// bytes is let through whenever the comparison could depend on their case.
bool Prefilter::may_match(std::string_view line, std::size_t pos) const {
  if (kind == Kind::None) return true;
  if (kind == Kind::WordBeforeComma) return comma_word(line, pos).passes;
  if (kind == Kind::LowerCaseStart) {
    if (line[pos] < 'a' || line[pos] > 'z') return true;
    std::size_t end = pos;
    while (end < line.size() && is_ascii_alnum(static_cast<unsigned char>(line[end]))) ++end;
    if (end - pos > kLongestWord) return true;
    // (?i) lets an ASCII letter of the pattern match a character outside ASCII ("ſ" for "s"):
    // the run of ASCII letters may end inside the entry's first word.
    if (end < line.size() && static_cast<unsigned char>(line[end]) >= 0x80) return true;
    return words->contains_folded(line.substr(pos, end - pos));
  }
  return within_reach(line, pos, next_target(line, pos));
}

Prefilter::CommaWord Prefilter::comma_word(std::string_view line, std::size_t from) const {
  // No word, title or name a pattern of this kind reads before the comma contains one, so
  // the first comma is the one after the lexicon word.
  const std::size_t comma = std::min(line.find(',', from), line.size());
  if (comma + 1 >= line.size() || horizontal_space_at(line, comma + 1) == 0) return {comma, comma, false};
  std::size_t start = comma;
  while (start > from && line[start - 1] != ' ' && line[start - 1] != '\t') --start;
  // The word is compared without case; one with a byte outside ASCII, or longer than any word
  // compared, passes.
  const std::string_view word = line.substr(start, comma - start);
  const bool non_ascii = std::any_of(word.begin(), word.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
  return {comma, start, non_ascii || word.size() > kLongestWord || words->contains_folded(word)};
}

std::size_t Prefilter::next_target(std::string_view line, std::size_t from) const {
  return kind == Kind::PossessiveWithin ? next_possessive(line, from) : next_word(line, from);
}

namespace {
// Whether the word that ends at `end` (back to an ASCII space or tab) could hold a capitalised
// word: it has an ASCII capital, or a byte outside ASCII (a capital, or a space, for all this
// knows). "the company’s" does not.
bool may_hold_capital(std::string_view line, std::size_t end) {
  for (std::size_t i = end; i > 0 && line[i - 1] != ' ' && line[i - 1] != '\t'; --i) {
    const unsigned char c = static_cast<unsigned char>(line[i - 1]);
    if ((c >= 'A' && c <= 'Z') || c >= 0x80) return true;
  }
  return false;
}
}  // namespace

std::size_t Prefilter::next_possessive(std::string_view line, std::size_t from) {
  // The next ' and the next 0xE2 (the first byte of ’) are each looked for with memchr, and
  // only the nearer one is looked for again when it is not a possessive.
  const auto next = [&](char byte, std::size_t at) {
    const void* found = at < line.size() ? std::memchr(line.data() + at, byte, line.size() - at) : nullptr;
    return found ? static_cast<std::size_t>(static_cast<const char*>(found) - line.data()) : line.size();
  };
  std::size_t apostrophe = next('\'', from), e2 = next('\xE2', from);
  while (std::min(apostrophe, e2) < line.size()) {
    const std::size_t i = std::min(apostrophe, e2);
    const std::size_t mark = i == apostrophe ? 1 : line.substr(i, 3) == "\u2019" ? 3 : 0;  // the bytes of ' or ’
    // "Russia’s " or, after an s, the mark alone: "Wales’ ".
    const bool with_s = i + mark + 1 < line.size() && line[i + mark] == 's' && horizontal_space_at(line, i + mark + 1);
    const bool after_s = i > 0 && (line[i - 1] == 's' || line[i - 1] == 'S') && i + mark < line.size() &&
                         horizontal_space_at(line, i + mark);
    if (mark && (with_s || after_s) && may_hold_capital(line, i)) return i;
    if (i == apostrophe) apostrophe = next('\'', i + 1);
    else e2 = next('\xE2', i + 1);
  }
  return line.size();
}

namespace {
// The bytes where a run of horizontal space may start: ASCII space and tab, and the lead bytes
// of the others (non_ascii_space_at).
constexpr ByteSet kSpaceStarts(" \t\xC2\xE1\xE2\xE3");
}  // namespace

std::size_t Prefilter::next_word(std::string_view line, std::size_t from) const {
  // A word here follows horizontal space: words are split where the patterns' \h+ can split.
  // The lexicon word ends where the word's letters and digits end (or with the word), so each
  // byte other than a letter or digit ends a candidate.
  const std::size_t size = line.size();
  std::size_t i = from;
  while (i < size) {
    while (i < size) {  // to the next horizontal space
      while (i < size && !kSpaceStarts.contains(line[i])) ++i;
      if (i == size || horizontal_space_at(line, i)) break;
      ++i;
    }
    while (i < size) {
      const std::size_t space = horizontal_space_at(line, i);
      if (space == 0) break;
      i += space;
    }
    const std::size_t word_start = i;
    // A word longer than any worth comparing passes, as one that starts with a lexicon word.
    const std::size_t limit = std::min(size, word_start + kLongestWord);
    for (; i < limit; ++i) {
      const unsigned char c = static_cast<unsigned char>(line[i]);
      if (is_ascii_alnum(c)) continue;
      if (c == ' ' || c == '\t' || (c >= 0x80 && non_ascii_space_at(line, i))) break;  // the word's end
      if (words->contains_folded(line.substr(word_start, i - word_start))) return word_start;
      if (c >= 0x80 && words->has_non_ascii()) return word_start;
    }
    if (i == word_start + kLongestWord && i < size && horizontal_space_at(line, i) == 0) return word_start;
    if (words->contains_folded(line.substr(word_start, i - word_start))) return word_start;
  }
  return size;
}

bool Prefilter::within_reach(std::string_view line, std::size_t pos, std::size_t word_start) const {
  // The words before it are plain words: none has , ; : ! ? ( ) ".
  if (word_start >= line.size()) return false;
  std::size_t words_after_first = 0;
  for (std::size_t i = pos; i < word_start;) {
    const std::size_t space = horizontal_space_at(line, i);
    if (space) {
      i += space;
      if (horizontal_space_at(line, i) == 0 && ++words_after_first > within) return false;
      continue;
    }
    switch (line[i]) {
      case ',': case ';': case ':': case '!': case '?': case '(': case ')': case '"': return false;
      default: break;
    }
    ++i;
  }
  return true;
}

std::size_t Prefilter::reach_start(std::string_view line, std::size_t word_start) const {
  // Back from the word: the runs of horizontal space crossed are the words after the first; the
  // start may not be in the run that would make them more than `within`, nor at or before a
  // byte that within_reach stops at.
  std::size_t runs = 0;
  std::size_t j = word_start;
  bool in_space = false;  // whether line[j] starts a run of space already counted
  while (j > 0) {
    const unsigned char c = static_cast<unsigned char>(line[j - 1]);
    std::size_t start = j - 1;  // of the character that ends at j
    bool space = c == ' ' || c == '\t';
    if (c >= 0x80) {
      while (start > 0 && (static_cast<unsigned char>(line[start]) & 0xC0) == 0x80 && j - start < 4) --start;
      space = non_ascii_space_at(line, start) == j - start;
    } else {
      switch (c) {
        case ',': case ';': case ':': case '!': case '?': case '(': case ')': case '"': return j;
        default: break;
      }
    }
    if (space && !in_space && ++runs > within) return j;
    in_space = space;
    j = start;
  }
  return 0;
}

std::size_t Prefilter::next_class_token(const std::vector<Token>& tokens, std::string_view text, std::size_t from) const {
  for (std::size_t i = from + 1; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (t.kind != TokenKind::Word) continue;
    if (t.classes & token_class) return i;
    // The byte test reads a lexicon word at the start of "spokesman-elect" too: its first run
    // of ASCII letters and digits.
    if (t.flags & (kNonAscii | kJoined)) {
      if (words->has_non_ascii()) return i;
      std::size_t end = t.begin;
      while (end < t.end() && is_ascii_alnum(static_cast<unsigned char>(text[end]))) ++end;
      if (words->contains_folded(text.substr(t.begin, end - t.begin))) return i;
    }
  }
  return tokens.size();
}

namespace {
// The characters within_reach() stops at.
bool stops_reach(const Token& t, std::string_view text) {
  if (t.kind != TokenKind::Punct && t.kind != TokenKind::QuoteMark) return false;
  switch (text[t.begin]) {
    case ',': case ';': case ':': case '!': case '?': case '(': case ')': case '"': return true;
    default: return false;
  }
}
}  // namespace

std::size_t Prefilter::token_reach_start(const std::vector<Token>& tokens, std::string_view text, std::size_t target) const {
  std::size_t spaces = 0;
  for (std::size_t k = target; k > 0; --k) {
    if (tokens[k].flags & kLineStart) return k;
    if ((tokens[k].flags & kSpaceBefore) && ++spaces > within) return k;
    if (stops_reach(tokens[k - 1], text)) return k;
  }
  return 0;
}

bool Prefilter::context_may_match(std::string_view context) const {
  if (kind != Kind::Contains) return true;
  char lower[64];
  std::size_t n = 0;
  for (std::size_t i = 0; i <= context.size(); ++i) {
    const unsigned char c = i < context.size() ? static_cast<unsigned char>(context[i]) : ' ';
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      if (n < sizeof lower) lower[n] = to_lower_ascii_char(static_cast<char>(c));
      ++n;
      continue;
    }
    if (c >= 0x80 && words->has_non_ascii()) return true;
    if (n > 0 && n <= sizeof lower && words->contains(std::string_view(lower, n))) return true;
    n = 0;
  }
  return false;
}

bool AttributionRule::context_may_end_here(std::string_view context) const {
  if (ends_with.empty()) return true;
  std::size_t end = context.size();
  if (end > 0 && context[end - 1] == '\n') --end;  // `$` matches before a final line break too
  while (end > 0) {  // drop trailing horizontal space, the last code point each time
    std::size_t start = end - 1;
    while (start > 0 && end - start < 4 && (static_cast<unsigned char>(context[start]) & 0xC0) == 0x80) --start;
    const std::size_t space = horizontal_space_at(context, start);
    if (space == 0 || start + space != end) break;
    end = start;
  }
  return end > 0 && ends_with.find(context[end - 1]) != std::string::npos;
}

bool WordSet::find(std::string_view word) const {
  return index_.find(fnv1a_hash(word), [&](std::uint32_t entry) {
    const Word& w = words_[entry];
    return word == std::string_view(chars_).substr(w.offset, w.size);
  }) != FlatIndex::kNone;
}

bool WordSet::find_folded(std::string_view word) const {
  char folded[kLongestWord];
  if (word.size() > sizeof folded) return find(to_lower_ascii(word));
  for (std::size_t i = 0; i < word.size(); ++i) folded[i] = to_lower_ascii_char(word[i]);
  return find(std::string_view(folded, word.size()));
}

void WordSet::insert(std::string_view word) {
  if (word.empty() || find(word)) return;
  index_.insert(fnv1a_hash(word), static_cast<std::uint32_t>(words_.size()));
  words_.push_back(Word{static_cast<std::uint32_t>(chars_.size()), static_cast<std::uint32_t>(word.size())});
  chars_.append(word);
  lengths_[filter_slot(word)] |= std::uint32_t{1} << std::min<std::size_t>(word.size(), 31);
  for (char c : word) has_non_ascii_ = has_non_ascii_ || static_cast<unsigned char>(c) >= 0x80;
}

}  // namespace quotegraph::detail
