// Extracts the quotes of one sentence with the installed libraries and writes them as JSONL;
// fails when the installed headers' version is not the package's.
#include <iostream>
#include <string>

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
  quotegraph::JsonlWriter writer(std::cout);
  return !found.quotes.empty() && writer.write(doc, found.quotes) ? 0 : 1;
}
