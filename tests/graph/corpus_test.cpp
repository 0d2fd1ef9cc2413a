// Resolution across documents: names and organisations that must merge and look-alikes that
// must not, statements across articles, conflicting attributions, measures on a small graph.
#include <catch2/catch.hpp>

#include <cstdio>
#include <map>
#include <string>

#include "quotegraph/corpus.h"
#include "quotegraph/quote_graph.h"

using namespace quotegraph;

namespace {

ResolvedQuote quote(const std::string& text, const std::string& speaker, std::size_t start = 0) {
  ResolvedQuote q;
  q.text = text;
  q.start = start;
  q.stop = start + text.size();
  q.speaker = speaker;
  q.speaker_id = speaker.empty() ? "" : "person:" + normalise_key(speaker);
  q.rule = "test";
  q.confidence = 0.9;
  return q;
}

DocumentRecord record(const std::string& id, const std::string& date, std::vector<ResolvedQuote> quotes) {
  DocumentRecord r;
  r.document.id = id;
  r.document.date = date;
  r.quotes = std::move(quotes);
  return r;
}

// The resolved speaker id of every quote, by its speaker as written, after resolve_corpus().
std::map<std::string, std::string> resolve(std::vector<DocumentRecord> records) {
  Corpus corpus;
  for (auto& r : records) corpus.add(std::move(r));
  corpus.finish();
  resolve_corpus(corpus);
  std::map<std::string, std::string> ids;
  for (const auto& r : corpus.documents())
    for (const auto& q : r.quotes) ids[q.speaker] = q.speaker_id;
  return ids;
}

}  // namespace

TEST_CASE("spelling variants of one person share a key", "[resolve]") {
  const auto [a, b] = GENERATE(table<const char*, const char*>({
      {"Sergei Lavrov", "Sergey Lavrov"},
      {"Antony Blinken", "Anthony Blinken"},
      {"Dmytro Kuleba", "Dmitry Kuleba"},
      {"Volodymyr Zelensky", "Volodymyr Zelenskyy"},
      {"Mohammed bin Salman", "Mohammad bin Salman"},
      {"Sauli Niinistö", "Sauli Niinisto"},
      {"John F. Kennedy", "John Fitzgerald Kennedy"},
      // An umlaut written, written out or dropped; ß is ss.
      {"Anna Müller", "Anna Mueller"},
      {"Anna Müller", "Anna Muller"},
      {"Jürgen Schröder", "Juergen Schroeder"},
      {"Jürgen Schröder", "Jurgen Schroder"},
      {"Karin Gärtner", "Karin Gaertner"},
      {"Lutz Köhler-Brandt", "Lutz Koehler-Brandt"},
      {"Petra Häußler", "Petra Haeussler"},  // äu: the ae before a vowel
      {"Jens Strauß", "Jens Strauss"},
      {"Greta Weißmann", "Greta Weissmann"},
      {"Helmut Maria Rößler", "Helmut M. Roessler"},
  }));
  CAPTURE(a, b);
  CHECK(person_key(a) == person_key(b));
}

TEST_CASE("different people who share a surname, or whose surnames look alike, keep different keys", "[resolve]") {
  const auto [a, b] = GENERATE(table<const char*, const char*>({
      {"Imran Khan", "Sadiq Khan"},
      {"Karim Khan", "Imran Khan"},
      {"George W. Bush", "George H. W. Bush"},
      {"Jair Bolsonaro", "Eduardo Bolsonaro"},
      {"Dan Smith", "Don Smith"},
      {"Jan Novak", "John Novak"},
      {"Hunter Biden", "Joe Biden"},
      // An ae, oe, ue that is no umlaut keeps its e.
      {"Ana Rodriguez", "Ana Rodrigez"},  // a silent u after g, q
      {"Luis Marquez", "Luis Marqez"},
      {"Min-jun Bae", "Min-jun Ba"},  // at the end of the word
      {"Ji-ho Baek", "Ji-ho Bak"},    // Korean aek
      {"Li Yuelin", "Li Yulin"},      // pinyin yue
      {"Tom Bauer", "Tom Baur"},      // after a vowel
      {"Kate Hoey", "Kate Hoy"},
      {"Ruth Michael", "Ruth Michal"},  // the -el of a Hebrew name
      {"Anna Müller", "Anna Miller"},
      {"Anna Müller", "Hanna Müller"},
      {"Jens Strauß", "Jens Strasser"},
  }));
  CAPTURE(a, b);
  CHECK(person_key(a) != person_key(b));
}

