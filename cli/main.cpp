// quotegraph: finds direct quotations in news articles, attributes them to their speakers and
// exports the speaker–organisation–statement graph. Reference: docs/cli.md.
//
// Exit status: 0 all inputs read; 1 some inputs had problems (reported, the rest was done);
// 2 usage error, unloadable rules, or an output that could not be written.
#include <malloc.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <variant>
#include <vector>

#include "output_file.h"
#include "quotegraph/extractor.h"
#include "quotegraph/pipeline.h"
#include "quotegraph/projection.h"
#include "quotegraph/quote_graph.h"
#include "quotegraph/rdf_writer.h"
#include "quotegraph/reader.h"
#include "quotegraph/version.h"

namespace {

constexpr const char* kUsage = R"(usage: quotegraph [OPTIONS] INPUT...
       quotegraph merge [OPTIONS] PARTIAL...

Finds every direct quotation in news articles, attributes it to its speaker, and writes
quotes JSONL, GraphML, GEXF, RDF and DOT. INPUT is a .txt file (title on the first line), a
.jsonl file (one article per line), a directory (walked recursively, sorted), or - for JSONL
on stdin. `merge` joins partial results (--partial) of any shards, in any order, into the
outputs one run over all of them would write.

Outputs (at least one; FILE may be - for standard output):
  --jsonl FILE          quotes, one JSON object per line
  --csv FILE            quotes as CSV for spreadsheets (LibreOffice, Excel)
  --html FILE           a report to open in a browser: speakers, quotes in context with
                        search, conflicting attributions, a picture of the network
  --graphml FILE        the graph as GraphML (Gephi, networkx, yEd)
  --gexf FILE           the graph as GEXF 1.3 with a timeline (Gephi)
  --turtle FILE         the graph as RDF Turtle
  --ntriples FILE       the graph as RDF N-Triples
  --dot FILE            the graph for Graphviz
  --partial FILE        partial result for `quotegraph merge` (streamed, one line per document)
  -o, --output-dir DIR  quotes.jsonl, quotes.csv, report.html, graph.graphml, graph.gexf,
                        graph.ttl and graph.nt in DIR

Options:
  --threads N           extraction threads (default: all cores); outputs do not depend on N
  --co-quotation        add co_quoted edges between speakers quoted in the same article
  --graph full|people   what GraphML, GEXF and DOT show: everything (default), or people and
                        organisations only, joined by weighted speaks_for and co_quoted edges
  --min-statements N    GraphML, GEXF and DOT leave out people and organisations with fewer
                        than N statements (JSONL, CSV, RDF and the report keep everything)
  --base IRI            namespace for the RDF resources (default http://quotegraph.org/id/)
  --min-confidence X    leave out quotes whose attribution confidence is below X (0..1)
  --rules FILE          rule file replacing the built-in one (see --print-data rules.txt)
  --lexicon-dir DIR     lexicon files in DIR replace the built-in ones of the same name
  --lang en|de|auto     language pack (default en); auto picks one per document (the
                        language a JSONL article declares, else its text's)
  --print-data NAME     print a built-in data file (rules.txt, de/rules.txt, ...) and exit
  --text-field NAME     JSONL field holding the text (also --id-field, --title-field,
                        --url-field, --date-field, --source-field, --language-field)
  -q, --quiet           no progress line and no summary on stderr
  -h, --help            this help
  -V, --version         the version

An option's value may be attached (--jsonl=FILE); -- ends the options.

Exit status: 0 success; 1 some inputs had problems (reported; the rest was processed);
2 usage error, bad rule file, or an output that could not be written.
)";

struct Config {
  bool merge = false;
  std::vector<std::string> inputs;
  std::string jsonl, csv, html, graphml, gexf, turtle, ntriples, dot, partial;
  quotegraph::RdfOptions rdf;
  quotegraph::ExtractorOptions extractor;
  quotegraph::ReaderOptions reader;
  quotegraph::GraphOptions graph;
  quotegraph::ProjectionOptions projection;  // --graph, --min-statements: GraphML, GEXF, DOT only
  unsigned threads = 0;
  bool quiet = false;
};

struct UsageError {
  std::string message;
};

// The output options by name, for messages; an empty path is an output not asked for.
std::vector<std::pair<const char*, const std::string*>> named_outputs(const Config& c) {
  return {{"--jsonl", &c.jsonl},       {"--csv", &c.csv}, {"--html", &c.html},   {"--graphml", &c.graphml},
          {"--gexf", &c.gexf},         {"--turtle", &c.turtle}, {"--ntriples", &c.ntriples},
          {"--dot", &c.dot},           {"--partial", &c.partial}};
}

// One path as the file system resolves it, so that "out/q.jsonl" and "./out/../out/q.jsonl"
// compare equal.
std::string resolved(const std::string& path) {
  std::error_code ec;
  const auto canonical = std::filesystem::weakly_canonical(path, ec);
  return ec ? path : canonical.string();
}

// Why the outputs cannot be written as asked, or "": checked before any work, so that a run
// does not extract for an hour to fail at the end, or write two formats into one file, or
// overwrite its own input.
std::string check_outputs(const Config& c) {
  std::vector<std::pair<const char*, std::string>> seen;  // option, resolved path
  for (const auto& [option, path] : named_outputs(c)) {
    if (path->empty() || *path == "-") continue;
    const std::string where = resolved(*path);
    for (const auto& [other, other_path] : seen)
      if (other_path == where) return std::string(other) + " and " + option + " both write '" + *path + "'";
    seen.emplace_back(option, where);
    for (const auto& input : c.inputs)
      if (input != "-" && resolved(input) == where)
        return std::string(option) + " '" + *path + "' is also an input: it would be overwritten";
    struct stat st;
    if (::stat(path->c_str(), &st) == 0 && S_ISDIR(st.st_mode))
      return std::string(option) + " '" + *path + "' is a directory (use -o DIR for a directory of outputs)";
    if (::stat(path->c_str(), &st) == 0 && !S_ISREG(st.st_mode)) continue;  // a device or a pipe, written in place
    const std::filesystem::path parent = std::filesystem::path(*path).parent_path();
    const std::string dir = parent.empty() ? "." : parent.string();
    if (::stat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode))
      return std::string(option) + " '" + *path + "': no such directory '" + dir + "'";
    // The output is written beside itself under a temporary name, so the directory must be writable.
    if (::access(dir.c_str(), W_OK | X_OK) != 0)
      return std::string(option) + " '" + *path + "': cannot write in directory '" + dir + "': " + std::strerror(errno);
  }
  return "";
}

// The long option nearest to a mistyped one ("--jsnl" -> "--jsonl"), or "" when none is close.
std::string nearest_option(const std::string& typed) {
  static constexpr const char* kOptions[] = {
      "--jsonl", "--csv", "--html", "--graphml", "--gexf", "--turtle", "--ntriples", "--dot", "--partial", "--output-dir",
      "--threads", "--co-quotation", "--graph", "--min-statements", "--base", "--min-confidence", "--rules", "--lexicon-dir", "--print-data",
      "--text-field", "--id-field", "--title-field", "--url-field", "--date-field", "--source-field", "--language-field", "--quiet",
      "--help", "--version"};
  // Edits (insertions, deletions, substitutions) from `a` to `b`.
  const auto distance = [](const std::string& a, const std::string& b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
      std::size_t diagonal = row[0];
      row[0] = i;
      for (std::size_t j = 1; j <= b.size(); ++j) {
        const std::size_t above = row[j];
        row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
        diagonal = above;
      }
    }
    return row[b.size()];
  };
  std::string best;
  std::size_t best_distance = 3;  // more edits than 2: a different word, not a typo
  for (const char* option : kOptions) {
    const std::size_t d = distance(typed, option);
    if (d < best_distance) best = option, best_distance = d;
  }
  return best;
}

