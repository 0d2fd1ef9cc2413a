// Exporters write into memory; the tests compare exact strings and structure.
#include <catch2/catch.hpp>

#include <rapidjson/document.h>

#include <sstream>
#include <string>

#include "quotegraph/graphml_writer.h"
#include "quotegraph/jsonl_writer.h"
#include "quotegraph/corpus.h"
#include "quotegraph/rdf_writer.h"

using namespace quotegraph;

namespace {
Document sample_doc() {
  Document d;
  d.id = "doc 1/é";
  d.title = "Talks <resume> & \"go on\"";
  d.url = "https://example.org/a?b=1&c=2";
  d.date = "2022-01-21";
  d.text = "unused";
  return d;
}

DocumentQuotes sample_quotes() {
  DocumentQuotes q;
  Quote a;
  a.text = "We’ll see\x01 <soon> & \"later\"";
  a.start = 5;
  a.stop = 30;
  a.speaker = "Ana Lima";
  a.speaker_id = "person:ana-lima";
  a.role = "Foreign Minister";
  a.organization = "Brazil";
  a.cue = "said";
  a.rule = "after.speaker_cue";
  a.confidence = 0.95;
  Quote b;
  b.text = "unattributed";
  b.start = 40;
  b.stop = 52;
  b.partial = true;
  b.rule = "scan.unattributed";
  q.quotes = {a, b};
  return q;
}
}  // namespace

TEST_CASE("quotes JSONL has one line per quote with the documented fields", "[export][jsonl]") {
  std::ostringstream out;
  JsonlWriter writer(out);
  REQUIRE(writer.write(sample_doc(), sample_quotes().quotes));
  std::istringstream lines(out.str());
  std::string line;
  int n = 0;
  while (std::getline(lines, line)) {
    rapidjson::Document json;
    json.Parse(line.c_str());
    REQUIRE_FALSE(json.HasParseError());
    for (const char* field : {"id", "doc", "text", "start", "end", "kind", "speaker", "speaker_id", "anonymous",
                              "role", "organization", "cue", "rule", "confidence", "url", "date", "title"})
      CHECK(json.HasMember(field));
    if (n == 0) {
      CHECK(std::string(json["speaker"].GetString()) == "Ana Lima");
      CHECK(json["start"].GetUint() == 5);
      CHECK(json["end"].GetUint() == 30);
      CHECK(std::string(json["kind"].GetString()) == "full");
      CHECK(json["confidence"].GetDouble() == Approx(0.95));
    } else {
      CHECK(json["speaker"].IsNull());
      CHECK(std::string(json["kind"].GetString()) == "partial");
    }
    ++n;
  }
  CHECK(n == 2);
}

TEST_CASE("quote ids are stable and depend on document and span", "[export][jsonl]") {
  CHECK(quote_id("a", 1, 2) == quote_id("a", 1, 2));
  CHECK(quote_id("a", 1, 2) != quote_id("a", 1, 3));
  CHECK(quote_id("a", 1, 2) != quote_id("b", 1, 2));
}

TEST_CASE("XML escaping drops illegal characters and escapes markup", "[export][graphml]") {
  CHECK(xml_escape("a<b>&\"c'\x01\x1F") == "a&lt;b&gt;&amp;&quot;c&apos;");
  CHECK(xml_escape("tab\tnew\nline") == "tab\tnew\nline");
  CHECK(xml_escape("Köln ’") == "Köln ’");
  // Non-characters U+FFFE and U+FFFF are not XML characters; U+FFFD and astral ones are.
  CHECK(xml_escape("x\xEF\xBF\xBEy\xEF\xBF\xBFz\xEF\xBF\xBD\xF0\x9F\x98\x80") == "xyz\xEF\xBF\xBD\xF0\x9F\x98\x80");
  CHECK(xml_escape("") == "");
  CHECK(xml_escape("&&") == "&amp;&amp;");
  CHECK(xml_escape("\x7F'") == "\x7F&apos;");  // DEL is an XML character
}

TEST_CASE("GraphML declares typed keys and writes escaped data", "[export][graphml]") {
  QuoteGraph g;
  g.add(sample_doc(), sample_quotes().quotes);
  std::ostringstream out;
  REQUIRE(write_graphml(g, out));
  const std::string xml = out.str();
  CHECK(xml.find("<key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>") != std::string::npos);
  CHECK(xml.find("<key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>") != std::string::npos);
  CHECK(xml.find("edgedefault=\"directed\"") != std::string::npos);
  CHECK(xml.find("Talks &lt;resume&gt; &amp; &quot;go on&quot;") != std::string::npos);
  CHECK(xml.find("We’ll see &lt;soon&gt;") != std::string::npos);
  CHECK(xml.find('\x01') == std::string::npos);
  CHECK(xml.find("<node id=\"doc:doc_201_2F_C3_A9\">") != std::string::npos);  // NMTOKEN-safe id
}

