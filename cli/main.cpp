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
#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <cerrno>
#include <cstring>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <variant>
#include <vector>

#include "ordered_pool.h"
#include "task_queue.h"
#include "output_file.h"
#include "quotegraph/corpus.h"
#include "quotegraph/dot_writer.h"
#include "quotegraph/extractor.h"
#include "quotegraph/gexf_writer.h"
#include "quotegraph/graphml_writer.h"
#include "quotegraph/csv_writer.h"
#include "quotegraph/html_report.h"
#include "quotegraph/jsonl_writer.h"
#include "quotegraph/partial.h"
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
  --lang en|de|auto     language pack (default en); auto picks one per document
  --print-data NAME     print a built-in data file (rules.txt, de/rules.txt, ...) and exit
  --text-field NAME     JSONL field holding the text (also --id-field, --title-field,
                        --url-field, --date-field, --source-field)
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
      "--text-field", "--id-field", "--title-field", "--url-field", "--date-field", "--source-field", "--quiet",
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

// What resolving and writing each output take, as a share of the extraction's time: measured
// on the BBC set five times over (11,125 documents, 26 MB, 44,345 quotes), two threads. Only a
// first guess: after the extraction, the steps done so far correct it.
struct Step {
  const char* name;  // as the progress line and the summary name it
  double weight;
};
constexpr Step kSteps[] = {{"resolving", 0.25}, {"graph", 0.15},    {"quotes JSONL", 0.05}, {"CSV", 0.05},
                           {"GraphML", 0.15},   {"GEXF", 0.15},     {"Turtle", 0.25},       {"N-Triples", 0.25},
                           {"DOT", 0.05},       {"report", 0.2}};

// The steps a run takes after its extraction, by the outputs it writes.
std::vector<Step> steps_after_extraction(const Config& c) {
  const bool graph = !(c.graphml.empty() && c.gexf.empty() && c.turtle.empty() && c.ntriples.empty() &&
                       c.dot.empty() && c.html.empty());
  if (!graph && c.jsonl.empty() && c.csv.empty()) return {};  // --partial only: nothing after it
  const std::pair<const char*, bool> wanted[] = {
      {"resolving", true},           {"graph", graph},          {"quotes JSONL", !c.jsonl.empty()},
      {"CSV", !c.csv.empty()},       {"GraphML", !c.graphml.empty()}, {"GEXF", !c.gexf.empty()},
      {"Turtle", !c.turtle.empty()}, {"N-Triples", !c.ntriples.empty()}, {"DOT", !c.dot.empty()},
      {"report", !c.html.empty()}};
  std::vector<Step> steps;
  for (const auto& [name, asked] : wanted)
    for (const Step& step : kSteps)
      if (asked && std::strcmp(step.name, name) == 0) steps.push_back(step);
  return steps;
}

// "45 s", "3 min 20 s", "2 h 5 min".
std::string duration(double seconds) {
  const long s = std::lround(std::max(seconds, 0.0));
  if (s < 90) return std::to_string(s) + " s";
  if (s < 5400) return std::to_string(s / 60) + " min " + std::to_string(s % 60) + " s";
  return std::to_string(s / 3600) + " h " + std::to_string(s / 60 % 60) + " min";
}

// Counts, and the progress line on a terminal. The line covers the whole run: while documents
// are extracted, how many, MB, MB/s and quotes; after the extraction, what the run does
// (resolving, writing, each output as it is written). When the size of the inputs is known
// (files and directories; not standard input), it starts with the share of the run done and
// ends with the time the run may still take: the extraction's rest at its speed so far, and
// the steps after it as a share of the extraction's time (kSteps), corrected as they end.
class Progress {
 public:
  Progress(bool quiet, const std::vector<std::string>& inputs, std::vector<Step> steps)
      : show_(!quiet && ::isatty(STDERR_FILENO)), steps_(std::move(steps)), start_(Clock::now()), last_(start_) {
    for (const Step& step : steps_) weight_ += step.weight;
    if (show_) size_inputs(inputs);
  }
  ~Progress() {
    stop_ticker();
    stop_sizing_ = true;
    if (sizer_.joinable()) sizer_.join();
  }
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  template <typename Quotes>  // extracted (Quote) or read from a partial (ResolvedQuote)
  void document(std::size_t bytes, const Quotes& quotes) {
    ++documents;
    this->bytes += bytes;
    this->quotes += quotes.size();
    for (const auto& q : quotes) attributed += !q.speaker.empty();
    if (!show_ || (documents & 63) != 0) return;
    const auto now = Clock::now();
    if (now - last_ < std::chrono::milliseconds(500)) return;
    last_ = now;
    std::cerr << "\rquotegraph: " + line() + "\033[K" << std::flush;
    shown_ = true;
  }

