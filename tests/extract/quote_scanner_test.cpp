// The quote scanner on sentences written for these tests, one phenomenon per case.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "quotegraph/quote_scanner.h"

using quotegraph::scan_quotes;

namespace {
std::vector<std::string> quoted(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& q : scan_quotes(text)) out.push_back(text.substr(q.begin, q.end - q.begin));
  return out;
}
}  // namespace

TEST_CASE("scanner finds quotes marked in every common style", "[scanner]") {
  struct Case {
    const char* name;
    std::string text;
    std::vector<std::string> expected;
  };
  const std::vector<Case> cases = {
      {"curly double", "The mayor said “the bridge opens in May.”", {"the bridge opens in May."}},
      {"straight double", "\"It works,\" the engineer said. \"Mostly.\"", {"It works,", "Mostly."}},
      {"guillemets", "Il a dit «nous partons demain» hier soir.", {"nous partons demain"}},
      {"low-high German", "Sie sagte „wir kommen wieder“ und ging.", {"wir kommen wieder"}},
      {"single curly with enough words", "‘We will not back down on this,’ the union leader said.",
       {"We will not back down on this,"}},
      {"single-quoted scare quotes are not quotations", "The so-called ‘open door’ policy stays.", {}},
      {"apostrophes are not closing marks", "“We didn’t cross Russia’s border in the ’90s,” he said.",
       {"We didn’t cross Russia’s border in the ’90s,"}},
      {"plural possessive apostrophe inside a quote", "“The farmers’ union will strike,” she said.",
       {"The farmers’ union will strike,"}},
      {"single quote nested in a double quote", "“They told me ‘never again’ and left,” she said.",
       {"They told me ‘never again’ and left,"}},
      {"double quote nested in a double quote", "“We cannot just “wait and see”. We must act,” she said.",
       {"We cannot just “wait and see”. We must act,"}},
      {"stray opening mark inside a quote is not a nested quote",
       "“The staff said that “nobody will leave. The doors stay open,” he said.",
       {"The staff said that “nobody will leave. The doors stay open,"}},
      {"closing mark typed as an opening mark", "He warned of a “minor setback “which could grow.",
       {"minor setback"}},
      {"stray closing mark outside any quote", "It was over.” Then the crowd left.", {}},
      {"empty marks", "He drew “” on the board.", {}},
      {"two apostrophes as double marks", "''The plant will close,'' the owner said. ''Soon.''",
       {"The plant will close,", "Soon."}},
      {"two apostrophes around a single-quoted phrase closing together",
       "He said, ''people call it 'old-school.''' Then he left.", {"people call it 'old-school.'"}},
      {"two apostrophes opening before a single-quoted phrase",
       "She said: '''No way,' he told me, and left.'' Then nothing.", {"'No way,' he told me, and left."}},
      {"a possessive apostrophe inside two-apostrophe quotes",
       "''The Times' view isn't ours,'' she said.", {"The Times' view isn't ours,"}},
      {"a stray pair of apostrophes is not a single quote",
       "It was over.'' Then the crowd went home after the long and tiring day's work.", {}},
      {"attribute values of markup left in the text are not quotes",
       "<post id=\"4411\" author=\"@cityhall\">\"We open on Monday,\" the mayor wrote.</post>",
       {"We open on Monday,"}},
      {"a quote after an equals sign with a space is a quote", "The result = \"a great win\" for us.",
       {"a great win"}},
      {"a quote over two paragraphs in two-apostrophe style",
       "''We will stay.\n\n''We will not move,'' he said.", {"We will stay.", "We will not move,"}},
  };
  for (const auto& c : cases) {
    SECTION(c.name) { CHECK(quoted(c.text) == c.expected); }
  }
}

TEST_CASE("a quote over several paragraphs continues where the opening mark is repeated", "[scanner]") {
  const std::string text =
      "“The first part of the speech.\n\n“The second part, and the end,” the senator said.\n\nLater text.";
  const auto quotes = scan_quotes(text);
  REQUIRE(quotes.size() == 2);
  CHECK_FALSE(quotes[0].closed);
  CHECK_FALSE(quotes[0].continues_previous);
  CHECK(quotes[1].continues_previous);
  CHECK(text.substr(quotes[1].begin, quotes[1].end - quotes[1].begin) == "The second part, and the end,");
}

TEST_CASE("an unclosed quote is bounded by its paragraph", "[scanner]") {
  const std::string text =
      "He said firmly, “There is no room to move here.\n\nThe talks ended on Friday. Nobody \"spoke\" again.";
  const auto quotes = scan_quotes(text);
  REQUIRE(quotes.size() == 2);
  CHECK_FALSE(quotes[0].closed);
  CHECK(text.substr(quotes[0].begin, quotes[0].end - quotes[0].begin) == "There is no room to move here.");
  CHECK(text.substr(quotes[1].begin, quotes[1].end - quotes[1].begin) == "spoke");
}

TEST_CASE("an unclosed quote in a huge paragraph is capped", "[scanner]") {
  std::string text = "“";
  for (int i = 0; i < 2000; ++i) text += "words go on. ";
  quotegraph::ScanOptions options;
  const auto quotes = scan_quotes(text, options);
  REQUIRE(quotes.size() == 1);
  CHECK(quotes[0].end - quotes[0].begin <= options.max_unclosed_bytes);
  CHECK(quotes[0].end - quotes[0].begin > options.max_unclosed_bytes / 2);
}

TEST_CASE("thousands of unbalanced marks stay bounded", "[scanner]") {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += (i % 3 ? "” a " : "“b ");
  const auto quotes = scan_quotes(text);
  for (const auto& q : quotes) {
    CHECK(q.begin <= q.end);
    CHECK(q.end <= text.size());
  }
}
