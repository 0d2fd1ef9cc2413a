// Times the token layer (extract/src/tokens.h) on the .txt files under a directory, held in
// memory: tokenising alone, and tokenising with one lexicon lookup per word (the English
// pack's lexicons). Prints MB/s and tokens per byte for each, best of ROUNDS passes.
// Usage: token_bench DIR [ROUNDS [MODE]]   MODE: both (default), tokenize or lookup, one of
// them alone for an instruction count under callgrind (bench/tokens.sh runs it beside the
// extractor).
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "lexicon.h"
#include "quotegraph/utf8.h"
#include "tokens.h"

using namespace quotegraph::detail;

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: token_bench DIR [ROUNDS]\n");
    return 2;
  }
  const int rounds = argc > 2 ? std::atoi(argv[2]) : 3;
  const std::string mode = argc > 3 ? argv[3] : "both";
  std::vector<std::string> texts;
  std::size_t bytes = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(argv[1])) {
    if (!entry.is_regular_file() || entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    texts.push_back(buffer.str());
    quotegraph::repair_utf8(texts.back());  // as the reader leaves a text
    bytes += texts.back().size();
  }
  if (texts.empty()) {
    std::fprintf(stderr, "token_bench: no .txt files under %s\n", argv[1]);
    return 2;
  }
  Lexicon lexicon;
  std::string error;
  if (!lexicon.load("", "en", &error)) {
    std::fprintf(stderr, "token_bench: %s\n", error.c_str());
    return 2;
  }
  const TokenLexicon words = TokenLexicon::from(lexicon);
  std::vector<Token> tokens;
  for (const TokenLexicon* with : {static_cast<const TokenLexicon*>(nullptr), &words}) {
    if ((mode == "tokenize" && with) || (mode == "lookup" && !with)) continue;
    double best = 1e30;
    std::size_t count = 0, classified = 0;
    for (int round = 0; round < rounds; ++round) {
      count = classified = 0;
      const auto start = std::chrono::steady_clock::now();
      for (const std::string& text : texts) {
        tokenize(text, with, tokens);
        count += tokens.size();
        for (const Token& t : tokens) classified += t.classes != 0;
      }
      best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    std::printf("%-28s %8.1f MB/s  %zu documents, %.1f MB, %zu tokens (%.2f per 10 bytes), %zu with a class\n",
                with ? "tokenize + lexicon lookup" : "tokenize", bytes / best / 1e6, texts.size(), bytes / 1e6, count,
                10.0 * count / bytes, classified);
  }
  return 0;
}
