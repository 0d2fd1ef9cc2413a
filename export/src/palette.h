// Vertex colours shared by the GraphML (r, g, b keys) and GEXF (viz:color) writers, so a
// first open in Gephi tells the kinds apart. Internal header.
#pragma once
#include "quotegraph/quote_graph.h"

namespace quotegraph::detail {

struct Rgb {
  int r, g, b;
};

inline Rgb vertex_colour(const VertexData& v) {
  switch (v.kind) {
    case VertexKind::Person: return v.anonymous ? Rgb{150, 150, 150} : Rgb{31, 119, 180};  // grey / blue
    case VertexKind::Organization: return {214, 39, 40};                                  // red
    case VertexKind::Statement: return {255, 187, 51};                                    // amber
    case VertexKind::Document: return {44, 160, 44};                                      // green
  }
  return {0, 0, 0};
}

}  // namespace quotegraph::detail
