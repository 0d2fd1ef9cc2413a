// libFuzzer: the rule-file and lexicon loader on any bytes. The first byte picks the file the
// rest becomes (the rule file, or one lexicon file in a --lexicon-dir); the built-in copies
// stand for the others. Loading either succeeds, and the extractor then extracts a sample
// without a crash, or fails with a message that names the file.
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "quotegraph/extractor.h"

namespace {
constexpr const char* kFiles[] = {"rules.txt",     "speech_verbs.txt",  "titles.txt",      "descriptors.txt",
                                  "countries.tsv", "organizations.txt", "honorifics.tsv", "first_names.tsv",
                                  "stopwords.txt", "title_words.txt",   "title_cues.txt", "language.tsv"};
constexpr std::size_t kFileCount = sizeof kFiles / sizeof kFiles[0];

bool write_file(const std::string& path, const uint8_t* data, size_t size) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return false;
  const bool written = std::fwrite(data, 1, size, f) == size;
  return std::fclose(f) == 0 && written;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static const std::string dir = [] {
    std::string d = "/tmp/quotegraph-fuzz-rules-" + std::to_string(::getpid());
    ::mkdir(d.c_str(), 0700);
    return d;
  }();
  const std::string name = kFiles[data[0] % kFileCount];
  const std::string path = dir + "/" + name;
  for (std::size_t i = 0; i < kFileCount; ++i) std::remove((dir + "/" + kFiles[i]).c_str());
  if (!write_file(path, data + 1, size - 1)) return 0;
  quotegraph::ExtractorOptions options;
  if (name == "rules.txt") options.rules_file = path;
  else options.lexicon_dir = dir;
  std::string error;
  const auto extractor = quotegraph::Extractor::create(options, &error);
  if (!extractor) {
    if (error.empty()) std::abort();  // a refusal always says why
    return 0;
  }
  quotegraph::Document doc;
  doc.id = "fuzz";
  doc.text = "Talks resume\n\n“We will keep the bridge open all winter,” said Mayor Ana Lima. "
             "The minister, Rui Costa, said: “It is not enough.” “We disagree,” a senior official said.\n";
  quotegraph::DocumentQuotes out;
  extractor->extract(doc, out);
  for (const auto& q : out.quotes)
    if (q.begin > q.end || q.end > doc.text.size() || !(q.confidence >= 0 && q.confidence <= 1)) std::abort();
  return 0;
}
