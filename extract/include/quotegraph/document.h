// A news article as quotegraph reads it. Plain data; the reader fills it.
#pragma once
#include <string>

namespace quotegraph {

struct Document {
  std::string id;      // .txt: path below the directory argument without extension, or the stem of a file argument; JSONL: the "id" field (or url, or file-line)
  std::string title;
  std::string url;
  std::string date;    // as given by the source (ISO 8601 where the source gives it)
  std::string source;  // outlet or domain
  std::string text;    // valid UTF-8; every offset quotegraph reports points into this
};

}  // namespace quotegraph
