// Quotes as CSV for spreadsheets (RFC 4180): one header row, then one row per quotation with
// the quotes JSONL's fields (docs/jsonl.md), UTF-8 with a byte-order mark so that Excel reads
// it as UTF-8, CRLF line ends. Written from a resolved corpus, like the JSONL.
#pragma once
#include <ostream>
#include <vector>

#include "quotegraph/corpus.h"
#include "quotegraph/document.h"

namespace quotegraph {

class CsvWriter {
 public:
  // Writes the byte-order mark and the header row.
  explicit CsvWriter(std::ostream& out);
  // Writes one row per quote of `document`; returns false when the stream failed.
  bool write(const Document& document, const std::vector<ResolvedQuote>& quotes);

 private:
  std::ostream& out_;
};

}  // namespace quotegraph
