// libFuzzer: the exporters on documents and quotes made of any strings (repaired to UTF-8, as
// the reader and the partial reader do). The outputs must stay valid for their consumers:
// GraphML and GEXF well-formed XML (libxml2), Turtle and N-Triples parseable (Serd), every
// JSONL line a JSON object (RapidJSON).
#include <fuzzer/FuzzedDataProvider.h>
#include <libxml/parser.h>
#include <rapidjson/document.h>
#include <serd/serd.h>

#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>

#include "quotegraph/corpus.h"
#include "quotegraph/gexf_writer.h"
#include "quotegraph/graphml_writer.h"
#include "quotegraph/jsonl_writer.h"
#include "quotegraph/quote_graph.h"
#include "quotegraph/rdf_writer.h"
#include "quotegraph/utf8.h"

namespace {

std::string text(FuzzedDataProvider& in, std::size_t max) {
  std::string s = in.ConsumeRandomLengthString(max);
  quotegraph::repair_utf8(s);
  return s;
}

void must_be_xml(const std::string& xml) {
  xmlDocPtr doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "fuzz.xml", nullptr,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_HUGE);
  if (!doc) std::abort();
  xmlFreeDoc(doc);
}

SerdStatus ignore_statement(void*, SerdStatementFlags, const SerdNode*, const SerdNode*, const SerdNode*,
                            const SerdNode*, const SerdNode*, const SerdNode*) {
  return SERD_SUCCESS;
}

void must_be_rdf(const std::string& rdf, SerdSyntax syntax) {
  SerdReader* reader = serd_reader_new(syntax, nullptr, nullptr, nullptr, nullptr, ignore_statement, nullptr);
  serd_reader_set_strict(reader, true);
  const SerdStatus status = serd_reader_read_string(reader, reinterpret_cast<const uint8_t*>(rdf.c_str()));
  serd_reader_free(reader);
  if (status != SERD_SUCCESS) {
    std::fwrite(rdf.data(), 1, rdf.size(), stderr);  // what Serd could not read, for the report
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzedDataProvider in(data, size);
  quotegraph::Corpus corpus;
  const int documents = in.ConsumeIntegralInRange(1, 3);
  for (int d = 0; d < documents; ++d) {
    quotegraph::DocumentRecord r;
    r.document.id = text(in, 24);
    if (r.document.id.empty()) r.document.id = "d" + std::to_string(d);
    r.document.title = text(in, 40);
    r.document.url = text(in, 40);
    r.document.date = text(in, 12);
    const int quotes = in.ConsumeIntegralInRange(0, 4);
    for (int k = 0; k < quotes; ++k) {
      quotegraph::ResolvedQuote q;
      q.text = text(in, 80);
      q.start = in.ConsumeIntegralInRange<std::size_t>(0, 100000);
      q.stop = q.start + q.text.size();
      q.speaker = text(in, 30);
      if (!q.speaker.empty()) {
        const int kind = in.ConsumeIntegralInRange(0, 2);
        q.speaker_id = (kind == 0 ? "person:" : kind == 1 ? "org:" : "anon:" + r.document.id + ":") +
                       quotegraph::normalise_key(q.speaker);
        q.anonymous = kind == 2;
      }
      q.role = text(in, 20);
      q.organization = text(in, 20);
      q.rule = text(in, 12);
      q.confidence = in.ConsumeProbability<double>();
      r.quotes.push_back(q);
    }
    corpus.add(std::move(r));
  }
  corpus.finish();
  quotegraph::resolve_corpus(corpus);
  quotegraph::GraphOptions options;
  options.co_quotation = in.ConsumeBool();
  const quotegraph::QuoteGraph graph = quotegraph::build_graph(corpus, options);

  std::ostringstream graphml, gexf, turtle, ntriples, jsonl;
  if (!quotegraph::write_graphml(graph, graphml) || !quotegraph::write_gexf(graph, gexf)) std::abort();
  must_be_xml(graphml.str());
  must_be_xml(gexf.str());
  for (auto [out, syntax, serd_syntax] : {std::make_tuple(&turtle, quotegraph::RdfSyntax::Turtle, SERD_TURTLE),
                                          std::make_tuple(&ntriples, quotegraph::RdfSyntax::NTriples, SERD_NTRIPLES)}) {
    quotegraph::RdfOptions rdf;
    rdf.syntax = syntax;
    std::string error;
    if (!quotegraph::write_rdf(graph, *out, rdf, &error)) std::abort();
    must_be_rdf(out->str(), serd_syntax);
    // Written in parts (cut wherever one may start), the same bytes.
    const quotegraph::RdfParts parts(graph, rdf, 1000);
    std::string joined;
    for (std::size_t k = 0; k < parts.size(); ++k) {
      std::ostringstream part;
      if (!parts.write(k, part, &error)) std::abort();
      joined += part.str();
    }
    if (joined != out->str()) std::abort();
  }
  quotegraph::JsonlWriter writer(jsonl);
  for (const auto& r : corpus.documents()) writer.write(r.document, r.quotes);
  std::istringstream lines(jsonl.str());
  for (std::string line; std::getline(lines, line);) {
    rapidjson::Document json;
    json.Parse(line.c_str());
    if (json.HasParseError() || !json.IsObject()) std::abort();
  }
  return 0;
}
