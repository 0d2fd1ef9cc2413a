// The rule file as a user edits it: statements continued over several lines, and patterns that
// do not compile reported at the file, line and column the user wrote (not at an offset in the
// pattern the macros expanded to).
#include <catch2/catch.hpp>

#include <cstdio>
#include <memory>
#include <string>

#include "lexicon.h"
#include "quotegraph/extractor.h"
#include "rules.h"

using quotegraph::detail::Lexicon;
using quotegraph::detail::RuleSet;

namespace {

// Loads `text` as "my-rules.txt" with an empty lexicon; the error, or "" when it loads.
std::string load_error(const std::string& text, RuleSet* rules = nullptr) {
  RuleSet own;
  std::string error;
  const bool loaded = (rules ? *rules : own).load(text, "my-rules.txt", Lexicon(), &error);
  return loaded ? "" : error;
}

constexpr const char* kName = "define NAME \\p{Lu}\\p{L}+(?:\\h+\\p{Lu}\\p{L}+)*\n";

}  // namespace

TEST_CASE("an indented line continues the statement above it", "[rules]") {
  RuleSet one_line, continued;
  REQUIRE(load_error(std::string(kName) + "rule test.bark after 0.9 ^\\h*,?\\h*(?<cue>barked)\\h+(?<speaker>{NAME})\n",
                     &one_line) == "");
  REQUIRE(load_error(std::string(kName) +
                         "rule test.bark after 0.9 ^\\h*,?\\h*\n"
                         "    (?<cue>barked)\\h+\n"
                         "# comment lines may stand between the parts\n"
                         "\n"
                         "\t(?<speaker>{NAME})\n",
                     &continued) == "");
  REQUIRE(continued.rules.size() == 1);
  // Joined without the line breaks and the indentation: the same pattern as on one line.
  CHECK(continued.rules[0].pattern->source() == one_line.rules[0].pattern->source());
  CHECK(continued.rules[0].speaker_group >= 0);

  // And a run with it attributes by it.
  const std::string path = "continued_rules_test.txt";
  {
    std::FILE* f = std::fopen(path.c_str(), "w");
    REQUIRE(f);
    std::fputs((std::string(kName) + "rule test.bark after 0.9 ^\\h*,?\\h*\n    (?<cue>barked)\\h+\n    (?<speaker>{NAME})\n").c_str(), f);
    std::fclose(f);
  }
  quotegraph::ExtractorOptions options;
  options.rules_file = path;
  std::string error;
  const auto extractor = quotegraph::Extractor::create(options, &error);
  std::remove(path.c_str());
  REQUIRE(extractor);
  quotegraph::Document doc;
  doc.id = "t";
  doc.text = "“Go away,” barked John Smith.";
  quotegraph::DocumentQuotes out;
  extractor->extract(doc, out);
  REQUIRE(out.quotes.size() == 1);
  CHECK(out.quotes[0].speaker == "John Smith");
  CHECK(out.quotes[0].rule == "test.bark");
}

TEST_CASE("an indented line with no statement above it is an error at its line", "[rules]") {
  CHECK(load_error("# rules\n  rule x after 0.9 (?<speaker>X)\n") ==
        "my-rules.txt:2:3: an indented line continues a statement, and there is none above it");
}

TEST_CASE("a pattern that does not compile is reported where the user wrote it", "[rules]") {
  SECTION("in a rule's own pattern, on a continuation line") {
    // "[a-z" is never closed: PCRE2 finds that at the end of the pattern, just after line 4.
    CHECK(load_error(std::string(kName) +
                     "rule test.bad after 0.9 ^,\\h+\n"
                     "    (?<speaker>{NAME})\n"
                     "    \\h+(?<cue>[a-z)\n") ==
          "my-rules.txt:4:20: rule test.bad: missing terminating ] for character class");
  }
  SECTION("a quantifier with nothing before it, in the middle of a line") {
    CHECK(load_error(std::string(kName) + "rule test.bad after 0.9 ^,\\h+(?<speaker>{NAME})\\h+(?<cue>*said)\n") ==
          "my-rules.txt:2:58: rule test.bad: quantifier does not follow a repeatable item");
  }
  SECTION("in a macro: at the macro's line, when it is defined, not at the first rule using it") {
    CHECK(load_error("define OPEN (?:ab\nrule test.bad after 0.9 (?<speaker>{OPEN})\n") ==
          "my-rules.txt:1:18: define OPEN: missing closing parenthesis");
    CHECK(load_error("define GOOD ab\n"
                     "subroutine ODD (?:{GOOD}))\n") ==
          "my-rules.txt:2:26: subroutine ODD: unmatched closing parenthesis");
  }
  SECTION("an error only the whole pattern has, inside a macro: the macro's line and column") {
    // The macro alone is fine; a rule with a group of the same name is not.
    CHECK(load_error("define VERB (?<cue>said)\nrule test.bad after 0.9 (?<cue>x)\\h+(?<speaker>X){VERB}\n") ==
          "my-rules.txt:1:20: rule test.bad: two named subpatterns have the same name (PCRE2_DUPNAMES not set)"
          " (in {VERB}, used on line 2)");
  }
}
