#include "quotegraph/graphml_writer.h"

#include <cstdio>

#include "vertex_attributes.h"
#include "quotegraph/utf8.h"

namespace quotegraph {

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    std::size_t len;
    const char32_t c = decode_utf8(text, i, len);
    const bool legal = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
                       (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
    if (legal) {
      switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&apos;"; break;
        default: out.append(text.substr(i, len));
      }
    }
    i += len;
  }
  return out;
}

namespace {

// GraphML ids are NMTOKENs: keep [A-Za-z0-9._:-] and write other bytes as _XX.
std::string nmtoken(std::string_view id) {
  std::string out;
  for (unsigned char c : id) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
        c == '-' || c == ':') {
      out += static_cast<char>(c);
    } else {
      char buffer[4];
      std::snprintf(buffer, sizeof buffer, "_%02X", c);
      out += buffer;
    }
  }
  return out;
}

struct Key {
  const char* id;
  const char* domain;  // node or edge
  const char* type;    // GraphML attr.type
};

// Neutral names, except r, g and b, which are the colour Gephi shows them in (DESIGN.md).
constexpr Key kKeys[] = {
    {"label", "node", "string"},         {"type", "node", "string"},
    {"role", "node", "string"},          {"anonymous", "node", "boolean"},
    {"quote_text", "node", "string"},    {"doc", "node", "string"},
    {"url", "node", "string"},           {"date", "node", "string"},
    {"title", "node", "string"},         {"names", "node", "string"},
    {"statements", "node", "int"},       {"documents", "node", "int"},
    {"organizations", "node", "int"},    {"speakers", "node", "int"},
    {"document_ids", "node", "string"},  {"first_date", "node", "string"},
    {"first_document", "node", "string"}, {"conflicting", "node", "boolean"},
    {"r", "node", "int"},                {"g", "node", "int"},
    {"b", "node", "int"},
    {"edge_type", "edge", "string"},     {"weight", "edge", "double"},
    {"edge_role", "edge", "string"},     {"quote_id", "edge", "string"},
    {"start", "edge", "long"},           {"end", "edge", "long"},
    {"confidence", "edge", "double"},    {"rule", "edge", "string"},
    {"edge_date", "edge", "string"},
};

void data(std::ostream& out, const char* key, std::string_view value) {
  if (value.empty()) return;
  out << "      <data key=\"" << key << "\">" << xml_escape(value) << "</data>\n";
}

}  // namespace

bool write_graphml(const QuoteGraph& graph, std::ostream& out) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
         "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
         "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  for (const Key& k : kKeys) {
    // Edge attributes that share a name with a node attribute get their own key id; the
    // attr.name is what consumers show.
    std::string name = k.id;
    if (name == "edge_type") name = "type";
    if (name == "edge_role") name = "role";
    if (name == "edge_date") name = "date";
    out << "  <key id=\"" << k.id << "\" for=\"" << k.domain << "\" attr.name=\"" << name
        << "\" attr.type=\"" << k.type << "\"/>\n";
  }
  out << "  <graph id=\"quotegraph\" edgedefault=\"directed\">\n";
  for (std::size_t i = 0; i < graph.vertex_count(); ++i) {
    const VertexData& v = graph.vertex(i);
    out << "    <node id=\"" << nmtoken(v.id) << "\">\n";
    data(out, "label", v.label);
    for (const auto& [key, value] : detail::vertex_attributes(v)) data(out, key, value);
    const detail::Rgb colour = detail::vertex_colour(v);
    data(out, "r", std::to_string(colour.r));
    data(out, "g", std::to_string(colour.g));
    data(out, "b", std::to_string(colour.b));
    out << "    </node>\n";
  }
  std::size_t edge_number = 0;
  graph.for_each_edge([&](std::size_t source, std::size_t target, const EdgeData& e) {
    out << "    <edge id=\"e" << edge_number++ << "\" source=\"" << nmtoken(graph.vertex(source).id)
        << "\" target=\"" << nmtoken(graph.vertex(target).id) << "\">\n";
    data(out, "edge_type", to_string(e.kind));
    data(out, "weight", detail::format_number(e.weight));
    data(out, "edge_role", e.role);
    if (e.kind == EdgeKind::AppearsIn) {
      data(out, "quote_id", e.quote_id);
      data(out, "start", std::to_string(e.start));
      data(out, "end", std::to_string(e.end));
      data(out, "confidence", detail::format_number(e.confidence));
      data(out, "rule", e.rule);
      data(out, "edge_date", e.date);
    }
    out << "    </edge>\n";
  });
  out << "  </graph>\n</graphml>\n";
  return static_cast<bool>(out);
}

}  // namespace quotegraph