  // The extraction is over: from now on the line says what the run does, and a ticker keeps
  // its clock and estimate moving while one step takes long.
  void extraction_done() {
    if (!show_) return;
    const std::lock_guard<std::mutex> lock(mutex_);
    extracted_at_ = seconds();
    // Merging reads partials, far faster than extracting: no estimate from its time.
    estimate_after_ = sized_ && input_bytes > 0 ? extracted_at_ * weight_ : -1;
    ticker_ = std::thread([this] {
      std::unique_lock<std::mutex> lock(mutex_);
      while (!ticker_stop_.wait_for(lock, std::chrono::seconds(1), [this] { return stopping_; }))
        if (!stage_.empty()) draw_stage();
    });
  }
  // What the run does now ("resolving ...", "writing outputs, GraphML written").
  void stage(const std::string& what) {
    if (!show_) return;
    const std::lock_guard<std::mutex> lock(mutex_);
    stage_ = what;
    draw_stage();
  }
  // A step of kSteps is done (its share of the rest is known).
  void step_done(const std::string& name) {
    const std::lock_guard<std::mutex> lock(mutex_);
    for (const Step& step : steps_)
      if (name == step.name) done_ += step.weight;
  }
  // A message on a line of its own, the progress line drawn again below it.
  void say(const std::string& message) {
    const std::lock_guard<std::mutex> lock(mutex_);
    std::cerr << (shown_ ? "\r\033[K" : "") << message << std::flush;
    if (!stage_.empty() && show_) draw_stage();
  }
  void clear() {
    stop_ticker();
    if (shown_) std::cerr << "\r\033[K" << std::flush;
    shown_ = false;
  }
  double seconds() const { return std::chrono::duration<double>(Clock::now() - start_).count(); }

  std::size_t documents = 0, quotes = 0, attributed = 0, problems = 0;
  std::uint64_t bytes = 0;        // text extracted
  std::uint64_t input_bytes = 0;  // of the input files, read so far (the reader counts them)

 private:
  using Clock = std::chrono::steady_clock;

  // The size of the inputs: files at once, directories walked on a thread of their own (a
  // corpus of millions of files takes a while), so that the run does not wait for it.
  void size_inputs(const std::vector<std::string>& inputs) {
    std::vector<std::string> directories;
    std::uint64_t total = 0;
    for (const auto& input : inputs) {
      std::error_code ec;
      if (input == "-") return;  // standard input: no total
      const auto status = std::filesystem::status(input, ec);
      if (std::filesystem::is_regular_file(status)) total += std::filesystem::file_size(input, ec);
      else if (std::filesystem::is_directory(status)) directories.push_back(input);
    }
    total_ = total;
    if (directories.empty()) {
      sized_ = true;
      return;
    }
    sizer_ = std::thread([this, directories] {
      std::uint64_t found = total_;
      for (const auto& dir : directories) {
        std::error_code ec;
        namespace fs = std::filesystem;
        for (fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
             !ec && it != end && !stop_sizing_; it.increment(ec)) {
          const auto ext = it->path().extension();
          std::error_code size_ec;
          if ((ext == ".txt" || ext == ".jsonl" || ext == ".ndjson") && it->is_regular_file(size_ec)) {
            const auto size = it->file_size(size_ec);
            if (!size_ec) found += size;
          }
        }
      }
      total_ = found;
      sized_ = !stop_sizing_;
    });
  }

  // The run's share done (0..1) and the seconds it may still take; negative when unknown.
  std::pair<double, double> estimate() const {
    const double elapsed = seconds();
    double left = -1;
    if (extracted_at_ < 0) {  // extracting
      const std::uint64_t total = total_;
      if (!sized_ || input_bytes == 0 || input_bytes > total) return {-1, -1};
      const double rest = (total - input_bytes) / (input_bytes / std::max(elapsed, 1e-3));
      left = rest + (elapsed + rest) * weight_;
    } else {
      const double after = elapsed - extracted_at_;
      if (done_ > 0) left = after * (weight_ - done_) / done_;
      else if (estimate_after_ >= 0) left = std::max(estimate_after_ - after, 0.0);
      else return {-1, -1};
    }
    // Steps written side by side end in bursts: the share shown never goes back.
    double share = std::min(elapsed / std::max(elapsed + left, 1e-3), 0.99);
    if (share < shown_share_) share = shown_share_, left = elapsed * (1 / share - 1);
    shown_share_ = share;
    return {share, left};
  }

