// RDF (Turtle or N-Triples, written with Serd) in standard vocabularies: schema.org, W3C ORG,
// PROV-O, NIF 2.0. IRIs are derived from content under a configurable base, never blank
// nodes, so re-imports and merged shards do not duplicate. Vocabulary: docs/rdf.md.
#pragma once
#include <ostream>
#include <string>

#include "quotegraph/quote_graph.h"

namespace quotegraph {

enum class RdfSyntax { Turtle, NTriples };

struct RdfOptions {
  RdfSyntax syntax = RdfSyntax::Turtle;
  std::string base = "http://quotegraph.org/id/";  // must end in '/' or '#'
};

// The project's own vocabulary (confidence, rule, quote id).
inline constexpr const char* kQuotegraphNamespace = "http://quotegraph.org/ns#";

// Writes `graph`; returns false and sets `error` when Serd or the stream fails.
bool write_rdf(const QuoteGraph& graph, std::ostream& out, const RdfOptions& options, std::string* error);

// Percent-encodes every byte that is not an unreserved IRI character.
std::string iri_escape(std::string_view text);

}  // namespace quotegraph
