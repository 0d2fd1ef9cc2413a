// Finds quotations in a document's text: spans between quotation marks, in byte offsets.
//
// Handles “curly”, "straight", „low“, «guillemets» and ‘single’ marks; tells apostrophes
// (didn’t, Russia’s, the ’90s) from closing marks; keeps a quote nested in a quote inside its
// outer quote; follows a quote over several paragraphs (opening mark repeated at each paragraph)
// and bounds a quote whose closing mark is missing at the end of its paragraph, so a broken mark
// never swallows the rest of the document.
#pragma once
#include <cstddef>
#include <string_view>
#include <vector>

namespace quotegraph {

struct QuoteSpan {
  std::size_t open = 0;         // byte offset of the opening mark
  std::size_t begin = 0;        // first byte of the quoted words
  std::size_t end = 0;          // one past the last byte of the quoted words
  std::size_t close_end = 0;    // one past the closing mark; == end when there is none
  std::size_t paragraph_begin = 0;
  std::size_t paragraph_end = 0;
  bool closed = true;           // false: bounded at its paragraph's end (or the length cap)
  bool single_marks = false;    // ‘…’ or '…' rather than double marks
  bool continues_previous = false;  // the previous paragraph's quote goes on in this one
  bool in_headline = false;     // in the text's first paragraph, a short line other paragraphs
                                // follow: the title, for a .txt file
};

struct ScanOptions {
  std::size_t max_unclosed_bytes = 4000;  // an unclosed quote never runs longer than this
  int min_words_single = 4;                // ‘…’ spans with fewer words are taken as scare quotes
  int min_words_single_headline = 1;       // the same in a headline (QuoteSpan::in_headline):
                                           // headlines quote in single marks (Ryan: ‘No Place’)
  std::size_t max_headline_bytes = 400;    // a longer first paragraph is no headline
};

// Returns the quotations in `text` in document order. Never fails; empty when there are none.
std::vector<QuoteSpan> scan_quotes(std::string_view text, const ScanOptions& options = {});

}  // namespace quotegraph
