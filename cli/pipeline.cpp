// The run (quotegraph/pipeline.h): read → extract → corpus → sinks, with the progress line,
// the summary and the exit status.
#include "quotegraph/pipeline.h"

#include <algorithm>
#include <cstring>
#include <iostream>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "ordered_pool.h"
#include "progress.h"
#include "quotegraph/partial.h"
#include "task_queue.h"

namespace quotegraph {
namespace {

using detail::Progress;
using detail::Step;

// What resolving and writing each output take, as a share of the extraction's time: measured
// on the BBC set five times over (11,125 documents, 26 MB, 44,345 quotes), two threads. Only a
// first guess: after the extraction, the steps done so far correct it.
constexpr Step kSteps[] = {{"resolving", 0.25}, {"graph", 0.15},    {"quotes JSONL", 0.05}, {"CSV", 0.05},
                           {"GraphML", 0.15},   {"GEXF", 0.15},     {"Turtle", 0.25},       {"N-Triples", 0.25},
                           {"DOT", 0.05},       {"report", 0.2}};

bool any_needs(const std::vector<QuoteSink*>& sinks, QuoteSink::Needs needs) {
  return std::any_of(sinks.begin(), sinks.end(), [&](const QuoteSink* s) { return s->needs() >= needs; });
}

// The steps a run takes after its extraction, by what its sinks need.
std::vector<Step> steps_after_extraction(const std::vector<QuoteSink*>& sinks) {
  if (!any_needs(sinks, QuoteSink::Needs::Corpus)) return {};  // --partial only: nothing after it
  const bool graph = any_needs(sinks, QuoteSink::Needs::Graph);
  std::vector<Step> steps;
  for (const Step& step : kSteps) {
    const bool asked = std::strcmp(step.name, "resolving") == 0 || (graph && std::strcmp(step.name, "graph") == 0) ||
                       std::any_of(sinks.begin(), sinks.end(), [&](const QuoteSink* s) {
                         return s->needs() != QuoteSink::Needs::Documents && s->name() == step.name;
                       });
    if (asked) steps.push_back(step);
  }
  return steps;
}

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

void drop_weak_quotes(std::vector<ResolvedQuote>& quotes, double min_confidence) {
  if (min_confidence <= 0) return;
  quotes.erase(std::remove_if(quotes.begin(), quotes.end(),
                              [&](const Quote& q) { return q.confidence < min_confidence; }),
               quotes.end());
}

// The sinks' context: the summary of what was written, whether anything failed, and the
// threads the corpus outputs are written on.
class Run : public SinkContext {
 public:
  Run(const PipelineOptions& options, const std::vector<QuoteSink*>& sinks) : options_(options), sinks_(sinks) {}

  void run(std::function<void()> work) override { tasks_->run(std::move(work)); }
  unsigned threads() const override { return options_.threads; }
  void written(int order, const std::string& what, const std::string& where) override {
    const std::lock_guard<std::mutex> lock(mutex_);
    if (where != "-") just_written_.emplace_back(order, what + ": " + where);
    if (progress_) {
      progress_->step_done(what);
      progress_->stage("writing outputs, " + what + " written");
    }
  }
  void failed(const std::string& message) override {
    const std::lock_guard<std::mutex> lock(mutex_);
    failed_ = true;
    if (message.empty()) return;
    if (progress_) progress_->say("quotegraph: " + message + "\n");
    else std::cerr << "quotegraph: " << message << "\n";
  }
  bool has_failed() const override { return failed_; }

