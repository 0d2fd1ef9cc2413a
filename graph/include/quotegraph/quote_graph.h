// The speaker–organisation–statement graph of a corpus.
//
// Vertices: Person (named or unnamed source), Organization, Statement (the same words by the
// same speaker, wherever they appeared), Document. Edges: said (speaker -> statement),
// speaks_for (person -> organisation, with the role), appears_in (statement -> document, with
// the quote's offsets), conflicts_with (statement -> statement: the same words given to
// another speaker) and, as an option, co_quoted (speaker -> speaker: quoted in the same
// article). Every id derives from content (names, document ids, offsets), never from
// processing order. Boost.Graph holds the structure; this header keeps it out of view.
#pragma once
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "quotegraph/corpus.h"
#include "quotegraph/document.h"
#include "quotegraph/extractor.h"

namespace quotegraph {

enum class VertexKind { Person, Organization, Statement, Document };
enum class EdgeKind { Said, SpeaksFor, AppearsIn, ConflictsWith, CoQuoted };

const char* to_string(VertexKind kind);  // "person", "organization", "statement", "document"
const char* to_string(EdgeKind kind);    // "said", "speaks_for", "appears_in", "conflicts_with", "co_quoted"

struct VertexData {
  VertexKind kind = VertexKind::Person;
  std::string id;          // stable: "person:KEY", "anon:DOC:KEY", "org:KEY", "statement:HASH", "doc:ID"
  std::string label;       // name (the spelling most quotes use), the statement's words, or the title
  std::vector<std::string> names;  // person, organisation: every spelling seen, sorted
  // person, organisation: what it is (Person, Name, UnnamedSource, WrittenSource, Group on a
  // Person vertex; Organization, Place on an Organization vertex), as its quotes tell.
  EntityType type = EntityType::None;
  std::string role;        // person: role as the articles give it
  bool anonymous = false;  // person: an unnamed or written source
  std::string text;        // statement: the words
  std::string document_id, url, title;  // document
  std::string date;           // document: ISO 8601 (Document::date)
  std::string unparsed_date;  // document: a date given that could not be read, as written
  std::string language;       // document: the language it was read in (Document::language); statement: its first-seen words'
  // Measures (filled by QuoteGraph::finish):
  // person, organisation: statements said (organisation: its own and those of quotes that name
  // it as the speaker's organisation, not everything its speakers said elsewhere)
  std::size_t statements = 0;
  std::size_t documents = 0;      // person, organisation: articles quoting them (likewise); statement: articles it appeared in
  std::size_t organizations = 0;  // person: organisations spoken for
  std::size_t speakers = 0;       // organisation: people speaking for it
  std::string document_ids;       // person: the articles quoting them, space-separated, sorted
  std::string first_date, first_document;  // statement: its earliest appearance (by date, then id)
  bool conflicting = false;       // statement: the same words are given to another speaker
  std::vector<std::string> source_organizations;  // statement: ids of the organisations its quotes name, sorted
};

// One place where a statement stands in a document: one quote.
struct Occurrence {
  std::string quote_id;
  std::size_t start = 0, end = 0;  // code points, end exclusive
  double confidence = 0.0;
  std::string rule;
  std::string text;  // the document's text at [start, end): the words as this article writes them
  // The evidence (Quote's fields of the same names): the mention that named the speaker and the
  // cue, code points, kNoSpan when there is none.
  std::string speaker_mention, cue;
  std::size_t speaker_start = kNoSpan, speaker_end = kNoSpan;
  std::size_t cue_start = kNoSpan, cue_end = kNoSpan;
};

// One edge per pair of vertices and kind: repeated relations add to `weight` (and, for
// appears_in, to `occurrences`), never a parallel edge of the same kind.
struct EdgeData {
  EdgeKind kind = EdgeKind::Said;
  double weight = 1.0;     // said, speaks_for: quotations; appears_in: occurrences; co_quoted: articles
  std::string role;        // speaks_for
  std::vector<Occurrence> occurrences;  // appears_in: every place in the document, in text order
  std::string date;        // appears_in: the document's date
};

struct GraphOptions {
  double min_confidence = 0.0;  // quotes below it are left out
  bool co_quotation = false;    // add co_quoted edges between speakers of the same article
};

class QuoteGraph {
 public:
  QuoteGraph();
  ~QuoteGraph();
  QuoteGraph(QuoteGraph&&) noexcept;
  QuoteGraph& operator=(QuoteGraph&&) noexcept;

  // Adds a document and its quotes (speaker ids as resolve_corpus() leaves them; quotes not
  // resolved get their statement id here). Quotes below options.min_confidence are left out.
  void add(const Document& document, const std::vector<ResolvedQuote>& quotes, const GraphOptions& options = {});
  // Computes labels, measures, first appearances, conflicts_with and (as an option)
  // co_quoted edges. Call once, after the last add().
  void finish(const GraphOptions& options = {});

  // A graph built vertex by vertex and edge by edge, as a projection makes one
  // (quotegraph/projection.h): the data is taken as given (measures included) and nothing is
  // merged; call finish() never. add_vertex returns the new vertex's index.
  std::size_t add_vertex(VertexData vertex);
  void add_edge(std::size_t source, std::size_t target, EdgeData edge);

  std::size_t vertex_count() const;
  std::size_t edge_count() const;
  const VertexData& vertex(std::size_t index) const;  // index < vertex_count(), insertion order
  // Visits every edge in a deterministic order: the order they were added in.
  void for_each_edge(const std::function<void(std::size_t source, std::size_t target, const EdgeData&)>& visit) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The graph of a resolved corpus (resolve_corpus()), finished.
QuoteGraph build_graph(const Corpus& corpus, const GraphOptions& options = {});

}  // namespace quotegraph
