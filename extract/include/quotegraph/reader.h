// Reads the inputs (.txt files, .jsonl files, directories, "-" for JSONL on stdin) into
// Documents, one at a time (push model: the consumer sees each document as it is read).
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "quotegraph/document.h"

namespace quotegraph {

// A problem with one input: the rest of the run goes on.
struct InputProblem {
  std::string where;    // "file", "file:line" or "file: byte N"
  std::string message;
  bool skipped = true;  // the document (or file) was skipped; false: read with repairs
  bool note = false;    // nothing was lost (this run's own output found in a walk): said, not an input problem
};

// JSONL field names. Empty = the common names (id; url; title; text, maintext, content, body;
// date, date_publish, published; source, source_domain; language, lang, inLanguage).
struct ReaderOptions {
  std::string id_field, url_field, title_field, text_field, date_field, source_field, language_field;
  // The files this run writes: a directory walk that finds one (an output directory inside an
  // input directory) does not read it as articles.
  std::vector<std::string> outputs;
  // When set, the bytes of input read so far (files and standard input), for a progress line;
  // counted on the thread that calls read_inputs.
  std::uint64_t* bytes_read = nullptr;
};

// Calls `on_document` for every document in `inputs`, in order (directories walked
// recursively in sorted order), and `on_problem` for every input that cannot be read whole.
// `on_document` returns false to stop the run. Returns false when stopped.
bool read_inputs(const std::vector<std::string>& inputs, const ReaderOptions& options,
                 const std::function<bool(Document&)>& on_document,
                 const std::function<void(const InputProblem&)>& on_problem);

// Cuts the fields copied onto every quote and statement to a sane length (id 256 bytes, title
// 1,000, url 4,096, source 256), so that the outputs stay linear in the number of quotes (a
// 5 MB id made 16 GB of outputs), and reports each cut at `where` as a repair. A cut id keeps
// a hash of the whole, so that two long ids stay two documents.
void cap_document_fields(Document& doc, const std::string& where,
                         const std::function<void(const InputProblem&)>& on_problem);

}  // namespace quotegraph
