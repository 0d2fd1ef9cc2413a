// The graph built from quotes made by hand.
#include <catch2/catch.hpp>

#include <map>
#include <string>

#include "quotegraph/quote_graph.h"

using namespace quotegraph;

namespace {
Quote make_quote(const std::string& text, const std::string& speaker, const std::string& org,
                 std::size_t start) {
  Quote q;
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
  Document a{"a", "A", "", "2022-01-01", "", ""}, b{"b", "B", "", "2022-01-02", "", ""};
  DocumentQuotes qa, qb;
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
  DocumentQuotes q;
  q.quotes = {make_quote("Words", "Ana Lima", "", 0)};
  q.quotes[0].confidence = 0.3;
  g.add(Document{"d", "", "", "", "", ""}, q.quotes, GraphOptions{0.5});
  CHECK(g.vertex_count() == 1);  // the document only
}

TEST_CASE("statements compare by normalised words", "[graph]") {
  CHECK(normalise_statement("“We  will\nwin,”") == "we will win");
  CHECK(normalise_statement("We will win.") == "we will win");
}
