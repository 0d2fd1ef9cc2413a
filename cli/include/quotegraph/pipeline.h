// The run: read → extract → corpus → sinks (docs/architecture.md, "The run"). cli/main.cpp
// turns the command line into PipelineOptions and sinks and calls run_pipeline(); another
// program can do the same with sinks of its own.
//
// A sink consumes the run's results at up to four moments, in this order (ripgrep's
// searcher/sink split is the model): each document as it is extracted, the end of the
// documents, the corpus collected (in document-id order, not resolved), and the corpus
// resolved across documents (with the graph, for a sink that needs it). A sink asks for what
// it needs; nothing is built that no sink needs.
#pragma once
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "quotegraph/corpus.h"
#include "quotegraph/extractor.h"
#include "quotegraph/projection.h"
#include "quotegraph/quote_graph.h"
#include "quotegraph/rdf_writer.h"
#include "quotegraph/reader.h"

namespace quotegraph {

// A validated configuration of a run (cli/main.cpp checks the options before making it).
struct PipelineOptions {
  bool merge = false;               // inputs are partial results to join (quotegraph merge), not articles
  std::vector<std::string> inputs;  // files, directories, "-" for standard input
  ReaderOptions reader;
  ExtractorOptions extractor;
  GraphOptions graph;               // min_confidence: quotes below it are dropped as they are read
  ProjectionOptions projection;     // RunResults::picture: what the graph formats show
  unsigned threads = 1;             // extraction threads, and the outputs written side by side
  bool quiet = false;               // no progress line and no summary on stderr
};

// What the outputs of the whole corpus are made from. Valid during QuoteSink::finish() and
// the work it queued.
struct RunResults {
  const Corpus& corpus;       // resolved across documents, in document-id order; no article text
  const QuoteGraph* graph;    // the whole graph; null when no sink needs it
  const QuoteGraph* picture;  // the graph as PipelineOptions::projection shows it (or `graph` itself)
};

// How a sink reports to the run and writes beside the other sinks. Thread-safe.
class SinkContext {
 public:
  virtual ~SinkContext() = default;
  // Runs `work` on one of the run's threads, beside the other sinks' work (finish() only).
  virtual void run(std::function<void()> work) = 0;
  virtual unsigned threads() const = 0;
  // An output is complete: `what` ("GraphML") counts as a step done on the progress line, and
  // "what: where" goes into the summary at place `order` (nothing when `where` is "-").
  virtual void written(int order, const std::string& what, const std::string& where) = 0;
  // An output failed: `message` ("out.ttl: write failed: ...") is reported and the run ends
  // with status 2. With an empty message, only the status.
  virtual void failed(const std::string& message) = 0;
  virtual bool has_failed() const = 0;
};

class QuoteSink {
 public:
  // What a sink needs built: only the documents as they come, the resolved corpus, or the
  // corpus and the graph too.
  enum class Needs { Documents, Corpus, Graph };

  virtual ~QuoteSink() = default;
  // As the progress line and the summary name it ("quotes JSONL"); a step of the run's
  // estimate when it is one of the built-in outputs'.
  virtual std::string name() const = 0;
  virtual Needs needs() const { return Needs::Documents; }
  // Before any document is read (extraction only, not merge). False with `error` set: the
  // run ends at once with status 2.
  virtual bool open(std::string* /*error*/) { return true; }
  // Each document as it is extracted, in the order of the inputs, from one thread at a time;
  // quotes below the minimum confidence dropped, nothing resolved. The document's text is
  // there (not when merging). False stops reading (the output failed or nobody reads it).
  virtual bool document(const DocumentRecord& /*record*/, SinkContext& /*context*/) { return true; }
  // Every document read. False: the run stops here and reports (the reader of a streamed
  // output went away; nothing after it would be read either).
  virtual bool documents_done(SinkContext& /*context*/) { return true; }
  // The corpus in document-id order, one document per id, not resolved (merge only: what a
  // merged partial holds).
  virtual void collected(const Corpus& /*corpus*/, SinkContext& /*context*/) {}
  // The corpus resolved, and the graph built when needs() is Graph. May queue its writing with
  // context.run(); the run waits for it.
  virtual void finish(const RunResults& /*results*/, SinkContext& /*context*/) {}
};

// The file outputs of the command line, one sink each; `path` "-" is standard output. Each
// is written under a temporary name and renamed into place when complete.
std::unique_ptr<QuoteSink> jsonl_file(const std::string& path);
std::unique_ptr<QuoteSink> csv_file(const std::string& path);
std::unique_ptr<QuoteSink> graphml_file(const std::string& path);       // RunResults::picture
std::unique_ptr<QuoteSink> gexf_file(const std::string& path);          // RunResults::picture
std::unique_ptr<QuoteSink> dot_file(const std::string& path);           // RunResults::picture
std::unique_ptr<QuoteSink> rdf_file(const std::string& path, const RdfOptions& options);  // the whole graph
std::unique_ptr<QuoteSink> report_file(const std::string& path);        // the corpus and the whole graph
// The partial result: streamed, one line per document as it is extracted; when merging,
// written from the collected corpus (so a merged partial is in document-id order).
std::unique_ptr<QuoteSink> partial_file(const std::string& path, bool merging);

// Runs the pipeline into `sinks` (called in this order at each moment). Returns the exit
// status: 0 every input read; 1 some inputs had problems (reported on stderr, the rest done)
// or no document was read; 2 the rules could not be loaded or an output failed.
int run_pipeline(const PipelineOptions& options, const std::vector<QuoteSink*>& sinks);

}  // namespace quotegraph
