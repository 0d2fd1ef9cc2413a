// libFuzzer: extraction and attribution on any text. Every quote lies inside the text, its
// code point span matches its byte span, and its confidence is a probability.
#include <cstdlib>
#include <memory>
#include <string>

#include "quotegraph/extractor.h"
#include "quotegraph/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const auto extractor = [] {
    std::string error;
    auto e = quotegraph::Extractor::create({}, &error);
    if (!e) std::abort();
    return e;
  }();
  quotegraph::Document doc;
  doc.id = "fuzz";
  doc.text.assign(reinterpret_cast<const char*>(data), size);
  quotegraph::repair_utf8(doc.text);
  quotegraph::DocumentQuotes out;
  extractor->extract(doc, out);
  for (const auto& q : out.quotes) {
    if (q.begin > q.end || q.end > doc.text.size()) std::abort();
    if (doc.text.compare(q.begin, q.end - q.begin, q.text) != 0) std::abort();
    if (q.start != quotegraph::count_code_points(doc.text, 0, q.begin)) std::abort();
    if (q.stop - q.start != quotegraph::count_code_points(doc.text, q.begin, q.end)) std::abort();
    if (!(q.confidence >= 0 && q.confidence <= 1)) std::abort();
    if (q.speaker.empty() != q.speaker_id.empty()) std::abort();
  }
  return 0;
}
