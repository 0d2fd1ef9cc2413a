// Attribution by the rule file's rules (attribution.cpp) alone, after the scanner, the
// sentence finder and the mention finder: which rule attributes each quote, and to whom.
#include <catch2/catch.hpp>

#include <string>

#include "pass_fixture.h"

using quotegraph::test::PassFixture;

namespace {

// The speaker and rule the rules give the first quote of `text`, as "speaker | rule".
std::string first_attribution(const std::string& text) {
  PassFixture f(text);
  f.run_mentions();
  quotegraph::detail::attribute_by_rules(f.cx, f.analysis);
  REQUIRE(f.analysis.attributions.size() == f.analysis.spans.size());
  REQUIRE_FALSE(f.analysis.spans.empty());
  return f.speaker(0) + " | " + f.rule(0);
}

}  // namespace

TEST_CASE("a rule names the speaker after or before the quote", "[attribution_rules]") {
  CHECK(first_attribution("“The bridge will open in May,” said Ana Ruiz.").rfind("Ana Ruiz | after.", 0) == 0);
  CHECK(first_attribution("“The bridge will open in May,” Ana Ruiz said.").rfind("Ana Ruiz | after.", 0) == 0);
  CHECK(first_attribution("Ana Ruiz said: “The bridge will open in May.”").rfind("Ana Ruiz | before.", 0) == 0);
}

TEST_CASE("a pronoun after a quote is resolved to the latest subject", "[attribution_rules]") {
  PassFixture f("Ms Ana Ruiz opened the bridge. “It took ten years,” she said.");
  f.run_rules();
  REQUIRE(f.analysis.attributions.size() == 1);
  CHECK(f.speaker(0) == "Ana Ruiz");
  CHECK(f.analysis.attributions[0].cue == "said");
  CHECK(f.analysis.attributions[0].confidence < 0.95);  // a pronoun is less certain than a name
}

TEST_CASE("without a speech verb no rule attributes a quote", "[attribution_rules]") {
  CHECK(first_attribution("The sign read “Keep out of the water today.” Nobody swam.") == " | ");
}

TEST_CASE("the context of a quote ends at the next quote", "[attribution_rules]") {
  PassFixture f("Tom Vale spoke. “One thing,” he said, “and another.”");
  f.run_mentions();
  REQUIRE(f.analysis.spans.size() == 2);
  std::size_t before = 0, after = 0;
  quotegraph::detail::context_bounds(f.cx, f.analysis, 0, &before, &after);
  CHECK(f.text(f.analysis.spans[0].close_end, after) == " he said, ");
}
