#include "rules.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <sstream>

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
// when the flat alternation was sorted longest first.
void emit_trie(const std::vector<std::string>& items, std::size_t begin, std::size_t end, std::size_t depth,
               std::string& out) {
  bool ends_here = false;
  std::vector<std::pair<std::size_t, std::size_t>> branches;  // items sharing the next character
  for (std::size_t i = begin; i < end;) {
    if (items[i].size() == depth) { ends_here = true; ++i; continue; }
    const std::string_view next(items[i].data() + depth, char_length(items[i], depth));
    std::size_t j = i + 1;
    while (j < end && std::string_view(items[j]).substr(depth, next.size()) == next) ++j;
    branches.emplace_back(i, j);
    i = j;
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

// Replaces every {NAME} that names a macro; leaves regex quantifiers ({2,5}) alone.
bool expand(const std::string& in, const std::map<std::string, std::string>& macros,
            std::string* out, std::string* unknown) {
  out->clear();
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] == '\\' && i + 1 < in.size()) {
      // \p{Lu} and friends are Unicode properties, not macros: copy them through whole.
      const bool property = (in[i + 1] == 'p' || in[i + 1] == 'P') && i + 2 < in.size() && in[i + 2] == '{';
      const std::size_t stop = property ? in.find('}', i) : i + 1;
      *out += in.substr(i, (stop == std::string::npos ? in.size() : stop + 1) - i);
      i = stop == std::string::npos ? in.size() : stop;
      continue;
    }
    if (in[i] == '{' && i + 1 < in.size() && (std::isupper(static_cast<unsigned char>(in[i + 1])) || in[i + 1] == '@')) {
      const std::size_t close = in.find('}', i);
      if (close != std::string::npos) {
        const std::string name = in.substr(i + 1, close - i - 1);
        const auto it = macros.find(name);
        if (it == macros.end()) { *unknown = name; return false; }
        *out += "(?:" + it->second + ")";
        i = close;
        continue;
      }
    }
    *out += in[i];
  }
  return true;
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
  macros["@speech_verbs"] = alternation(lexicon.speech_verbs);
  macros["@titles"] = alternation(lexicon.titles);
  std::vector<std::string> heads;
  for (const auto& [head, written] : lexicon.descriptors) heads.push_back(head);
  macros["@descriptors"] = alternation(heads);

  std::istringstream in(text);
  std::string line;
  int number = 0;
  auto fail = [&](const std::string& why) {
    if (error) *error = file_name + ":" + std::to_string(number) + ": " + why;
    return false;
  };
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::string rest = line;
    const std::string keyword = take_field(rest);
    if (keyword.empty() || keyword[0] == '#') continue;
    std::string expanded, unknown;
    if (keyword == "define") {
      const std::string name = take_field(rest);
      if (name.empty() || !std::isupper(static_cast<unsigned char>(name[0])))
        return fail("define needs an upper-case NAME");
      if (!expand(trim(rest), macros, &expanded, &unknown)) return fail("unknown macro {" + unknown + "}");
      macros[name] = expanded;
      continue;
    }
    if (keyword != "rule" && keyword != "mention")
      return fail("expected 'define', 'rule' or 'mention', found '" + keyword + "'");
    const std::string id = take_field(rest);
    const std::string where = take_field(rest);
    std::string confidence_text;
    if (keyword == "rule") confidence_text = take_field(rest);
    if (id.empty() || where.empty() || trim(rest).empty()) return fail("incomplete " + keyword + " line");
    if (!expand(trim(rest), macros, &expanded, &unknown)) return fail("unknown macro {" + unknown + "}");
    // Mentions are tried only at word starts (see find_mentions), so anchored there.
    std::string compile_error;
    auto pattern = Pattern::compile(expanded, &compile_error,
                                    keyword == "mention" ? Pattern::Anchor::AtStart : Pattern::Anchor::Anywhere);
    if (!pattern) return fail("rule " + id + ": " + compile_error);
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
      add_mention_starter(word);
      start = bar + 1;
    }
    for (const auto& title : lexicon.titles) {
      std::string first = title.substr(0, title.find(' '));
      for (char& c : first) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      add_mention_starter(first);
    }
  }
  return true;
}

void RuleSet::add_mention_starter(const std::string& word) {
  if (word.empty() || word[0] < 'a' || word[0] > 'z' || word.size() >= 32) return;
  mention_starters_.insert(word);
  starter_lengths_[word[0] - 'a'] |= std::uint32_t{1} << word.size();
}

bool RuleSet::is_mention_starter(std::string_view word) const {
  if (word.empty() || word[0] < 'a' || word[0] > 'z' || word.size() >= 32) return false;
  if (!((starter_lengths_[word[0] - 'a'] >> word.size()) & 1)) return false;
  return mention_starters_.count(std::string(word)) > 0;
}

}  // namespace quotegraph::detail