TEST_CASE("organisation names in their usual variants share a key", "[resolve]") {
  CHECK(organization_key("the Department of State") == organization_key("State Department"));
  CHECK(organization_key("Ministry of Defence") == organization_key("Defence Ministry"));
  CHECK(organization_key("The White House") == organization_key("White House"));
  CHECK(organization_key("Russian Foreign Ministry") != organization_key("Ukrainian Foreign Ministry"));
}

// A quote as the extractor gives it, with what it says of the speaker beyond the name.
ResolvedQuote said_by(const std::string& text, const std::string& speaker, const std::string& role, char gender = 0,
              const std::string& organization = "") {
  ResolvedQuote q = quote(text, speaker);
  q.role = role;
  q.gender = gender;
  q.organization = organization;
  return q;
}

TEST_CASE("Müller, Mueller and Muller in three articles are one person", "[resolve]") {
  const auto ids = resolve({record("a", "", {said_by("One two", "Anna Müller", "")}),
                            record("b", "", {said_by("Three four", "Anna Mueller", "")}),
                            record("c", "", {said_by("Five six", "Anna Muller", "")}),
                            record("d", "", {said_by("Seven eight", "Anna Miller", "")})});
  CHECK(ids.at("Anna Mueller") == ids.at("Anna Müller"));
  CHECK(ids.at("Anna Muller") == ids.at("Anna Müller"));
  CHECK(ids.at("Anna Miller") != ids.at("Anna Müller"));
}

TEST_CASE("a bare surname joins a full name of another document only on agreeing evidence", "[resolve]") {
  // The same role: one person named in full in one article and by surname in another.
  auto ids = resolve({record("a", "", {said_by("One two", "Sergei Lavrov", "Foreign Minister")}),
                      record("b", "", {said_by("Three four", "Lavrov", "Foreign Minister")})});
  CHECK(ids.at("Lavrov") == ids.at("Sergei Lavrov"));
  // The same organisation will do as well.
  ids = resolve({record("a", "", {said_by("One two", "Sergei Lavrov", "", 0, "Russia")}),
                 record("b", "", {said_by("Three four", "Lavrov", "minister", 0, "Russia")})});
  CHECK(ids.at("Lavrov") == ids.at("Sergei Lavrov"));
  // Nothing agrees: the surname stays a person of its own document, and its id says so.
  ids = resolve({record("a", "", {said_by("One two", "Sergei Lavrov", "Foreign Minister")}),
                 record("b", "", {said_by("Three four", "Lavrov", "")})});
  CHECK(ids.at("Lavrov") == "person:b:lavrov");
  CHECK(ids.at("Sergei Lavrov") == "person:srg-lavrov");
}

TEST_CASE("a gender that conflicts keeps a surname from a full name", "[resolve]") {
  // "Ms King" (the extractor keeps the surname and the gender) is not Paul King, same role or not.
  auto ids = resolve({record("a", "", {said_by("One two", "Paul King", "MP", 'm')}),
                      record("b", "", {said_by("Three four", "King", "MP", 'f')})});
  CHECK(ids.at("King") != ids.at("Paul King"));
  ids = resolve({record("a", "", {said_by("One two", "Paul King", "MP", 'm')}),
                 record("b", "", {said_by("Three four", "King", "MP", 'm')})});
  CHECK(ids.at("King") == ids.at("Paul King"));
}

TEST_CASE("two people with one surname: a bare surname joins the one its evidence fits, or none", "[resolve]") {
  const auto corpus = [](const std::string& role) {
    return std::vector<DocumentRecord>{
        record("a", "", {said_by("One", "Imran Khan", "Prime Minister"), said_by("Two", "Sadiq Khan", "Mayor")}),
        record("b", "", {said_by("Three", "Khan", role)})};
  };
  auto ids = resolve(corpus("Mayor"));
  CHECK(ids.at("Khan") == ids.at("Sadiq Khan"));
  ids = resolve(corpus(""));
  CHECK(ids.at("Khan") == "person:b:khan");
  CHECK(ids.at("Imran Khan") != ids.at("Sadiq Khan"));
}

