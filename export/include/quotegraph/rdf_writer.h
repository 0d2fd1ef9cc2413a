// RDF (Turtle or N-Triples, written with Serd) in standard vocabularies: schema.org, W3C ORG,
// PROV-O, NIF 2.0. IRIs are derived from content under a configurable base, never blank
// nodes, so re-imports and merged shards do not duplicate. Vocabulary: docs/rdf.md.
#pragma once
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

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

// The same RDF cut into parts that separate Serd writers can write at the same time, to
// separate streams: the parts one after another are byte for byte what write_rdf writes. A
// part starts only where the subject changes, so no subject's run of statements (its
// ";"-joined block in Turtle) is cut in two. The graph must outlive this.
class RdfParts {
 public:
  // At most `wanted` parts of about equal size; fewer (at least one) where the graph is small.
  RdfParts(const QuoteGraph& graph, const RdfOptions& options, std::size_t wanted);
  std::size_t size() const { return cuts_.size() - 1; }
  // Writes part `part` (< size()); false with `error` when Serd or the stream fails.
  bool write(std::size_t part, std::ostream& out, std::string* error) const;

 private:
  struct Edge {
    std::size_t source, target;
    const EdgeData* data;
    bool defines_role;  // the first speaks_for edge with its role, which describes the role
    std::vector<std::uint8_t> defines;  // appears_in: per occurrence, the evidence spans described there
  };
  const QuoteGraph& graph_;
  RdfOptions options_;
  std::vector<std::string> vertex_iri_;
  std::vector<Edge> edges_;  // in for_each_edge's order
  // Part k is the items [cuts_[k], cuts_[k + 1]): item i < n is vertex i's own statements,
  // item n + j those of edge j (n vertices).
  std::vector<std::size_t> cuts_;
};

// Percent-encodes every byte that is not an unreserved IRI character.
std::string iri_escape(std::string_view text);

}  // namespace quotegraph
