// The graph built from quotes made by hand.
#include <catch2/catch.hpp>

#include <map>
#include <string>

#include "quotegraph/quote_graph.h"

using namespace quotegraph;

namespace {
ResolvedQuote make_quote(const std::string& text, const std::string& speaker, const std::string& org,
                 std::size_t start) {
  ResolvedQuote q;
  q.text = text;
  q.start = start;
  q.stop = start + text.size();
  q.speaker = speaker;
  q.speaker_id = speaker.empty() ? "" : "person:" + normalise_key(speaker);
  q.organization = org;
  q.role = org.empty() ? "" : "Minister";
  q.rule = "test";
  q.confidence = 0.9;
  return q;
}

std::map<std::string, int> count_kinds(const QuoteGraph& g) {
  std::map<std::string, int> kinds;
  for (std::size_t i = 0; i < g.vertex_count(); ++i) ++kinds[to_string(g.vertex(i).kind)];
  g.for_each_edge([&](std::size_t, std::size_t, const EdgeData& e) { ++kinds[to_string(e.kind)]; });
  return kinds;
}
}  // namespace

TEST_CASE("the same words by the same speaker in two documents are one statement", "[graph]") {
  QuoteGraph g;
  Document a{"a", "A", "", "2022-01-01", "", "", "", ""}, b{"b", "B", "", "2022-01-02", "", "", "", ""};
  DocumentRecord qa, qb;
  qa.quotes = {make_quote("We will win.", "Ana Lima", "Brazil", 10), make_quote("Unattributed words", "", "", 50)};
  qb.quotes = {make_quote("“We will  win”", "Ana Lima", "Brazil", 3)};
  g.add(a, qa.quotes);
  g.add(b, qb.quotes);
  const auto kinds = count_kinds(g);
  CHECK(kinds.at("document") == 2);
  CHECK(kinds.at("person") == 1);
  CHECK(kinds.at("organization") == 1);
  CHECK(kinds.at("statement") == 2);
  CHECK(kinds.at("appears_in") == 3);
  CHECK(kinds.at("said") == 1);
  CHECK(kinds.at("speaks_for") == 1);
  double said_weight = 0;
  g.for_each_edge([&](std::size_t, std::size_t, const EdgeData& e) {
    if (e.kind == EdgeKind::Said) said_weight = e.weight;
  });
  CHECK(said_weight == 2.0);
}

TEST_CASE("min_confidence leaves out weak attributions", "[graph]") {
  QuoteGraph g;
  DocumentRecord q;
  q.quotes = {make_quote("Words", "Ana Lima", "", 0)};
  q.quotes[0].confidence = 0.3;
  g.add(Document{"d", "", "", "", "", "", "", ""}, q.quotes, GraphOptions{0.5});
  CHECK(g.vertex_count() == 1);  // the document only
}

TEST_CASE("statements compare by normalised words", "[graph]") {
  CHECK(normalise_statement("“We  will\nwin,”") == "we will win");
  CHECK(normalise_statement("We will win.") == "we will win");
}

TEST_CASE("a statement said twice in one article is one appears_in edge listing both places", "[graph]") {
  QuoteGraph g;
  Document d{"d", "D", "", "2022-01-01", "", "", "", ""};
  DocumentRecord q;
  q.quotes = {make_quote("We will win.", "Ana Lima", "", 10), make_quote("we will win", "Ana Lima", "", 80)};
  g.add(d, q.quotes);
  g.finish();
  const auto kinds = count_kinds(g);
  CHECK(kinds.at("statement") == 1);
  CHECK(kinds.at("appears_in") == 1);
  g.for_each_edge([&](std::size_t, std::size_t, const EdgeData& e) {
    if (e.kind != EdgeKind::AppearsIn) return;
    CHECK(e.weight == 2.0);
    REQUIRE(e.occurrences.size() == 2);
    CHECK(e.occurrences[0].start == 10);
    CHECK(e.occurrences[0].text == "We will win.");  // each place keeps its own words
    CHECK(e.occurrences[1].start == 80);
    CHECK(e.occurrences[1].text == "we will win");
    CHECK(e.occurrences[0].quote_id != e.occurrences[1].quote_id);
  });
}

TEST_CASE("edges of different kinds between one pair of vertices stay apart", "[graph]") {
  // Ana Lima speaks for the Treasury, and the Treasury speaks in the same article: the
  // co_quoted edge between them is an edge of its own, not a second speaks_for.
  QuoteGraph g;
  DocumentRecord q;
  q.quotes = {make_quote("We will win.", "Ana Lima", "Treasury", 0), make_quote("Rates stay.", "", "", 40)};
  q.quotes[1].speaker = "Treasury";
  q.quotes[1].speaker_id = "org:treasury";
  g.add(Document{"d", "", "", "", "", "", "", ""}, q.quotes);
  g.finish(GraphOptions{0.0, true});
  std::map<std::string, double> weights;
  g.for_each_edge([&](std::size_t, std::size_t, const EdgeData& e) { weights[to_string(e.kind)] += e.weight; });
  CHECK(weights.at("speaks_for") == 1.0);
  CHECK(weights.at("co_quoted") == 1.0);
}

TEST_CASE("first appearance compares date-times in UTC", "[graph]") {
  // 00:30 in Paris on 1 March is 23:30 UTC on 28 February: before b's 23:45 UTC.
  QuoteGraph g;
  Document a{"a", "A", "", "2005-03-01T00:30:00+01:00", "", "", "", ""}, b{"b", "B", "", "2005-02-28T23:45:00Z", "", "", "", ""};
  DocumentRecord q;
  q.quotes = {make_quote("We will win.", "Ana Lima", "", 0)};
  g.add(b, q.quotes);
  g.add(a, q.quotes);
  g.finish();
  for (std::size_t i = 0; i < g.vertex_count(); ++i) {
    if (g.vertex(i).kind != VertexKind::Statement) continue;
    CHECK(g.vertex(i).first_document == "a");
    CHECK(g.vertex(i).first_date == "2005-03-01T00:30:00+01:00");
  }
}
