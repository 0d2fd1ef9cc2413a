// The German language pack (extract/data/de/, --lang de) on sentences written for these
// tests: one attribution form of German news per row; and the language choice (--lang auto).
#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <vector>

#include "quotegraph/extractor.h"

using namespace quotegraph;

namespace {

const Extractor& extractor(const std::string& language) {
  static std::unique_ptr<Extractor> german, automatic;
  std::unique_ptr<Extractor>& instance = language == "de" ? german : automatic;
  if (!instance) {
    ExtractorOptions options;
    options.language = language;
    std::string error;
    instance = Extractor::create(options, &error);
    if (!instance) FAIL("cannot load the " << language << " pack: " << error);
  }
  return *instance;
}

DocumentQuotes run(const std::string& text, const std::string& language = "de") {
  Document doc;
  doc.id = "test";
  doc.text = text;
  DocumentQuotes out;
  extractor(language).extract(doc, out);
  return out;
}

const Quote* find_quote(const DocumentQuotes& quotes, const std::string& words) {
  for (const auto& q : quotes.quotes)
    if (q.text.find(words) != std::string::npos) return &q;
  return nullptr;
}

struct Row {
  const char* phenomenon;
  std::string text;
  std::string quote;    // words of the quote to check
  std::string speaker;  // expected speaker
};

// The quote of the row's text with the row's words has exactly the row's speaker (and is
// an unnamed source's, when asked).
void check_exact_speaker(const Row& row, bool anonymous = false) {
  const auto quotes = run(row.text);
  const Quote* q = find_quote(quotes, row.quote);
  REQUIRE(q != nullptr);
  CHECK(q->speaker == row.speaker);
  if (anonymous) CHECK(q->anonymous);
}

}  // namespace

TEST_CASE("German attributions: inverted verb, so, colon, laut, nach Angaben, zufolge", "[attribution][de]") {
  const std::vector<Row> rows = {
      {"quote, VERB NAME", "„Wir werden den Haushalt bis zum Herbst ausgleichen“, sagte Petra Lindqvist.",
       "Haushalt", "Petra Lindqvist"},
      {"quote, VERB NAME after a clause", "Der Etat sei „bis zum Herbst ausgeglichen“, erklärte Petra Lindqvist.",
       "Herbst", "Petra Lindqvist"},
      {"quote, so TITLE NAME", "„Wir werden den Haushalt bis zum Herbst ausgleichen“, so Finanzministerin Petra Lindqvist.",
       "Haushalt", "Petra Lindqvist"},
      {"quote in a clause, so NAME", "Die Stadt müsse „den Haushalt bis zum Herbst ausgleichen“, so Lindqvist.",
       "Haushalt", "Lindqvist"},
      {"NAME VERB: quote", "Petra Lindqvist sagte am Montag: „Wir werden den Haushalt bis zum Herbst ausgleichen.“",
       "Haushalt", "Petra Lindqvist"},
      {"TITLE NAME VERB: quote", "Finanzministerin Petra Lindqvist erklärte: „Wir werden den Haushalt ausgleichen.“",
       "Haushalt", "Petra Lindqvist"},
      {"laut NAME", "Laut Petra Lindqvist ist der Haushalt „bis zum Herbst ausgeglichen und solide finanziert“.",
       "solide", "Petra Lindqvist"},
      {"nach Angaben der ORGANISATION",
       "Nach Angaben der Stadtverwaltung ist der Haushalt „bis zum Herbst ausgeglichen und solide finanziert“.",
       "solide", "Stadtverwaltung"},
      {"NAME zufolge", "Petra Lindqvist zufolge ist der Haushalt „bis zum Herbst ausgeglichen und solide finanziert“.",
       "solide", "Petra Lindqvist"},
      {"a title in apposition: der SPD-Vorsitzende NAME",
       "„Wir werden den Haushalt bis zum Herbst ausgleichen“, sagte der SPD-Vorsitzende Jörg Brenner.", "Haushalt",
       "Jörg Brenner"},
      {"a surname alone as the subject of a speech verb",
       "Der Iran will das Gesetz ändern. Lindqvist entgegnete, dann solle der Iran „sehen, wie er es ändern kann“.",
       "sehen", "Lindqvist"},
      {"the inverted colon introduction after a phrase with a noun",
       "Nach der Kabinettssitzung sagte Innenministerin Petra Lindqvist: „Der Beschluss ist ein wichtiger Schritt.“",
       "Beschluss", "Petra Lindqvist"},
      {"an apposition between commas before the colon introduction",
       "Petra Lindqvist, die Bürgermeisterin von Kiel, sagte zu den Überschwemmungen: „Wir kämpfen gegen ein Monster.“",
       "Monster", "Petra Lindqvist"},
      {"a pronoun after the quote: sagte er",
       "Jörg Brenner kam am Abend nach Kiel. „Wir bleiben bis zum Ende der Sitzung hier“, sagte er.", "Sitzung",
       "Jörg Brenner"},
      {"a reflexive speech verb after the quote: „…“, erinnerte sich NAME",
       "„Wir haben das Gesetz damals zu schnell beschlossen“, erinnerte sich Petra Lindqvist später.", "Gesetz",
       "Petra Lindqvist"},
      {"auxiliary, subject, participle, colon: So hatte NAME im Mai zugesichert:",
       "Der Rat tagte lange. So hatte Petra Lindqvist noch im Mai zugesichert: „Der Haushalt ist ausgeglichen.“",
       "Haushalt", "Petra Lindqvist"},
      {"a separable verb after the quote: „…“, gab NAME bekannt",
       "„Der Haushalt ist bis zum Herbst ausgeglichen“, gab Petra Lindqvist am Montag bekannt.", "Haushalt",
       "Petra Lindqvist"},
      {"a verb that judges or advises, a short partial quote: NAME riet zu „…“",
       "Der Rat tagte lange. Der Forscher Jörg Brenner riet allgemein zu „Gelassenheit und Geduld“.", "Gelassenheit",
       "Jörg Brenner"},
      {"a plural source without article", "„Die Lage an der Grenze ist ruhig und wird es bleiben“, sagten Augenzeugen.",
       "Grenze", "Augenzeugen"},
  };
  for (const auto& row : rows) {
    SECTION(row.phenomenon) {
      const auto quotes = run(row.text);
      const Quote* q = find_quote(quotes, row.quote);
      REQUIRE(q != nullptr);
      CHECK(q->speaker.find(row.speaker) != std::string::npos);
      CHECK(q->speaker.find("SPD-Vorsitzende") == std::string::npos);  // a title is not part of a name
      CHECK(quotes.language == "de");
    }
  }
}

