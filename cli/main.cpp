// quotegraph: finds direct quotations in news articles, attributes them to their speakers and
// exports the speaker–organisation–statement graph. Reference: docs/cli.md.
//
// Exit status: 0 all inputs read; 1 some inputs had problems (reported, the rest was done);
// 2 usage error, unloadable rules, or an output that could not be written.
#include <signal.h>

#include <cstdlib>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <sys/stat.h>
#include <variant>
#include <vector>
#include <algorithm>

#include "output_file.h"
#include "quotegraph/extractor.h"
#include "quotegraph/graphml_writer.h"
#include "quotegraph/jsonl_writer.h"
#include "quotegraph/quote_graph.h"
#include "quotegraph/rdf_writer.h"
#include "quotegraph/reader.h"

namespace {

constexpr const char* kUsage = R"(usage: quotegraph [OPTIONS] INPUT...

Finds every direct quotation in news articles, attributes it to its speaker, and writes
quotes JSONL, GraphML and RDF. INPUT is a .txt file (title on the first line), a .jsonl file
(one article per line), a directory (walked recursively, sorted), or - for JSONL on stdin.

Outputs (at least one; FILE may be - for standard output):
  --jsonl FILE          quotes, one JSON object per line
  --graphml FILE        the graph as GraphML (Gephi, networkx, yEd)
  --turtle FILE         the graph as RDF Turtle
  --ntriples FILE       the graph as RDF N-Triples
  -o, --output-dir DIR  all of them into DIR (quotes.jsonl, graph.graphml, graph.ttl, graph.nt)

Options:
  --base IRI            namespace for the RDF resources (default http://quotegraph.org/id/)
  --min-confidence X    leave out quotes whose attribution confidence is below X (0..1)
  --rules FILE          rule file replacing the built-in one (see --print-data rules.txt)
  --lexicon-dir DIR     lexicon files in DIR replace the built-in ones of the same name
  --print-data NAME     print a built-in data file (rules.txt, speech_verbs.txt, ...) and exit
  --text-field NAME     JSONL field holding the text (also --id-field, --title-field,
                        --url-field, --date-field, --source-field)
  -q, --quiet           no summary on stderr
  -h, --help            this help
  --version             the version

Exit status: 0 success; 1 some inputs had problems (reported; the rest was processed);
2 usage error, bad rule file, or an output that could not be written.
)";

struct Config {
  std::vector<std::string> inputs;
  std::string jsonl, graphml, turtle, ntriples;
  quotegraph::RdfOptions rdf;
  quotegraph::ExtractorOptions extractor;
  quotegraph::ReaderOptions reader;
  double min_confidence = 0.0;
  bool quiet = false;
};

struct UsageError {
  std::string message;
};

// Turns the raw arguments into a validated configuration, a usage error, or an exit code
// (--help, --version).
std::variant<Config, UsageError, int> parse_arguments(int argc, char** argv) {
  Config c;
  std::string output_dir;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&](std::string* into) -> bool {
      if (i + 1 >= argc) return false;
      *into = argv[++i];
      return true;
    };
    std::string* target = nullptr;
    if (arg == "-h" || arg == "--help") { std::cout << kUsage; return 0; }
    if (arg == "--version") { std::cout << "quotegraph 0.1.0\n"; return 0; }
    if (arg == "-q" || arg == "--quiet") { c.quiet = true; continue; }
    if (arg == "--print-data") {
      std::string name;
      if (!value(&name)) return UsageError{"--print-data needs a file name"};
      const auto text = quotegraph::builtin_data_file(name);
      if (text.empty()) return UsageError{"--print-data: no built-in file '" + name + "'"};
      std::cout << text;
      return 0;
    }
    if (arg == "--jsonl") target = &c.jsonl;
    else if (arg == "--graphml") target = &c.graphml;
    else if (arg == "--turtle") target = &c.turtle;
    else if (arg == "--ntriples") target = &c.ntriples;
    else if (arg == "-o" || arg == "--output-dir") target = &output_dir;
    else if (arg == "--base") target = &c.rdf.base;
    else if (arg == "--rules") target = &c.extractor.rules_file;
    else if (arg == "--lexicon-dir") target = &c.extractor.lexicon_dir;
    else if (arg == "--text-field") target = &c.reader.text_field;
    else if (arg == "--id-field") target = &c.reader.id_field;
    else if (arg == "--title-field") target = &c.reader.title_field;
    else if (arg == "--url-field") target = &c.reader.url_field;
    else if (arg == "--date-field") target = &c.reader.date_field;
    else if (arg == "--source-field") target = &c.reader.source_field;
    else if (arg == "--min-confidence") {
      std::string v;
      if (!value(&v)) return UsageError{"--min-confidence needs a value"};
      char* end = nullptr;
      c.min_confidence = std::strtod(v.c_str(), &end);
      if (end == v.c_str() || *end || c.min_confidence < 0 || c.min_confidence > 1)
        return UsageError{"--min-confidence must be a number from 0 to 1, not '" + v + "'"};
      continue;
    } else if (arg.size() > 1 && arg[0] == '-') {
      return UsageError{"unknown option '" + arg + "'"};
    } else {
      c.inputs.push_back(arg);
      continue;
    }
    if (!value(target)) return UsageError{arg + " needs a value"};
  }
  if (!output_dir.empty()) {
    ::mkdir(output_dir.c_str(), 0777);
    struct stat st;
    if (::stat(output_dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode))
      return UsageError{"--output-dir: cannot create directory '" + output_dir + "'"};
    if (c.jsonl.empty()) c.jsonl = output_dir + "/quotes.jsonl";
    if (c.graphml.empty()) c.graphml = output_dir + "/graph.graphml";
    if (c.turtle.empty()) c.turtle = output_dir + "/graph.ttl";
    if (c.ntriples.empty()) c.ntriples = output_dir + "/graph.nt";
  }
  if (c.inputs.empty()) return UsageError{"no INPUT given"};
  if (c.jsonl.empty() && c.graphml.empty() && c.turtle.empty() && c.ntriples.empty())
    return UsageError{"no output given (--jsonl, --graphml, --turtle, --ntriples or -o DIR)"};
  if (c.rdf.base.empty() || (c.rdf.base.back() != '/' && c.rdf.base.back() != '#'))
    return UsageError{"--base must end in '/' or '#'"};
  int to_stdout = 0;
  for (const auto* out : {&c.jsonl, &c.graphml, &c.turtle, &c.ntriples}) to_stdout += *out == "-";
  if (to_stdout > 1) return UsageError{"only one output can go to standard output"};
  return c;
}

