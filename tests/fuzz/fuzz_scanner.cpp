// libFuzzer: the quote scanner on any text. Spans must be ordered, inside the text and well
// formed, whatever the marks.
#include <cstdlib>
#include <string>

#include "quotegraph/quote_scanner.h"
#include "quotegraph/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  quotegraph::repair_utf8(text);  // what the reader hands over: valid UTF-8
  const auto spans = quotegraph::scan_quotes(text);
  std::size_t previous_end = 0;
  for (const auto& q : spans) {
    if (!(q.open <= q.begin && q.begin <= q.end && q.end <= q.close_end && q.close_end <= text.size())) std::abort();
    if (!(q.paragraph_begin <= q.open && q.close_end <= q.paragraph_end + 4 && q.paragraph_end <= text.size()))
      std::abort();
    if (q.open < previous_end) std::abort();  // in order, not overlapping
    previous_end = q.close_end;
  }
  return 0;
}