TEST_CASE("German: roles with a genitive organisation, noun phrases, objects of the verb (issue 31)", "[attribution][de]") {
  const std::vector<Row> rows = {
      {"role + genitive organisation, the name in apposition after a comma (sentence end)",
       "„Wir bleiben bei unserem Plan für den Hafen“, sagte der Vorsitzende des Fischereiverbandes, Jörg Brenner.",
       "Hafen", "Jörg Brenner"},
      {"role + genitive name, the name in apposition between commas before the verb",
       "Der Bürgermeister Kiels, Jörg Brenner, sagte am Montag: „Wir haben das schon einmal geschafft.“", "geschafft",
       "Jörg Brenner"},
      {"a sentence-initial adverb is not the subject: Ähnlich äußerte sich der TITLE NAME:",
       "Der Rat tagte lange. Ähnlich äußerte sich der Bürgermeister Jörg Brenner: „Wir haben das schon einmal geschafft.“",
       "geschafft", "Jörg Brenner"},
      {"the dative object of the speech verb is not its subject: NAME sagte der Wochenzeitung:",
       "Der Rat tagte lange. Petra Lindqvist sagte der Wochenzeitung: „Wir haben das schon einmal geschafft.“",
       "geschafft", "Petra Lindqvist"},
      {"NAME vom ORGANISATION sagte: the name before vom",
       "Der Rat tagte lange. Jörg Brenner vom Bankhaus Nordlicht sagte dazu: „Solche Zahlungen hat es nie gegeben.“",
       "Zahlungen", "Jörg Brenner"},
      {"a title with a country in the genitive, the name in apposition after it",
       "„Wir bleiben bei unserem Plan für den Hafen“, sagte der Innenminister Dänemarks, Jörg Brenner.", "Hafen",
       "Jörg Brenner"},
      {"a title, a country in the genitive, the name: Präsident LANDs NAME",
       "Der Rat tagte lange. Präsident Dänemarks Jörg Brenner sagte: „Solche Zahlungen hat es nie gegeben.“",
       "Zahlungen", "Jörg Brenner"},
      {"role + two genitive organisations, the name in apposition: der Leiter des X der Y, NAME, sagte:",
       "Der Rat tagte lange. Der Leiter des Hafenamtes der Stadt, Jörg Brenner, sagte: „Solche Zahlungen hat es nie gegeben.“",
       "Zahlungen", "Jörg Brenner"},
  };
  for (const auto& row : rows) {
    SECTION(row.phenomenon) { check_exact_speaker(row); }
  }
  SECTION("a role is written without the article the sentence gave it: der Vorsitzende -> Vorsitzende") {
    const auto quotes = run("„Wir bleiben bei unserem Plan für den Hafen“, sagte der Vorsitzende des Fischereiverbandes, Jörg Brenner.");
    const Quote* q = find_quote(quotes, "Hafen");
    REQUIRE(q != nullptr);
    CHECK(q->role == "Vorsitzende");
    CHECK(q->organization == "Fischereiverbandes");  // the title's genitive, kept by the name in apposition
  }
  SECTION("the organisation of a compound title: der SPD-Vorsitzende NAME -> SPD; not of Ex-") {
    const auto quotes = run("Der Rat tagte lange. Der SPD-Vorsitzende Jörg Brenner sagte: „Solche Zahlungen hat es nie gegeben.“");
    const Quote* q = find_quote(quotes, "Zahlungen");
    REQUIRE(q != nullptr);
    CHECK(q->speaker == "Jörg Brenner");
    CHECK(q->organization == "SPD");
    const auto land = run("Der Rat tagte lange. Der SPD-Landesvorsitzende Jörg Brenner sagte: „Solche Zahlungen hat es nie gegeben.“");
    REQUIRE(land.quotes.size() == 1);
    CHECK(land.quotes[0].organization == "SPD");
    const auto ex = run("Der Rat tagte lange. Der Ex-Präsident Jörg Brenner sagte: „Solche Zahlungen hat es nie gegeben.“");
    REQUIRE(ex.quotes.size() == 1);
    CHECK(ex.quotes[0].organization.empty());
  }
  SECTION("the organisation of an unnamed source in the genitive: ein Sprecher des Hafenamtes") {
    const auto quotes = run("„Die Lage an der Grenze ist ruhig und wird es bleiben“, sagte ein Sprecher des Hafenamtes.");
    REQUIRE(quotes.quotes.size() == 1);
    CHECK(quotes.quotes[0].organization == "Hafenamtes");
  }
  SECTION("a capitalised noun after a possessive is not a name: Seine Zuversicht gründet sich auf …:") {
    const auto quotes =
        run("Der Rat tagte lange. Seine Zuversicht gründet sich auf die Erfahrung: „Wir haben das in den vergangenen Jahren schon einmal geschafft.“");
    const Quote* q = find_quote(quotes, "geschafft");
    REQUIRE(q != nullptr);
    CHECK(q->speaker.find("Zuversicht") == std::string::npos);
  }
}