// Turns the raw arguments into a validated configuration, a usage error, or an exit code
// (--help, --version).
std::variant<Config, UsageError, int> parse_arguments(int argc, char** argv) {
  Config c;
  std::string output_dir;
  int first = 1;
  if (argc > 1 && std::string(argv[1]) == "merge") c.merge = true, first = 2;
  bool options_ended = false;
  for (int i = first; i < argc; ++i) {
    std::string arg = argv[i];
    if (options_ended || arg == "-" || arg.empty() || arg[0] != '-') {
      c.inputs.push_back(arg);
      continue;
    }
    if (arg == "--") { options_ended = true; continue; }
    // --jsonl=FILE as well as --jsonl FILE.
    std::optional<std::string> attached;
    if (const auto equals = arg.find('='); arg.compare(0, 2, "--") == 0 && equals != std::string::npos) {
      attached = arg.substr(equals + 1);
      arg.resize(equals);
    }
    auto value = [&](std::string* into) -> bool {
      if (attached) {
        *into = *attached;
        attached.reset();
        return true;
      }
      if (i + 1 >= argc) return false;
      *into = argv[++i];
      return true;
    };
    auto flag = [&](std::initializer_list<const char*> names) {
      return std::find(names.begin(), names.end(), arg) != names.end();
    };
    if (attached && flag({"--help", "--version", "--quiet", "--co-quotation"}))
      return UsageError{arg + " takes no value"};
    std::string* target = nullptr;
    if (flag({"-h", "--help"})) { std::cout << kUsage; return 0; }
    if (flag({"-V", "--version"})) { std::cout << "quotegraph " << quotegraph::kVersion << "\n"; return 0; }
    if (flag({"-q", "--quiet"})) { c.quiet = true; continue; }
    if (arg == "--co-quotation") { c.graph.co_quotation = true; continue; }
    if (arg == "--print-data") {
      std::string name;
      if (!value(&name)) return UsageError{"--print-data needs a file name"};
      const auto text = quotegraph::builtin_data_file(name);
      if (text.empty()) return UsageError{"--print-data: no built-in file '" + name + "'"};
      std::cout << text;
      return 0;
    }
    if (arg == "--jsonl") target = &c.jsonl;
    else if (arg == "--csv") target = &c.csv;
    else if (arg == "--html") target = &c.html;
    else if (arg == "--graphml") target = &c.graphml;
    else if (arg == "--gexf") target = &c.gexf;
    else if (arg == "--turtle") target = &c.turtle;
    else if (arg == "--ntriples") target = &c.ntriples;
    else if (arg == "--dot") target = &c.dot;
    else if (arg == "--partial") target = &c.partial;
    else if (arg == "-o" || arg == "--output-dir") target = &output_dir;
    else if (arg == "--base") target = &c.rdf.base;
    else if (arg == "--rules") target = &c.extractor.rules_file;
    else if (arg == "--lexicon-dir") target = &c.extractor.lexicon_dir;
    else if (arg == "--lang") target = &c.extractor.language;
    else if (arg == "--text-field") target = &c.reader.text_field;
    else if (arg == "--id-field") target = &c.reader.id_field;
    else if (arg == "--title-field") target = &c.reader.title_field;
    else if (arg == "--url-field") target = &c.reader.url_field;
    else if (arg == "--date-field") target = &c.reader.date_field;
    else if (arg == "--source-field") target = &c.reader.source_field;
    else if (arg == "--language-field") target = &c.reader.language_field;
    else if (arg == "--min-confidence") {
      std::string v;
      if (!value(&v)) return UsageError{"--min-confidence needs a value"};
      char* end = nullptr;
      c.graph.min_confidence = std::strtod(v.c_str(), &end);
      if (end == v.c_str() || *end || !(c.graph.min_confidence >= 0 && c.graph.min_confidence <= 1))
        return UsageError{"--min-confidence must be a number from 0 to 1, not '" + v + "'"};
      continue;
    } else if (arg == "--graph" || arg == "--min-statements") {  // the graph formats' projection
      std::string v;
      if (!value(&v)) return UsageError{arg + " needs a value"};
      if (arg == "--graph") {
        if (!quotegraph::graph_view_from(v, &c.projection.view))
          return UsageError{"--graph must be 'full' or 'people', not '" + v + "'"};
        continue;
      }
      char* end = nullptr;
      const long long n = std::strtoll(v.c_str(), &end, 10);
      if (end == v.c_str() || *end || n < 0 || v[0] == '-')
        return UsageError{"--min-statements must be a whole number of 0 or more, not '" + v + "'"};
      c.projection.min_statements = static_cast<std::size_t>(n);
      continue;
    } else if (arg == "--threads") {
      std::string v;
      if (!value(&v)) return UsageError{"--threads needs a value"};
      char* end = nullptr;
      const long n = std::strtol(v.c_str(), &end, 10);
      if (end == v.c_str() || *end || n < 1 || n > 256)
        return UsageError{"--threads must be a whole number from 1 to 256, not '" + v + "'"};
      c.threads = static_cast<unsigned>(n);
      continue;
    } else {
      const std::string nearest = nearest_option(arg);
      return UsageError{"unknown option '" + arg + "'" + (nearest.empty() ? "" : " (did you mean " + nearest + "?)")};
    }
    if (!value(target)) return UsageError{arg + " needs a value"};
  }
  if (!output_dir.empty()) {
    while (output_dir.size() > 1 && output_dir.back() == '/') output_dir.pop_back();  // out/ -> out/quotes.jsonl
    ::mkdir(output_dir.c_str(), 0777);
    struct stat st;
    if (::stat(output_dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode))
      return UsageError{"--output-dir: cannot create directory '" + output_dir + "'"};
    if (c.jsonl.empty()) c.jsonl = output_dir + "/quotes.jsonl";
    if (c.csv.empty()) c.csv = output_dir + "/quotes.csv";
    if (c.html.empty()) c.html = output_dir + "/report.html";
    if (c.graphml.empty()) c.graphml = output_dir + "/graph.graphml";
    if (c.gexf.empty()) c.gexf = output_dir + "/graph.gexf";
    if (c.turtle.empty()) c.turtle = output_dir + "/graph.ttl";
    if (c.ntriples.empty()) c.ntriples = output_dir + "/graph.nt";
  }
  if (c.inputs.empty()) return UsageError{c.merge ? "no PARTIAL given" : "no INPUT given"};
  const auto outputs = named_outputs(c);
  if (std::all_of(outputs.begin(), outputs.end(), [](const auto& o) { return o.second->empty(); }))
    return UsageError{"no output given (--jsonl, --csv, --html, --graphml, --gexf, --turtle, --ntriples, --dot, --partial or -o DIR)"};
  if (c.rdf.base.empty() || (c.rdf.base.back() != '/' && c.rdf.base.back() != '#'))
    return UsageError{"--base must end in '/' or '#'"};
  if (std::count_if(outputs.begin(), outputs.end(), [](const auto& o) { return *o.second == "-"; }) > 1)
    return UsageError{"only one output can go to standard output"};
  if (auto why = check_outputs(c); !why.empty()) return UsageError{why};
  for (const auto& [option, path] : outputs)
    if (!path->empty() && *path != "-") c.reader.outputs.push_back(*path);
  if (c.threads == 0) c.threads = std::max(1u, std::thread::hardware_concurrency());
  return c;
}