  // The outputs made from the whole corpus (finished: in document-id order), resolved across
  // documents. With more than one thread they are written side by side: the corpus's while
  // the graph is built, then the graph's, the RDF in parts; the bytes are the same whatever
  // the number of threads.
  void write_corpus_outputs(Corpus& corpus, Progress& progress, std::size_t* vertices, std::size_t* edges) {
    progress.extraction_done();
    progress.stage("resolving people, organisations and statements across " + std::to_string(corpus.documents().size()) +
                   " documents");
    resolve_corpus(corpus, options_.threads);
    progress.step_done("resolving");
    progress_ = &progress;
    progress.stage("writing outputs");
    TaskQueue tasks(options_.threads);
    tasks_ = &tasks;
    const RunResults of_corpus{corpus, nullptr, nullptr};
    for (QuoteSink* sink : sinks_)
      if (sink->needs() == QuoteSink::Needs::Corpus) sink->finish(of_corpus, *this);
    if (any_needs(sinks_, QuoteSink::Needs::Graph)) {
      const QuoteGraph& graph = kept_until_exit<QuoteGraph>(build_graph(corpus, options_.graph));
      *vertices = graph.vertex_count();
      *edges = graph.edge_count();
      progress.step_done("graph");
      // GraphML, GEXF and DOT show the projection asked for (--graph, --min-statements); the
      // RDF and the report the whole graph.
      const QuoteGraph& picture = changes_graph(options_.projection)
                                      ? kept_until_exit<QuoteGraph>(project(graph, options_.projection))
                                      : graph;
      const RunResults of_graph{corpus, &graph, &picture};
      for (QuoteSink* sink : sinks_)
        if (sink->needs() == QuoteSink::Needs::Graph) sink->finish(of_graph, *this);
      tasks.wait();
    }
    tasks.wait();
    tasks_ = nullptr;
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
  const std::vector<std::string>& summary() const { return written_; }

 private:
  const PipelineOptions& options_;
  const std::vector<QuoteSink*>& sinks_;
  std::mutex mutex_;
  Progress* progress_ = nullptr;  // while the corpus outputs are written
  TaskQueue* tasks_ = nullptr;    // the same
  bool failed_ = false;
  std::vector<std::string> written_;
  std::vector<std::pair<int, std::string>> just_written_;
};

// Keeps one document of each id, reports the ids given with different contents (input
// problems), and makes the summary count what is written, not what was read.
void keep_unique_documents(Corpus& corpus, Progress& progress) {
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

int report(const PipelineOptions& options, const Progress& progress, const Run& run, std::size_t vertices,
           std::size_t edges) {
  if (!options.quiet) {
    std::cerr << "quotegraph: " << progress.documents << " documents, " << progress.quotes << " quotes ("
              << progress.attributed << " attributed), "
              << (vertices ? std::to_string(vertices) + " vertices, " + std::to_string(edges) + " edges, " : "")
              << progress.problems << " input problems, " << std::fixed;
    std::cerr.precision(1);
    std::cerr << progress.seconds() << " s\n";
    for (const auto& w : run.summary()) std::cerr << "  " << w << "\n";
  }
  if (run.has_failed()) return 2;
  return progress.problems ? 1 : 0;
}

// A run that read no document (a mistyped input, partials that are not there) writes nothing:
// empty outputs in place of the previous run's would be data lost for nothing.
int nothing_read() {
  std::cerr << "quotegraph: no document read: no output written (existing files left as they were)\n";
  return 1;
}

// Each document to the sinks as it comes; kept in the corpus when a sink needs the corpus.
bool take_document(DocumentRecord&& record, Corpus* corpus, Run& run, const std::vector<QuoteSink*>& sinks) {
  for (QuoteSink* sink : sinks)
    if (!sink->document(record, run)) return false;
  if (corpus) {
    record.document.text.clear();
    corpus->add(std::move(record));
  }
  return true;
}

int run_extract(const PipelineOptions& options, const std::vector<QuoteSink*>& sinks) {
  std::string error;
  const auto extractor = Extractor::create(options.extractor, &error);
  if (!extractor) {
    std::cerr << "quotegraph: " << error << "\n";
    return 2;
  }
  Run run(options, sinks);
  for (QuoteSink* sink : sinks) {
    if (!sink->open(&error)) {
      std::cerr << "quotegraph: " << error << "\n";
      return 2;
    }
  }
  Progress progress(options.quiet, options.inputs, steps_after_extraction(sinks));
  ReaderOptions reader = options.reader;
  reader.bytes_read = &progress.input_bytes;
  Corpus& corpus = kept_until_exit<Corpus>();
  const bool keep = any_needs(sinks, QuoteSink::Needs::Corpus);
  OrderedPool pool(*extractor, options.threads, [&](Document& doc, DocumentQuotes& found) {
    doc.language = found.language;
    DocumentRecord record{std::move(doc), unresolved(std::move(found.quotes))};
    drop_weak_quotes(record.quotes, options.graph.min_confidence);
    for (const auto& w : found.warnings) std::cerr << "quotegraph: " << record.document.id << ": " << w << "\n";
    progress.document(record.document.text.size(), record.quotes);
    return take_document(std::move(record), keep ? &corpus : nullptr, run, sinks);
  });
  auto on_problem = [&](const InputProblem& p) {
    progress.clear();
    std::cerr << "quotegraph: " << p.where << ": " << p.message << "\n";
    if (!p.note) ++progress.problems;
  };
  read_inputs(options.inputs, reader, [&](Document& doc) { return pool.submit(std::move(doc)); }, on_problem);
  pool.finish();
  progress.clear();
  if (progress.documents == 0) return nothing_read();
  for (QuoteSink* sink : sinks)
    if (!sink->documents_done(run)) return report(options, progress, run, 0, 0);
  run.list_written();
  std::size_t vertices = 0, edges = 0;
  if (keep && !run.has_failed()) {
    keep_unique_documents(corpus, progress);
    run.write_corpus_outputs(corpus, progress, &vertices, &edges);
  }
  return report(options, progress, run, vertices, edges);
}

int run_merge(const PipelineOptions& options, const std::vector<QuoteSink*>& sinks) {
  Run run(options, sinks);
  Progress progress(options.quiet, {"-"}, steps_after_extraction(sinks));
  Corpus& corpus = kept_until_exit<Corpus>();
  read_partials(
      options.inputs,
      [&](DocumentRecord& record) {
        drop_weak_quotes(record.quotes, options.graph.min_confidence);
        progress.document(0, record.quotes);
        return take_document(std::move(record), &corpus, run, sinks);
      },
      [&](const InputProblem& p) {
        std::cerr << "quotegraph: " << p.where << ": " << p.message << "\n";
        ++progress.problems;
      });
  if (progress.documents == 0) return nothing_read();
  for (QuoteSink* sink : sinks)
    if (!sink->documents_done(run)) return report(options, progress, run, 0, 0);
  std::size_t vertices = 0, edges = 0;
  keep_unique_documents(corpus, progress);
  for (QuoteSink* sink : sinks) sink->collected(corpus, run);
  run.list_written();
  if (any_needs(sinks, QuoteSink::Needs::Corpus) && !run.has_failed())
    run.write_corpus_outputs(corpus, progress, &vertices, &edges);
  return report(options, progress, run, vertices, edges);
}

}  // namespace

int run_pipeline(const PipelineOptions& options, const std::vector<QuoteSink*>& sinks) {
  return options.merge ? run_merge(options, sinks) : run_extract(options, sinks);
}

}  // namespace quotegraph