  std::string line() const {
    const double mb = bytes / 1e6, s = std::max(seconds(), 1e-3);
    const auto [share, left] = estimate();
    char buffer[200];
    int n = share >= 0 ? std::snprintf(buffer, sizeof buffer, "%.0f%%, ", 100 * share) : 0;
    n += std::snprintf(buffer + n, sizeof buffer - n, "%zu documents, %.1f MB, %.1f MB/s, %zu quotes", documents, mb,
                       mb / s, quotes);
    if (left >= 0 && n < static_cast<int>(sizeof buffer))
      std::snprintf(buffer + n, sizeof buffer - n, ", about %s left", duration(left).c_str());
    return buffer;
  }

  void draw_stage() {  // under mutex_
    const auto [share, left] = estimate();
    std::string line = "\rquotegraph: ";
    if (share >= 0) line += std::to_string(static_cast<int>(100 * share)) + "%, ";
    line += stage_ + ", " + std::to_string(static_cast<long>(seconds())) + " s";
    if (left > 0.5) line += ", about " + duration(left) + " left";
    std::cerr << line << "\033[K" << std::flush;  // one write: a terminal shows no half line
    shown_ = true;
  }

  void stop_ticker() {
    if (!ticker_.joinable()) return;
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
    }
    ticker_stop_.notify_all();
    ticker_.join();
  }

  bool show_, shown_ = false;
  std::vector<Step> steps_;
  double weight_ = 0;  // of steps_: their time as a share of the extraction's
  double done_ = 0;    // of the steps done
  std::atomic<std::uint64_t> total_{0};
  std::atomic<bool> sized_{false}, stop_sizing_{false};
  std::thread sizer_;
  double extracted_at_ = -1, estimate_after_ = -1;  // seconds
  mutable double shown_share_ = 0;
  std::string stage_;
  std::mutex mutex_;  // stage() and step_done() are called from the threads writing outputs
  std::condition_variable ticker_stop_;
  bool stopping_ = false;
  std::thread ticker_;
  Clock::time_point start_, last_;
};

// An object made for the rest of the run and never destroyed: the corpus and the graph are
// millions of small blocks, which took 0.3 s of a 200 MB run to free just before the process
// ends and the system takes the memory back at once. Kept reachable, so a leak checker does
// not count them.
template <typename T, typename... Args>
T& kept_until_exit(Args&&... args) {
  static auto* const kept = new std::vector<const void*>;
  T* object = new T(std::forward<Args>(args)...);
  kept->push_back(object);
  return *object;
}

template <typename Quotes>  // extracted (Quote) or read from a partial (ResolvedQuote)
void drop_weak_quotes(Quotes& quotes, double min_confidence) {
  if (min_confidence <= 0) return;
  quotes.erase(std::remove_if(quotes.begin(), quotes.end(),
                              [&](const quotegraph::Quote& q) { return q.confidence < min_confidence; }),
               quotes.end());
}

// Where every output of the run goes and whether writing has failed.
class Outputs {
 public:
  explicit Outputs(const Config& config) : config_(config) {}

  bool failed() const { return failed_; }
  bool wants_corpus() const {
    return !config_.jsonl.empty() || !config_.csv.empty() || !config_.html.empty() || !config_.graphml.empty() ||
           !config_.gexf.empty() || !config_.turtle.empty() || !config_.ntriples.empty() || !config_.dot.empty();
  }

  // Writes one output to a temporary name, renamed into place once complete. Safe to call from
  // several threads at once; `order` places the output's line in the summary.
  template <typename Write>
  void write(int order, const std::string& path, const char* what, Write write_to) {
    if (path.empty()) return;
    OutputFile file(path);
    std::string error;
    const bool written = file.ok() && write_to(file.stream(), &error);
    conclude(file, written, std::move(error), order, what);
  }

