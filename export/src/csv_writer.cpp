#include "quotegraph/csv_writer.h"

#include <cmath>
#include <cstdio>
#include <string>
#include <string_view>

namespace quotegraph {

namespace {

constexpr const char* kColumns[] = {
    "id", "doc", "text", "start", "end", "kind", "speaker", "speaker_id", "anonymous", "role",
    "organization", "cue", "rule", "confidence", "statement_id", "organization_id",
    "conflicting_attribution", "conflicting_speakers", "context", "context_start", "url", "date", "title",
    // Added after the first release's columns, so that a sheet that reads them by position still works.
    "speaker_mention", "speaker_start", "speaker_end", "cue_start", "cue_end", "sentences_start", "sentences_end",
    "conflicts", "language"};

// One field: quoted when it holds a separator, a quote mark or a line break (RFC 4180), the
// quote marks doubled. A field that a spreadsheet would run as a formula (it starts with =, +,
// -, @, a tab or a carriage return) gets a leading apostrophe, which spreadsheets show as
// text: quotes come from articles anybody can write. The JSONL keeps the exact words.
// `row` holds one row being written; a field after the first is preceded by a comma.
void field(std::string& row, std::string_view value) {
  if (!row.empty()) row += ',';
  const bool formula = !value.empty() && (value[0] == '=' || value[0] == '+' || value[0] == '-' ||
                                          value[0] == '@' || value[0] == '\t' || value[0] == '\r');
  const bool quoted = formula || value.find_first_of(",\"\r\n") != std::string_view::npos;
  if (!quoted) {
    row += value;
    return;
  }
  row += '"';
  if (formula) row += '\'';
  for (const char c : value) {
    if (c == '"') row += '"';
    row += c;
  }
  row += '"';
}

void number_field(std::string& row, std::size_t value) { field(row, std::to_string(value)); }
// An offset, or an empty field for none.
void offset_field(std::string& row, std::size_t value) { field(row, value == kNoSpan ? "" : std::to_string(value)); }

}  // namespace

CsvWriter::CsvWriter(std::ostream& out) : out_(out) {
  std::string header = "\xEF\xBB\xBF";
  for (const char* column : kColumns) {
    if (header.size() > 3) header += ',';
    header += column;
  }
  header += "\r\n";
  out_ << header;
}

bool CsvWriter::write(const Document& doc, const std::vector<ResolvedQuote>& quotes) {
  std::string row;
  for (const ResolvedQuote& q : quotes) {
    row.clear();
    field(row, quote_id(doc.id, q.start, q.stop));
    field(row, doc.id);
    field(row, q.text);
    number_field(row, q.start);
    number_field(row, q.stop);
    field(row, q.partial ? "partial" : "full");
    field(row, q.speaker);
    field(row, q.speaker_id);
    field(row, q.anonymous ? "true" : "false");
    field(row, q.role);
    field(row, q.organization);
    field(row, q.cue);
    field(row, q.rule);
    char confidence[16];
    std::snprintf(confidence, sizeof confidence, "%.3f", std::round(q.confidence * 1000) / 1000);
    field(row, confidence);
    field(row, q.statement_id);
    field(row, q.organization_id);
    field(row, q.conflicting_speakers.empty() ? "false" : "true");
    std::string others;
    for (const auto& other : q.conflicting_speakers) others += (others.empty() ? "" : " ") + other;
    field(row, others);
    field(row, q.context);
    number_field(row, q.context_start);
    field(row, doc.url);
    field(row, doc.date);
    field(row, doc.title);
    field(row, q.speaker_mention);
    offset_field(row, q.speaker_start);
    offset_field(row, q.speaker_stop);
    offset_field(row, q.cue_start);
    offset_field(row, q.cue_stop);
    number_field(row, q.sentences_start);
    number_field(row, q.sentences_stop);
    // "Name (speaker_id): doc doc; Name (speaker_id): doc" — conflicting_speakers with names and articles.
    std::string conflicts;
    for (const auto& c : q.conflicts) {
      if (!conflicts.empty()) conflicts += "; ";
      conflicts += c.speaker + " (" + c.speaker_id + "):";
      for (const auto& d : c.documents) conflicts += " " + d;
    }
    field(row, conflicts);
    field(row, doc.language);
    out_.write(row.data(), static_cast<std::streamsize>(row.size()));
    out_.write("\r\n", 2);
  }
  return static_cast<bool>(out_);
}

}  // namespace quotegraph