// The sinks of the outputs asked for, in the order they are started: the corpus's, then the
// longest of the graph's first (the RDF's parts), the others beside them.
std::vector<std::unique_ptr<quotegraph::QuoteSink>> make_sinks(const Config& c) {
  std::vector<std::unique_ptr<quotegraph::QuoteSink>> sinks;
  if (!c.partial.empty()) sinks.push_back(quotegraph::partial_file(c.partial, c.merge));
  if (!c.jsonl.empty()) sinks.push_back(quotegraph::jsonl_file(c.jsonl));
  if (!c.csv.empty()) sinks.push_back(quotegraph::csv_file(c.csv));
  for (const auto syntax : {quotegraph::RdfSyntax::Turtle, quotegraph::RdfSyntax::NTriples}) {
    const std::string& path = syntax == quotegraph::RdfSyntax::Turtle ? c.turtle : c.ntriples;
    quotegraph::RdfOptions options = c.rdf;
    options.syntax = syntax;
    if (!path.empty()) sinks.push_back(quotegraph::rdf_file(path, options));
  }
  if (!c.graphml.empty()) sinks.push_back(quotegraph::graphml_file(c.graphml));
  if (!c.gexf.empty()) sinks.push_back(quotegraph::gexf_file(c.gexf));
  if (!c.dot.empty()) sinks.push_back(quotegraph::dot_file(c.dot));
  if (!c.html.empty()) sinks.push_back(quotegraph::report_file(c.html));
  return sinks;
}

