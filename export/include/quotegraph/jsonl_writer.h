// Quotes JSONL: one line per quotation, the format fact-checking pipelines and the scorer read.
// Fields and their meaning: docs/jsonl.md. Written from a resolved corpus (graph/corpus.h),
// which fills the fields that look across documents (speaker_id, statement_id, conflicts).
#pragma once
#include <ostream>

#include "quotegraph/corpus.h"
#include "quotegraph/document.h"

namespace quotegraph {

class JsonlWriter {
 public:
  explicit JsonlWriter(std::ostream& out) : out_(out) {}
  // Writes one line per quote of `document`; returns false when the stream failed.
  bool write(const Document& document, const std::vector<ResolvedQuote>& quotes);

 private:
  std::ostream& out_;
};

}  // namespace quotegraph
