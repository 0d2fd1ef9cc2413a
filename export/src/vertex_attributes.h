// What the GraphML and GEXF writers say about a vertex: its attributes as (key, value) pairs
// and its colour, so the two formats cannot drift apart. Internal header.
#pragma once
#include <charconv>
#include <string>
#include <utility>
#include <vector>

#include "quotegraph/quote_graph.h"

namespace quotegraph::detail {

// A weight or confidence as both formats write it: shortest of 6 significant digits.
inline std::string format_number(double v) {
  char buffer[32];
  // std::to_chars with a precision is printf's %.6g in the C locale, without printf's cost.
  const auto end = std::to_chars(buffer, buffer + sizeof buffer, v, std::chars_format::general, 6).ptr;
  return std::string(buffer, end);
}

struct Rgb {
  int r, g, b;
};

// Colours by kind, so a first open in Gephi tells persons, sources, organisations, statements
// and articles apart.
inline Rgb vertex_colour(const VertexData& v) {
  switch (v.kind) {
    case VertexKind::Person: return v.anonymous ? Rgb{150, 150, 150} : Rgb{31, 119, 180};  // grey / blue
    case VertexKind::Organization: return {214, 39, 40};                                  // red
    case VertexKind::Statement: return {255, 187, 51};                                    // amber
    case VertexKind::Document: return {44, 160, 44};                                      // green
  }
  return {0, 0, 0};
}

// The attributes (not the label, not the colour) that apply to `v`'s kind; empty values left out.
// `type_key` names the vertex kind's attribute: "type" in GraphML; GEXF needs another name,
// since sigma.js takes a node's `type` for the program that draws it.
inline std::vector<std::pair<const char*, std::string>> vertex_attributes(const VertexData& v, const char* type_key) {
  std::vector<std::pair<const char*, std::string>> a;
  auto add = [&](const char* key, std::string value) {
    if (!value.empty()) a.emplace_back(key, std::move(value));
  };
  // Persons and organisations by what they are (person, name, unnamed_source, written_source,
  // group, organization, place); statements and documents by their kind.
  add(type_key, v.type != EntityType::None ? to_string(v.type) : to_string(v.kind));
  // The id the quotes JSONL gives the vertex, exactly (node ids are escaped for the format).
  switch (v.kind) {
    case VertexKind::Person: add("speaker_id", v.id); break;
    case VertexKind::Organization: add("organization_id", v.id); break;
    case VertexKind::Statement: add("statement_id", v.id); break;
    case VertexKind::Document: break;  // "doc", below
  }
  add("role", v.role);
  if (v.kind == VertexKind::Person) add("anonymous", v.anonymous ? "true" : "false");
  add("quote_text", v.text);
  add("doc", v.document_id);
  add("url", v.url);
  add("date", v.date);
  add("unparsed_date", v.unparsed_date);
  add("title", v.title);
  add("language", v.language);  // document, statement
  if (v.kind == VertexKind::Person || v.kind == VertexKind::Organization) {
    std::string names;
    for (const auto& n : v.names) names += (names.empty() ? "" : "; ") + n;
    add("names", names);
    add("statements", std::to_string(v.statements));
    add("documents", std::to_string(v.documents));
    add("document_ids", v.document_ids);
  }
  if (v.kind == VertexKind::Person) add("organizations", std::to_string(v.organizations));
  if (v.kind == VertexKind::Organization) add("speakers", std::to_string(v.speakers));
  if (v.kind == VertexKind::Statement) {
    add("documents", std::to_string(v.documents));
    add("first_date", v.first_date);
    add("first_document", v.first_document);
    add("conflicting", v.conflicting ? "true" : "false");
  }
  return a;
}

// An appears_in edge's occurrences as the attributes list them: "START-END ..." and the quote
// ids, space-separated, in text order.
inline std::pair<std::string, std::string> occurrence_lists(const EdgeData& e) {
  std::string spans, quote_ids;
  for (const Occurrence& o : e.occurrences) {
    if (!spans.empty()) spans += ' ', quote_ids += ' ';
    spans += std::to_string(o.start) + "-" + std::to_string(o.end);
    quote_ids += o.quote_id;
  }
  return {spans, quote_ids};
}

}  // namespace quotegraph::detail