int run(const Config& c) {
  quotegraph::PipelineOptions options;
  options.merge = c.merge;
  options.inputs = c.inputs;
  options.reader = c.reader;
  options.extractor = c.extractor;
  options.graph = c.graph;
  options.projection = c.projection;
  options.threads = c.threads;
  options.quiet = c.quiet;
  const auto sinks = make_sinks(c);
  std::vector<quotegraph::QuoteSink*> pointers;
  for (const auto& sink : sinks) pointers.push_back(sink.get());
  return quotegraph::run_pipeline(options, pointers);
}

}  // namespace

int main(int argc, char** argv) {
  // A closed pipe (quotegraph ... --jsonl - | head) shows up as a failed write, not a signal.
  ::signal(SIGPIPE, SIG_IGN);
  remove_temporary_files_on_signals();
  std::ios::sync_with_stdio(false);
  // Each document's working memory is freed when it is done and taken again for the next: with
  // glibc's defaults the top of the heap goes back to the kernel and is faulted in again, about
  // every document (3% of an extraction run, in the kernel). Keeping up to 64 MiB of free heap
  // costs no resident memory beyond the run's peak.
  ::mallopt(M_TRIM_THRESHOLD, 64 << 20);
  ::mallopt(M_TOP_PAD, 4 << 20);
  const auto parsed = parse_arguments(argc, argv);
  if (const int* code = std::get_if<int>(&parsed)) return *code;
  if (const auto* usage = std::get_if<UsageError>(&parsed)) {
    std::cerr << "quotegraph: " << usage->message << "\nTry 'quotegraph --help'.\n";
    return 2;
  }
  const Config& config = std::get<Config>(parsed);
  return run(config);
}