TEST_CASE("within a document a bare surname is the document's full name", "[resolve]") {
  // No role needed: "Mr Blair" in an article that also quotes Tony Blair is Tony Blair.
  auto ids = resolve({record("a", "", {said_by("One", "Tony Blair", ""), said_by("Two", "Blair", "")})});
  CHECK(ids.at("Blair") == ids.at("Tony Blair"));
  // Unless the genders conflict, or two full names share the surname.
  ids = resolve({record("a", "", {said_by("One", "Tony Blair", "", 'm'), said_by("Two", "Blair", "", 'f')})});
  CHECK(ids.at("Blair") != ids.at("Tony Blair"));
  ids = resolve({record("a", "", {said_by("One", "Tony Blair", ""), said_by("Two", "Cherie Blair", ""),
                                  said_by("Three", "Blair", "")})});
  CHECK(ids.at("Blair") == "person:a:blair");
}

TEST_CASE("ranks are part of a name: a lord, a knight, a prince are not namesakes", "[resolve]") {
  // The extractor keeps a rank with one word as the name ("Lord Butler", "Sir Paul").
  auto ids = resolve({record("a", "", {said_by("One", "Kathy Butler", "chairman", 'f'),
                                       said_by("Two", "Ray Charles", "singer", 'm')}),
                      record("b", "", {said_by("Three", "Lord Butler", "chairman", 'm')}),
                      record("c", "", {said_by("Four", "Prince Charles", "singer", 'm')}),
                      record("d", "", {said_by("Five", "Vivek Paul", "chief executive", 'm')}),
                      record("e", "", {said_by("Six", "Sir Paul", "chief executive", 'm')})});
  CHECK(ids.at("Lord Butler") != ids.at("Kathy Butler"));
  CHECK(ids.at("Prince Charles") != ids.at("Ray Charles"));
  CHECK(ids.at("Sir Paul") != ids.at("Vivek Paul"));
  // The same rank and name in two articles is one person.
  ids = resolve({record("a", "", {said_by("One", "Lord Butler", "")}), record("b", "", {said_by("Two", "Lord Butler", "")})});
  const auto both = [] {
    Corpus c;
    c.add(record("a", "", {said_by("One", "Lord Butler", "")}));
    c.add(record("b", "", {said_by("Two", "Lord Butler", "")}));
    c.finish();
    resolve_corpus(c);
    return std::make_pair(c.documents()[0].quotes[0].speaker_id, c.documents()[1].quotes[0].speaker_id);
  }();
  CHECK(both.first == both.second);
}

TEST_CASE("organisations join by their name, never by a part of it", "[resolve]") {
  ResolvedQuote howard = said_by("We are sending troops", "John Howard", "Prime Minister", 'm', "Australia");
  ResolvedQuote bank = said_by("Profits rose", "Ralph Norris", "chief executive", 'm', "Commonwealth Bank of Australia");
  ResolvedQuote fa = said_by("The referee was right", "Brian Barwick", "chief executive", 'm', "FA");
  ResolvedQuote spanish = said_by("We will look into it", "Angel Villar", "president", 'm', "Spanish FA");
  ResolvedQuote state = said_by("No comment", "Ned Price", "spokesman", 'm', "the Department of State");
  ResolvedQuote state2 = said_by("Still no comment", "Ned Price", "spokesman", 'm', "State Department");
  Corpus corpus;
  corpus.add(record("a", "", {howard, bank}));
  corpus.add(record("b", "", {fa, spanish}));
  corpus.add(record("c", "", {state}));
  corpus.add(record("d", "", {state2}));
  corpus.finish();
  resolve_corpus(corpus);
  const auto& a = corpus.documents()[0].quotes;
  const auto& b = corpus.documents()[1].quotes;
  CHECK(a[0].organization_id == "org:australia");
  CHECK(a[1].organization_id == "org:commonwealth-bank-of-australia");
  CHECK(b[0].organization_id != b[1].organization_id);
  CHECK(corpus.documents()[2].quotes[0].organization_id == corpus.documents()[3].quotes[0].organization_id);
}

TEST_CASE("a name without its middle initial joins the only namesake, not one of two", "[resolve]") {
  auto ids = resolve({record("a", "", {quote("One", "George W. Bush")}), record("b", "", {quote("Two", "George Bush")})});
  CHECK(ids.at("George Bush") == ids.at("George W. Bush"));
  ids = resolve({record("a", "", {quote("One", "George W. Bush"), quote("Two", "George H. W. Bush", 5)}),
                 record("b", "", {quote("Three", "George Bush")})});
  CHECK(ids.at("George Bush") != ids.at("George W. Bush"));
  CHECK(ids.at("George Bush") != ids.at("George H. W. Bush"));
}

