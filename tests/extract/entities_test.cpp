// Entities and coreference (entities.cpp) alone: entity_for, resolve_pronoun and the
// complete_surnames pass, on phrases analysed from invented names.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include "lexicon.h"
#include "pass_fixture.h"
#include "quotegraph/extractor.h"

using quotegraph::detail::Mention;
using quotegraph::detail::Phrase;
using quotegraph::test::PassFixture;

namespace {

Phrase phrase(PassFixture& f, const std::string& words) { return f.phrases.analyse(words, f.data.lexicon); }

// Registers `words` as a mention at `pos` that is its sentence's subject; returns its entity.
int mention(PassFixture& f, const std::string& words, std::size_t pos, bool introduces = true) {
  const int entity = quotegraph::detail::entity_for(f.cx, f.analysis, phrase(f, words), pos, introduces);
  f.analysis.mentions.push_back(Mention{pos, pos + words.size(), entity, true, phrase(f, words).kind});
  return entity;
}

}  // namespace

TEST_CASE("a surname and a variant spelling join the full name named before", "[entities]") {
  PassFixture f(std::string(200, ' '));
  const int full = mention(f, "Sergei Volkan", 0);
  REQUIRE(full >= 0);
  CHECK(mention(f, "Volkan", 20) == full);
  CHECK(mention(f, "Sergey Volkan", 40) == full);   // transliteration
  CHECK(mention(f, "Maria Volkan", 60) != full);    // another given name: another person
  CHECK(f.analysis.entities[full].display == "Sergei Volkan");
}

TEST_CASE("a rank names the person named in full before, an honorific does not change who", "[entities]") {
  PassFixture f(std::string(200, ' '));
  const int full = mention(f, "Robin Butlan", 0);
  CHECK(mention(f, "Lord Butlan", 30) == full);
}

TEST_CASE("a lone word nobody introduced is no person unless a rule names it speaking", "[entities]") {
  PassFixture f(std::string(200, ' '));
  CHECK(quotegraph::detail::entity_for(f.cx, f.analysis, phrase(f, "Veltra"), 0, false) == -1);
  CHECK(quotegraph::detail::entity_for(f.cx, f.analysis, phrase(f, "Veltra"), 0, true) >= 0);
}

TEST_CASE("a pronoun refers to the latest subject of its gender, within reach", "[entities]") {
  PassFixture f(std::string(3000, ' '));
  const int ana = mention(f, "Ms Ana Ruiz", 0);
  const int tom = mention(f, "Mr Tom Vale", 100);
  using quotegraph::detail::PronounClass;
  CHECK(quotegraph::detail::resolve_pronoun(f.analysis, PronounClass::Feminine, 200) == ana);
  CHECK(quotegraph::detail::resolve_pronoun(f.analysis, PronounClass::Masculine, 200) == tom);
  CHECK(quotegraph::detail::resolve_pronoun(f.analysis, PronounClass::Masculine, 2500) == -1);  // beyond kPronounReach
}

TEST_CASE("a surname alone takes the one full name the text writes", "[entities]") {
  PassFixture f("Voters met Donald Pell on Monday. Pell said nothing.");
  mention(f, "Pell", 34);
  quotegraph::detail::complete_surnames(f.cx, f.analysis);
  CHECK(f.analysis.entities[0].display == "Donald Pell");
  CHECK(f.analysis.entities[0].gender == 'm');
}

TEST_CASE("a pronoun's class comes from language.tsv, not from the word", "[entities]") {
  // An invented language whose feminine pronoun is "zo": the lexicon maps the word to the
  // class the coreference code reasons with; an English stand-in is no class.
  const std::string dir = "pronoun_class_lexicons";
  std::filesystem::create_directories(dir);
  const auto load = [&](const std::string& rows, std::string* error) {
    std::ofstream(dir + "/language.tsv", std::ios::binary)
        << quotegraph::builtin_data_file("language.tsv") << rows;
    quotegraph::detail::Lexicon lexicon;
    const bool loaded = lexicon.load(dir, "en", error);
    return std::make_pair(loaded, lexicon.pronouns);
  };
  std::string error;
  const auto [loaded, pronouns] = load("pronoun\tzo\tfeminine\n", &error);
  CHECK(loaded);
  CHECK(pronouns.at("zo") == quotegraph::detail::PronounClass::Feminine);
  CHECK(pronouns.at("it") == quotegraph::detail::PronounClass::Neuter);
  CHECK_FALSE(load("pronoun\tzo\tshe\n", &error).first);
  CHECK(error.find("language.tsv") != std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST_CASE("he and she refer to the most salient person that agrees, not only to subjects", "[entities]") {
  struct Row { const char* text; const char* speaker; };
  const Row rows[] = {
      // The subject agrees: it outweighs a person named after it in the same sentence.
      {"Mr Tom Vale thanked Mr Paul Ortega on Monday.\n\n“We will win,” he said.", "Tom Vale"},
      // The subject does not agree: the person named after it, not nobody.
      {"Ms Ana Ruiz thanked Mr Tom Vale on Monday.\n\n“We will win,” he said.", "Tom Vale"},
      // A word that names nobody ("Lisbon") does not take the place of the sentence's subject.
      {"Ms Ana Ruiz spoke first. Back in Lisbon, Mr Tom Vale was blunt. “We will win,” she said.", "Ana Ruiz"},
      {"Mr Paul Ortega spoke first. Back in Lisbon, Mr Tom Vale was blunt. “We will win,” he said.", "Tom Vale"},
  };
  for (const Row& row : rows) {
    INFO(row.text);
    PassFixture f(row.text);
    f.run_rules();
    CHECK(f.speaker(0) == row.speaker);
  }
}

TEST_CASE("a surname alone is the namesake named most so far, of the honorific's gender", "[entities]") {
  PassFixture f(std::string(400, ' '));
  const int hana = mention(f, "Maria Lorne", 0);
  CHECK(mention(f, "Lorne", 20) == hana);
  const int paul = mention(f, "Paul Lorne", 40);  // her husband, named once
  REQUIRE(paul != hana);
  CHECK(mention(f, "Lorne", 60) == hana);       // named twice before, he once
  CHECK(mention(f, "Mr Lorne", 80) == paul);    // the honorific's gender
  CHECK(mention(f, "Mrs Lorne", 100) == hana);
}