TEST_CASE("Turtle uses the standard vocabularies and full IRIs for offsets", "[export][rdf]") {
  QuoteGraph g;
  g.add(sample_doc(), sample_quotes().quotes);
  std::ostringstream out;
  std::string error;
  RdfOptions options;
  options.base = "http://example.org/qg/";
  REQUIRE(write_rdf(g, out, options, &error));
  const std::string ttl = out.str();
  CHECK(ttl.find("@prefix schema: <http://schema.org/> .") != std::string::npos);
  CHECK(ttl.find("<http://example.org/qg/doc/doc%201%2F%C3%A9>") != std::string::npos);
  CHECK(ttl.find("<http://example.org/qg/doc/doc%201%2F%C3%A9#char=5,30>") != std::string::npos);
  CHECK(ttl.find("schema:Quotation") != std::string::npos);
  CHECK(ttl.find("org:Membership") != std::string::npos);
  CHECK(ttl.find("skos:prefLabel \"Foreign Minister\"") != std::string::npos);
  CHECK(ttl.find("_:") == std::string::npos);  // never blank nodes
}

TEST_CASE("literals with quote marks and line breaks stay in the short escaped form", "[export][rdf]") {
  // Serd 0.30 writes a long string ("""...""") for such text, and one ending in a quote mark
  // comes out unreadable; fuzz_exporters found it on a date field of six quote marks.
  Document doc = sample_doc();
  doc.title = "He said \"no\"\nand left \"";
  doc.date = "\"\"\"";
  QuoteGraph g;
  g.add(doc, sample_quotes().quotes);
  std::ostringstream out;
  std::string error;
  REQUIRE(write_rdf(g, out, RdfOptions{}, &error));
  const std::string ttl = out.str();
  CHECK(ttl.find("\"\"\"") == std::string::npos);
  CHECK(ttl.find("schema:headline \"He said \\\"no\\\"\\nand left \\\"\"") != std::string::npos);
  CHECK(ttl.find("schema:datePublished \"\\\"\\\"\\\"\"") != std::string::npos);
}

TEST_CASE("N-Triples are one triple per line with full IRIs", "[export][rdf]") {
  QuoteGraph g;
  g.add(sample_doc(), sample_quotes().quotes);
  std::ostringstream out;
  std::string error;
  RdfOptions options;
  options.syntax = RdfSyntax::NTriples;
  REQUIRE(write_rdf(g, out, options, &error));
  std::istringstream lines(out.str());
  std::string line;
  int n = 0;
  while (std::getline(lines, line)) {
    if (line.empty()) continue;
    ++n;
    CHECK(line.front() == '<');
    CHECK(line.size() >= 2);
    CHECK(line.substr(line.size() - 2) == " .");
    CHECK(line.find("schema:") == std::string::npos);
  }
  CHECK(n > 20);
}

namespace {
// A resolved corpus with every kind of edge: speakers with roles (one role shared by several
// people), statements repeated across documents, the same words given to two speakers.
QuoteGraph varied_graph(bool co_quotation) {
  const char* names[] = {"Ana Lima", "Bo Chen", "Carla Diaz", "Dev Patel", "Eli Stone"};
  const char* orgs[] = {"Acme", "Globex", "Initech"};
  const char* roles[] = {"spokesperson", "minister", ""};
  Corpus corpus;
  for (int d = 0; d < 9; ++d) {
    DocumentRecord record;
    record.document.id = "doc-" + std::to_string(d);
    record.document.title = "Title " + std::to_string(d);
    record.document.date = "2024-01-0" + std::to_string(d + 1);
    for (int k = 0; k < 4; ++k) {
      Quote q;
      const int who = (d + k) % 5;
      q.speaker = names[who];
      q.speaker_id = "person:x";
      q.organization = orgs[who % 3];
      q.role = roles[(d + who) % 3];
      q.text = k == 3 ? "the same six words said by two" : "statement " + std::to_string((d * 4 + k) % 7) + " by " + q.speaker;
      q.start = 10 * k;
      q.stop = 10 * k + 8;
      q.rule = "test.rule";
      q.confidence = 0.9;
      record.quotes.push_back(q);
    }
    corpus.add(std::move(record));
  }
  corpus.finish();
  resolve_corpus(corpus);
  GraphOptions options;
  options.co_quotation = co_quotation;
  return build_graph(corpus, options);
}
}  // namespace

TEST_CASE("RDF written in parts joins into the bytes of one writer", "[export][rdf]") {
  for (const bool co_quotation : {false, true}) {
    const QuoteGraph g = varied_graph(co_quotation);
    for (const auto syntax : {RdfSyntax::Turtle, RdfSyntax::NTriples}) {
      RdfOptions options;
      options.syntax = syntax;
      std::ostringstream whole;
      std::string error;
      REQUIRE(write_rdf(g, whole, options, &error));
      std::size_t most_parts = 0;
      // 1000: more parts than statements, so a part starts wherever one may.
      for (const std::size_t wanted : {1, 2, 3, 4, 5, 7, 12, 1000}) {
        const RdfParts parts(g, options, wanted);
        CHECK(parts.size() >= 1);
        CHECK(parts.size() <= wanted);
        most_parts = std::max(most_parts, parts.size());
        std::string joined;
        for (std::size_t k = 0; k < parts.size(); ++k) {
          std::ostringstream part;
          REQUIRE(parts.write(k, part, &error));
          CHECK(!part.str().empty());
          joined += part.str();
        }
        INFO("co_quotation " << co_quotation << ", wanted " << wanted << ", parts " << parts.size());
        CHECK(joined == whole.str());
      }
      CHECK(most_parts >= 40);  // the cuts were really made, inside the vertices and the edges
    }
  }
}