  // Queues an RDF output as parts written side by side (one per thread, and one more so the
  // other outputs fill the gaps): the first straight into the output file, the others into
  // scratch files. The job that finishes last appends those and commits, so no thread waits.
  void queue_rdf(TaskQueue& tasks, int order, const std::string& path, const char* what,
                 const quotegraph::QuoteGraph& graph, const quotegraph::RdfOptions& options) {
    if (path.empty()) return;
    struct Run {
      Run(const std::string& path, const quotegraph::QuoteGraph& graph, const quotegraph::RdfOptions& options,
          std::size_t wanted)
          : file(path), parts(graph, options, wanted), remaining(parts.size()) {
        for (std::size_t k = 1; k < parts.size(); ++k) scratch.push_back(std::make_unique<ScratchFile>(path, k));
      }
      OutputFile file;
      quotegraph::RdfParts parts;
      std::vector<std::unique_ptr<ScratchFile>> scratch;  // parts 1, 2, ...
      std::mutex mutex;
      std::size_t remaining;
      bool written = true;
      std::string error;
    };
    const unsigned threads = config_.threads;
    auto run = std::make_shared<Run>(path, graph, options, threads > 1 ? threads + 1 : 1);
    for (std::size_t k = 0; k < run->parts.size(); ++k) {
      tasks.run([this, run, k, order, what] {
        std::ostream& out = k == 0 ? run->file.stream() : run->scratch[k - 1]->stream();
        std::string error;
        const bool ok = (k == 0 ? run->file.ok() : run->scratch[k - 1]->ok()) && run->parts.write(k, out, &error);
        std::unique_lock<std::mutex> lock(run->mutex);
        if (!ok && run->written) {
          run->written = false;
          run->error = error.empty() && k > 0 ? "cannot write the scratch file " + run->scratch[k - 1]->path() : error;
        }
        if (--run->remaining > 0) return;
        lock.unlock();
        for (auto& part : run->scratch) {
          if (!run->written) break;
          run->written = part->append_to(run->file.stream());
        }
        conclude(run->file, run->written, std::move(run->error), order, what);
      });
    }
  }

  // Commits a written output, or reports why it was not written (and removes it).
  void conclude(OutputFile& file, bool written, std::string error, int order, const char* what) {
    if (!written || !file.commit(&error)) {
      const int write_errno = errno;
      if (file.failed_on_closed_pipe()) return;  // quotegraph ... | head: the reader has enough
      if (error.empty()) error = std::string("write failed: ") + std::strerror(write_errno);
      const std::lock_guard<std::mutex> lock(mutex_);
      const std::string message = "quotegraph: " + file.path() + ": " + error + "\n";
      if (progress_) progress_->say(message);
      else std::cerr << message;
      failed_ = true;
      return;
    }
    const std::lock_guard<std::mutex> lock(mutex_);
    if (file.path() != "-") just_written_.emplace_back(order, std::string(what) + ": " + file.path());
    if (progress_) {
      progress_->step_done(what);
      progress_->stage(std::string("writing outputs, ") + what + " written");
    }
  }

