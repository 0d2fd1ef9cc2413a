// A news article as quotegraph reads it. Plain data; the reader fills it.
#pragma once
#include <string>
#include <string_view>

namespace quotegraph {

struct Document {
  std::string id;      // .txt: path below the directory argument without extension, or the stem of a file argument; JSONL: the "id" field (or url, or file-line)
  std::string title;
  std::string url;
  std::string date;    // ISO 8601 (quotegraph/date.h): a date or a date-time; empty when none was given or understood
  std::string source;  // outlet or domain
  std::string text;    // valid UTF-8; every offset quotegraph reports points into this
  std::string unparsed_date;  // a date given that could not be read, as written (then `date` is empty)
  // The language the text was read in: the code of the language pack extraction used ("en",
  // "de"; with --lang auto, the one the input declared or detect_language() picked). Before
  // extraction, the language the input declared, if any; empty in a partial result written
  // before there was one.
  std::string language;
};

// A language code the outputs can carry: BCP 47's shape as Turtle's LANGTAG has it ("de",
// "en-GB"): letters, then dash-separated letters or digits, at most 35 bytes.
bool is_language_tag(std::string_view tag);

}  // namespace quotegraph
