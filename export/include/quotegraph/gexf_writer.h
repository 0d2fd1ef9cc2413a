// GEXF 1.2 (the version Gephi, networkx's read_gexf and graphology-gexf all read), as a dynamic
// graph: documents, statements and the edges to them carry their date (`start`), so Gephi's
// timeline shows who was quoted when. Vertex kinds are coloured (viz:color), placed on a
// starting spiral (viz:position) and sized by statements (viz:size); measures and attributes
// as in GraphML, the kind named `kind` (docs/graphml.md).
#pragma once
#include <ostream>

#include "quotegraph/quote_graph.h"

namespace quotegraph {

// Writes `graph`; returns false when the stream failed.
bool write_gexf(const QuoteGraph& graph, std::ostream& out);

}  // namespace quotegraph
