#include "output_file.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <vector>

namespace {
bool is_regular_file_or_absent(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) != 0 || S_ISREG(st.st_mode);
}
}  // namespace

OutputFile::OutputFile(std::string path) : path_(std::move(path)) {
  if (path_ == "-") {
    stream_ = &std::cout;
    return;
  }
  // Devices and pipes (/dev/stdout, /dev/full, a FIFO) are written in place: a temporary file
  // renamed over them would replace the device with a regular file.
  if (!is_regular_file_or_absent(path_)) {
    file_.open(path_, std::ios::binary);
  } else {
    temporary_ = path_ + ".tmp-" + std::to_string(::getpid());
    file_.open(temporary_, std::ios::binary | std::ios::trunc);
  }
  if (file_) stream_ = &file_;
}

OutputFile::~OutputFile() {
  if (!committed_ && !temporary_.empty()) {
    file_.close();
    std::remove(temporary_.c_str());
  }
}

bool OutputFile::failed_on_closed_pipe() {
  if (errno == EPIPE) pipe_closed_ = true;
  return pipe_closed_;
}

bool OutputFile::commit(std::string* error) {
  if (!stream_) {
    *error = path_ + ": cannot create file";
    return false;
  }
  errno = 0;
  if (path_ == "-") {
    std::cout.flush();
    committed_ = static_cast<bool>(std::cout);
    if (!committed_ && !failed_on_closed_pipe()) *error = "standard output: write failed: " + std::string(std::strerror(errno));
    return committed_;
  }
  file_.flush();
  const bool written = static_cast<bool>(file_);
  const int write_errno = errno;
  file_.close();
  if (!written || file_.fail()) {
    errno = write_errno ? write_errno : errno;
    if (failed_on_closed_pipe()) return false;
    *error = path_ + ": write failed (" + std::strerror(errno) + ")" +
             (temporary_.empty() ? "" : "; previous file left untouched");
    return false;
  }
  if (!temporary_.empty() && std::rename(temporary_.c_str(), path_.c_str()) != 0) {
    *error = path_ + ": cannot rename into place: " + std::strerror(errno);
    return false;
  }
  committed_ = true;
  return true;
}

ScratchFile::ScratchFile(const std::string& output_path, std::size_t part) {
  const std::string name = ".part" + std::to_string(part) + ".tmp-" + std::to_string(::getpid());
  if (output_path != "-" && is_regular_file_or_absent(output_path)) {
    path_ = output_path + name;
  } else {
    std::error_code ignored;
    path_ = (std::filesystem::temp_directory_path(ignored) / ("quotegraph-output" + name)).string();
  }
  file_.open(path_, std::ios::in | std::ios::out | std::ios::binary | std::ios::trunc);
}

ScratchFile::~ScratchFile() {
  file_.close();
  std::remove(path_.c_str());
}

bool ScratchFile::append_to(std::ostream& out) {
  file_.flush();
  file_.seekg(0);
  std::vector<char> buffer(1 << 20);
  while (file_ && out) {
    file_.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    out.write(buffer.data(), file_.gcount());
  }
  const bool read_all = file_.eof() && !file_.bad();
  file_.close();
  return read_all && static_cast<bool>(out);
}