TEST_CASE("German: an unnamed source with its organisation in the genitive", "[attribution][de]") {
  const auto quotes = run("„Die Lage an der Grenze ist ruhig und wird es bleiben“, sagte ein Sprecher des Ministeriums.");
  REQUIRE(quotes.quotes.size() == 1);
  CHECK(quotes.quotes[0].speaker.find("Sprecher") != std::string::npos);
  CHECK(quotes.quotes[0].anonymous);
}

TEST_CASE("German: names and terms in quotation marks are not quotes", "[attribution][de]") {
  // A ship's name after its noun, a newspaper's title: few words, no speech verb.
  CHECK(run("Das Schiff „Morgenstern Zwei“ lief am Montag in Kiel aus.").quotes.empty());
  CHECK(run("Die Zeitung „Nordkurier“ berichtete am Montag über den Haushalt.").quotes.empty());
  // A web address, whoever the sentence names as a source.
  CHECK(run("Laut der Website „hafenblatt.de“ ist der Haushalt der Stadt ausgeglichen.").quotes.empty());
  // The name of an event or an organisation of up to six words (issue 31).
  CHECK(run("Die Delegation reiste am Montag zum „Dritten Kongress der Nordsee Fischer“ nach Kiel.").quotes.empty());
  CHECK(run("Die Fischer gründeten das Bündnis „Neue Zukunft für unsere Küste“ in Kiel.").quotes.empty());
  // A name of two or more capitalised words is a name even in a sentence with a speaker; a
  // short phrase in lower case there is her words.
  CHECK(run("Petra Lindqvist sagte, die „Nordstern Zwei“ sei verloren.").quotes.empty());
  const auto words = run("Petra Lindqvist sagte, die Lage sei „ernst, aber ruhig“.");
  REQUIRE(words.quotes.size() == 1);
  CHECK(words.quotes[0].speaker == "Petra Lindqvist");
  // A sentence in quotation marks stays a quote, attributed or not.
  CHECK(run("Im Saal hing ein Plakat: „Wir bleiben hier, bis der Haushalt ausgeglichen ist.“").quotes.size() == 1);
  // A short quote with its speaker stays too.
  const auto attributed = run("„Nie wieder“, sagte Petra Lindqvist.");
  REQUIRE(attributed.quotes.size() == 1);
  CHECK(attributed.quotes[0].speaker == "Petra Lindqvist");
  // A short lower-case phrase in a sentence of reported speech (here the subjunctive "sei")
  // stays where its subject is attributed only weakly (any verb); a name there does not.
  const auto reported = run("Der Rat tagte lange. Petra Lindqvist hielt den Beschluss für „völlig verfehlt“, er sei zu teuer.");
  REQUIRE(reported.quotes.size() == 1);
  CHECK(reported.quotes[0].speaker == "Petra Lindqvist");
  CHECK(run("Der Rat tagte lange. Petra Lindqvist hielt den Beschluss für „völlig verfehlt“ und ging.").quotes.empty());
  CHECK(run("Der Rat tagte lange. Petra Lindqvist hielt die „Hafenkommission“ für unnötig, sie sei zu teuer.").quotes.empty());
}

