// The command line's outputs as sinks (quotegraph/pipeline.h): each writes one file under a
// temporary name (output_file.h) and says in the summary where it went. `kOrder` is each
// output's place in the summary, whatever order they finish in.
#include <cerrno>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "output_file.h"
#include "quotegraph/csv_writer.h"
#include "quotegraph/dot_writer.h"
#include "quotegraph/gexf_writer.h"
#include "quotegraph/graphml_writer.h"
#include "quotegraph/html_report.h"
#include "quotegraph/jsonl_writer.h"
#include "quotegraph/partial.h"
#include "quotegraph/pipeline.h"
#include "quotegraph/rdf_writer.h"
#include "quotegraph/version.h"

namespace quotegraph {
namespace {

// Commits a written output, or reports why it was not written (and removes it).
void conclude(OutputFile& file, bool written, std::string error, int order, const std::string& what,
              SinkContext& context) {
  if (!written || !file.commit(&error)) {
    const int write_errno = errno;
    if (file.failed_on_closed_pipe()) return;  // quotegraph ... | head: the reader has enough
    if (error.empty()) error = std::string("write failed: ") + std::strerror(write_errno);
    context.failed(file.path() + ": " + error);
    return;
  }
  context.written(order, what, file.path());
}

// Writes one output to a temporary name, renamed into place once complete.
template <typename Write>
void write_file(const std::string& path, int order, const std::string& what, SinkContext& context, Write write_to) {
  OutputFile file(path);
  std::string error;
  const bool written = file.ok() && write_to(file.stream(), &error);
  conclude(file, written, std::move(error), order, what, context);
}

// An output made from the finished run by one writing function, on one of the run's threads.
class FileSink : public QuoteSink {
 public:
  using Write = std::function<bool(const RunResults&, std::ostream&)>;
  FileSink(std::string path, std::string name, int order, Needs needs, Write write)
      : path_(std::move(path)), name_(std::move(name)), order_(order), needs_(needs), write_(std::move(write)) {}
  std::string name() const override { return name_; }
  Needs needs() const override { return needs_; }
  void finish(const RunResults& results, SinkContext& context) override {
    context.run([this, &results, &context] {
      write_file(path_, order_, name_, context, [&](std::ostream& out, std::string*) { return write_(results, out); });
    });
  }

 private:
  std::string path_, name_;
  int order_;
  Needs needs_;
  Write write_;
};

// An RDF output written in parts side by side (one per thread, and one more so the other
// outputs fill the gaps): the first straight into the output file, the others into scratch
// files. The job that finishes last appends those and commits, so no thread waits.
class RdfSink : public QuoteSink {
 public:
  RdfSink(std::string path, const RdfOptions& options) : path_(std::move(path)), options_(options) {}
  std::string name() const override { return turtle() ? "Turtle" : "N-Triples"; }
  Needs needs() const override { return Needs::Graph; }
  void finish(const RunResults& results, SinkContext& context) override {
    struct Run {
      Run(const std::string& path, const QuoteGraph& graph, const RdfOptions& options, std::size_t wanted)
          : file(path), parts(graph, options, wanted), remaining(parts.size()) {
        for (std::size_t k = 1; k < parts.size(); ++k) scratch.push_back(std::make_unique<ScratchFile>(path, k));
      }
      OutputFile file;
      RdfParts parts;
      std::vector<std::unique_ptr<ScratchFile>> scratch;  // parts 1, 2, ...
      std::mutex mutex;
      std::size_t remaining;
      bool written = true;
      std::string error;
    };
    const unsigned threads = context.threads();
    auto run = std::make_shared<Run>(path_, *results.graph, options_, threads > 1 ? threads + 1 : 1);
    const int order = turtle() ? 3 : 4;
    for (std::size_t k = 0; k < run->parts.size(); ++k) {
      context.run([this, run, k, order, &context] {
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
        conclude(run->file, run->written, std::move(run->error), order, name(), context);
      });
    }
  }

