// Extracts the quotes of one sentence with the installed libraries and writes them as JSONL;
// fails when the installed headers' version is not the package's.
#include <iostream>
#include <string>

#include "quotegraph/corpus.h"
#include "quotegraph/extractor.h"
#include "quotegraph/jsonl_writer.h"
#include "quotegraph/version.h"

int main() {
  if (std::string(quotegraph::kVersion) != PACKAGE_VERSION) {
    std::cerr << "headers say " << quotegraph::kVersion << ", the package " << PACKAGE_VERSION << "\n";
    return 1;
  }
  std::string error;
  const auto extractor = quotegraph::Extractor::create({}, &error);
  if (!extractor) {
    std::cerr << error << "\n";
    return 1;
  }
  quotegraph::Document doc;
  doc.id = "consumer";
  doc.text = "Title\n\n\u201cWe will stay,\u201d said Foreign Minister Ana Lima.";
  quotegraph::DocumentQuotes found;
  extractor->extract(doc, found);
  // The stages in order: extract, resolve across the corpus (of one document here), write.
  quotegraph::Corpus corpus;
  corpus.add({doc, quotegraph::unresolved(found.quotes)});
  corpus.finish();
  quotegraph::resolve_corpus(corpus);
  quotegraph::JsonlWriter writer(std::cout);
  const auto& quotes = corpus.documents().front().quotes;
  return !quotes.empty() && writer.write(doc, quotes) ? 0 : 1;
}
