// The run as a library (cli/pipeline.cpp): invented articles through the real extractor into a
// sink that keeps what it is given, at each moment of the run.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "quotegraph/pipeline.h"

using namespace quotegraph;

namespace {

// Remembers every call, in order, and what finish() was given.
class TestSink : public QuoteSink {
 public:
  explicit TestSink(Needs needs, bool stop_after_first = false) : needs_(needs), stop_(stop_after_first) {}
  std::string name() const override { return "test"; }
  Needs needs() const override { return needs_; }
  bool open(std::string*) override { return calls.emplace_back("open"), true; }
  bool document(const DocumentRecord& record, SinkContext&) override {
    calls.push_back("document " + record.document.id);
    quotes_seen += record.quotes.size();
    for (const auto& q : record.quotes) CHECK(q.statement_id.empty());  // nothing resolved yet
    return !stop_;
  }
  bool documents_done(SinkContext&) override { return calls.emplace_back("documents done"), true; }
  void collected(const Corpus&, SinkContext&) override { calls.emplace_back("collected"); }
  void finish(const RunResults& results, SinkContext& context) override {
    calls.emplace_back("finish");
    had_graph = results.graph != nullptr;
    for (const auto& r : results.corpus.documents())
      for (const auto& q : r.quotes) {
        speaker_ids.push_back(q.speaker_id);
        statement_ids.push_back(q.statement_id);
      }
    context.written(0, name(), "memory");
  }

  std::vector<std::string> calls, speaker_ids, statement_ids;
  std::size_t quotes_seen = 0;
  bool had_graph = false;

 private:
  Needs needs_;
  bool stop_;
};

// Two invented articles in a fresh directory: one names the speaker in full, the other by the
// surname alone, with the same role.
std::string write_articles(const std::string& dir) {
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::ofstream(dir + "/a.txt") << "Harbour plans\n\n“The new quay opens in May,” said Port Director Mira Tollan.\n";
  std::ofstream(dir + "/b.txt") << "Quay delay\n\n“We need another month,” Port Director Tollan said on Friday.\n";
  return dir;
}

PipelineOptions options_for(const std::string& dir) {
  PipelineOptions options;
  options.inputs = {dir};
  options.quiet = true;
  options.threads = 2;
  return options;
}

}  // namespace

TEST_CASE("the pipeline streams documents in input order, then hands the resolved corpus on", "[pipeline]") {
  const std::string dir = write_articles("pipeline_test_articles");
  TestSink sink(QuoteSink::Needs::Graph);
  CHECK(run_pipeline(options_for(dir), {&sink}) == 0);
  std::filesystem::remove_all(dir);
  CHECK(sink.calls == std::vector<std::string>{"open", "document a", "document b", "documents done", "finish"});
  CHECK(sink.quotes_seen == 2);
  CHECK(sink.had_graph);
  REQUIRE(sink.speaker_ids.size() == 2);
  // Across the corpus the surname joins the full name of the other article.
  CHECK(sink.speaker_ids[0] == sink.speaker_ids[1]);
  CHECK(EntityId::kind_of(sink.speaker_ids[0]) == EntityKind::Person);
  CHECK(sink.statement_ids[0].rfind("statement:", 0) == 0);
}

TEST_CASE("a sink that needs only the documents gets no corpus, and may stop the run", "[pipeline]") {
  const std::string dir = write_articles("pipeline_test_stop");
  TestSink streaming(QuoteSink::Needs::Documents, true);
  CHECK(run_pipeline(options_for(dir), {&streaming}) == 0);
  std::filesystem::remove_all(dir);
  // Stopped after the first document: nothing resolved, nothing finished.
  CHECK(streaming.calls == std::vector<std::string>{"open", "document a", "documents done"});
}

TEST_CASE("the exit status tells input problems and a run that read nothing", "[pipeline]") {
  const std::string dir = write_articles("pipeline_test_status");
  TestSink sink(QuoteSink::Needs::Corpus);
  PipelineOptions options = options_for(dir);
  options.inputs.push_back(dir + "/missing.txt");
  CHECK(run_pipeline(options, {&sink}) == 1);  // the rest was done
  CHECK(sink.speaker_ids.size() == 2);
  CHECK_FALSE(sink.had_graph);  // Needs::Corpus: no graph built for it
  TestSink none(QuoteSink::Needs::Corpus);
  CHECK(run_pipeline(options_for(dir + "/nothing-here"), {&none}) == 1);
  CHECK(none.calls == std::vector<std::string>{"open"});
  std::filesystem::remove_all(dir);
}

TEST_CASE("a rule file that does not load ends the run with status 2 before any sink opens", "[pipeline]") {
  TestSink sink(QuoteSink::Needs::Corpus);
  PipelineOptions options = options_for(".");
  options.extractor.rules_file = "pipeline_test_no_such_rules.txt";
  CHECK(run_pipeline(options, {&sink}) == 2);
  CHECK(sink.calls.empty());
}
