#include "quotegraph/gexf_writer.h"

#include <cmath>
#include <cstdio>
#include <string>
#include <utility>

#include "vertex_attributes.h"
#include "quotegraph/graphml_writer.h"

namespace quotegraph {

namespace {

// The YYYY-MM-DD a GEXF date needs, from an ISO 8601 date or date-time; empty otherwise.
std::string gexf_date(const std::string& date) {
  if (date.size() < 10) return "";
  for (std::size_t i = 0; i < 10; ++i) {
    const bool dash = i == 4 || i == 7;
    if (dash ? date[i] != '-' : (date[i] < '0' || date[i] > '9')) return "";
  }
  return date.substr(0, 10);
}

struct Attribute {
  const char* id;
  const char* type;  // GEXF attribute types
};

// Attribute ids are their titles. The vertex and edge kind is `kind`, not `type`: sigma.js
// takes a node's or edge's `type` for the program that draws it.
constexpr Attribute kNodeAttributes[] = {
    {"kind", "string"},          {"speaker_id", "string"},    {"organization_id", "string"},
    {"statement_id", "string"},  {"role", "string"},          {"anonymous", "boolean"},
    {"quote_text", "string"},    {"doc", "string"},           {"url", "string"},
    {"date", "string"},          {"unparsed_date", "string"}, {"names", "string"},
    {"statements", "integer"},   {"documents", "integer"},    {"organizations", "integer"},
    {"speakers", "integer"},     {"document_ids", "string"},  {"first_date", "string"},
    {"first_document", "string"}, {"conflicting", "boolean"}, {"title", "string"},
    {"language", "string"},
};
constexpr Attribute kEdgeAttributes[] = {
    {"kind", "string"},       {"role", "string"},        {"quote_id", "string"}, {"start_offset", "long"},
    {"end_offset", "long"},   {"confidence", "double"}, {"rule", "string"},     {"occurrences", "string"},
    {"quote_ids", "string"},
};

// A starting position, so that readers that need one (sigma.js) can draw the graph at once:
// vertex i on a sunflower spiral (golden-angle steps, radius growing with the square root),
// which spreads any number of vertices evenly. Gephi users run a layout from there.
std::pair<double, double> spiral_position(std::size_t i) {
  constexpr double kGoldenAngle = 2.399963229728653;  // radians
  const double radius = 10.0 * std::sqrt(static_cast<double>(i));
  const double angle = kGoldenAngle * static_cast<double>(i);
  return {radius * std::cos(angle), radius * std::sin(angle)};
}

// Speakers and organisations grow with what they said; statements and articles stay small.
double vertex_size(const VertexData& v) {
  const bool speaks = v.kind == VertexKind::Person || v.kind == VertexKind::Organization;
  return speaks ? 4.0 + 2.0 * std::sqrt(static_cast<double>(v.statements)) : 3.0;
}

void value(std::ostream& out, const char* key, const std::string& v) {
  if (!v.empty()) out << "          <attvalue for=\"" << key << "\" value=\"" << xml_escape(v) << "\"/>\n";
}

}  // namespace

bool write_gexf(const QuoteGraph& graph, std::ostream& out) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<gexf xmlns=\"http://www.gexf.net/1.2draft\" xmlns:viz=\"http://www.gexf.net/1.2draft/viz\"\n"
         "      xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
         "      xsi:schemaLocation=\"http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd\" version=\"1.2\">\n"
         "  <meta>\n    <creator>quotegraph</creator>\n"
         "    <description>speakers, organisations, statements and articles</description>\n  </meta>\n"
         "  <graph mode=\"dynamic\" defaultedgetype=\"directed\" timeformat=\"date\">\n";
  out << "    <attributes class=\"node\" mode=\"static\">\n";
  for (const auto& a : kNodeAttributes)
    out << "      <attribute id=\"" << a.id << "\" title=\"" << a.id << "\" type=\"" << a.type << "\"/>\n";
  out << "    </attributes>\n    <attributes class=\"edge\" mode=\"static\">\n";
  for (const auto& a : kEdgeAttributes)
    out << "      <attribute id=\"" << a.id << "\" title=\"" << a.id << "\" type=\"" << a.type << "\"/>\n";
  out << "    </attributes>\n    <nodes>\n";
  for (std::size_t i = 0; i < graph.vertex_count(); ++i) {
    const VertexData& v = graph.vertex(i);
    out << "      <node id=\"" << xml_escape(v.id) << "\" label=\"" << xml_escape(v.label) << "\"";
    const std::string start = gexf_date(v.kind == VertexKind::Statement ? v.first_date : v.date);
    if (!start.empty()) out << " start=\"" << start << "\"";
    out << ">\n        <attvalues>\n";
    for (const auto& [key, v_value] : detail::vertex_attributes(v, "kind")) value(out, key, v_value);
    const detail::Rgb c = detail::vertex_colour(v);
    const auto [x, y] = spiral_position(i);
    out << "        </attvalues>\n        <viz:color r=\"" << c.r << "\" g=\"" << c.g << "\" b=\"" << c.b
        << "\"/>\n        <viz:position x=\"" << detail::format_number(x) << "\" y=\"" << detail::format_number(y)
        << "\" z=\"0\"/>\n        <viz:size value=\"" << detail::format_number(vertex_size(v)) << "\"/>\n      </node>\n";
  }
  out << "    </nodes>\n    <edges>\n";
  std::size_t number_of_edge = 0;
  graph.for_each_edge([&](std::size_t source, std::size_t target, const EdgeData& e) {
    out << "      <edge id=\"e" << number_of_edge++ << "\" source=\"" << xml_escape(graph.vertex(source).id)
        << "\" target=\"" << xml_escape(graph.vertex(target).id) << "\" label=\"" << to_string(e.kind)
        << "\" weight=\"" << detail::format_number(e.weight) << "\"";
    // An appearance happens on its article's date; a statement is said when it first appears.
    std::string start = gexf_date(e.date);
    if (e.kind == EdgeKind::Said) start = gexf_date(graph.vertex(target).first_date);
    if (!start.empty()) out << " start=\"" << start << "\"";
    out << ">\n        <attvalues>\n";
    value(out, "kind", to_string(e.kind));
    value(out, "role", e.role);
    if (e.kind == EdgeKind::AppearsIn && !e.occurrences.empty()) {
      // The first occurrence's details, and every occurrence listed.
      const Occurrence& first = e.occurrences.front();
      value(out, "quote_id", first.quote_id);
      value(out, "start_offset", std::to_string(first.start));
      value(out, "end_offset", std::to_string(first.end));
      value(out, "confidence", detail::format_number(first.confidence));
      value(out, "rule", first.rule);
      const auto [spans, quote_ids] = detail::occurrence_lists(e);
      value(out, "occurrences", spans);
      value(out, "quote_ids", quote_ids);
    }
    out << "        </attvalues>\n      </edge>\n";
  });
  out << "    </edges>\n  </graph>\n</gexf>\n";
  return static_cast<bool>(out);
}

}  // namespace quotegraph
