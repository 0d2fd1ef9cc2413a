// The discourse passes (discourse.cpp), each alone after the rule file's rules: headlines,
// lead-ins, continuations and a clause's subject, for quotes no rule attributed.
#include <catch2/catch.hpp>

#include <string>

#include "pass_fixture.h"

using quotegraph::test::PassFixture;

TEST_CASE("continue_speakers: the second half of an interrupted quote", "[discourse]") {
  PassFixture f("“We will build it,” said Ana Ruiz. “And it will be ready next year.”");
  f.run_rules();
  REQUIRE(f.analysis.spans.size() == 2);
  CHECK(f.speaker(1).empty());
  quotegraph::detail::continue_speakers(f.cx, f.analysis);
  CHECK(f.speaker(1) == "Ana Ruiz");
  CHECK(f.rule(1) == "continuation.interrupted");
  CHECK(f.analysis.attributions[1].cue.empty());
}

TEST_CASE("continue_speakers: not over a quote that names somebody new", "[discourse]") {
  PassFixture f("“We will build it,” said Ana Ruiz.\n\n“It is a waste,” one onlooker told us.");
  f.run_rules();
  REQUIRE(f.analysis.spans.size() == 2);
  REQUIRE(f.speaker(1).empty());  // "one onlooker": no rule resolves it, but it names somebody new
  quotegraph::detail::continue_speakers(f.cx, f.analysis);
  CHECK(f.speaker(1).empty());
}

TEST_CASE("lead_in_speakers: reported speech, then the quote", "[discourse]") {
  PassFixture f("Ms Ana Ruiz says the town has big plans for the river. “We will add a second bridge.”");
  f.run_rules();
  REQUIRE(f.analysis.spans.size() == 1);
  CHECK(f.speaker(0).empty());
  quotegraph::detail::lead_in_speakers(f.cx, f.analysis);
  CHECK(f.speaker(0) == "Ana Ruiz");
  CHECK(f.rule(0) == "lead_in.reported_speech");
  CHECK(f.analysis.attributions[0].cue == "says");
}

TEST_CASE("lead_in_speakers: a subject who says nothing, then the quote", "[discourse]") {
  PassFixture f("Ms Ana Ruiz has run the ferry for years. “We carry ten cars a trip.”");
  f.run_rules();
  quotegraph::detail::lead_in_speakers(f.cx, f.analysis);
  CHECK(f.speaker(0) == "Ana Ruiz");
  CHECK(f.rule(0) == "lead_in.subject");
}

TEST_CASE("headline_speakers: the person the headline names first", "[discourse]") {
  PassFixture f("Ana Ruiz on ‘No Place’ for Tolls\n\nThe mayor of Brae spoke on Monday about the new bridge and its tolls.");
  f.run_rules();
  REQUIRE_FALSE(f.analysis.spans.empty());
  REQUIRE(f.analysis.spans[0].in_headline);
  REQUIRE(f.speaker(0).empty());
  quotegraph::detail::headline_speakers(f.cx, f.analysis);
  CHECK(f.speaker(0) == "Ana Ruiz");
  CHECK(f.rule(0) == "headline.subject");
}

TEST_CASE("clause_subject_speakers: a fragment is the words of its sentence's subject", "[discourse]") {
  PassFixture f("Ms Ana Ruiz worried that the bridge was becoming “a toll road for the rich” in the end.");
  f.run_rules();
  REQUIRE(f.analysis.spans.size() == 1);
  REQUIRE(f.speaker(0).empty());
  quotegraph::detail::clause_subject_speakers(f.cx, f.analysis);
  CHECK(f.speaker(0) == "Ana Ruiz");
  CHECK(f.rule(0) == "clause.subject");
}
