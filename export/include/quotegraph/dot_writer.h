// The graph in Graphviz DOT (with Boost's write_graphviz), for a quick picture:
// `dot -Tsvg graph.dot > graph.svg`. Labels are shortened; colours as in GraphML and GEXF.
#pragma once
#include <ostream>

#include "quotegraph/quote_graph.h"

namespace quotegraph {

// Writes `graph`; returns false when the stream failed.
bool write_dot(const QuoteGraph& graph, std::ostream& out);

}  // namespace quotegraph
