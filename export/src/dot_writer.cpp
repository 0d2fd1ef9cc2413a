#include "quotegraph/dot_writer.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphviz.hpp>

#include <cstdio>
#include <string>

#include "vertex_attributes.h"
#include "quotegraph/utf8.h"

namespace quotegraph {

namespace {

// Statements can be paragraphs: a picture needs a few words of each.
std::string short_label(const std::string& text) {
  constexpr std::size_t kMaxCodePoints = 40;
  if (count_code_points(text, 0, text.size()) <= kMaxCodePoints) return text;
  std::size_t i = 0;
  for (std::size_t n = 0; n < kMaxCodePoints && i < text.size(); ++n) {
    std::size_t len;
    decode_utf8(text, i, len);
    i += len;
  }
  return text.substr(0, i) + "…";
}

std::string dot_string(const std::string& s) {  // a double-quoted DOT string
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n' || c == '\r') { out += ' '; continue; }
    out += c;
  }
  return out + "\"";
}

struct DotVertex {
  std::string label, colour, shape;
};
struct DotEdge {
  std::string label;
};
using DotGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, DotVertex, DotEdge>;

}  // namespace

bool write_dot(const QuoteGraph& graph, std::ostream& out) {
  DotGraph dot(graph.vertex_count());
  for (std::size_t i = 0; i < graph.vertex_count(); ++i) {
    const VertexData& v = graph.vertex(i);
    const detail::Rgb c = detail::vertex_colour(v);
    char colour[8];
    std::snprintf(colour, sizeof colour, "#%02x%02x%02x", c.r, c.g, c.b);
    dot[i].label = short_label(v.label);
    dot[i].colour = colour;
    dot[i].shape = v.kind == VertexKind::Statement ? "note" : v.kind == VertexKind::Document ? "box" : "ellipse";
  }
  graph.for_each_edge([&](std::size_t source, std::size_t target, const EdgeData& e) {
    dot[boost::add_edge(source, target, dot).first].label = to_string(e.kind);
  });
  boost::write_graphviz(
      out, dot,
      [&](std::ostream& o, DotGraph::vertex_descriptor v) {
        o << "[label=" << dot_string(dot[v].label) << ", style=filled, fillcolor=\"" << dot[v].colour
          << "\", shape=" << dot[v].shape << "]";
      },
      [&](std::ostream& o, DotGraph::edge_descriptor e) { o << "[label=" << dot_string(dot[e].label) << "]"; },
      [](std::ostream& o) { o << "graph [rankdir=LR, fontsize=10];\nnode [fontsize=10];\n"; });
  return static_cast<bool>(out);
}

}  // namespace quotegraph
