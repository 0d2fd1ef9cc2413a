// Mentions on long lines (issue 28): matched within a window of their start, with the whole
// line tried when a match reaches the window's end, so results are the same as on short lines.
#include <catch2/catch.hpp>

#include <memory>
#include <string>

#include "quotegraph/extractor.h"

using namespace quotegraph;

namespace {

DocumentQuotes extract(const std::string& text) {
  static const std::unique_ptr<Extractor> extractor = [] {
    std::string error;
    auto e = Extractor::create({}, &error);
    if (!e) FAIL("cannot load built-in rules: " << error);
    return e;
  }();
  Document doc;
  doc.id = "long";
  doc.text = text;
  DocumentQuotes out;
  extractor->extract(doc, out);
  return out;
}

std::string repeated(const std::string& s, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

}  // namespace

TEST_CASE("a mention longer than the window on a long line is found as on a short one", "[mentions]") {
  // A name of 40 capitalised words (399 bytes) speaking, with 8 KB of text after it on
  // the same line: its match reads past the 256-byte window and is tried on the whole line.
  std::string name;
  for (int i = 0; i < 40; ++i) name += std::string(i ? " " : "") + "Zebulon" + std::string(1, static_cast<char>('a' + i % 26)) + "s";
  const std::string sentence = "“We will open the bridge,” said " + name + ".";
  const std::string filler = repeated(" The council met again on Monday.", 250);
  const DocumentQuotes short_line = extract("Title\n\n" + sentence + "\n" + filler + "\n");
  const DocumentQuotes long_line = extract("Title\n\n" + sentence + filler + "\n");
  REQUIRE(short_line.quotes.size() == 1);
  REQUIRE(long_line.quotes.size() == 1);
  CHECK(short_line.quotes[0].speaker.size() > 256);
  CHECK(long_line.quotes[0].speaker == short_line.quotes[0].speaker);
  CHECK(long_line.warnings.empty());
}

TEST_CASE("a line of title words is scanned in linear time and the cut is reported", "[mentions]") {
  // 100,000 "minister " before the quote: every word start would be matched to the line's end.
  const DocumentQuotes out = extract("Title\n\n" + repeated("minister ", 100000) + "said: “We will see.”\n");
  REQUIRE(out.quotes.size() == 1);
  bool reported = false;
  for (const auto& w : out.warnings) reported |= w.find("mention scan cut") != std::string::npos;
  CHECK(reported);
}