  // The outputs made from the whole corpus (finished: in document-id order), resolved across
  // documents. With more than one thread they are written side by side: the JSONL while the
  // graph is built, then the graph's formats, the RDF in parts; the bytes are the same
  // whatever the number of threads.
  void write_corpus_outputs(quotegraph::Corpus& corpus, Progress& progress, std::size_t* vertices, std::size_t* edges) {
    progress.extraction_done();
    progress.stage("resolving people, organisations and statements across " + std::to_string(corpus.documents().size()) +
                   " documents");
    quotegraph::resolve_corpus(corpus, config_.threads);
    progress.step_done("resolving");
    progress_ = &progress;
    progress.stage("writing outputs");
    TaskQueue tasks(config_.threads);
    tasks.run([&] {
      write(0, config_.jsonl, "quotes JSONL", [&](std::ostream& out, std::string*) {
        quotegraph::JsonlWriter writer(out);
        for (const auto& r : corpus.documents())
          if (!writer.write(r.document, r.quotes)) return false;
        return true;
      });
      write(6, config_.csv, "CSV", [&](std::ostream& out, std::string*) {
        quotegraph::CsvWriter writer(out);
        for (const auto& r : corpus.documents())
          if (!writer.write(r.document, r.quotes)) return false;
        return true;
      });
    });
    if (!config_.graphml.empty() || !config_.gexf.empty() || !config_.turtle.empty() || !config_.ntriples.empty() ||
        !config_.dot.empty() || !config_.html.empty()) {
      const quotegraph::QuoteGraph& graph = kept_until_exit<quotegraph::QuoteGraph>(quotegraph::build_graph(corpus, config_.graph));
      *vertices = graph.vertex_count();
      *edges = graph.edge_count();
      progress.step_done("graph");
      // GraphML, GEXF and DOT show the projection asked for (--graph, --min-statements); the
      // RDF and the report the whole graph.
      const quotegraph::QuoteGraph& picture =
          quotegraph::changes_graph(config_.projection)
              ? kept_until_exit<quotegraph::QuoteGraph>(quotegraph::project(graph, config_.projection))
              : graph;
      // The longest first: the RDF's parts, then the others beside them.
      for (const auto syntax : {quotegraph::RdfSyntax::Turtle, quotegraph::RdfSyntax::NTriples}) {
        const bool turtle = syntax == quotegraph::RdfSyntax::Turtle;
        quotegraph::RdfOptions options = config_.rdf;
        options.syntax = syntax;
        queue_rdf(tasks, turtle ? 3 : 4, turtle ? config_.turtle : config_.ntriples, turtle ? "Turtle" : "N-Triples",
                  graph, options);
      }
      if (!config_.graphml.empty())
        tasks.run([&] { write(1, config_.graphml, "GraphML", [&](std::ostream& out, std::string*) { return quotegraph::write_graphml(picture, out); }); });
      if (!config_.gexf.empty())
        tasks.run([&] { write(2, config_.gexf, "GEXF", [&](std::ostream& out, std::string*) { return quotegraph::write_gexf(picture, out); }); });
      if (!config_.dot.empty())
        tasks.run([&] { write(5, config_.dot, "DOT", [&](std::ostream& out, std::string*) { return quotegraph::write_dot(picture, out); }); });
      if (!config_.html.empty()) {
        tasks.run([&] {
          write(7, config_.html, "report", [&](std::ostream& out, std::string*) {
            quotegraph::ReportOptions options;
            options.generator = std::string("quotegraph ") + quotegraph::kVersion;
            return quotegraph::write_html_report(corpus, graph, options, out);
          });
        });
      }
      tasks.wait();
    }
    tasks.wait();
    progress_ = nullptr;
    progress.clear();
    list_written();
  }

  // Adds the outputs written since the last call to the summary, in their fixed order.
  void list_written() {
    std::sort(just_written_.begin(), just_written_.end());
    for (auto& [order, line] : just_written_) written_.push_back(std::move(line));
    just_written_.clear();
  }

  void note_written(const std::string& line) { written_.push_back(line); }
  void fail() { failed_ = true; }
  const std::vector<std::string>& written() const { return written_; }

 private:
  const Config& config_;
  std::mutex mutex_;
  Progress* progress_ = nullptr;  // while the corpus outputs are written
  bool failed_ = false;
  std::vector<std::string> written_;
  std::vector<std::pair<int, std::string>> just_written_;
};

// Keeps one document of each id, reports the ids given with different contents (input
// problems), and makes the summary count what is written, not what was read.
void keep_unique_documents(quotegraph::Corpus& corpus, Progress& progress) {
  const auto messages = corpus.finish();
  for (const auto& message : messages) std::cerr << "quotegraph: " << message << "\n";
  progress.problems += messages.size();
  progress.documents = corpus.documents().size();
  progress.quotes = progress.attributed = 0;
  for (const auto& r : corpus.documents()) {
    progress.quotes += r.quotes.size();
    for (const auto& q : r.quotes) progress.attributed += !q.speaker.empty();
  }
}

int report(const Config& config, const Progress& progress, const Outputs& outputs, std::size_t vertices,
           std::size_t edges) {
  if (!config.quiet) {
    std::cerr << "quotegraph: " << progress.documents << " documents, " << progress.quotes << " quotes ("
              << progress.attributed << " attributed), "
              << (vertices ? std::to_string(vertices) + " vertices, " + std::to_string(edges) + " edges, " : "")
              << progress.problems << " input problems, " << std::fixed;
    std::cerr.precision(1);
    std::cerr << progress.seconds() << " s\n";
    for (const auto& w : outputs.written()) std::cerr << "  " << w << "\n";
  }
  if (outputs.failed()) return 2;
  return progress.problems ? 1 : 0;
}

// A run that read no document (a mistyped input, partials that are not there) writes nothing:
// empty outputs in place of the previous run's would be data lost for nothing.
int nothing_read() {
  std::cerr << "quotegraph: no document read: no output written (existing files left as they were)\n";
  return 1;
}

