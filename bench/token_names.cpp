// A measured sketch of issue 32's item 2 (rules over token classes), for the hottest mention
// rule: person names. For the .txt files under a directory, each document with a quotation is
// read the way the extractor reads it up to its mention pass (quote scanner, sentences, the
// rule file's mention patterns at word starts), and again as tokens (tokens.h) whose classes
// are written one symbol a token into a class string, over which ONE PCRE2 pattern finds every
// run of name words in a single unanchored scan. Prints how many of the extractor's person
// mentions the class-string runs reproduce (same bytes, or overlapping) and how many runs it
// finds where the extractor has no mention. MODE (for an instruction count under callgrind, see
// docs/performance.md): both (default), passes (the extractor's passes only) or classes
// (tokens, class string and scan only).
// Usage: token_names DIR [MODE]
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "analysis.h"
#include "lexicon.h"
#include "passes.h"
#include "quotegraph/utf8.h"
#include "regex.h"
#include "rules.h"
#include "tokens.h"

using namespace quotegraph;
using namespace quotegraph::detail;

namespace {

// One symbol per token: H honorific, C other capitalised word, t lower-case title word, o a
// word that joins the words of a name (kNameJoin: language.tsv's name particles, connectors
// and name links), w other
// word, n number, p possessive mark, q quotation mark, the punctuation . , - as itself, x
// anything else; | before a token that starts a line (a name never runs over one).
// `token_of[i]` is the token of symbol i (-1 for |).
void class_string(std::string_view text, const std::vector<Token>& tokens, std::string& out, std::vector<int>& token_of) {
  out.clear();
  token_of.clear();
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (i > 0 && (t.flags & kLineStart)) {
      out += '|';
      token_of.push_back(-1);
    }
    char symbol = 'x';
    const std::string_view s = text.substr(t.begin, t.length);
    switch (t.kind) {
      case TokenKind::Word:
        if (t.classes & kHonorific) symbol = 'H';
        else if (t.flags & kCapitalised) symbol = 'C';
        else if (t.classes & (kTitle | kTitleStart)) symbol = 't';
        else symbol = t.classes & kNameJoin ? 'o' : 'w';
        break;
      case TokenKind::Number: symbol = 'n'; break;
      case TokenKind::Possessive: symbol = 'p'; break;
      case TokenKind::QuoteMark: symbol = 'q'; break;
      case TokenKind::Punct: symbol = s == "." || s == "," || s == "-" ? s[0] : 'x'; break;
      case TokenKind::Symbol: symbol = 'x'; break;
    }
    out += symbol;
    token_of.push_back(static_cast<int>(i));
  }
}

struct Span {
  std::size_t begin, end;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: token_names DIR [both|passes|classes]\n");
    return 2;
  }
  const std::string mode = argc > 2 ? argv[2] : "both";
  const bool run_passes = mode != "classes", run_classes = mode != "passes";
  Lexicon lexicon;
  RuleSet rules;
  std::string error;
  if (!lexicon.load("", "en", &error) ||
      !rules.load(std::string(embedded_data("en/rules.txt")), "rules.txt", lexicon, &error)) {
    std::fprintf(stderr, "token_names: %s\n", error.c_str());
    return 2;
  }
  const TokenLexicon words = TokenLexicon::from(lexicon);
  // A name: words, titles and joining words (at most two in a row), ending with a capitalised
  // word that no possessive mark follows; an honorific may carry its full stop.
  const auto name = Pattern::compile(R"((?:(?:H\.?|C|t)o{0,2})*(?:H\.?|C)(?!p))", &error);
  if (!name) {
    std::fprintf(stderr, "token_names: %s\n", error.c_str());
    return 2;
  }
  ScanOptions scan;
  MatchScratch scratch;
  PhraseCache phrases;
  const PassContext cx{lexicon, rules, scan, scratch, phrases};
  std::vector<Token> tokens;
  std::string classes;
  std::vector<int> token_of;
  std::size_t documents = 0, bytes = 0, reference = 0, same = 0, overlapping = 0, runs = 0, extra = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(argv[1])) {
    if (!entry.is_regular_file() || entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    Document document;
    document.text = buffer.str();
    repair_utf8(document.text);
    DocumentAnalysis doc(document);
    doc.spans = scan_quotes(document.text, scan);
    if (doc.spans.empty()) continue;
    ++documents;
    // As find_mentions: nothing after the last quotation's context is looked at.
    const std::size_t scan_end = std::min(document.text.size(), doc.spans.back().close_end + kContextBytes);
    bytes += scan_end;
    std::vector<Span> persons, all, found;
    if (run_passes) {
      find_sentences(cx, doc);
      phrases.start_document(1);
      find_mentions(cx, doc);
      for (const Mention& m : doc.mentions) {
        if (m.kind == PhraseKind::Person) persons.push_back({m.begin, m.end});
        all.push_back({m.begin, m.end});
      }
    }
    if (run_classes) {
      tokenize(std::string_view(document.text).substr(0, scan_end), &words, tokens);
      class_string(document.text, tokens, classes, token_of);
      for (std::size_t at = 0; at < classes.size();) {
        if (name->match(classes, at, scratch) != MatchResult::Match) break;
        const Group g = scratch.group(0);
        found.push_back({tokens[token_of[g.begin]].begin, tokens[token_of[g.end - 1]].end()});
        at = std::max(g.end, g.begin + 1);
      }
    }
    if (!run_passes || !run_classes) continue;
    reference += persons.size();
    runs += found.size();
    std::size_t k = 0;
    for (const Span& p : persons) {
      while (k < found.size() && found[k].end <= p.begin) ++k;
      if (k < found.size() && found[k].begin == p.begin && found[k].end == p.end) ++same;
      else if (k < found.size() && found[k].begin < p.end) ++overlapping;
    }
    // Runs over no mention of the extractor's (person, organisation, descriptor, pronoun...).
    std::size_t j = 0;
    for (const Span& f : found) {
      while (j < all.size() && all[j].end <= f.begin) ++j;
      if (j == all.size() || all[j].begin >= f.end) ++extra;
    }
  }
  std::printf("%zu documents with a quotation, %.2f MB read up to the mention pass's end\n", documents, bytes / 1e6);
  if (run_passes && run_classes)
    std::printf("extractor's person mentions %zu: same bytes as a class-string run %zu (%.1f%%), overlapping one %zu "
                "(%.1f%%); class-string runs %zu, of which over no mention of any kind %zu\n",
                reference, same, 100.0 * same / reference, overlapping, 100.0 * overlapping / reference, runs, extra);
  return 0;
}
