// CSV for spreadsheets: exact bytes of the header and of rows that need quoting.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>

#include "quotegraph/csv_writer.h"

using namespace quotegraph;

namespace {
const std::string kHeader =
    "\xEF\xBB\xBFid,doc,text,start,end,kind,speaker,speaker_id,anonymous,role,organization,cue,rule,"
    "confidence,statement_id,organization_id,conflicting_attribution,conflicting_speakers,context,context_start,url,date,title,"
    "speaker_mention,speaker_start,speaker_end,cue_start,cue_end,sentences_start,sentences_end,conflicts,language\r\n";
}

TEST_CASE("CSV: a byte-order mark, one header row, CRLF rows with RFC 4180 quoting", "[export][csv]") {
  Document doc;
  doc.id = "a/1";
  doc.title = "Talks, \"again\"";
  doc.date = "2022-01-21";
  doc.language = "de";
  ResolvedQuote q;
  q.text = "We will see,\nand \"then\" decide";
  q.start = 5;
  q.stop = 35;
  q.speaker = "Ana Lima";
  q.speaker_id = "person:ana-lima";
  q.cue = "said";
  q.rule = "after.speaker_cue";
  q.confidence = 0.9504;
  q.statement_id = "statement:1";
  q.conflicting_speakers = {"person:b", "person:c"};
  q.conflicts = {{"person:b", "Bo Ek", {"b/1", "b/2"}}, {"person:c", "Cy, Jr", {"c"}}};
  q.speaker_mention = "she";
  q.speaker_start = 37, q.speaker_stop = 40, q.cue_start = 41, q.cue_stop = 45;
  std::ostringstream out;
  CsvWriter writer(out);
  REQUIRE(writer.write(doc, {q}));
  CHECK(out.str() == kHeader + quote_id("a/1", 5, 35) +
                         ",a/1,\"We will see,\nand \"\"then\"\" decide\",5,35,full,Ana Lima,person:ana-lima,"
                         "false,,,said,after.speaker_cue,0.950,statement:1,,true,person:b person:c,,0,,"
                         "2022-01-21,\"Talks, \"\"again\"\"\",she,37,40,41,45,0,0,"
                         "\"Bo Ek (person:b): b/1 b/2; Cy, Jr (person:c): c\",de\r\n");
}

TEST_CASE("CSV: a field a spreadsheet would run as a formula is written as text", "[export][csv]") {
  Document doc;
  doc.id = "d";
  ResolvedQuote q;
  q.rule = "scan.unattributed";
  for (const char* text : {"=HYPERLINK(\"http://x\")", "+1", "-2 points", "@cmd"}) {
    q.text = text;
    std::ostringstream out;
    CsvWriter writer(out);
    REQUIRE(writer.write(doc, {q}));
    const std::string row = out.str().substr(kHeader.size());
    INFO(row);
    // The text is the third field: quoted, with an apostrophe before the formula sign.
    const auto third = row.find(',', row.find(',') + 1) + 1;
    CHECK(row.compare(third, 2, "\"'") == 0);
  }
}
