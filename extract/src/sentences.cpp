// Pass: where the sentences of a document start (datelines, abbreviations).
#include "passes.h"

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "chars.h"

namespace quotegraph::detail {

// A word after which a full stop ends no sentence: an initial, a word with dots ("U.S"), or
// one of the language's abbreviations ("Mr", "Jan").
static bool is_abbreviation(const Lexicon& lex, std::string_view word) {
  if (word.size() == 1 && word[0] >= 'A' && word[0] <= 'Z') return true;  // an initial
  if (word.find('.') != std::string_view::npos) return true;                 // U.S, U.N
  return lex.abbreviations.count(std::string(word)) > 0;
}

// Where the first sentence starts after a wire story's dateline at `start`, a paragraph's
// start ("MOSCOW (Reuters) — The Kremlin said", "WASHINGTON, Jan 5 (AP) - ", "VIENNA — "),
// or npos: the dateline is not part of the sentence, whose subject comes after it.
std::size_t dateline_end(const DocumentAnalysis& doc, std::size_t start) {
  const auto upper = [&](std::size_t i) { return i < doc.text.size() && doc.text[i] >= 'A' && doc.text[i] <= 'Z'; };
  std::size_t i = start;
  if (!upper(i) || !upper(i + 1)) return std::string::npos;
  while (i < doc.text.size() &&
         (upper(i) || doc.text[i] == ' ' || doc.text[i] == '.' || doc.text[i] == '\'' || doc.text[i] == '-')) {
    if (doc.text[i] == '-' && i + 1 < doc.text.size() && (doc.text[i + 1] == ' ' || doc.text[i + 1] == '-'))
      break;  // the dash
    ++i;
  }
  const std::size_t limit = std::min(doc.text.size(), i + 60);  // ", Jan 5", " (Reuters)"
  std::size_t j = i;
  while (j < limit && doc.text[j] != '\n' && doc.text[j] != '-' && doc.text.compare(j, 3, "\xE2\x80\x94") != 0 &&
         doc.text.compare(j, 3, "\xE2\x80\x93") != 0)
    ++j;
  if (j >= limit || doc.text[j] == '\n' || (j > i && doc.text[i] != ',' && doc.text[i] != ' ' && doc.text[i] != '('))
    return std::string::npos;
  j += doc.text[j] == '-' ? (doc.text.compare(j, 2, "--") == 0 ? 2 : 1) : 3;
  if (j >= doc.text.size() || doc.text[j] != ' ') return std::string::npos;
  while (j < doc.text.size() && doc.text[j] == ' ') ++j;
  return j < doc.text.size() && doc.text[j] != '\n' ? j : std::string::npos;
}

void find_sentences(const PassContext& cx, DocumentAnalysis& doc) {
  static constexpr ByteSet kSentenceBytes("\n\r.!?");  // what can end a sentence, or a line
  doc.sentence_starts.push_back(0);
  if (const std::size_t after = dateline_end(doc, 0); after != std::string::npos) doc.sentence_starts.push_back(after);
  for (std::size_t i = 0; (i = kSentenceBytes.find(doc.text, i, doc.text.size())) < doc.text.size(); ++i) {
    const char c = doc.text[i];
    if (c == '\n' || c == '\r') {
      doc.sentence_starts.push_back(i + 1);
      if (const std::size_t after = dateline_end(doc, i + 1); after != std::string::npos)
        doc.sentence_starts.push_back(after);
      continue;
    }
    if (c != '.' && c != '!' && c != '?') continue;
    if (c == '.') {
      std::size_t w = i;
      while (w > 0 && is_word_cp(cp_before(doc.text, w)) ) {
        std::size_t start = w - 1;
        while (start > 0 && (static_cast<unsigned char>(doc.text[start]) & 0xC0) == 0x80) --start;
        w = start;
        if (w > 0 && doc.text[w - 1] == '.') --w;  // U.S.
      }
      if (is_abbreviation(cx.lex, std::string_view(doc.text).substr(w, i - w))) continue;
    }
    std::size_t j = i + 1;
    while (j < doc.text.size()) {  // closing marks and brackets after the full stop
      std::size_t len;
      const char32_t cp = decode_utf8(doc.text, j, len);
      if (!(is_quote_mark_cp(cp) || cp == ')' || cp == ']')) break;
      j += len;
    }
    if (j >= doc.text.size() || doc.text[j] != ' ') {
      // "sagte der Papst.Der Bruder": a sentence run into the next without a space (as some
      // sources have it), after a word in lower case; not a web address ("tagesschau.de",
      // "Halo.Bungie.Org": another dot and a letter in the next word).
      const auto lower = [&](std::size_t k) { return k < doc.text.size() && doc.text[k] >= 'a' && doc.text[k] <= 'z'; };
      std::size_t word_end = j;
      while (word_end < doc.text.size() && is_ascii_alnum(static_cast<unsigned char>(doc.text[word_end]))) ++word_end;
      const bool address = word_end + 1 < doc.text.size() && doc.text[word_end] == '.' &&
                           is_ascii_alnum(static_cast<unsigned char>(doc.text[word_end + 1]));
      if (j == i + 1 && i >= 2 && lower(i - 1) && lower(i - 2) && j < doc.text.size() &&
          is_upper_cp(cp_at(doc.text, j)) && lower(j + 1) && !address)
        doc.sentence_starts.push_back(j);
      continue;
    }
    while (j < doc.text.size() && doc.text[j] == ' ') ++j;
    const char32_t next = cp_at(doc.text, j);
    if (is_upper_cp(next) || is_quote_mark_cp(next) || (next >= '0' && next <= '9'))
      doc.sentence_starts.push_back(j);
  }
  std::sort(doc.sentence_starts.begin(), doc.sentence_starts.end());
}

}  // namespace quotegraph::detail
