// A news article as quotegraph reads it. Plain data; the reader fills it.
#pragma once
#include <string>

namespace quotegraph {

struct Document {
  std::string id;      // .txt: path below the directory argument without extension, or the stem of a file argument; JSONL: the "id" field (or url, or file-line)
  std::string title;
  std::string url;
  std::string date;    // ISO 8601 (quotegraph/date.h): a date or a date-time; empty when none was given or understood
  std::string source;  // outlet or domain
  std::string text;    // valid UTF-8; every offset quotegraph reports points into this
  std::string unparsed_date;  // a date given that could not be read, as written (then `date` is empty)
};

}  // namespace quotegraph