int run_extract(const Config& config) {
  std::string error;
  const auto extractor = quotegraph::Extractor::create(config.extractor, &error);
  if (!extractor) {
    std::cerr << "quotegraph: " << error << "\n";
    return 2;
  }
  Outputs outputs(config);
  // The partial result streams: one line per document as it is extracted.
  std::unique_ptr<OutputFile> partial_file;
  std::unique_ptr<quotegraph::PartialWriter> partial;
  if (!config.partial.empty()) {
    partial_file = std::make_unique<OutputFile>(config.partial);
    if (!partial_file->ok()) {
      std::cerr << "quotegraph: " << config.partial << ": cannot create file\n";
      return 2;
    }
    partial = std::make_unique<quotegraph::PartialWriter>(partial_file->stream());
  }
  Progress progress(config.quiet, config.inputs, steps_after_extraction(config));
  quotegraph::ReaderOptions reader = config.reader;
  reader.bytes_read = &progress.input_bytes;
  quotegraph::Corpus& corpus = kept_until_exit<quotegraph::Corpus>();
  const bool keep = outputs.wants_corpus();
  OrderedPool pool(*extractor, config.threads, [&](quotegraph::Document& doc, quotegraph::DocumentQuotes& found) {
    drop_weak_quotes(found.quotes, config.graph.min_confidence);
    for (const auto& w : found.warnings) std::cerr << "quotegraph: " << doc.id << ": " << w << "\n";
    progress.document(doc.text.size(), found.quotes);
    if (partial && !partial->write(doc, found.quotes)) {
      if (!partial_file->failed_on_closed_pipe()) outputs.fail();
      return false;  // stop reading: nobody is listening, or the output failed
    }
    if (keep) {
      doc.text.clear();
      corpus.add({std::move(doc), quotegraph::unresolved(std::move(found.quotes))});
    }
    return true;
  });
  auto on_problem = [&](const quotegraph::InputProblem& p) {
    progress.clear();
    std::cerr << "quotegraph: " << p.where << ": " << p.message << "\n";
    if (!p.note) ++progress.problems;
  };
  quotegraph::read_inputs(config.inputs, reader,
                          [&](quotegraph::Document& doc) { return pool.submit(std::move(doc)); }, on_problem);
  pool.finish();
  progress.clear();
  if (progress.documents == 0) return nothing_read();
  if (partial_file && !partial_file->pipe_closed()) {
    std::string commit_error;
    if (outputs.failed() || !partial_file->commit(&commit_error)) {
      if (partial_file->pipe_closed()) return report(config, progress, outputs, 0, 0);
      std::cerr << "quotegraph: " << (commit_error.empty() ? config.partial + ": write failed" : commit_error) << "\n";
      outputs.fail();
    } else if (config.partial != "-") {
      outputs.note_written("partial result: " + config.partial);
    }
  }
  std::size_t vertices = 0, edges = 0;
  if (keep && !outputs.failed()) {
    keep_unique_documents(corpus, progress);
    outputs.write_corpus_outputs(corpus, progress, &vertices, &edges);
  }
  return report(config, progress, outputs, vertices, edges);
}

int run_merge(const Config& config) {
  Outputs outputs(config);
  Progress progress(config.quiet, {"-"}, steps_after_extraction(config));
  quotegraph::Corpus& corpus = kept_until_exit<quotegraph::Corpus>();
  quotegraph::read_partials(
      config.inputs,
      [&](quotegraph::DocumentRecord& record) {
        drop_weak_quotes(record.quotes, config.graph.min_confidence);
        progress.document(0, record.quotes);
        corpus.add(std::move(record));
        return true;
      },
      [&](const quotegraph::InputProblem& p) {
        std::cerr << "quotegraph: " << p.where << ": " << p.message << "\n";
        ++progress.problems;
      });
  if (progress.documents == 0) return nothing_read();
  std::size_t vertices = 0, edges = 0;
  keep_unique_documents(corpus, progress);
  // A merged partial is in document-id order, so merging it again changes nothing.
  outputs.write(0, config.partial, "partial result", [&](std::ostream& out, std::string*) {
    quotegraph::PartialWriter writer(out);
    for (const auto& r : corpus.documents())
      if (!writer.write(r.document, r.quotes)) return false;
    return true;
  });
  outputs.list_written();
  if (outputs.wants_corpus() && !outputs.failed()) outputs.write_corpus_outputs(corpus, progress, &vertices, &edges);
  return report(config, progress, outputs, vertices, edges);
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
  return config.merge ? run_merge(config) : run_extract(config);
}
