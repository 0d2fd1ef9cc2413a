#include "quotegraph/projection.h"

#include <limits>
#include <map>
#include <set>
#include <vector>

namespace quotegraph {

const char* to_string(GraphView view) { return view == GraphView::People ? "people" : "full"; }

bool graph_view_from(std::string_view text, GraphView* view) {
  if (text == "full") return *view = GraphView::Full, true;
  if (text == "people") return *view = GraphView::People, true;
  return false;
}

namespace {
constexpr std::size_t kDropped = std::numeric_limits<std::size_t>::max();

bool is_speaker(const VertexData& v) { return v.kind == VertexKind::Person || v.kind == VertexKind::Organization; }
}  // namespace

QuoteGraph project(const QuoteGraph& graph, const ProjectionOptions& options) {
  const std::size_t n = graph.vertex_count();
  const bool people = options.view == GraphView::People;
  // Which vertices stay: speakers with enough statements; in the full view, the statements a
  // staying speaker said (all of them when nobody is left out) and the articles they appear in.
  std::vector<bool> keep(n, false);
  for (std::size_t i = 0; i < n; ++i) {
    const VertexData& v = graph.vertex(i);
    if (is_speaker(v)) keep[i] = v.statements >= options.min_statements;
    else keep[i] = !people && options.min_statements == 0;
  }
  if (!people && options.min_statements > 0) {
    graph.for_each_edge([&](std::size_t source, std::size_t target, const EdgeData& e) {
      if (e.kind == EdgeKind::Said && keep[source]) keep[target] = true;
    });
    graph.for_each_edge([&](std::size_t source, std::size_t target, const EdgeData& e) {
      if (e.kind == EdgeKind::AppearsIn && keep[source]) keep[target] = true;
    });
  }
  QuoteGraph out;
  std::vector<std::size_t> index(n, kDropped);
  for (std::size_t i = 0; i < n; ++i)
    if (keep[i]) index[i] = out.add_vertex(graph.vertex(i));

  // Statement -> its speakers, article -> its statements: what co_quoted is folded from.
  std::map<std::size_t, std::set<std::size_t>> speakers_of_statement;
  std::map<std::size_t, std::set<std::size_t>> statements_in;
  graph.for_each_edge([&](std::size_t source, std::size_t target, const EdgeData& e) {
    if (people) {
      if (e.kind == EdgeKind::Said && !graph.vertex(source).anonymous) speakers_of_statement[target].insert(source);
      if (e.kind == EdgeKind::AppearsIn) statements_in[target].insert(source);
      if (e.kind != EdgeKind::SpeaksFor) return;  // said and appears_in are folded; co_quoted recounted
    }
    if (index[source] != kDropped && index[target] != kDropped) out.add_edge(index[source], index[target], e);
  });
  if (!people) return out;

  // Pairs of named speakers quoted in one article, counted over articles.
  std::map<std::pair<std::size_t, std::size_t>, double> co_quoted;
  for (const auto& [article, statements] : statements_in) {
    std::set<std::size_t> speakers;
    for (const std::size_t s : statements)
      if (const auto it = speakers_of_statement.find(s); it != speakers_of_statement.end())
        for (const std::size_t p : it->second)
          if (index[p] != kDropped) speakers.insert(index[p]);
    for (auto a = speakers.begin(); a != speakers.end(); ++a)
      for (auto b = std::next(a); b != speakers.end(); ++b) co_quoted[{*a, *b}] += 1;
  }
  for (const auto& [pair, weight] : co_quoted) {
    EdgeData e;
    e.kind = EdgeKind::CoQuoted;
    e.weight = weight;
    out.add_edge(pair.first, pair.second, std::move(e));
  }
  return out;
}

}  // namespace quotegraph