TEST_CASE("a headline taken for a name is nobody's namesake", "[resolve]") {
  // The extractor read a title-case headline as a name: five words, three of them "middle names".
  auto ids = resolve({record("a", "", {said_by("One", "Carly Fiorina Endorses Ted Cruz", "", 'f'),
                                       said_by("Two", "Cruz", "senator", 0, "Texas")}),
                      record("b", "", {quote("Three", "Carla Cruz")})});
  CHECK(ids.at("Carla Cruz") == "person:crl-cruz");  // Carla's skeleton is Carly's, but no middle initials join her
  CHECK(ids.at("Cruz") == "person:a:cruz");         // nor is the headline the article's full name for "Cruz"
  // A real name with two middle initials still takes its namesake without them.
  ids = resolve({record("a", "", {quote("One", "George H. W. Bush")}), record("b", "", {quote("Two", "George Bush")})});
  CHECK(ids.at("George Bush") == ids.at("George H. W. Bush"));
  // Nor does a headline stand between a surname and the one full name its evidence fits.
  ids = resolve({record("a", "", {said_by("One", "Barack Obama", "President")}),
                 record("b", "", {said_by("Two", "Hillary Clinton Are Actually Fighting About Barack Obama", "President")}),
                 record("c", "", {said_by("Three", "Obama", "President")})});
  CHECK(ids.at("Obama") == ids.at("Barack Obama"));
}

TEST_CASE("of several full names that fit a surname, one far better attested takes it", "[resolve]") {
  // "President" for Barack Obama in three articles, for a misread "Derelict Obama" in one: a
  // bare "Obama" who is president elsewhere is Barack Obama.
  auto corpus = [](int barack_documents) {
    std::vector<DocumentRecord> records;
    for (int d = 0; d < barack_documents; ++d)
      records.push_back(record("a" + std::to_string(d), "", {said_by("One", "Barack Obama", "President", 'm')}));
    records.push_back(record("b", "", {said_by("Two", "Derelict Obama", "President")}));
    records.push_back(record("c", "", {said_by("Three", "Michelle Obama", "", 'f')}));
    records.push_back(record("d", "", {said_by("Four", "Obama", "President")}));
    return records;
  };
  auto ids = resolve(corpus(3));
  CHECK(ids.at("Obama") == "person:brck-obama");
  // Two articles against one is no such difference: the surname stays in its article.
  ids = resolve(corpus(2));
  CHECK(ids.at("Obama") == "person:d:obama");
  // Two presidents Bush, each president in more than one article: "Bush" the president is
  // either, and joins neither.
  std::vector<DocumentRecord> bushes;
  for (int d = 0; d < 6; ++d) bushes.push_back(record("w" + std::to_string(d), "", {said_by("One", "George W. Bush", "President")}));
  for (int d = 0; d < 2; ++d) bushes.push_back(record("x" + std::to_string(d), "", {said_by("Two", "George H. W. Bush", "President")}));
  bushes.push_back(record("y", "", {said_by("Three", "Bush", "President")}));
  ids = resolve(bushes);
  CHECK(ids.at("Bush") == "person:y:bush");
  // Nor does attestation outweigh a conflicting gender.
  std::vector<DocumentRecord> kings;
  for (int d = 0; d < 4; ++d) kings.push_back(record("p" + std::to_string(d), "", {said_by("One", "Paul King", "MP", 'm')}));
  kings.push_back(record("q", "", {said_by("Two", "Mary King", "MP", 'f')}));
  kings.push_back(record("r", "", {said_by("Three", "King", "MP", 'f')}));
  ids = resolve(kings);
  CHECK(ids.at("King") == ids.at("Mary King"));
}

TEST_CASE("unnamed sources are never merged across documents", "[resolve]") {
  ResolvedQuote a = quote("One two", "a senior official"), b = quote("Three four", "a senior official");
  a.anonymous = b.anonymous = true;
  a.speaker_id = "anon:a:senior-official";
  b.speaker_id = "anon:b:senior-official";
  const auto corpus_ids = [&] {
    Corpus corpus;
    corpus.add(record("a", "", {a}));
    corpus.add(record("b", "", {b}));
    corpus.finish();
    resolve_corpus(corpus);
    return std::make_pair(corpus.documents()[0].quotes[0].speaker_id, corpus.documents()[1].quotes[0].speaker_id);
  }();
  CHECK(corpus_ids.first != corpus_ids.second);
}

