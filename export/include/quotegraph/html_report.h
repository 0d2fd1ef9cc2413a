// The report: one self-contained HTML page (no network, no other file) for a reader without
// Gephi or a triple store: a speaker directory, the quotes in their context with search and
// filters, the conflicting attributions side by side, and a picture of the network of people
// and organisations laid out by Boost.Graph. docs/report.md shows it.
#pragma once
#include <cstddef>
#include <ostream>
#include <string>

#include "quotegraph/corpus.h"
#include "quotegraph/quote_graph.h"

namespace quotegraph {

struct ReportOptions {
  std::string title = "quotegraph report";  // the page's title and heading
  std::size_t max_quotes = 20000;       // quotes after this many (in document order) are left out; the page says so
  std::size_t network_vertices = 60;    // the picture shows the people and organisations with most statements
  std::string generator;                // e.g. "quotegraph 0.2.0", in the page's summary line
};

// Writes the page for a resolved corpus and its graph; returns false when the stream failed.
bool write_html_report(const Corpus& corpus, const QuoteGraph& graph, const ReportOptions& options, std::ostream& out);

}  // namespace quotegraph
