#include "quotegraph/graphml_writer.h"

#include <cstdio>
#include <string>
#include <vector>

#include "vertex_attributes.h"
#include "quotegraph/utf8.h"

namespace quotegraph {

namespace {

bool legal_in_xml(char32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0x10FFFF);
}

// Appends `text` XML-safe to `out`. Runs of bytes that need nothing (most text) are appended
// whole; only bytes outside ASCII are decoded, to find the code points XML forbids.
void append_xml_escaped(std::string& out, std::string_view text) {
  std::size_t run = 0;  // start of the bytes not appended yet
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char b = static_cast<unsigned char>(text[i]);
    std::size_t len = 1;
    if (b < 0x80) {
      const bool special = b == '&' || b == '<' || b == '>' || b == '"' || b == '\'';
      if (!special && legal_in_xml(b)) {
        ++i;
        continue;
      }
    } else if (legal_in_xml(decode_utf8(text, i, len))) {
      i += len;
      continue;
    }
    out.append(text.data() + run, i - run);
    switch (b) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: break;  // a character XML 1.0 forbids: dropped
    }
    i += len;
    run = i;
  }
  out.append(text.data() + run, text.size() - run);
}

}  // namespace

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_xml_escaped(out, text);
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
    {"speaker_id", "node", "string"},    {"organization_id", "node", "string"},
    {"statement_id", "node", "string"},
    {"role", "node", "string"},          {"anonymous", "node", "boolean"},
    {"quote_text", "node", "string"},    {"doc", "node", "string"},
    {"url", "node", "string"},           {"date", "node", "string"},
    {"unparsed_date", "node", "string"}, {"language", "node", "string"},
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
    {"occurrences", "edge", "string"},   {"quote_ids", "edge", "string"},
    {"edge_date", "edge", "string"},
};

void data(std::string& out, const char* key, std::string_view value) {
  if (value.empty()) return;
  out += "      <data key=\"";
  out += key;
  out += "\">";
  append_xml_escaped(out, value);
  out += "</data>\n";
}

// The document is built in a buffer handed to the stream in large pieces: many small stream
// insertions cost more than the text they write.
void flush_if_full(std::string& buffer, std::ostream& out) {
  if (buffer.size() < (1u << 16)) return;
  out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
  buffer.clear();
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
  std::vector<std::string> node_ids(graph.vertex_count());
  for (std::size_t i = 0; i < graph.vertex_count(); ++i) node_ids[i] = nmtoken(graph.vertex(i).id);
  std::string buffer;
  for (std::size_t i = 0; i < graph.vertex_count(); ++i) {
    const VertexData& v = graph.vertex(i);
    buffer += "    <node id=\"";
    buffer += node_ids[i];
    buffer += "\">\n";
    data(buffer, "label", v.label);
    for (const auto& [key, value] : detail::vertex_attributes(v, "type")) data(buffer, key, value);
    const detail::Rgb colour = detail::vertex_colour(v);
    data(buffer, "r", std::to_string(colour.r));
    data(buffer, "g", std::to_string(colour.g));
    data(buffer, "b", std::to_string(colour.b));
    buffer += "    </node>\n";
    flush_if_full(buffer, out);
  }
  std::size_t edge_number = 0;
  graph.for_each_edge([&](std::size_t source, std::size_t target, const EdgeData& e) {
    buffer += "    <edge id=\"e";
    buffer += std::to_string(edge_number++);
    buffer += "\" source=\"";
    buffer += node_ids[source];
    buffer += "\" target=\"";
    buffer += node_ids[target];
    buffer += "\">\n";
    data(buffer, "edge_type", to_string(e.kind));
    data(buffer, "weight", detail::format_number(e.weight));
    data(buffer, "edge_role", e.role);
    if (e.kind == EdgeKind::AppearsIn && !e.occurrences.empty()) {
      // The first occurrence's details, and every occurrence listed.
      const Occurrence& first = e.occurrences.front();
      data(buffer, "quote_id", first.quote_id);
      data(buffer, "start", std::to_string(first.start));
      data(buffer, "end", std::to_string(first.end));
      data(buffer, "confidence", detail::format_number(first.confidence));
      data(buffer, "rule", first.rule);
      const auto [spans, quote_ids] = detail::occurrence_lists(e);
      data(buffer, "occurrences", spans);
      data(buffer, "quote_ids", quote_ids);
      data(buffer, "edge_date", e.date);
    }
    buffer += "    </edge>\n";
    flush_if_full(buffer, out);
  });
  buffer += "  </graph>\n</graphml>\n";
  out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
  return static_cast<bool>(out);
}

}  // namespace quotegraph
