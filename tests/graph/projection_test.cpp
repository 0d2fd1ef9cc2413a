// Projections of an invented graph: what --graph people and --min-statements leave for GraphML,
// GEXF and DOT.
#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <string>
#include <tuple>

#include "quotegraph/projection.h"

using namespace quotegraph;

namespace {
ResolvedQuote said(const std::string& text, const std::string& speaker, const std::string& org, std::size_t start,
           bool anonymous = false) {
  ResolvedQuote q;
  q.text = text;
  q.start = start;
  q.stop = start + text.size();
  q.speaker = speaker;
  q.speaker_id = anonymous ? "anon:x:" + normalise_key(speaker) : "person:" + normalise_key(speaker);
  q.anonymous = anonymous;
  q.organization = org;
  q.rule = "test";
  q.confidence = 0.9;
  return q;
}

Document doc(const std::string& id) { return Document{id, id, "", "", "", "", "", ""}; }

// Three articles: Ana (Brazil) and Ben in a and b, Ana and Cy in c, an unnamed source in a.
QuoteGraph invented() {
  QuoteGraph g;
  g.add(doc("a"), {said("One.", "Ana Lima", "Brazil", 0), said("Two.", "Ana Lima", "Brazil", 10),
                   said("Three.", "Ben Ode", "", 20), said("Four.", "an official", "", 30, true)});
  g.add(doc("b"), {said("Five.", "Ana Lima", "Brazil", 0), said("Six.", "Ben Ode", "", 10)});
  g.add(doc("c"), {said("Seven.", "Ana Lima", "", 0), said("Eight.", "Cy Pak", "", 10)});
  g.finish();
  return g;
}

struct Seen {
  std::set<std::string> vertices;
  std::map<std::tuple<std::string, std::string, std::string>, double> edges;  // from, to, kind -> weight
};

Seen seen(const QuoteGraph& g) {
  Seen s;
  for (std::size_t i = 0; i < g.vertex_count(); ++i) s.vertices.insert(g.vertex(i).id);
  g.for_each_edge([&](std::size_t a, std::size_t b, const EdgeData& e) {
    s.edges[{g.vertex(a).id, g.vertex(b).id, to_string(e.kind)}] = e.weight;
  });
  return s;
}
}  // namespace

TEST_CASE("the people view keeps people and organisations, folding statements into weighted edges", "[graph][projection]") {
  const QuoteGraph full = invented();
  ProjectionOptions options;
  options.view = GraphView::People;
  const Seen s = seen(project(full, options));
  CHECK(s.vertices == std::set<std::string>{"person:ana-lima", "person:ben-ode", "person:cy-pak", "anon:x:an-official",
                                            "org:brazil"});
  CHECK(s.edges == decltype(s.edges){
                       {{"person:ana-lima", "org:brazil", "speaks_for"}, 3.0},     // three quotes name Brazil
                       {{"person:ana-lima", "person:ben-ode", "co_quoted"}, 2.0},  // articles a and b
                       {{"person:ana-lima", "person:cy-pak", "co_quoted"}, 1.0},   // article c
                   });
  // Measures are the full graph's.
  const QuoteGraph people = project(full, options);
  for (std::size_t i = 0; i < people.vertex_count(); ++i)
    if (people.vertex(i).id == "person:ana-lima") CHECK(people.vertex(i).statements == 4);
}

TEST_CASE("min_statements leaves out the rarely quoted, with their edges", "[graph][projection]") {
  const QuoteGraph full = invented();
  ProjectionOptions options;
  options.view = GraphView::People;
  options.min_statements = 2;
  const Seen s = seen(project(full, options));
  CHECK(s.vertices == std::set<std::string>{"person:ana-lima", "person:ben-ode", "org:brazil"});
  CHECK(s.edges.size() == 2);
  CHECK(s.edges.at({"person:ana-lima", "person:ben-ode", "co_quoted"}) == 2.0);

  SECTION("in the full view, their statements and the articles left empty go too") {
    options.view = GraphView::Full;
    options.min_statements = 3;  // Ana (4) and Brazil (3)
    const Seen f = seen(project(full, options));
    std::map<std::string, int> kinds;
    for (const auto& id : f.vertices) ++kinds[id.substr(0, id.find(':'))];
    CHECK(kinds == std::map<std::string, int>{{"person", 1}, {"org", 1}, {"statement", 4}, {"doc", 3}});
    for (const auto& [edge, weight] : f.edges) {
      CHECK(std::get<0>(edge) != "person:ben-ode");
      CHECK(std::get<1>(edge) != "person:ben-ode");
    }
  }
}

TEST_CASE("the full view without a minimum changes nothing", "[graph][projection]") {
  const QuoteGraph full = invented();
  ProjectionOptions options;
  CHECK_FALSE(changes_graph(options));
  const QuoteGraph same = project(full, options);
  CHECK(same.vertex_count() == full.vertex_count());
  CHECK(same.edge_count() == full.edge_count());
  GraphView view;
  CHECK(graph_view_from("people", &view));
  CHECK(view == GraphView::People);
  CHECK_FALSE(graph_view_from("statements", &view));
}
