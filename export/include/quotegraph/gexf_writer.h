// GEXF 1.3, Gephi's native format, as a dynamic graph: documents, statements and the edges to
// them carry their date (`start`), so Gephi's timeline shows who was quoted when. Vertex kinds
// are coloured (viz:color); measures and attributes as in GraphML (docs/graphml.md).
#pragma once
#include <ostream>

#include "quotegraph/quote_graph.h"

namespace quotegraph {

// Writes `graph`; returns false when the stream failed.
bool write_gexf(const QuoteGraph& graph, std::ostream& out);

}  // namespace quotegraph
