// Exporters write into memory; the tests compare exact strings and structure.
#include <catch2/catch.hpp>

#include <rapidjson/document.h>

#include <sstream>
#include <string>

#include "quotegraph/gexf_writer.h"
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

DocumentRecord sample_quotes() {
  DocumentRecord q;
  ResolvedQuote a;
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
  ResolvedQuote b;
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
                              "role", "organization", "cue", "rule", "confidence", "url", "date", "unparsed_date",
                              "title"})
      CHECK(json.HasMember(field));
    if (n == 0) {
      CHECK(std::string(json["speaker"].GetString()) == "Ana Lima");
      CHECK(json["start"].GetUint() == 5);
      CHECK(json["end"].GetUint() == 30);
      CHECK(std::string(json["kind"].GetString()) == "full");
      CHECK(json["confidence"].GetDouble() == Approx(0.95));
      CHECK(std::string(json["date"].GetString()) == "2022-01-21");
      CHECK(json["unparsed_date"].IsNull());
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
  CHECK(ttl.find("qg:unparsedDate \"\\\"\\\"\\\"\"") != std::string::npos);  // not a date: never typed as one
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
      ResolvedQuote q;
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

namespace {
std::string graphml_of(const Document& doc, const std::vector<ResolvedQuote>& quotes) {
  QuoteGraph g;
  g.add(doc, quotes);
  g.finish();
  std::ostringstream out;
  REQUIRE(write_graphml(g, out));
  return out.str();
}

std::string rdf_of(const Document& doc, const std::vector<ResolvedQuote>& quotes, RdfSyntax syntax = RdfSyntax::Turtle) {
  QuoteGraph g;
  g.add(doc, quotes);
  g.finish();
  std::ostringstream out;
  std::string error;
  RdfOptions options;
  options.syntax = syntax;
  REQUIRE(write_rdf(g, out, options, &error));
  return out.str();
}
}  // namespace

TEST_CASE("every GraphML vertex carries the exact id the quotes JSONL uses", "[export][graphml]") {
  const std::string xml = graphml_of(sample_doc(), sample_quotes().quotes);
  CHECK(xml.find("<data key=\"speaker_id\">person:ana-lima</data>") != std::string::npos);
  CHECK(xml.find("<data key=\"organization_id\">org:brazil</data>") != std::string::npos);
  CHECK(xml.find("<data key=\"statement_id\">statement:") != std::string::npos);
  CHECK(xml.find("<data key=\"doc\">doc 1/é</data>") != std::string::npos);  // the node id is escaped, this is not
  CHECK(xml.find("<key id=\"statement_id\" for=\"node\" attr.name=\"statement_id\" attr.type=\"string\"/>") !=
        std::string::npos);
}

TEST_CASE("document ids that one escaping would confuse stay two vertices in every format", "[export]") {
  // a_1 and a-1 (and "a 1", whose escape "a_201" must not be taken for an id of its own).
  QuoteGraph g;
  for (const char* id : {"a_1", "a-1", "a 1", "a_201"}) {
    Document d;
    d.id = id;
    g.add(d, sample_quotes().quotes);
  }
  g.finish();
  std::ostringstream graphml, gexf, nt;
  std::string error;
  REQUIRE(write_graphml(g, graphml));
  REQUIRE(write_gexf(g, gexf));
  RdfOptions options;
  options.syntax = RdfSyntax::NTriples;
  REQUIRE(write_rdf(g, nt, options, &error));
  for (const char* node : {"doc:a_5F1", "doc:a-1", "doc:a_201", "doc:a_5F201"})
    CHECK(graphml.str().find(std::string("<node id=\"") + node + "\">") != std::string::npos);
  for (const char* node : {"doc:a_1", "doc:a-1", "doc:a 1", "doc:a_201"})
    CHECK(gexf.str().find(std::string("<node id=\"") + node + "\"") != std::string::npos);
  for (const char* iri : {"/doc/a_1>", "/doc/a-1>", "/doc/a%201>", "/doc/a_201>"})
    CHECK(nt.str().find(std::string(iri) + " <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>") != std::string::npos);
}

TEST_CASE("an unnamed source's IRI holds its document id escaped as the document's IRI does", "[export][rdf]") {
  Document d;
  d.id = "wire:2005/03";
  ResolvedQuote q = sample_quotes().quotes[0];
  q.speaker = "a spokesman";
  q.speaker_id = "anon:wire:2005/03:spokesman";
  q.anonymous = true;
  const std::string nt = rdf_of(d, {q}, RdfSyntax::NTriples);
  CHECK(nt.find("<http://quotegraph.org/id/doc/wire%3A2005%2F03>") != std::string::npos);
  CHECK(nt.find("<http://quotegraph.org/id/anon/wire%3A2005%2F03/spokesman>") != std::string::npos);
}

TEST_CASE("RDF dates are typed xsd:date or xsd:dateTime and one not understood is a plain string of its own", "[export][rdf]") {
  Document doc = sample_doc();
  CHECK(rdf_of(doc, {}).find("schema:datePublished \"2022-01-21\"^^xsd:date") != std::string::npos);
  doc.date = "2022-01-21T10:00:00+01:00";
  CHECK(rdf_of(doc, {}).find("schema:datePublished \"2022-01-21T10:00:00+01:00\"^^xsd:dateTime") != std::string::npos);
  doc.date.clear();
  doc.unparsed_date = "the 21st";
  const std::string ttl = rdf_of(doc, {});
  CHECK(ttl.find("schema:datePublished") == std::string::npos);
  CHECK(ttl.find("qg:unparsedDate \"the 21st\"") != std::string::npos);
  const std::string xml = graphml_of(doc, {});
  CHECK(xml.find("<data key=\"unparsed_date\">the 21st</data>") != std::string::npos);
}

TEST_CASE("a statement twice in one article is one appears_in and one isBasedOn with each place its own span", "[export][rdf]") {
  DocumentRecord q;
  ResolvedQuote a = sample_quotes().quotes[0];
  ResolvedQuote b = a;
  b.text = "WE’LL SEE\x01 <soon> & \"later\"";  // the same words, written otherwise
  b.start = 100;
  b.stop = 125;
  q.quotes = {a, b};
  const std::string nt = rdf_of(sample_doc(), q.quotes, RdfSyntax::NTriples);
  std::size_t based_on = 0;
  for (std::size_t at = nt.find("<http://schema.org/isBasedOn>"); at != std::string::npos;
       at = nt.find("<http://schema.org/isBasedOn>", at + 1))
    ++based_on;
  CHECK(based_on == 1);
  CHECK(nt.find("#char=5,30> <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf> \"We’ll see") !=
        std::string::npos);
  CHECK(nt.find("#char=100,125> <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf> \"WE’LL SEE") !=
        std::string::npos);
  const std::string xml = graphml_of(sample_doc(), q.quotes);
  CHECK(xml.find("<data key=\"occurrences\">5-30 100-125</data>") != std::string::npos);
  CHECK(xml.find("<data key=\"weight\">2</data>") != std::string::npos);
}

TEST_CASE("GEXF 1.2 names the kind `kind` and not `type` and places every node", "[export][gexf]") {
  QuoteGraph g;
  g.add(sample_doc(), sample_quotes().quotes);
  g.finish();
  std::ostringstream out;
  REQUIRE(write_gexf(g, out));
  const std::string xml = out.str();
  CHECK(xml.find("xmlns=\"http://www.gexf.net/1.2draft\"") != std::string::npos);
  CHECK(xml.find("<attribute id=\"kind\" title=\"kind\" type=\"string\"/>") != std::string::npos);
  CHECK(xml.find("id=\"type\"") == std::string::npos);
  CHECK(xml.find("for=\"type\"") == std::string::npos);
  CHECK(xml.find("<attvalue for=\"kind\" value=\"person\"/>") != std::string::npos);
  CHECK(xml.find("<attvalue for=\"speaker_id\" value=\"person:ana-lima\"/>") != std::string::npos);
  std::size_t nodes = 0, positions = 0, sizes = 0;
  for (std::size_t at = xml.find("<node "); at != std::string::npos; at = xml.find("<node ", at + 1)) ++nodes;
  for (std::size_t at = xml.find("<viz:position "); at != std::string::npos; at = xml.find("<viz:position ", at + 1))
    ++positions;
  for (std::size_t at = xml.find("<viz:size "); at != std::string::npos; at = xml.find("<viz:size ", at + 1)) ++sizes;
  CHECK(nodes == g.vertex_count());
  CHECK(positions == nodes);
  CHECK(sizes == nodes);
}

TEST_CASE("every format carries the language the document was read in", "[export][language]") {
  Document doc = sample_doc();
  doc.title = "Streit um die Rente";
  doc.language = "de";
  ResolvedQuote q = sample_quotes().quotes[0];
  q.text = "Wir werden die Rente sichern";
  q.speaker = "Anna Müller";
  q.speaker_id = "person:anna-muller";

  std::ostringstream jsonl;
  JsonlWriter writer(jsonl);
  REQUIRE(writer.write(doc, {q}));
  rapidjson::Document json;
  json.Parse(jsonl.str().c_str());
  REQUIRE(json.HasMember("language"));
  CHECK(std::string(json["language"].GetString()) == "de");

  // Turtle: schema:inLanguage on the article and the quotation, their text tagged @de; a name is
  // not text in a language and stays untagged.
  const std::string ttl = rdf_of(doc, {q});
  CHECK(ttl.find("schema:headline \"Streit um die Rente\"@de") != std::string::npos);
  CHECK(ttl.find("schema:text \"Wir werden die Rente sichern\"@de") != std::string::npos);
  std::size_t in_language = 0;
  for (std::size_t at = ttl.find("schema:inLanguage \"de\""); at != std::string::npos;
       at = ttl.find("schema:inLanguage \"de\"", at + 1))
    ++in_language;
  CHECK(in_language == 2);
  CHECK(ttl.find("schema:name \"Anna Müller\" ") != std::string::npos);
  CHECK(rdf_of(doc, {q}, RdfSyntax::NTriples).find("<http://schema.org/text> \"Wir werden die Rente sichern\"@de .") !=
        std::string::npos);

  const std::string xml = graphml_of(doc, {q});
  CHECK(xml.find("<key id=\"language\" for=\"node\" attr.name=\"language\" attr.type=\"string\"/>") != std::string::npos);
  CHECK(xml.find("<data key=\"language\">de</data>") != std::string::npos);

  QuoteGraph g;
  g.add(doc, {q});
  g.finish();
  std::ostringstream gexf;
  REQUIRE(write_gexf(g, gexf));
  CHECK(gexf.str().find("<attvalue for=\"language\" value=\"de\"/>") != std::string::npos);
}

TEST_CASE("a document of no known language, or of a malformed one, gets untagged text", "[export][language]") {
  CHECK(is_language_tag("de"));
  CHECK(is_language_tag("en-GB"));
  CHECK(is_language_tag("zh-Hant-TW"));
  CHECK_FALSE(is_language_tag(""));
  CHECK_FALSE(is_language_tag("de x"));
  CHECK_FALSE(is_language_tag("1de"));
  CHECK_FALSE(is_language_tag("de-"));
  CHECK_FALSE(is_language_tag("de\"@en"));
  Document doc = sample_doc();
  for (const char* language : {"", "de\" ; <x> \"", "-"}) {
    doc.language = language;
    const std::string ttl = rdf_of(doc, sample_quotes().quotes);
    INFO(language);
    CHECK(ttl.find("schema:inLanguage") == std::string::npos);
    CHECK(ttl.find("schema:headline \"Talks <resume> & \\\"go on\\\"\" ;") != std::string::npos);
  }
}
