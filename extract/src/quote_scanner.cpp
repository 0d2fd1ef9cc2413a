#include "quotegraph/quote_scanner.h"

#include "chars.h"

namespace quotegraph {
namespace {

using detail::cp_at;
using detail::count_words;
using detail::cp_before;
using detail::is_punct_cp;
using detail::is_space_cp;
using detail::is_word_cp;

enum class Direction { Open, Close, Either };

struct Mark {
  std::size_t pos;
  std::size_t len;
  Direction dir;
};

// Opening context: start of paragraph, a space, or opening punctuation before the mark.
bool opens_after(char32_t prev) {
  return prev == 0 || is_space_cp(prev) || prev == '(' || prev == '[' || prev == '{' ||
         prev == 0x2014 || prev == 0x2013 || prev == '-' || prev == '/' || prev == ':';
}
bool closes_before(char32_t next) {
  return next == 0 || is_space_cp(next) || (is_punct_cp(next) && next != '(' && next != '[');
}

// Direction of a double mark from its glyph and the characters around it, like CommonMark's
// flanking rules: “ and „ normally open, ” normally closes, " is decided by its neighbours.
// Curly glyphs used the wrong way round (“ after a word, before a space) follow the neighbours.
Direction double_mark_direction(char32_t mark, char32_t prev, char32_t next) {
  const bool left = !(next == 0 || is_space_cp(next)) && opens_after(prev);   // may open
  const bool right = !(prev == 0 || is_space_cp(prev)) && closes_before(next);  // may close
  switch (mark) {
    case 0x201C: case 0x201E: case 0x201F: case 0xAB:
      return (right && !left) ? Direction::Close : Direction::Open;
    case 0x201D: case 0xBB:
      return (left && !right) ? Direction::Open : Direction::Close;
    default:
      if (left && !right) return Direction::Open;
      if (right && !left) return Direction::Close;
      return Direction::Either;
  }
}

// Every single mark is either '\'' or starts with 0xE2 (‘ ’ ‚ ‹ ›), and every double mark is
// '"', two apostrophes '' (the New York Times' house style), or starts with 0xC2 (« »), 0xE2
// (“ ” „ ‟) or 0xEF (＂): other bytes, and the continuation bytes of other characters, are
// stepped over without decoding.
constexpr detail::ByteSet kSingleMarkStarts("'\xE2");
constexpr detail::ByteSet kDoubleMarkStarts("\"'\xC2\xE2\xEF");
constexpr detail::ByteSet kLineBreaks("\n\r");

bool is_double_mark(char32_t c) {
  return c == '"' || c == 0x201C || c == 0x201D || c == 0x201E || c == 0x201F || c == 0xAB ||
         c == 0xBB || c == 0xFF02;
}

std::size_t apostrophe_run(std::string_view text, std::size_t pos, std::size_t to) {
  std::size_t n = 0;
  while (pos + n < to && text[pos + n] == '\'') ++n;
  return n;
}

// Where a run of apostrophes starting at `pos` holds a double mark '' (two apostrophes typed
// for “), its first byte; npos for a lone apostrophe or a run longer than three. In a run of
// three the double mark is outside a single one: it opens as '' + ' after a space or other
// opening context and closes as ' + '' after a word ("the word 'old-school,''' he said").
std::size_t apostrophe_double_mark(std::string_view text, std::size_t from, std::size_t pos,
                                   std::size_t run) {
  if (run != 2 && run != 3) return std::string_view::npos;
  if (run == 3 && !opens_after(pos > from ? cp_before(text, pos) : 0)) return pos + 1;
  return pos;
}

std::vector<Mark> double_marks(std::string_view text, std::size_t from, std::size_t to) {
  std::vector<Mark> marks;
  for (std::size_t i = kDoubleMarkStarts.find(text, from, to); i < to; i = kDoubleMarkStarts.find(text, i, to)) {
    if (text[i] == '\'') {
      const std::size_t run = apostrophe_run(text, i, to);
      const std::size_t pos = apostrophe_double_mark(text, from, i, run);
      if (pos != std::string_view::npos) {
        const char32_t prev = pos > from ? cp_before(text, pos) : 0;
        const char32_t next = pos + 2 < to ? cp_at(text, pos + 2) : 0;
        marks.push_back({pos, 2, double_mark_direction('"', prev, next)});
      }
      i += run;
      continue;
    }
    std::size_t len;
    const char32_t c = decode_utf8(text, i, len);
    if (is_double_mark(c)) {
      const char32_t prev = i > from ? cp_before(text, i) : 0;
      const char32_t next = i + len < to ? cp_at(text, i + len) : 0;
      marks.push_back({i, len, double_mark_direction(c, prev, next)});
    }
    i += len;
  }
  return marks;
}

std::size_t trim_end(std::string_view text, std::size_t begin, std::size_t end) {
  while (end > begin && is_space_cp(cp_before(text, end))) {
    std::size_t start = end - 1;
    while (start > begin && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    end = start;
  }
  return end;
}

std::size_t skip_space(std::string_view text, std::size_t pos, std::size_t end) {
  while (pos < end) {
    std::size_t len;
    if (!is_space_cp(decode_utf8(text, pos, len))) break;
    pos += len;
  }
  return pos;
}

bool has_word(std::string_view text, std::size_t begin, std::size_t end) {
  for (std::size_t i = begin; i < end;) {
    std::size_t len;
    if (is_word_cp(decode_utf8(text, i, len))) return true;
    i += len;
  }
  return false;
}

// Cuts an unclosed quote at the cap, preferring the last sentence end before it.
std::size_t cap_unclosed(std::string_view text, std::size_t begin, std::size_t end,
                         std::size_t cap) {
  if (end - begin <= cap) return end;
  std::size_t limit = begin + cap;
  while (limit > begin && (static_cast<unsigned char>(text[limit]) & 0xC0) == 0x80) --limit;
  for (std::size_t i = limit; i > begin + cap / 2; --i) {
    const char c = text[i - 1];
    if ((c == '.' || c == '!' || c == '?') && i < text.size() && text[i] == ' ') return i;
  }
  return limit;
}

struct Paragraph {
  std::size_t begin, end;
};

std::vector<Paragraph> paragraphs(std::string_view text) {
  std::vector<Paragraph> out;
  for (std::size_t start = 0; start <= text.size();) {
    const std::size_t end = kLineBreaks.find(text, start, text.size());
    if (end > start) out.push_back({start, end});
    start = end + 1;
  }
  return out;
}

class Scanner {
 public:
  Scanner(std::string_view text, const ScanOptions& options) : text_(text), options_(options) {}

  std::vector<QuoteSpan> run() {
    const auto paras = paragraphs(text_);
    bool carry = false;  // the previous paragraph ended inside a quote
    for (std::size_t p = 0; p < paras.size(); ++p) {
      const std::size_t before = quotes_.size();
      // A first paragraph that is a short line with more text after it is a headline.
      headline_ = p == 0 && paras.size() > 1 && paras[0].end - paras[0].begin <= options_.max_headline_bytes;
      const bool open_at_end = scan_paragraph(paras[p], carry);
      scan_single_quotes(paras[p], before, headline_ ? options_.min_words_single_headline : options_.min_words_single);
      // A quote left open at a paragraph's end goes on only when the next paragraph opens
      // with a quotation mark (the convention for multi-paragraph quotes).
      carry = false;
      if (open_at_end && p + 1 < paras.size()) {
        const std::size_t first = skip_space(text_, paras[p + 1].begin, paras[p + 1].end);
        const auto next_marks = double_marks(text_, first, std::min(first + 4, paras[p + 1].end));
        carry = !next_marks.empty() && next_marks.front().pos == first &&
                next_marks.front().dir != Direction::Close;
      }
    }
    return std::move(quotes_);
  }

 private:
  // Scans one paragraph's double marks; returns true when it ends inside a quote.
  bool scan_paragraph(const Paragraph& para, bool continues) {
    const auto marks = double_marks(text_, para.begin, para.end);
    // Only the paragraph's first quote continues the previous paragraph's quote.
    auto first_continues = [&] {
      const bool c = continues;
      continues = false;
      return c;
    };
    int depth = 0;
    std::size_t open_index = 0;
    auto closers_after = [&](std::size_t k) {
      std::size_t n = 0;
      for (std::size_t j = k + 1; j < marks.size(); ++j)
        if (marks[j].dir != Direction::Open) ++n;
      return n;
    };
    for (std::size_t k = 0; k < marks.size(); ++k) {
      const Mark& m = marks[k];
      if (depth == 0) {
        // <tweet id="7781…" author="@AP">, <a href="…">: markup left in a scraped text quotes
        // attribute values, which are not speech. The value's closing mark is skipped with it.
        if (m.pos > para.begin && text_[m.pos - 1] == '=') {
          ++k;
          continue;
        }
        if (m.dir != Direction::Close) { depth = 1; open_index = k; }
        continue;  // a closing mark outside any quote is a stray mark
      }
      bool closes = m.dir != Direction::Open;
      if (!closes) {
        // An opening mark inside a quote: a nested quote if enough closing marks follow to
        // close both, a stray mark if only the outer quote's close follows, and a closing
        // mark written the wrong way round if nothing follows at all.
        const std::size_t remaining = closers_after(k);
        if (remaining >= static_cast<std::size_t>(depth) + 1) { ++depth; continue; }
        if (remaining > 0) continue;
        closes = true;
      }
      if (--depth == 0) {
        const Mark& o = marks[open_index];
        add({o.pos, o.pos + o.len, m.pos, m.pos + m.len, para, true, false, first_continues()});
      }
    }
    if (depth == 0) return false;
    const Mark& o = marks[open_index];
    const std::size_t begin = o.pos + o.len;
    const std::size_t end = cap_unclosed(text_, begin, trim_end(text_, begin, para.end),
                                         options_.max_unclosed_bytes);
    add({o.pos, begin, end, end, para, false, false, first_continues()});
    return true;
  }

  // Single-quoted spans outside double quotes: ‘…’ or '…' with at least `min_words` words, so
  // that apostrophes and scare quotes ('open door') are not taken for quotations.
  void scan_single_quotes(const Paragraph& para, std::size_t first_double, int min_words) {
    std::size_t i = para.begin;
    std::size_t next_double = first_double;
    while ((i = kSingleMarkStarts.find(text_, i, para.end)) < para.end) {
      while (next_double < quotes_.size() && quotes_[next_double].close_end <= i) ++next_double;
      if (next_double < quotes_.size() && quotes_[next_double].open <= i) {
        i = quotes_[next_double].close_end;
        continue;
      }
      if (const std::size_t run = apostrophe_run(text_, i, para.end); run > 1) {
        i += run;  // a double mark '' that opened no quote
        continue;
      }
      std::size_t len;
      const char32_t c = decode_utf8(text_, i, len);
      if ((c == 0x2018 || c == '\'' || c == 0x201A || c == 0x2039) &&
          opens_after(i > para.begin ? cp_before(text_, i) : 0)) {
        const char32_t next = cp_at(text_, i + len);
        if (i + len < para.end && is_word_cp(next) && !(next >= '0' && next <= '9')) {
          const std::size_t close = find_single_close(i + len, para.end, quote_limit(next_double, para));
          if (close != std::string_view::npos &&
              count_words(text_, i + len, close) >= min_words) {
            std::size_t close_len;
            decode_utf8(text_, close, close_len);
            add({i, i + len, close, close + close_len, para, true, true, false});
            i = close + close_len;
            continue;
          }
        }
      }
      i += len;
    }
  }

  std::size_t quote_limit(std::size_t next_double, const Paragraph& para) const {
    return next_double < quotes_.size() ? quotes_[next_double].open : para.end;
  }

  // A closing single mark: after a word or punctuation, not followed by a letter
  // (so didn’t and Russia’s are apostrophes).
  std::size_t find_single_close(std::size_t from, std::size_t para_end, std::size_t limit) const {
    const std::size_t end = std::min(limit, para_end);
    for (std::size_t i = kSingleMarkStarts.find(text_, from, end); i < end; i = kSingleMarkStarts.find(text_, i, end)) {
      if (const std::size_t run = apostrophe_run(text_, i, end); run > 1) {
        i += run;
        continue;
      }
      std::size_t len;
      const char32_t c = decode_utf8(text_, i, len);
      if (c == 0x2019 || c == '\'' || c == 0x2018 || c == 0x203A) {
        const char32_t prev = cp_before(text_, i);
        const char32_t next = i + len < para_end ? cp_at(text_, i + len) : 0;
        if (!is_space_cp(prev) && prev != 0 && !is_word_cp(next)) return i;
      }
      i += len;
    }
    return std::string_view::npos;
  }

  struct Candidate {
    std::size_t open, begin, end, close_end;
    Paragraph para;
    bool closed, single, continues;
  };

  void add(const Candidate& c) {
    std::size_t end = c.end;
    std::size_t begin = skip_space(text_, c.begin, end);
    end = trim_end(text_, begin, end);
    if (!has_word(text_, begin, end)) return;
    QuoteSpan q;
    q.open = c.open;
    q.begin = begin;
    q.end = end;
    q.close_end = c.closed ? c.close_end : end;
    q.paragraph_begin = c.para.begin;
    q.paragraph_end = c.para.end;
    q.closed = c.closed;
    q.single_marks = c.single;
    q.continues_previous = c.continues;
    q.in_headline = headline_;
    // Single-quoted spans are found after the paragraph's double ones: keep document order.
    auto it = quotes_.end();
    while (it != quotes_.begin() && (it - 1)->open > q.open) --it;
    quotes_.insert(it, q);
  }

  std::string_view text_;
  const ScanOptions& options_;
  std::vector<QuoteSpan> quotes_;
  bool headline_ = false;  // the paragraph being scanned is the headline
};

}  // namespace

std::vector<QuoteSpan> scan_quotes(std::string_view text, const ScanOptions& options) {
  return Scanner(text, options).run();
}

}  // namespace quotegraph
