// The discourse passes (discourse.cpp), each alone after the rule file's rules: headlines,
// lead-ins, continuations and a clause's subject, for quotes no rule attributed. One row a
// case: the text, the pass, which quote, and the speaker and rule the pass gives it ("" for
// none); no rule may have attributed that quote before the pass.
#include <catch2/catch.hpp>

#include <string>

#include "pass_fixture.h"

using quotegraph::test::PassFixture;
namespace detail = quotegraph::detail;

namespace {

struct Case {
  const char* name;
  const char* text;
  void (*pass)(const detail::PassContext&, detail::DocumentAnalysis&);
  std::size_t quote;
  const char* speaker;
  const char* rule;
  const char* cue;
};

const Case kCases[] = {
    {"the second half of an interrupted quote", "“We will build it,” said Ana Ruiz. “And it will be ready next year.”",
     detail::continue_speakers, 1, "Ana Ruiz", "continuation.interrupted", ""},
    // "one onlooker": no rule resolves it, but it names somebody new.
    {"no continuation over a quote that names somebody new",
     "“We will build it,” said Ana Ruiz.\n\n“It is a waste,” one onlooker told us.", detail::continue_speakers, 1, "",
     "", ""},
    {"reported speech, then the quote",
     "Ms Ana Ruiz says the town has big plans for the river. “We will add a second bridge.”", detail::lead_in_speakers,
     0, "Ana Ruiz", "lead_in.reported_speech", "says"},
    {"a subject who says nothing, then the quote", "Ms Ana Ruiz has run the ferry for years. “We carry ten cars a trip.”",
     detail::lead_in_speakers, 0, "Ana Ruiz", "lead_in.subject", ""},
    {"a headline's quote is the words of the person it names first",
     "Ana Ruiz on ‘No Place’ for Tolls\n\nThe mayor of Brae spoke on Monday about the new bridge and its tolls.",
     detail::headline_speakers, 0, "Ana Ruiz", "headline.subject", ""},
    {"no continuation past a newly named subject: that subject's words",
     "“We will build it,” said Ana Ruiz. Later Tom Vale turned to the tolls, which he thought “far too high for the "
     "farmers” in the valley.",
     detail::continue_speakers, 1, "Tom Vale", "continuation.new_subject", ""},
    {"the previous speaker named again after a new subject continues",
     "“We will build it,” said Ana Ruiz. Later Tom Vale turned to the tolls, and Ms Ruiz found them “far too high "
     "for the farmers” in the valley.",
     detail::continue_speakers, 1, "Ana Ruiz", "continuation.interrupted", ""},
    {"an organisation that opens the sentence is its subject",
     "The City Council has long regarded the plan as “a road to nowhere” for the town.",
     detail::clause_subject_speakers, 0, "City Council", "clause.subject", ""},
    {"a full quote after a colon is the words of its sentence's subject",
     "Ms Ana Ruiz spoke to the council on Monday. Later she turned on the mayor of Brae with a warning: “Whoever "
     "plans like this has never seen the river.”",
     detail::clause_subject_speakers, 0, "Ana Ruiz", "clause.subject", ""},
    {"a fragment is the words of its sentence's subject",
     "Ms Ana Ruiz worried that the bridge was becoming “a toll road for the rich” in the end.",
     detail::clause_subject_speakers, 0, "Ana Ruiz", "clause.subject", ""},
};

}  // namespace

TEST_CASE("each discourse pass alone, after the rules", "[discourse]") {
  for (const Case& c : kCases) {
    INFO(c.name);
    PassFixture f(c.text);
    f.run_rules();
    REQUIRE(c.quote < f.analysis.spans.size());
    REQUIRE(f.speaker(c.quote).empty());
    c.pass(f.cx, f.analysis);
    CHECK(f.speaker(c.quote) == c.speaker);
    CHECK(f.rule(c.quote) == c.rule);
    CHECK(f.analysis.attributions[c.quote].cue == c.cue);
  }
}

TEST_CASE("a headline quote is left to the headline pass", "[discourse]") {
  PassFixture f("Ana Ruiz on ‘No Place’ for Tolls\n\nThe mayor of Brae spoke on Monday about the new bridge and its tolls.");
  f.run_rules();
  REQUIRE(f.analysis.spans[0].in_headline);
  detail::lead_in_speakers(f.cx, f.analysis);
  detail::continue_speakers(f.cx, f.analysis);
  CHECK(f.speaker(0).empty());
}
