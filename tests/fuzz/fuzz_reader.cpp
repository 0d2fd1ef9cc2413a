// libFuzzer: the JSONL reader on any bytes (written to a file, read as an input). Whatever it
// reads is valid UTF-8 (never a crash, every problem reported).
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "quotegraph/reader.h"
#include "quotegraph/utf8.h"

namespace {
bool valid_utf8(const std::string& s) {
  std::string copy = s;
  return quotegraph::repair_utf8(copy).invalid_bytes == 0;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::string path = "/tmp/quotegraph-fuzz-reader-" + std::to_string(::getpid()) + ".jsonl";
  FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return 0;
  std::fwrite(data, 1, size, f);
  std::fclose(f);
  quotegraph::read_inputs(
      {path}, {},
      [](quotegraph::Document& doc) {
        for (const std::string* s : {&doc.id, &doc.title, &doc.url, &doc.date, &doc.source, &doc.text})
          if (!valid_utf8(*s)) std::abort();
        return true;
      },
      [](const quotegraph::InputProblem& p) {
        if (p.where.empty() || p.message.empty()) std::abort();
      });
  return 0;
}