 private:
  bool turtle() const { return options_.syntax == RdfSyntax::Turtle; }
  std::string path_;
  RdfOptions options_;
};

// The partial result. Extracting, it streams: one line per document as it comes, committed
// when the documents end. Merging, it is written from the collected corpus, in id order, so
// that merging a merged partial again changes nothing.
class PartialSink : public QuoteSink {
 public:
  PartialSink(std::string path, bool merging) : path_(std::move(path)), merging_(merging) {}
  std::string name() const override { return "partial result"; }
  bool open(std::string* error) override {
    if (merging_) return true;
    file_ = std::make_unique<OutputFile>(path_);
    if (!file_->ok()) {
      *error = path_ + ": cannot create file";
      return false;
    }
    writer_ = std::make_unique<PartialWriter>(file_->stream());
    return true;
  }
  bool document(const DocumentRecord& record, SinkContext& context) override {
    if (!writer_) return true;
    if (writer_->write(record.document, record.quotes)) return true;
    if (!file_->failed_on_closed_pipe()) context.failed("");
    return false;  // stop reading: nobody is listening, or the output failed
  }
  bool documents_done(SinkContext& context) override {
    if (!file_ || file_->pipe_closed()) return true;
    std::string commit_error;
    if (context.has_failed() || !file_->commit(&commit_error)) {
      if (file_->pipe_closed()) return false;
      context.failed(commit_error.empty() ? path_ + ": write failed" : commit_error);
    } else {
      context.written(-1, name(), path_);
    }
    return true;
  }
  void collected(const Corpus& corpus, SinkContext& context) override {
    if (!merging_) return;
    write_file(path_, 0, name(), context, [&](std::ostream& out, std::string*) {
      PartialWriter writer(out);
      for (const auto& r : corpus.documents())
        if (!writer.write(r.document, r.quotes)) return false;
      return true;
    });
  }

 private:
  std::string path_;
  bool merging_;
  std::unique_ptr<OutputFile> file_;  // extracting: the streamed file
  std::unique_ptr<PartialWriter> writer_;
};

// Writes every document of the resolved corpus with a per-document writer.
template <typename Writer>
bool each_document(const RunResults& results, std::ostream& out) {
  Writer writer(out);
  for (const auto& r : results.corpus.documents())
    if (!writer.write(r.document, r.quotes)) return false;
  return true;
}

}  // namespace

std::unique_ptr<QuoteSink> jsonl_file(const std::string& path) {
  return std::make_unique<FileSink>(path, "quotes JSONL", 0, QuoteSink::Needs::Corpus, each_document<JsonlWriter>);
}

std::unique_ptr<QuoteSink> csv_file(const std::string& path) {
  return std::make_unique<FileSink>(path, "CSV", 6, QuoteSink::Needs::Corpus, each_document<CsvWriter>);
}

std::unique_ptr<QuoteSink> graphml_file(const std::string& path) {
  return std::make_unique<FileSink>(path, "GraphML", 1, QuoteSink::Needs::Graph,
                                    [](const RunResults& r, std::ostream& out) { return write_graphml(*r.picture, out); });
}

std::unique_ptr<QuoteSink> gexf_file(const std::string& path) {
  return std::make_unique<FileSink>(path, "GEXF", 2, QuoteSink::Needs::Graph,
                                    [](const RunResults& r, std::ostream& out) { return write_gexf(*r.picture, out); });
}

std::unique_ptr<QuoteSink> dot_file(const std::string& path) {
  return std::make_unique<FileSink>(path, "DOT", 5, QuoteSink::Needs::Graph,
                                    [](const RunResults& r, std::ostream& out) { return write_dot(*r.picture, out); });
}

std::unique_ptr<QuoteSink> rdf_file(const std::string& path, const RdfOptions& options) {
  return std::make_unique<RdfSink>(path, options);
}

std::unique_ptr<QuoteSink> report_file(const std::string& path) {
  return std::make_unique<FileSink>(path, "report", 7, QuoteSink::Needs::Graph, [](const RunResults& r, std::ostream& out) {
    ReportOptions options;
    options.generator = std::string("quotegraph ") + kVersion;
    return write_html_report(r.corpus, *r.graph, options, out);
  });
}

std::unique_ptr<QuoteSink> partial_file(const std::string& path, bool merging) {
  return std::make_unique<PartialSink>(path, merging);
}

}  // namespace quotegraph
