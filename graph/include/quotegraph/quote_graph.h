// The speaker–organisation–statement graph, accumulated document by document.
//
// Vertices: Person (named or unnamed source), Organization, Statement (the same words by the
// same speaker, wherever they appeared), Document. Edges: said (speaker -> statement),
// speaks_for (person -> organisation, with the role), appears_in (statement -> document, with
// the quote's offsets). Every id derives from content (names, document ids, offsets), never
// from processing order. Boost.Graph holds the structure; this header keeps it out of view.
#pragma once
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "quotegraph/document.h"
#include "quotegraph/extractor.h"

namespace quotegraph {

enum class VertexKind { Person, Organization, Statement, Document };
enum class EdgeKind { Said, SpeaksFor, AppearsIn };

const char* to_string(VertexKind kind);  // "person", "organization", "statement", "document"
const char* to_string(EdgeKind kind);    // "said", "speaks_for", "appears_in"

struct VertexData {
  VertexKind kind = VertexKind::Person;
  std::string id;          // stable: "person:KEY", "anon:DOC:KEY", "org:KEY", "statement:HASH", "doc:ID"
  std::string label;       // name, organisation, the statement's words, or the document title
  std::string role;        // person: role as the articles give it
  bool anonymous = false;  // person: an unnamed or written source
  std::string text;        // statement: the words
  std::string document_id, url, date, title;  // document
};

struct EdgeData {
  EdgeKind kind = EdgeKind::Said;
  double weight = 1.0;     // said, speaks_for: how many quotations support it
  std::string role;        // speaks_for
  // appears_in: where the statement stands in the document.
  std::string quote_id;
  std::size_t start = 0, end = 0;  // code points
  double confidence = 0.0;
  std::string rule;
};

class QuoteGraph {
 public:
  QuoteGraph();
  ~QuoteGraph();
  QuoteGraph(QuoteGraph&&) noexcept;
  QuoteGraph& operator=(QuoteGraph&&) noexcept;

  // Adds a document and its quotes. Quotes below `min_confidence` are left out.
  void add(const Document& document, const DocumentQuotes& quotes, double min_confidence = 0.0);

  std::size_t vertex_count() const;
  std::size_t edge_count() const;
  const VertexData& vertex(std::size_t index) const;  // index < vertex_count(), insertion order
  // Visits every edge in a deterministic order (by source vertex, then insertion).
  void for_each_edge(const std::function<void(std::size_t source, std::size_t target, const EdgeData&)>& visit) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Normalised words of a statement (case, marks and spacing folded): what makes two quotes
// "the same words".
std::string normalise_statement(std::string_view text);

}  // namespace quotegraph