TEST_CASE("German: an unnamed source by a noun of the lexicon or a compound ending in one", "[attribution][de]") {
  const std::vector<Row> rows = {
      {"ein NOUN sagte:", "Der Rat tagte lange. Dazu sagte ein Wissenschaftler: „Das Wasser ist seit Jahren zu warm.“",
       "Wasser", "ein Wissenschaftler"},
      {"a compound with a hyphen: Ein ORG-Sprecher VERB:",
       "Der Rat tagte lange. Ein Hafen-Sprecher erklärte: „Das Wasser ist seit Jahren zu warm.“", "Wasser",
       "Ein Hafen-Sprecher"},
      {"a closed compound: Ein Werftsprecher VERB:",
       "Der Rat tagte lange. Ein Werftsprecher erklärte: „Das Wasser ist seit Jahren zu warm.“", "Wasser",
       "Ein Werftsprecher"},
  };
  for (const auto& row : rows) {
    SECTION(row.phenomenon) { check_exact_speaker(row, true); }
  }
  SECTION("a definite source with its organisation and nobody of that title before is somebody new") {
    const auto quotes = run(
        "Petra Lindqvist sagte: „Wir bleiben hier.“\n\nDer Einsatzleiter der Feuerwehr erklärte dazu: „Solche Brände habe ich noch nie gesehen.“");
    const Quote* q = find_quote(quotes, "Brände");
    REQUIRE(q != nullptr);
    CHECK(q->speaker.find("Einsatzleiter") != std::string::npos);
    CHECK(q->anonymous);
  }
  SECTION("a title with one noun of its organisation in the genitive, no name: an unnamed source") {
    const Row row{"", "„Die Lage an der Grenze ist ruhig“, sagte der stellvertretende Leiter der Werft.", "Grenze",
                  "der stellvertretende Leiter der Werft"};
    check_exact_speaker(row, true);
    const auto quotes = run(row.text);
    const Quote* q = find_quote(quotes, row.quote);
    CHECK((q && q->organization == "Werft"));
  }
  SECTION("a source noun with a name after it is a title: der Vorsitzende Richter NAME") {
    const auto quotes = run("Der Rat tagte lange. Der Vorsitzende Richter Jörg Brenner sagte: „Das Urteil ist gesprochen.“");
    const Quote* q = find_quote(quotes, "Urteil");
    REQUIRE(q != nullptr);
    CHECK(q->speaker == "Jörg Brenner");
  }
}