TEST_CASE("the same words by another speaker are flagged, short phrases are not", "[resolve]") {
  Corpus corpus;
  corpus.add(record("a", "", {quote("We will never give up our land to them", "Ana Lima"), quote("No comment", "Ana Lima", 50)}));
  corpus.add(record("b", "", {quote("“We will never give up our land to them.”", "Rui Costa"), quote("No comment", "Rui Costa", 50)}));
  corpus.add(record("c", "", {quote("We will never give up our land to them", "Ana Lima")}));
  corpus.finish();
  resolve_corpus(corpus);
  const auto& a = corpus.documents()[0].quotes;
  const auto& b = corpus.documents()[1].quotes;
  const auto& c = corpus.documents()[2].quotes;
  CHECK(a[0].conflicting_speakers == std::vector<std::string>{b[0].speaker_id});
  CHECK(b[0].conflicting_speakers == std::vector<std::string>{a[0].speaker_id});
  CHECK(a[1].conflicting_speakers.empty());  // two words: a coincidence, not a misattribution
  CHECK(a[0].statement_id == c[0].statement_id);  // same words, same speaker, two articles
  CHECK(a[0].statement_id != b[0].statement_id);
}

TEST_CASE("resolution on several threads gives what it gives on one", "[resolve]") {
  // Enough documents for four slices; speakers with short forms, organisations, words repeated
  // by different speakers in documents far apart, so every step crosses a slice boundary.
  const std::vector<std::string> speakers = {"Sergei Lavrov", "Lavrov", "Sergey Lavrov", "Imran Khan", "Sadiq Khan",
                                             "Khan", "George W. Bush", "George Bush", "Ana Lima", "Rui Costa"};
  const std::vector<std::string> organizations = {"", "Ministry of Defence", "Defence Ministry", "the White House"};
  const auto make_corpus = [&] {
    Corpus corpus;
    for (std::size_t d = 0; d < 4200; ++d) {
      std::vector<ResolvedQuote> quotes;
      for (std::size_t i = 0; i < 1 + d % 3; ++i) {
        ResolvedQuote q = quote("We shall say this " + std::to_string((d * 7 + i) % 50) + " times over and again",
                        speakers[(d + i * 3) % speakers.size()], i * 100);
        q.organization = organizations[(d / 2 + i) % organizations.size()];
        if (q.speaker.find("Lavrov") != std::string::npos) q.role = "Foreign Minister";
        if (d % 11 == 0) q.speaker_id = "org:" + normalise_key("Defence Ministry");
        quotes.push_back(q);
      }
      char id[16];
      std::snprintf(id, sizeof id, "doc%05zu", d);  // documents are sorted by id: keep d's order
      corpus.add(record(id, "", std::move(quotes)));
    }
    corpus.finish();
    return corpus;
  };
  Corpus one = make_corpus(), four = make_corpus();
  resolve_corpus(one, 1);
  resolve_corpus(four, 4);
  std::size_t conflicts = 0, compared = 0;
  for (std::size_t d = 0; d < one.documents().size(); ++d) {
    const auto& a = one.documents()[d].quotes;
    const auto& b = four.documents()[d].quotes;
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i, ++compared) {
      CAPTURE(d, i);
      REQUIRE(a[i].speaker_id == b[i].speaker_id);
      REQUIRE(a[i].organization_id == b[i].organization_id);
      REQUIRE(a[i].statement_id == b[i].statement_id);
      REQUIRE(a[i].conflicting_speakers == b[i].conflicting_speakers);
      conflicts += a[i].conflicting_speakers.size();
    }
  }
  CHECK(compared > 8000);
  CHECK(conflicts > 0);
  // Resolution did happen: a short form joined its full name, an organisation its variant.
  const auto first_quote = [&](std::size_t d) -> const ResolvedQuote& { return one.documents()[d].quotes[0]; };
  CHECK(first_quote(1).speaker == "Lavrov");
  CHECK(first_quote(2).speaker == "Sergey Lavrov");
  CHECK(first_quote(1).speaker_id == first_quote(2).speaker_id);
  CHECK(first_quote(2).organization == "Ministry of Defence");
  CHECK(first_quote(4).organization == "Defence Ministry");
  CHECK(first_quote(2).organization_id == first_quote(4).organization_id);
}

TEST_CASE("corpus order does not depend on arrival, duplicates are kept once", "[corpus]") {
  Corpus one, two;
  one.add(record("b", "", {quote("x", "Ana Lima")}));
  one.add(record("a", "", {}));
  two.add(record("a", "", {}));
  two.add(record("b", "", {quote("x", "Ana Lima")}));
  two.add(record("a", "", {}));
  CHECK(one.finish().empty());
  CHECK(two.finish().empty());  // the same document twice, same content: nothing to report
  REQUIRE(one.documents().size() == 2);
  REQUIRE(two.documents().size() == 2);
  CHECK(one.documents()[0].document.id == "a");
  CHECK(two.documents()[1].quotes.size() == 1);
}

