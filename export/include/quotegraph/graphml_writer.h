// GraphML for Gephi, networkx, igraph, Cytoscape and yEd: valid against the GraphML 1.1
// schema, with Gephi's key conventions (node "label", edge "weight"). Keys: docs/graphml.md.
#pragma once
#include <ostream>

#include "quotegraph/quote_graph.h"

namespace quotegraph {

// Writes `graph`; returns false when the stream failed.
bool write_graphml(const QuoteGraph& graph, std::ostream& out);

// An XML-safe copy of `text`: characters XML 1.0 forbids are dropped, & < > " ' escaped.
std::string xml_escape(std::string_view text);

}  // namespace quotegraph
