// An output file written under a temporary name and renamed into place only when complete,
// so a failed or interrupted run never leaves a half-written file or clobbers the old one.
// "-" writes to standard output.
#pragma once
#include <fstream>
#include <ostream>
#include <string>

class OutputFile {
 public:
  explicit OutputFile(std::string path);
  ~OutputFile();  // removes the temporary file unless commit() succeeded
  bool ok() const { return stream_ != nullptr && static_cast<bool>(*stream_); }
  std::ostream& stream() { return *stream_; }
  const std::string& path() const { return path_; }
  // Flushes, closes and renames into place; false (with `error`) when any of it failed.
  bool commit(std::string* error);

 private:
  std::string path_, temporary_;
  std::ofstream file_;
  std::ostream* stream_ = nullptr;
  bool committed_ = false;
};