TEST_CASE("measures on a hand-checked graph", "[graph]") {
  // Ana (for Brazil) says S1 in a and b and S2 in b; Rui (for Brazil) says S3 in b; Ana says S4
  // in c for nobody, which is not Brazil's.
  ResolvedQuote s1 = quote("We will win this election in October", "Ana Lima");
  s1.organization = "Brazil";
  ResolvedQuote s2 = quote("Second statement here", "Ana Lima", 100);
  s2.organization = "Brazil";
  ResolvedQuote s3 = quote("Third one from Rui", "Rui Costa", 200);
  s3.organization = "Brazil";
  Corpus corpus;
  corpus.add(record("a", "2022-05-02", {s1}));
  corpus.add(record("b", "2022-05-01", {s1, s2, s3}));
  corpus.add(record("c", "2022-05-03", {quote("A fourth, for nobody", "Ana Lima", 300)}));
  corpus.finish();
  resolve_corpus(corpus);
  GraphOptions options;
  options.co_quotation = true;
  const QuoteGraph g = build_graph(corpus, options);
  std::map<std::string, const VertexData*> by_label;
  for (std::size_t i = 0; i < g.vertex_count(); ++i) by_label[g.vertex(i).label] = &g.vertex(i);
  const VertexData& ana = *by_label.at("Ana Lima");
  CHECK(ana.statements == 3);
  CHECK(ana.documents == 3);
  CHECK(ana.organizations == 1);
  CHECK(ana.document_ids == "a b c");
  const VertexData& brazil = *by_label.at("Brazil");
  CHECK(brazil.speakers == 2);
  CHECK(brazil.statements == 3);  // S4 is Ana's, not said for Brazil
  CHECK(brazil.documents == 2);
  CHECK(brazil.document_ids == "a b");
  const VertexData& s = *by_label.at("We will win this election in October");
  CHECK(s.documents == 2);
  CHECK(s.first_date == "2022-05-01");
  CHECK(s.first_document == "b");
  int co_quoted = 0;
  double weight = 0;
  g.for_each_edge([&](std::size_t, std::size_t, const EdgeData& e) {
    if (e.kind == EdgeKind::CoQuoted) ++co_quoted, weight = e.weight;
  });
  CHECK(co_quoted == 1);  // Ana and Rui, in b only
  CHECK(weight == 1.0);
}

TEST_CASE("every speaker and organisation vertex has the type its quotes give", "[graph]") {
  ResolvedQuote person = said_by("One", "Ana Lima", "minister", 'f', "Brazil");
  person.speaker_type = EntityType::Person;
  person.organization_type = EntityType::Place;
  ResolvedQuote company = said_by("Two", "Yukos", "");
  company.speaker_type = EntityType::Name;  // one word, nothing that says it is a person
  ResolvedQuote paper = quote("Three", "a confidential concept paper", 200);
  paper.anonymous = true;
  paper.speaker_id = "anon:a:confidential-concept-paper-w";
  paper.speaker_type = EntityType::WrittenSource;
  ResolvedQuote crowd = quote("Four", "protesters", 300);
  crowd.anonymous = true;
  crowd.speaker_id = "anon:a:protesters";
  crowd.speaker_type = EntityType::Group;
  ResolvedQuote firm = quote("Five", "Renault", 400);
  firm.speaker_id = "org:renault";
  firm.speaker_type = EntityType::Organization;
  Corpus corpus;
  corpus.add(record("a", "", {person, company, paper, crowd, firm}));
  corpus.finish();
  resolve_corpus(corpus);
  const QuoteGraph g = build_graph(corpus);
  std::map<std::string, EntityType> type_of;
  for (std::size_t i = 0; i < g.vertex_count(); ++i) type_of[g.vertex(i).label] = g.vertex(i).type;
  CHECK(type_of.at("Ana Lima") == EntityType::Person);
  CHECK(type_of.at("Brazil") == EntityType::Place);
  CHECK(type_of.at("Yukos") == EntityType::Name);
  CHECK(type_of.at("a confidential concept paper") == EntityType::WrittenSource);
  CHECK(type_of.at("protesters") == EntityType::Group);
  CHECK(type_of.at("Renault") == EntityType::Organization);
}