TEST_CASE("German: speakers across sentences (a new subject, an organisation's clause, a subject after its verb, reported speech, a colon, a clause)", "[attribution][de]") {
  const std::vector<Row> rows = {
      {"a fragment after a newly named subject is theirs, not the previous speaker's",
       "Anna Roth nannte den Plan „überzogen“, Bürgermeister Tom Vogel bezeichnete die Kosten von zwölf Millionen "
       "Euro als „übertrieben“. Die Brücke soll im Mai fertig sein.",
       "übertrieben", "Tom Vogel"},
      {"the second half of an interrupted quote",
       "„Wir bauen die Brücke“, sagte Anna Roth in Bonn. „Sie wird im Mai fertig sein.“", "Mai", "Anna Roth"},
      {"a fragment in a sentence an organisation opens",
       "Die Bundesregierung hatte den Bericht der Zeitung umgehend als „falsch und ehrenrührig“ zurückgewiesen.",
       "ehrenrührig", "Bundesregierung"},
      {"a full quote after a sentence whose subject stands after its verb",
       "Bürgermeisterin Anna Roth stellte am Montag ihren Plan vor. Um die Kosten zu senken, will Roth die Linie 4 "
       "einstellen. „Nicht jede Buslinie ist für die Stadt notwendig.“ Der Stadtrat berät im Mai.",
       "Buslinie", "Anna Roth"},
      {"a fragment in a sentence whose subject stands after its verb",
       "Der Verkehrsminister Tom Vogel war am Dienstag in Bonn. Um die Zeit zu nutzen, habe Vogel die Sitzung „so "
       "bald wie möglich“ beendet. Dann reiste er weiter.",
       "so bald", "Tom Vogel"},
      {"a fragment in reported speech goes on with the previous sentence's subject",
       "Die Schulen bleiben im Winter länger geschlossen. Am Montag nahm Bildungsministerin Anna Roth zu der Frage "
       "Stellung. Jeder Lehrer könne „die Stunden im Sommer nachholen“. Die Gewerkschaft will darüber beraten.",
       "Stunden", "Anna Roth"},
      {"a full quote after a colon is the words of its sentence's subject",
       "Die Ministerin Anna Roth war am Montag in Bonn. Dabei griff sie auch den Bürgermeister der Stadt scharf an: "
       "„Wer so plant, hat die Brücke nie gesehen.“ Danach reiste sie weiter.",
       "Wer so plant", "Anna Roth"},
      {"a fragment after a later clause whose person speaks is theirs, not the subject's",
       "Richterin Anna Roth fällte am Montag das Urteil. Zwar würde sie dem Mann gern eine Strafe ersparen, zumal "
       "Rechtsanwalt Tom Vogel immer wieder betont hatte, der Angeklagte sei „völlig harmlos“.",
       "völlig harmlos", "Tom Vogel"},
  };
  for (const Row& row : rows)
    SECTION(row.phenomenon) { check_exact_speaker(row); }
}

TEST_CASE("language auto picks the pack per document", "[attribution][de]") {
  CHECK(detect_language("„Wir werden den Haushalt ausgleichen“, sagte die Ministerin. Das ist nicht neu.") == "de");
  CHECK(detect_language("“We will balance the budget,” said the minister. That is not new.") == "en");
  CHECK(detect_language("") == "en");
  const auto german = run("„Wir werden den Haushalt bis zum Herbst ausgleichen“, sagte Petra Lindqvist.", "auto");
  CHECK(german.language == "de");
  REQUIRE(german.quotes.size() == 1);
  CHECK(german.quotes[0].speaker == "Petra Lindqvist");
  const auto english = run("“We will balance the budget by the autumn,” said Petra Lindqvist.", "auto");
  CHECK(english.language == "en");
  REQUIRE(english.quotes.size() == 1);
  CHECK(english.quotes[0].speaker == "Petra Lindqvist");
}

TEST_CASE("an unknown language is refused at start-up", "[attribution][de]") {
  ExtractorOptions options;
  options.language = "xx";
  std::string error;
  CHECK_FALSE(Extractor::create(options, &error));
  CHECK(error.find("xx") != std::string::npos);
}