int run(const Config& config) {
  std::string error;
  const auto extractor = quotegraph::Extractor::create(config.extractor, &error);
  if (!extractor) {
    std::cerr << "quotegraph: " << error << "\n";
    return 2;
  }
  std::unique_ptr<OutputFile> jsonl_file;
  std::unique_ptr<quotegraph::JsonlWriter> jsonl;
  if (!config.jsonl.empty()) {
    jsonl_file = std::make_unique<OutputFile>(config.jsonl);
    if (!jsonl_file->ok()) {
      std::cerr << "quotegraph: " << config.jsonl << ": cannot create file\n";
      return 2;
    }
    jsonl = std::make_unique<quotegraph::JsonlWriter>(jsonl_file->stream());
  }
  const bool want_graph = !config.graphml.empty() || !config.turtle.empty() || !config.ntriples.empty();
  quotegraph::QuoteGraph graph;

  std::size_t documents = 0, quotes = 0, attributed = 0, problems = 0;
  bool output_failed = false;
  quotegraph::DocumentQuotes found;
  auto on_document = [&](quotegraph::Document& doc) {
    extractor->extract(doc, found);
    if (config.min_confidence > 0) {
      auto& q = found.quotes;
      q.erase(std::remove_if(q.begin(), q.end(), [&](const quotegraph::Quote& x) {
                return x.confidence < config.min_confidence; }), q.end());
    }
    for (const auto& w : found.warnings) std::cerr << "quotegraph: " << doc.id << ": " << w << "\n";
    ++documents;
    quotes += found.quotes.size();
    for (const auto& q : found.quotes) attributed += !q.speaker.empty();
    if (jsonl && !jsonl->write(doc, found)) {
      output_failed = true;
      return false;
    }
    if (want_graph) graph.add(doc, found);
    return true;
  };
  auto on_problem = [&](const quotegraph::InputProblem& p) {
    std::cerr << "quotegraph: " << p.where << ": " << p.message << "\n";
    ++problems;
  };
  quotegraph::read_inputs(config.inputs, config.reader, on_document, on_problem);

  std::vector<std::string> written;
  auto finish = [&](std::unique_ptr<OutputFile>& file, const char* what) {
    if (!file) return;
    std::string commit_error;
    if (output_failed || !file->commit(&commit_error)) {
      std::cerr << "quotegraph: " << (commit_error.empty() ? file->path() + ": write failed" : commit_error) << "\n";
      output_failed = true;
    } else if (file->path() != "-") {
      written.push_back(std::string(what) + ": " + file->path());
    }
  };
  finish(jsonl_file, "quotes JSONL");
  auto export_graph = [&](const std::string& path, const char* what, auto write) {
    if (path.empty() || output_failed) return;
    auto file = std::make_unique<OutputFile>(path);
    std::string write_error;
    if (!file->ok() || !write(file->stream(), &write_error)) {
      std::cerr << "quotegraph: " << path << ": " << (write_error.empty() ? "write failed" : write_error) << "\n";
      output_failed = true;
      return;
    }
    finish(file, what);
  };
  export_graph(config.graphml, "GraphML", [&](std::ostream& out, std::string*) {
    return quotegraph::write_graphml(graph, out);
  });
  export_graph(config.turtle, "Turtle", [&](std::ostream& out, std::string* e) {
    quotegraph::RdfOptions o = config.rdf;
    o.syntax = quotegraph::RdfSyntax::Turtle;
    return quotegraph::write_rdf(graph, out, o, e);
  });
  export_graph(config.ntriples, "N-Triples", [&](std::ostream& out, std::string* e) {
    quotegraph::RdfOptions o = config.rdf;
    o.syntax = quotegraph::RdfSyntax::NTriples;
    return quotegraph::write_rdf(graph, out, o, e);
  });

  if (!config.quiet) {
    std::cerr << "quotegraph: " << documents << " documents, " << quotes << " quotes (" << attributed
              << " attributed), " << (want_graph ? std::to_string(graph.vertex_count()) + " vertices, " +
                                                       std::to_string(graph.edge_count()) + " edges, " : "")
              << problems << " input problems\n";
    for (const auto& w : written) std::cerr << "  " << w << "\n";
  }
  if (output_failed) return 2;
  return problems ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  // A closed pipe (quotegraph ... --jsonl - | head) shows up as a failed write, not a signal.
  ::signal(SIGPIPE, SIG_IGN);
  std::ios::sync_with_stdio(false);
  const auto parsed = parse_arguments(argc, argv);
  if (const int* code = std::get_if<int>(&parsed)) return *code;
  if (const auto* usage = std::get_if<UsageError>(&parsed)) {
    std::cerr << "quotegraph: " << usage->message << "\nTry 'quotegraph --help'.\n";
    return 2;
  }
  return run(std::get<Config>(parsed));
}
