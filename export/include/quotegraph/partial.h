// Partial results: what `quotegraph --partial` writes for a shard and `quotegraph merge` joins.
// One JSON object per document and line — {"document": {...}, "quotes": [...]} — holding
// everything extraction found and nothing that depends on other documents, so partials of any
// shards can be concatenated, merged in any order, or merged again. Format: docs/jsonl.md.
#pragma once
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "quotegraph/corpus.h"
#include "quotegraph/reader.h"

namespace quotegraph {

class PartialWriter {
 public:
  explicit PartialWriter(std::ostream& out) : out_(out) {}
  // Writes one line for the document; returns false when the stream failed.
  bool write(const Document& document, const std::vector<Quote>& quotes);
  // The same for a corpus's quotes (`quotegraph merge`): what extraction found, nothing resolved.
  bool write(const Document& document, const std::vector<ResolvedQuote>& quotes);

 private:
  template <typename Quotes>
  bool write_quotes(const Document& document, const Quotes& quotes);

  std::ostream& out_;
};

// Reads partial files ("-" = standard input) in order, calling `on_record` per document and
// `on_problem` per line that cannot be read ("file:line: reason"; the rest goes on).
// `on_record` returns false to stop. Returns false when stopped.
bool read_partials(const std::vector<std::string>& paths, const std::function<bool(DocumentRecord&)>& on_record,
                   const std::function<void(const InputProblem&)>& on_problem);

}  // namespace quotegraph
