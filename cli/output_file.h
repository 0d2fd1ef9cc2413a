// An output file written under a temporary name and renamed into place only when complete,
// so a failed or interrupted run never leaves a half-written file or clobbers the old one.
// "-" writes to standard output; devices and pipes are written in place. A reader that goes
// away (quotegraph ... | head) is not a failure: pipe_closed() tells it apart.
#pragma once
#include <fstream>
#include <ostream>
#include <string>

// Makes SIGINT, SIGTERM and SIGHUP remove the temporary and scratch files of the outputs being
// written before the process ends as the signal asks (an interrupted run left up to 72 MB).
// Call once, early in main.
void remove_temporary_files_on_signals();

class OutputFile {
 public:
  explicit OutputFile(std::string path);
  ~OutputFile();  // removes the temporary file unless commit() succeeded
  bool ok() const { return stream_ != nullptr && static_cast<bool>(*stream_); }
  std::ostream& stream() { return *stream_; }
  const std::string& path() const { return path_; }
  // Flushes, closes and renames into place; false (with `error`) when any of it failed, or
  // (with no error) when the reader of a pipe went away.
  bool commit(std::string* error);
  // Call right after a write failed: true when it failed because the pipe's reader is gone.
  bool failed_on_closed_pipe();
  bool pipe_closed() const { return pipe_closed_; }

 private:
  std::string path_, temporary_;
  int temporary_slot_ = -1;  // in the list a signal clears
  std::ofstream file_;
  std::ostream* stream_ = nullptr;
  bool committed_ = false;
  bool pipe_closed_ = false;
};

// One later part of an output written side by side with the first: a file beside the output
// (in the temporary directory for standard output and devices), appended to the output once
// every part is written, and removed when it goes.
class ScratchFile {
 public:
  ScratchFile(const std::string& output_path, std::size_t part);
  ~ScratchFile();
  ScratchFile(const ScratchFile&) = delete;
  ScratchFile& operator=(const ScratchFile&) = delete;
  bool ok() const { return static_cast<bool>(file_); }
  std::ostream& stream() { return file_; }
  const std::string& path() const { return path_; }
  // Closes the file and copies its bytes to the end of `out`; false when either side fails.
  bool append_to(std::ostream& out);

 private:
  std::string path_;
  int slot_ = -1;  // in the list a signal clears
  std::fstream file_;
};
