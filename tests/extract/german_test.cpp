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

// The quote of the row's text with the row's words has a speaker that holds the row's speaker
// and not the word `never` (a title, a role that is no part of a name).
void check_speaker_holds(const Row& row, const std::string& never) {
  const auto quotes = run(row.text);
  const Quote* q = find_quote(quotes, row.quote);
  REQUIRE(q != nullptr);
  CHECK(q->speaker.find(row.speaker) != std::string::npos);
  CHECK(q->speaker.find(never) == std::string::npos);
  CHECK(quotes.language == "de");
}

// Each row as a section of its own, checked by check_exact_speaker().
void check_rows(const std::vector<Row>& rows, bool anonymous = false) {
  for (const auto& row : rows) {
    SECTION(row.phenomenon) { check_exact_speaker(row, anonymous); }
  }
}

// The text has exactly one quote, and it is the speaker's.
void check_only_quote(const std::string& text, const std::string& speaker) {
  const auto quotes = run(text);
  REQUIRE(quotes.quotes.size() == 1);
  CHECK(quotes.quotes[0].speaker == speaker);
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
      {"laut TITLE honorifics NAME with a middle initial",
       "Die Forschung geht weiter, und man kann laut Institutsleiter Prof. Dr. Stefan K. Wagner „jetzt viel mehr Patienten behandeln“.",
       "Patienten", "Stefan K. Wagner"},
      {"a title that starts with an umlaut before the name: die Ökonomin NAME",
       "„Die Zinsen werden im Herbst steigen“, sagte die Ökonomin Marta Jelinek.", "Zinsen", "Marta Jelinek"},
      {"the government named with the national adjective is the government, not the country",
       "Die deutsche Bundesregierung nannte den Vertrag einen „wichtigen Schritt nach vorn“.", "Schritt",
       "deutsche Bundesregierung"},
      {"a role with its name in apposition outside the quote's sentence names the later er",
       "Der Streit geht weiter. Unterdessen verteidigte der Vorsitzende des Ausschusses, Karl Berger (SPD), den "
       "Entwurf. Er bezeichnete die Reform als „maßvoll“.",
       "maßvoll", "Karl Berger"},
      {"the same for the role repeated later",
       "Die Vorsitzende des Vereins, Helga Mertens, kam spät. Die Vorsitzende wies alle Vorwürfe als „haltlos“ zurück.",
       "haltlos", "Helga Mertens"},
      {"an organisation named on after its cue word: Amt der ..., Ministerium für ...",
       "Das Statistische Amt der Republik Moldau empfiehlt allen Gemeinden eine „vorsichtige Planung der Haushalte“.",
       "Planung", "Statistische Amt der Republik Moldau"},
  };
  for (const auto& row : rows) {
    SECTION(row.phenomenon) { check_speaker_holds(row, "SPD-Vorsitzende"); }  // a title is not part of a name
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
      {"the subject before the verb, its object after it: NAME kritisierte die Entscheidung:",
       "Der Rat tagte lange. Die Vorsitzende des Mieterbundes, Petra Lindqvist, kritisierte die Entscheidung der Stadt scharf: „Solche Mieten kann niemand zahlen.“",
       "Mieten", "Petra Lindqvist"},
      {"subject, auxiliary, object, participle: NAME hatte den Plan mit den Worten abgelehnt:",
       "Der Rat tagte lange. Jörg Brenner hatte den Vorschlag mit den Worten abgelehnt: „Solche Mieten kann niemand zahlen.“",
       "Mieten", "Jörg Brenner"},
      {"a medium in the dative before the verb is no subject: Der Zeitung sagte NAME:",
       "Der Rat tagte lange. Der regionalen Zeitung sagte Jörg Brenner: „Solche Mieten kann niemand zahlen.“", "Mieten",
       "Jörg Brenner"},
      {"a medium quoting somebody: the object is the speaker (Die Zeitung zitiert NAME mit den Worten:)",
       "Der Rat tagte lange. Die Regionalzeitung zitiert Jörg Brenner mit den Worten: „Solche Mieten kann niemand zahlen.“",
       "Mieten", "Jörg Brenner"},
      {"a field after the role, before the name in apposition: der Chef der Agentur für Arbeit, NAME,",
       "„Die Zahl der Arbeitslosen sinkt weiter“, sagte der Chef der Agentur für Arbeit, Jörg Brenner, in Kiel.", "sinkt",
       "Jörg Brenner"},
      {"a place after the role and a party after the name: der Sprecher der Fraktion im Landtag, NAME (SPD),",
       "Der Rat tagte lange. Der Sprecher der Fraktion im Landtag, Jörg Brenner (SPD), erklärte: „Solche Mieten kann niemand zahlen.“",
       "Mieten", "Jörg Brenner"},
      {"so, a verb, its object pronoun, the subject: „…“, so beschrieb ihn der TITLE NAME",
       "Der Rat tagte lange. „Er hört nie zu und entscheidet allein“, so beschrieb ihn der Bürgermeister Jörg Brenner.",
       "entscheidet", "Jörg Brenner"},
      {"a noun of speech after so: its owner in the genitive speaks (so das Fazit des TITLE NAME)",
       "Der Rat tagte lange. „Die Mieten steigen schneller als die Löhne“, so das Fazit des Bürgermeisters Jörg Brenner.",
       "Mieten", "Jörg Brenner"},
      {"a medium quoting somebody after the quote: „…“, zitiert kiel.de NAME",
       "Der Rat tagte lange. „Die Mieten steigen schneller als die Löhne“, zitiert kiel.de den Bürgermeister Jörg Brenner.",
       "Mieten", "Jörg Brenner"},
      {"„…“, wie NAME der Zeitung sagte",
       "Der Rat tagte lange. „Die Mieten steigen schneller als die Löhne“, wie Jörg Brenner der Zeitung sagte.", "Mieten",
       "Jörg Brenner"},
      {"a prepositional phrase, any finite verb, the subject, a colon: Im Landtag warb NAME mit den Worten:",
       "Der Rat tagte lange. Im Landtag warb Petra Lindqvist für den Haushalt mit den Worten: „Solche Mieten kann niemand zahlen.“",
       "Mieten", "Petra Lindqvist"},
      {"an adverb, any finite verb, the subject, its object: Dabei griff NAME den Minister an:",
       "Der Rat tagte lange. Dabei griff Petra Lindqvist auch den Bürgermeister Jörg Brenner direkt an: „Solche Mieten kann niemand zahlen.“",
       "Mieten", "Petra Lindqvist"},
      {"an object after the name is not part of it: Als „…“ bezeichnet die TITLE NAME den Plan",
       "Der Rat tagte lange. Als „unerwartetes Geschenk für die Stadt“ bezeichnet die Bürgermeisterin Petra Lindqvist den Fund.",
       "Geschenk", "Petra Lindqvist"},
      {"Zitat von NAME:", "Der Rat tagte lange. Zitat von Brenner: „Solche Mieten kann niemand zahlen.“", "Mieten",
       "Brenner"},
      {"two titles joined by und before the name: Der Landrat und Kreisvorsitzende NAME sprach von „…“",
       "Der Rat tagte lange. Der Landrat und Kreisvorsitzende Jörg Brenner sprach von einem „Feldzug gegen die Mieter der Stadt“.",
       "Feldzug", "Jörg Brenner"},
      {"an object in the accusative first, the verb, the subject: Den Unmut brachte die TITLE, NAME, zum Ausdruck:",
       "Der Rat tagte lange. Den Unmut der Mieter brachte die Vorsitzende des Mieterbundes, Petra Lindqvist, zum Ausdruck: „Solche Mieten kann niemand zahlen.“",
       "Mieten", "Petra Lindqvist"},
      {"an apposition that ends with a bracket before the verb: NAME, der TITLE des X (Y) sagte:",
       "Der Rat tagte lange. Jörg Brenner, der Vorsitzende des Mieterbundes Nord (MBN) sagte gegenüber der Presse: „Solche Mieten kann niemand zahlen.“",
       "Mieten", "Jörg Brenner"},
      {"the subject, a party in brackets, the verb, a clause with commas, a colon",
       "Der Rat tagte lange. Auch die Ministerin Petra Lindqvist (SPD) äußerte Zweifel und wagte die Prognose, bei der Wahl werde es eng: „Ich gehe davon aus, dass nicht alle zustimmen.“",
       "zustimmen", "Petra Lindqvist"},
      {"the colon of a second clause with its own speech verb: X wies das zurück, der TITLE, NAME, erklärte:",
       "Der Rat tagte lange. Die Ministerin Petra Lindqvist wies das zurück, der Sprecher der Fraktion, Jörg Brenner, erklärte: „Solche Mieten kann niemand zahlen.“",
       "Mieten", "Jörg Brenner"},
      {"the source nearest the quote: laut X …, nach Aussagen eines Experten „…“",
       "Der Rat tagte lange. Laut Jörg Brenner ist das Gutachten neu, nach Aussagen eines Experten seien die Werte „wie immer viel zu hoch“.",
       "viel zu hoch", "eines Experten"},
      {"two organisations named together: nach Bewertung von X und Y",
       "Der Rat tagte lange. Der Fall hat nach Bewertung von Polizei und Staatsanwaltschaft „keinen Anlass für weitere Schritte“ gegeben.",
       "Anlass", "Polizei und Staatsanwaltschaft"},
      {"a quote in brackets after a role and its name in apposition: der Leiter der X, NAME („…“)",
       "Der Rat tagte lange. Gelobt haben den Plan die Bürgermeisterin und der Leiter der Hafenbehörde Nord, Jörg Brenner („Ein guter Tag für die Stadt.“).",
       "guter Tag", "Jörg Brenner"},
      {"the next of a list after a quote in brackets: „…“), und der TITLE NAME: „…“",
       "Der Rat tagte lange. Gelobt wurde der Plan vom Leiter der Hafenbehörde, Jörg Brenner („Ein guter Tag.“), und die Bürgermeisterin Petra Lindqvist: „Wir bauen jetzt.“",
       "bauen", "Petra Lindqvist"},
      {"a long participial phrase before the name, the verb after it: der sich als X gebende Y NAME rief aus:",
       "Der Rat tagte lange. Der sich gern als Retter der Stadt gebende Bürgermeister Jörg Brenner rief vor der Menge aus: „Wir bauen jetzt.“",
       "bauen", "Jörg Brenner"},
      {"an adverb first, the speech verb, its subject after it: Unmissverständlich sagt das Gericht, „…“",
       "Der Prozess ist vorbei. Unmissverständlich sagt das Gericht in der Begründung, dass es „nicht von seiner Unschuld überzeugt“ sei.",
       "Unschuld", "Gericht"},
      {"a prepositional phrase first, the speech verb, its subject: In einer Erklärung erklärte X, …„…“",
       "Der Rat tagte lange. In einer kurzen Erklärung erklärte die Fraktion, sie nehme die Entscheidung „mit großem Bedauern zur Kenntnis“.",
       "Bedauern", "Fraktion"},
      {"an age in apposition after the name before the verb: NAME, 30, beschrieb …:",
       "Der Rat tagte lange. Die das Unglück überlebende Petra Lindqvist, 30, beschrieb im Krankenhaus den Hergang: „Die See war rau.“",
       "See war", "Petra Lindqvist"},
      {"a demonstrative noun phrase and the name in apposition: Dieser Arzt, NAME, schilderte …, „…“",
       "Ein Arzt kam schnell. Dieser Arzt, Jörg Brenner, schilderte der Zeitung seinen Eindruck, „dass sie schon lange bewusstlos war“.",
       "bewusstlos", "Jörg Brenner"},
      {"an adverb of contrast between the subject and its speech verb: NAME hingegen sagte, … „…“",
       "Der Rat tagte lange. Die Mieter hingegen sagten, der Vermieter trage die „volle Schuld“ an den Schäden.",
       "volle Schuld", "Mieter"},
      {"whose judgement it is, after für opening the sentence: Für den TITLE NAME ist X „…“",
       "Der Rat tagte lange. Für den Bürgermeister Jörg Brenner ist die Lage am Hafen „bedrohlich“.",
       "bedrohlich", "Jörg Brenner"},
      {"nach Darstellung des ORGANISATION",
       "Der Rat tagte lange. Nach Darstellung des Mieterbundes sind die Mieten „schneller als die Löhne gestiegen“.",
       "Löhne", "Mieterbundes"},
  };
  for (const auto& row : rows) {
    SECTION(row.phenomenon) { check_exact_speaker(row); }
  }
  SECTION("a medium's name in marks after the quote: its speaker or its subject, and no quote itself") {
    const auto wrote = run("Der Rat tagte lange. „Die Mieten steigen schneller als die Löhne in der Stadt“, schreibt die „Nordpost“.");
    REQUIRE(wrote.quotes.size() == 1);
    CHECK(wrote.quotes[0].speaker == "Nordpost");
    const auto quoted =
        run("Jörg Brenner ist Bürgermeister. „Die Mieten steigen schneller als die Löhne“, zitiert die „Nordpost“ Brenner in einem Bericht.");
    REQUIRE(quoted.quotes.size() == 1);
    CHECK(quoted.quotes[0].speaker == "Jörg Brenner");
  }
  SECTION("two people named together speak together, and neither surname alone is both") {
    const auto colon = run("Der Rat tagte lange. Petra und Jörg Brenner teilten daraufhin mit: „Solche Mieten kann niemand zahlen.“");
    REQUIRE(colon.quotes.size() == 1);
    CHECK(colon.quotes[0].speaker == "Petra und Jörg Brenner");
    CHECK(colon.quotes[0].speaker_type == EntityType::Group);
    const auto after = run(
        "Der Rat tagte lange. „Solche Mieten kann niemand zahlen“, sagten Petra Lindqvist und Jörg Brenner am Montag. "
        "Später wurde Brenner gewählt. „Wir sind das Gewissen der Stadt“, sagte Brenner.");
    REQUIRE(after.quotes.size() == 2);
    CHECK(after.quotes[0].speaker == "Petra Lindqvist und Jörg Brenner");
    CHECK(after.quotes[1].speaker != after.quotes[0].speaker);
    CHECK(after.quotes[1].speaker_id != after.quotes[0].speaker_id);
  }
  SECTION("the subject of reported speech before a colon is not the speaker: Die Pflichten seien festgelegt: „…“") {
    const auto quotes = run("Jörg Brenner sprach lange. Die Pflichten der Stadt seien im Vertrag klar festgelegt: „Daraus ergibt sich, dass niemand mehr zahlen muss.“");
    const Quote* q = find_quote(quotes, "niemand");
    REQUIRE(q != nullptr);
    CHECK(q->speaker.find("Pflichten") == std::string::npos);
  }
  const std::vector<Row> unnamed = {
      {"one of a group is an unnamed source: Einer der N ADJ NOUN sagte:",
       "Der Brand war schnell gelöscht. Einer der zehn beteiligten Feuerwehrmänner sagte: „So etwas habe ich noch nie gesehen.“",
       "etwas", "Einer der zehn beteiligten Feuerwehrmänner"},
      {"the authors of a study speak for it: Die Autoren der Studie werfen X vor:",
       "Der Rat tagte lange. Die Autoren der Studie werfen den Behörden vor: „Eine Kontrolle findet fast nicht statt.“",
       "Kontrolle", "Die Autoren der Studie"},
      {"a possessive noun phrase after the verb: Nach der Landung teilte dessen Stellvertreter mit:",
       "Der Minister flog nach Hause. Nach der Landung teilte dessen Stellvertreter über die Lage mit: „Er ruft uns an, wenn er zurückkommt.“",
       "ruft uns", "dessen Stellvertreter"},
  };
  for (const auto& row : unnamed) {
    SECTION(row.phenomenon) { check_exact_speaker(row, true); }
  }
  SECTION("a verb that names is no attribution: „…“, so heißt das Projekt") {
    const auto quotes = run("Jörg Brenner leitet den Bau. „Nordlicht“, so heißt das neue Projekt der Werft.");
    const Quote* q = find_quote(quotes, "Nordlicht");
    if (q) CHECK(q->speaker.empty());
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

TEST_CASE("German: a common noun after an article is no name; one that may speak still is", "[attribution][de]") {
  const std::vector<Row> rows = {
      {"NAME VERB das NOUN des …: quote (the object is no speaker)",
       "Der Rat tagte lange. Jörg Brenner kommentierte das Ende der Verhandlungen mit den Worten: „Wir haben alles "
       "versucht, aber es hat nicht gereicht.“",
       "versucht", "Jörg Brenner"},
      {"TITLE, NAME, VERB die NOUN des …: quote",
       "Der Rat tagte lange. Der Vorsitzende des Mieterbundes, Jörg Brenner, kritisierte die Entscheidung des Senats "
       "scharf: „Die Mieter werden die Zeche zahlen.“",
       "Zeche", "Jörg Brenner"},
      {"a speaking institution: quote, VERB das Gericht",
       "Der Rat tagte lange. „Der Angeklagte war zur Tatzeit voll schuldfähig“, erklärte das Gericht.", "schuldfähig",
       "Gericht"},
      {"a compound ending with a speaking institution: quote, VERB die Nachrichtenagentur",
       "Der Rat tagte lange. „Wir haben die Lage unter Kontrolle“, sagte die Nachrichtenagentur.", "Kontrolle",
       "Nachrichtenagentur"},
      {"a person by an agent noun: quote, VERB die Moderatorin",
       "Der Rat tagte lange. „Wir haben die Lage unter Kontrolle“, erklärte die Moderatorin.", "Kontrolle", "Moderatorin"},
      {"an adjective and a noun after an article are no person a pronoun refers to: Der Öffentliche Nahverkehr … Er",
       "Innenminister Jörg Brenner besuchte am Montag die Stadt. Der Öffentliche Nahverkehr wurde eingestellt. Er "
       "sagte, wer auf „Beamten, Familienväter oder junge Leute“ schieße, sei ein Krimineller.",
       "Familienväter", "Jörg Brenner"},
      {"a definite noun phrase with nobody of its role before is no earlier person: die Polizei",
       "Bürgermeister Jörg Brenner eröffnete am Montag die Sitzung. „Wir haben die Lage unter Kontrolle“, sagte die "
       "Polizei.",
       "Kontrolle", "die Polizei"},
      {"an adverb before the verb is not its subject: Unmissverständlich sagte er …",
       "Der Richter Jörg Brenner leitete den Prozess. Unmissverständlich sagte er in der Begründung, dass er „nicht "
       "von der Unschuld des Mannes überzeugt“ sei.",
       "Unschuld", "Jörg Brenner"},
      {"the words of a person are that person's: Das Fazit von NAME …:",
       "Der Rat tagte lange. Das Fazit von Petra Lindqvist fiel knapp aus: „Wir haben viel erreicht, aber nicht genug.“",
       "erreicht", "Petra Lindqvist"},
      {"… in the genitive, of a person named before: Die letzten Worte Lindqvists …:",
       "Die Stadträtin Petra Lindqvist trat zurück. Die letzten Worte Lindqvists im Rat waren deutlich: „Wir haben viel "
       "erreicht, aber nicht genug.“",
       "erreicht", "Stadträtin Petra Lindqvist"},
      {"the authors of a study are its source, not the study: Die Autoren der Untersuchung …:",
       "Der Rat tagte lange. Die Autoren der Untersuchung werfen der Stadt vor: „Eine Kontrolle der Qualität findet "
       "kaum statt.“",
       "Kontrolle", "Die Autoren der Untersuchung"},
      {"… nor is a title with nobody of it before: Der Vorsitzende Richter",
       "Bürgermeister Jörg Brenner eröffnete am Montag die Sitzung. Der Vorsitzende Richter sagte: „Wir haben die Lage "
       "unter Kontrolle.“",
       "Kontrolle", "Der Vorsitzende Richter"},
  };
  for (const auto& row : rows) {
    SECTION(row.phenomenon) { check_exact_speaker(row); }
  }
  SECTION("a noun phrase with an object's article is no subject: Die Bundesregierung hatte den Bericht … zurückgewiesen") {
    const auto quotes =
        run("Der Streit dauerte an. Die Bundesregierung hatte den Bericht der Zeitung umgehend als „falsch und erfunden“ "
            "zurückgewiesen.");
    for (const Quote& q : quotes.quotes) CHECK(q.speaker.find("Bericht") == std::string::npos);
  }
  SECTION("an adverb before the verb and an article is no speaker: Unmissverständlich sagt das Gericht") {
    const auto quotes = run("Der Prozess dauerte neun Monate. Unmissverständlich sagt das Gericht in der Begründung, dass es "
                            "„nicht von der Unschuld des Mannes überzeugt“ sei.");
    const Quote* q = find_quote(quotes, "Unschuld");
    REQUIRE(q != nullptr);
    CHECK(q->speaker != "Unmissverständlich");
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

TEST_CASE("German: a capitalised quotation inside a noun phrase is a name, whatever its length", "[attribution][de]") {
  // In apposition to the noun or name before it, even where the sentence has a speaker.
  CHECK(run("Petra Lindqvist sagte der Nachrichtenagentur „Nordpress“ am Montag, der Hafen bleibe offen.").quotes.empty());
  CHECK(run("Der Rat verglich die Zahlen mit der Studie „Fischerei an der Küste von 1990 bis 2010 und danach“.").quotes.empty());
  // Unattributed, right after an article: the name of a law, a prize, an event.
  CHECK(run("In Dänemark gilt seit Jahren ein „Gesetz zur Förderung der kleinen Häfen an der Küste“ für alle Städte.")
            .quotes.empty());
  CHECK(run("Die Fischer zogen unter dem Motto „1.000 Jahre Hafen sind genug“ durch Kiel.").quotes.empty());
  CHECK(run("Die Seglerin gewann im „Großen Preis der Hafenstädte an der westlichen Ostsee“ den zweiten Platz.")
            .quotes.empty());
  // A full stop after an abbreviation ends no sentence: the name of an association.
  CHECK(run("Auf der Seite ist nur eine Nachricht des „Fördervereins der Hafenstädte an der Ostsee e.V.“ zu sehen.")
            .quotes.empty());
  // Opening a sentence, the capitalised word is no noun before the quote; a sentence in marks
  // after a noun stays a quote; so does a lower-case phrase after a noun.
  CHECK(run("Im Saal hing das Plakat „Wir bleiben hier, bis der Haushalt ausgeglichen ist.“").quotes.size() == 1);
  check_only_quote("Petra Lindqvist sagte, der Haushalt der Stadt sei „völlig verfehlt“.", "Petra Lindqvist");
}

TEST_CASE("German: after a word for a motto or a title even a sentence in marks is a name", "[attribution][de]") {
  // Other verbs, cues and word orders; a sentence ending with ! ? or a full stop; attributed
  // or not.
  CHECK(run("Petra Lindqvist führte am Samstag Tausende unter dem Motto „Der Hafen der Stadt Kiel muss für alle "
            "bleiben!“ durch die Stadt.")
            .quotes.empty());
  CHECK(run("Der Rat tagte lange. Petra Lindqvist stellte ihr Buch „Wer fischt, gewinnt.“ in Kiel vor.").quotes.empty());
  CHECK(run("Im Herbst erscheint das neue Album „Warum nicht heute, warum nicht hier und jetzt?“ der Kieler Band.")
            .quotes.empty());
  // A slogan shouted at a rally is the crowd's words; a poster's sentence stays a quote too.
  check_only_quote("Die Fischer riefen immer wieder die Parole „Wir bleiben hier, bis der Hafen wieder offen ist!“ vor "
                   "dem Rathaus.",
                   "Fischer");
  CHECK(run("Im Saal hing das Plakat „Wir bleiben hier, bis der Haushalt ausgeglichen ist.“").quotes.size() == 1);
}

TEST_CASE("German: capitalised quotations in a list of three or more are names or titles", "[attribution][de]") {
  // Unattributed or attributed, joined by commas, "und", "oder": a programme's topics, films.
  CHECK(run("Auf dem Hafenfest gab es Vorträge wie „Die Geschichte des Kieler Hafens“, „Segeln an der Förde im "
            "Wandel der Zeit“ und „Leuchttürme an der Ostsee“.")
            .quotes.empty());
  CHECK(run("Der Rat tagte lange. Petra Lindqvist nannte die Filme „Ein langer Sommer am Meer“, „Hafen für alle Tage“ "
            "oder „Die letzte Fähre nach Norden“ als Vorbilder.")
            .quotes.empty());
  // A list of single nouns is somebody's words; two quotations side by side stay what they
  // were; so does a list of lower-case words.
  const auto nouns = run("Der Rat tagte lange. Petra Lindqvist sprach von „Chaos“, „Willkür“ und „Versagen“ der Stadt.");
  REQUIRE(nouns.quotes.size() == 3);
  CHECK(nouns.quotes[0].speaker == "Petra Lindqvist");
  const auto two = run("Petra Lindqvist sagte, die Pläne seien „völlig verfehlt und viel zu teuer für die Stadt“ und "
                       "„Ein Fehler der ganzen Verwaltung“.");
  REQUIRE(two.quotes.size() == 2);
  CHECK(two.quotes[1].speaker == "Petra Lindqvist");
  const auto judgements = run("Petra Lindqvist sagte, der Plan sei „teuer“, „unnötig“ und „gefährlich“.");
  CHECK(judgements.quotes.size() == 3);
}

TEST_CASE("German: after a noun for what somebody said, a capitalised quotation is words, not a name", "[attribution][de]") {
  // "Worten", "Forderung" (utterance_noun), in other verbs and orders; a partial sentence.
  check_only_quote("Der Rat tagte lange. Petra Lindqvist verabschiedete sich mit den Worten „Der Hafen bleibt offen, "
                   "solange ich im Amt bin“ von den Fischern.",
                   "Petra Lindqvist");
  check_only_quote("Der Rat tagte lange. Petra Lindqvist wiederholte ihre Forderung „Mehr Geld für den Hafen der Stadt“ am "
                   "Montag.",
                   "Petra Lindqvist");
  CHECK(run("Der Rat tagte lange. Mit den Worten „Wir machen weiter, was auch immer der Rat beschließt“ verließ Petra "
            "Lindqvist den Saal.")
            .quotes.size() == 1);
  // After another noun it is still a name.
  CHECK(run("Der Rat tagte lange. Petra Lindqvist sprach gegenüber der Agentur „Nordpress Kiel“ über den Haushalt.")
            .quotes.empty());
}

TEST_CASE("German: a quotation joined to a word by a hyphen, or a capitalised gloss in parentheses, is a term", "[attribution][de]") {
  CHECK(run("Petra Lindqvist sagte einer „Nordpress“-Reporterin, der Hafen bleibe offen.").quotes.empty());
  CHECK(run("Petra Lindqvist nannte die Ziele der Partei („Hafenausbau“) am Montag in Kiel.").quotes.empty());
  // A sentence in parentheses stays a quote.
  CHECK(run("Der Rat tagte lange. Petra Lindqvist widersprach („Das ist nicht wahr!“) und ging.").quotes.size() == 1);
}

TEST_CASE("German: a short capitalised quotation whose words recur in the text is a name", "[attribution][de]") {
  // Attributed strongly, once; its words stand again later: the name of a newspaper.
  const std::string text =
      "Haushalt in Kiel\n\nDer Rat tagte lange. Petra Lindqvist sprach gegenüber dem „Hafenkurier“ über den Haushalt. "
      "Der Hafenkurier erscheint seit 1950 in Kiel.";
  CHECK(run(text).quotes.empty());
  // Said once, the word is her remark; so is a headline's word that the body repeats.
  check_only_quote("Der Rat tagte lange. Petra Lindqvist nannte den Beschluss einen „Wortbruch“.", "Petra Lindqvist");
  const auto headline = run("Lindqvist: „Wortbruch“\n\nDer Rat tagte lange. Petra Lindqvist nannte den Beschluss einen „Wortbruch“.");
  REQUIRE(!headline.quotes.empty());
  CHECK(headline.quotes.back().text == "Wortbruch");
  CHECK(headline.quotes.back().speaker == "Petra Lindqvist");
}

TEST_CASE("German: a lower-case quote after \"als\" is the judgement of its weakly attributed speaker", "[attribution][de]") {
  check_only_quote("Der Rat tagte lange. Petra Lindqvist feierte den Beschluss als „großen Schritt für den Hafen“.",
                   "Petra Lindqvist");
  // Without a speaker, or opening with a capital (a name), it is still a term.
  CHECK(run("Der Rat tagte lange. Der Beschluss galt als „großer Schritt für den Hafen“.").quotes.empty());
  CHECK(run("Der Rat tagte lange. Petra Lindqvist feierte den Beschluss als „Hafen Zwei“.").quotes.empty());
}

TEST_CASE("German: the Konjunktiv of any frequent verb marks reported speech around a short quote", "[attribution][de]") {
  // "unterstütze" (Konjunktiv I) is no speech verb and none of sei/habe; the weakly attributed
  // lower-case phrase stays.
  check_only_quote("Der Rat tagte lange. Petra Lindqvist hielt den Plan für „voll gelungen“, die Stadt unterstütze ihn.",
                   "Petra Lindqvist");
  CHECK(run("Der Rat tagte lange. Petra Lindqvist hielt den Plan für „voll gelungen“ und die Stadt unterstützte ihn.")
            .quotes.empty());
}

TEST_CASE("German: an unnamed source by a noun of the lexicon or a compound ending in one", "[attribution][de]") {
  const std::vector<Row> rows = {
      {"a noun that starts with an umlaut (lower-casing is ASCII only): eine Ärztin des ORG",
       "Das Krankenhaus ist voll. „Wir arbeiten seit drei Tagen ohne Pause“, sagte eine Ärztin des Krankenhauses.",
       "Pause", "eine Ärztin des Krankenhauses"},
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

TEST_CASE("language auto reads a document in the language its input declares when a pack has it", "[attribution][de]") {
  const std::string german = "„Wir werden den Haushalt bis zum Herbst ausgleichen“, sagte Petra Lindqvist. Das ist nicht neu.";
  REQUIRE(detect_language(german) == "de");
  for (const auto& [declared, read_in] : std::vector<std::pair<std::string, std::string>>{
           {"en", "en"}, {"EN-gb", "en"}, {"de-AT", "de"}, {"fr", "de"}, {"", "de"}}) {
    Document doc;
    doc.id = "test";
    doc.text = german;
    doc.language = declared;
    DocumentQuotes out;
    extractor("auto").extract(doc, out);
    INFO("declared: " << declared);
    CHECK(out.language == read_in);  // a language without a pack ("fr") leaves it to the text
  }
  // --lang de is what the user asked for, whatever the input declares.
  Document doc;
  doc.text = german;
  doc.language = "en";
  DocumentQuotes out;
  extractor("de").extract(doc, out);
  CHECK(out.language == "de");
}

TEST_CASE("an unknown language is refused at start-up", "[attribution][de]") {
  ExtractorOptions options;
  options.language = "xx";
  std::string error;
  CHECK_FALSE(Extractor::create(options, &error));
  CHECK(error.find("xx") != std::string::npos);
}

TEST_CASE("German: a name with its role in apposition after it gives the person's role and organisation", "[attribution][de]") {
  const auto quotes = run("Karl Berger, der Vorsitzende des Anglervereins, kam spät. „Der See ist sauber“, sagte Berger.");
  const Quote* q = find_quote(quotes, "See");
  REQUIRE(q != nullptr);
  CHECK(q->speaker == "Karl Berger");
  CHECK(q->role == "Vorsitzende");
  CHECK(q->organization == "Anglervereins");
}

TEST_CASE("a definite description written later in apposition after a name is that person", "[attribution][de]") {
  const auto german = run(
      "Die Anwältin des Mieters sprach von einem Fehler: „Der Vertrag war nie gültig.“ Am Abend ging Jana Roth, "
      "die Anwältin des Mieters, zum Gericht.");
  const Quote* q = find_quote(german, "Vertrag");
  REQUIRE(q != nullptr);
  CHECK(q->speaker == "Jana Roth");
  CHECK_FALSE(q->anonymous);
  // Two people written with the same description: it names neither.
  const auto two = run(
      "Die Anwältin des Mieters sprach von einem Fehler: „Der Vertrag war nie gültig.“ Jana Roth, die Anwältin des "
      "Mieters, ging zum Gericht. Später kam Eva Sommer, die Anwältin des Mieters, hinzu.");
  const Quote* shared = find_quote(two, "Vertrag");
  REQUIRE(shared != nullptr);
  CHECK(shared->anonymous);
  // An indefinite description is often somebody else than the person later so described.
  const auto english = run(
      "A longtime adviser was blunt: “The campaign has no plan.” Later, David Axelrod, a longtime adviser, spoke "
      "to reporters.",
      "en");
  const Quote* indefinite = find_quote(english, "campaign");
  REQUIRE(indefinite != nullptr);
  CHECK(indefinite->anonymous);
}

TEST_CASE("German: es heißt von, vom, seitens, aus, in a written statement (issue 31, despk)", "[attribution][de]") {
  const std::vector<Row> rows = {
      {"„…“, hieß es vom TITLE des X NAME: the role before the name is skipped",
       "Die Polizei fand eine Bombe. „Alle Spuren deuten auf einen Anschlag der Gruppe hin“, hieß es vom Sprecher der "
       "Polizei Jörg Brenner.",
       "Spuren", "Jörg Brenner"},
      {"„…“, hieß es am DAY von NAME",
       "Der Rat tagte lange. „Das ist hoffentlich das Ende der langen Affäre um den Hafen“, hieß es am Montag von Petra "
       "Lindqvist.",
       "Affäre", "Petra Lindqvist"},
      {"„…“, heißt es seitens der ORGANISATION",
       "Der Rat tagte lange. „Die Mieten steigen schneller als die Löhne in der Stadt“, heißt es seitens der "
       "Stadtverwaltung.",
       "Löhne", "Stadtverwaltung"},
      {"„…“, hieß es aus dem MINISTERIUM",
       "Der Rat tagte lange. „Die Mieten steigen schneller als die Löhne in der Stadt“, hieß es aus dem Bauministerium.",
       "Löhne", "Bauministerium"},
      {"„…“, heißt es in einer Stellungnahme des X: the statement's owner",
       "Der Rat tagte lange. „Die Mieten steigen schneller als die Löhne in der Stadt“, heißt es in einer Stellungnahme "
       "des Mieterbundes.",
       "Löhne", "Mieterbundes"},
  };
  for (const auto& row : rows) {
    SECTION(row.phenomenon) { check_speaker_holds(row, "Sprecher"); }  // the role skipped before the name
  }
  SECTION("a verb that names stays no attribution: „…“, so heißt es im Vertrag") {
    const auto quotes = run("Der Rat tagte lange. „Das ist hoffentlich das Ende der langen Affäre um den Hafen“, so heißt es im Vertrag.");
    for (const auto& q : quotes.quotes) CHECK(q.speaker.empty());
  }
}

TEST_CASE("German: amounts, units and a subordinating conjunction never start a name (issue 31, despk)", "[attribution][de]") {
  SECTION("the subject after an amount in an opening phrase: von 4,2 Milliarden Euro nannte NAME …") {
    check_exact_speaker({"", "Die Stadt plant neue Ausgaben. Angesichts der Kosten von 4,2 Milliarden Euro nannte Petra "
                             "Lindqvist den Plan „völlig unrealistisch“.",
                         "unrealistisch", "Petra Lindqvist"});
  }
  for (const std::string text : {
           "Die Polizei fand eine Bombe. Die Bombe enthielt 300 Gramm Sprengstoff und galt als „äußerst gefährlich für alle Anwohner“.",
           "Der Etat wächst. Die Stadt rechnet mit 12 Prozent Zuwachs und nennt das „ein gutes Ergebnis für alle Bürger“.",
           "Der Rat tagte lange. Da Mieter die Kosten tragen, warnte der Vorsitzende des Mieterbundes, Jörg Brenner, in einem "
           "Brief: „Solche Mieten kann in dieser Stadt niemand zahlen.“",
       }) {
    SECTION(text) {
      for (const auto& q : run(text).quotes)
        for (const char* word : {"Gramm", "Prozent", "Da "}) CHECK(q.speaker.find(word) == std::string::npos);
    }
  }
}

TEST_CASE("German: whom somebody speaks to after gegenüber is not what the pronoun refers to (issue 31, despk)", "[attribution][de]") {
  const std::string before =
      "Der Rat tagte lange. Die frühere Bürgermeisterin der Gemeinde, Petra Lindqvist, sieht den Beschluss als "
      "Niederlage für die Stadt. ";
  const std::vector<Row> rows = {
      {"Gegenüber MEDIUM sagte sie:", before + "Gegenüber Radio Nordwelle sagte sie: „Das ist hoffentlich der Anfang vom Ende.“",
       "Anfang", "Petra Lindqvist"},
      {"two addressees, a time: Gegenüber X und dem Y erklärte sie am Montag:",
       before + "Gegenüber Hafen Aktuell und dem Stadtblatt erklärte sie am Montag: „Das ist hoffentlich der Anfang vom Ende.“",
       "Anfang", "Petra Lindqvist"},
      {"another verb and its object: Gegenüber MEDIUM kritisierte sie den Beschluss scharf:",
       before + "Gegenüber Radio Nordwelle kritisierte sie den Beschluss scharf: „Das ist hoffentlich der Anfang vom Ende.“",
       "Anfang", "Petra Lindqvist"},
      {"after the quote: „…“, betonte sie gegenüber MEDIUM",
       before + "„Das ist hoffentlich der Anfang vom Ende“, betonte sie gegenüber Radio Nordwelle.", "Anfang",
       "Petra Lindqvist"},
  };
  check_rows(rows);
}

TEST_CASE("German: a role owned by a person in the genitive, an adjective before it, the name last (issue 31, despk)", "[attribution][de]") {
  const std::vector<Row> rows = {
      {"POSSESSORs ADJ ROLE NAME wurde deutlich: „…“",
       "Der Rat tagte lange. Lindqvists wissenschaftlicher Mitarbeiter Jörg Brenner wurde am Abend deutlich: „Das ist "
       "hoffentlich der Anfang vom Ende.“",
       "Anfang", "Jörg Brenner"},
      {"POSSESSORs ADJ ROLE NAME sagte am Montag: „…“",
       "Der Rat tagte lange. Lindqvists langjähriger Sprecher Jörg Brenner sagte am Montag: „Das ist hoffentlich der "
       "Anfang vom Ende.“",
       "Anfang", "Jörg Brenner"},
      {"„…“, sagte POSSESSORs ADJ ROLE NAME",
       "Der Rat tagte lange. „Das ist hoffentlich der Anfang vom Ende“, sagte Lindqvists stellvertretender Sprecher Jörg "
       "Brenner.",
       "Anfang", "Jörg Brenner"},
      {"POSSESSORs ADJ ROLE NAME nannte den Plan „…“",
       "Der Rat tagte lange. Merkels neuer Regierungssprecher Jörg Brenner nannte den Plan „völlig unrealistisch“.",
       "unrealistisch", "Jörg Brenner"},
  };
  check_rows(rows);
}

TEST_CASE("German: the agent of a passive judgement, von or vom X als „…“ (issue 31, despk)", "[attribution][de]") {
  const std::vector<Row> rows = {
      {"wird … vom ORGANISATION als „…“ eingeschätzt (not the place or the noun after von before it)",
       "Der Frühling ist nass. Im Süden des Landes wird das Risiko von Hochwasser vom Bayerischen Landesamt als „kaum "
       "noch beherrschbar“ eingeschätzt.",
       "beherrschbar", "Bayerischen Landesamt"},
      {"wird von NAME als „…“ kritisiert",
       "Der Sommer ist trocken. Der Plan wird von Petra Lindqvist als „völlig unrealistisch“ kritisiert.",
       "unrealistisch", "Petra Lindqvist"},
      {"wurde gestern von NAME öffentlich als „…“ abgetan (an adverb before als)",
       "Der Sommer ist trocken. Der Bericht wurde gestern von Jörg Brenner öffentlich als „grober Unfug“ abgetan.",
       "Unfug", "Jörg Brenner"},
  };
  check_rows(rows);
  SECTION("who is spoken of is no agent: sprach von NAME als „…“") {
    const auto quotes = run("Der Sommer ist trocken. Die Gewerkschaft sprach bereits von Jörg Brenner als „Totengräber der Werft“.");
    for (const auto& q : quotes.quotes) CHECK(q.speaker != "Jörg Brenner");
  }
}

TEST_CASE("German: a title and the organisation it serves by a cue word, no name, is an unnamed source (issue 31, despk)", "[attribution][de]") {
  const std::vector<Row> rows = {
      {"„…“, so der ADJ TITLE der CUE",
       "Der Rat tagte lange. „Wir sind mit dem Ergebnis der Sitzung sehr zufrieden“, so der stellvertretende Chef der Behörde.",
       "Ergebnis", "der stellvertretende Chef der Behörde"},
      {"„…“, sagte der TITLE der CUE",
       "Der Rat tagte lange. „Wir sind mit dem Ergebnis der Sitzung sehr zufrieden“, sagte der Leiter der Behörde.",
       "Ergebnis", "der Leiter der Behörde"},
      {"Der TITLE der CUE sagte: „…“",
       "Der Rat tagte lange. Der Präsident der Behörde sagte am Montag: „Wir sind mit dem Ergebnis der Sitzung sehr zufrieden.“",
       "Ergebnis", "Der Präsident der Behörde"},
  };
  for (const auto& row : rows) {
    SECTION(row.phenomenon) {
      check_exact_speaker(row, true);
      CHECK(find_quote(run(row.text), row.quote)->organization == "Behörde");
    }
  }
}

TEST_CASE("German: a medium's name in marks that opens with an article speaks (issue 31, despk)", "[attribution][de]") {
  check_rows({
      {"„…“, schrieb „Die Zeit“ in ihrer Kritik",
       "Die Oper hatte Premiere. „Ein Abend voller Klang und Farbe, der lange nachwirkt“, schrieb „Die Zeit“ in ihrer Kritik.",
       "Klang", "Zeit"},
      {"„…“, schreibt „Der Spiegel“",
       "Der Rat tagte lange. „Die Mieten steigen schneller als die Löhne in der Stadt“, schreibt „Der Spiegel“.", "Löhne",
       "Spiegel"},
  });
}

TEST_CASE("German: a publisher is a body that speaks (issue 31, despk)", "[attribution][de]") {
  check_rows({
      {"nach Darstellung des Verlages", "Der Roman erscheint im Mai. Nach Darstellung des Verlages ist er „ein Werk für junge Leser und ihre Eltern“.",
       "junge Leser", "Verlages"},
      {"„…“, teilte der Verlag mit", "Der Sommer ist trocken. „Wir sehen keinen Grund für eine Änderung der Regeln“, teilte der Verlag mit.",
       "Grund", "Verlag"},
  });
}
