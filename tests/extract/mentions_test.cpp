// The mention finder (mentions.cpp) alone, after the quote scanner and the sentence finder:
// which names, descriptors and pronouns it finds, and which of them are sentence subjects.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "pass_fixture.h"

using quotegraph::test::PassFixture;

namespace {

struct Found {
  std::string text, entity;
  bool subject;
  bool operator==(const Found& o) const { return text == o.text && entity == o.entity && subject == o.subject; }
};

std::ostream& operator<<(std::ostream& os, const Found& f) {
  return os << "{" << f.text << " -> " << f.entity << (f.subject ? ", subject" : "") << "}";
}

// Every mention of `text`: its words, its entity's display name ("" for none), whether it is a subject.
std::vector<Found> mentions_of(const std::string& text, const std::string& language = "en") {
  PassFixture f(text, language);
  f.run_sentences();
  quotegraph::detail::find_mentions(f.cx, f.analysis);
  std::vector<Found> out;
  for (const auto& m : f.analysis.mentions)
    out.push_back({f.text(m.begin, m.end), m.entity < 0 ? "" : f.analysis.entities[m.entity].display, m.subject});
  return out;
}

}  // namespace

TEST_CASE("a name, then its surname and a pronoun, are one person", "[mentions]") {
  const auto found = mentions_of("Ana Ruiz opened the fair. Later Ruiz spoke. “It rained,” she said.");
  REQUIRE(found.size() == 3);
  CHECK(found[0] == Found{"Ana Ruiz", "Ana Ruiz", true});
  CHECK(found[1].entity == "Ana Ruiz");
  CHECK(found[2] == Found{"she", "Ana Ruiz", true});
}

TEST_CASE("no mention is found inside a quotation", "[mentions]") {
  const auto found = mentions_of("“Ask Tom Vale,” said Ana Ruiz.");
  REQUIRE(found.size() == 1);
  CHECK(found[0].text == "Ana Ruiz");
}

TEST_CASE("a name after at, in or near is a place, not a subject", "[mentions]") {
  const auto found = mentions_of("At Castle Brae, Ana Ruiz said it was “very cold”.");
  bool ruiz_subject = false;
  for (const auto& m : found) {
    if (m.text == "Castle Brae") CHECK_FALSE(m.subject);
    if (m.entity == "Ana Ruiz") ruiz_subject = m.subject;
  }
  CHECK(ruiz_subject);
}

TEST_CASE("an organisation that speaks is what a later it refers to", "[mentions]") {
  PassFixture f("The budget was cut, the Finance Ministry said. “We had no choice,” it said.");
  f.run_sentences();
  quotegraph::detail::find_mentions(f.cx, f.analysis);
  REQUIRE(f.analysis.organization_subjects.size() == 1);
  CHECK(f.analysis.entities[f.analysis.organization_subjects[0].second].display == "Finance Ministry");
}

TEST_CASE("an unnamed source is an entity of its own", "[mentions]") {
  const auto found = mentions_of("A senior official, who asked not to be named, said the talks had “failed”.");
  REQUIRE_FALSE(found.empty());
  CHECK(found[0].text == "A senior official");
  CHECK(found[0].subject);
}

TEST_CASE("a capitalised word that names nobody does not take the subject's place, unless nouns have capitals", "[mentions]") {
  // English: "Lisbon" names nobody, so the person after it is the sentence's subject.
  bool vale_subject = false;
  for (const auto& m : mentions_of("Back in Lisbon, Mr Tom Vale was blunt. “We will win,” he said.")) {
    if (m.entity == "Tom Vale") vale_subject = m.subject;
  }
  CHECK(vale_subject);
  // German: "Die Stadtverwaltung" is a common noun, the subject; the mayor named after it is not.
  for (const auto& m : mentions_of("Die Stadtverwaltung nannte nach dem Treffen mit Bürgermeister Karl Vogt am Montag alles „gut und richtig“.", "de")) {
    INFO(m);
    if (m.text.find("Vogt") == std::string::npos) continue;
    CHECK(m.entity == "Karl Vogt");
    CHECK_FALSE(m.subject);
  }
}
