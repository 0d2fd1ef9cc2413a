// Smaller views of a finished QuoteGraph for the formats people look at (GraphML, GEXF, DOT):
// a corpus's full graph — a vertex per statement and per article — is a hairball in Gephi.
// The JSONL and the RDF always hold everything; a projection is applied to the picture only.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include "quotegraph/quote_graph.h"

namespace quotegraph {

enum class GraphView {
  Full,    // every vertex and edge (the default)
  People,  // people and organisations only: statements and articles folded into weighted
           // speaks_for (quotations) and co_quoted (articles quoting both) edges
};

// "full" or "people".
const char* to_string(GraphView view);
// The inverse of to_string(); false for anything else.
bool graph_view_from(std::string_view text, GraphView* view);

struct ProjectionOptions {
  GraphView view = GraphView::Full;
  // People and organisations with fewer statements (VertexData::statements) are left out with
  // their edges; in the full view also the statements only they said and the articles left
  // with no statement. 0 keeps everybody.
  std::size_t min_statements = 0;
};

// Whether project() would give the graph unchanged (the full view, no minimum).
inline bool changes_graph(const ProjectionOptions& options) {
  return options.view != GraphView::Full || options.min_statements > 0;
}

// The view of `graph` (finished) that `options` ask for. Vertices keep their data and measures
// (a person's `statements` counts all their statements), in the full graph's order; edges come
// in the full graph's order, co_quoted edges after them, by their first vertex, then the second.
// In the people view, co_quoted joins two named speakers (unnamed sources are one per article)
// with weight the number of articles quoting both; whatever the full graph had of co_quoted is
// recounted so.
QuoteGraph project(const QuoteGraph& graph, const ProjectionOptions& options);

}  // namespace quotegraph
