#include "output_file.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>

OutputFile::OutputFile(std::string path) : path_(std::move(path)) {
  if (path_ == "-") {
    stream_ = &std::cout;
    return;
  }
  temporary_ = path_ + ".tmp-" + std::to_string(::getpid());
  file_.open(temporary_, std::ios::binary | std::ios::trunc);
  if (file_) stream_ = &file_;
}

OutputFile::~OutputFile() {
  if (!committed_ && !temporary_.empty()) {
    file_.close();
    std::remove(temporary_.c_str());
  }
}

bool OutputFile::commit(std::string* error) {
  if (!stream_) {
    *error = path_ + ": cannot create file";
    return false;
  }
  if (path_ == "-") {
    std::cout.flush();
    committed_ = static_cast<bool>(std::cout);
    if (!committed_) *error = "standard output: write failed";
    return committed_;
  }
  file_.flush();
  const bool written = static_cast<bool>(file_);
  file_.close();
  if (!written || file_.fail()) {
    *error = path_ + ": write failed (" + std::strerror(errno) + "); previous file left untouched";
    return false;
  }
  if (std::rename(temporary_.c_str(), path_.c_str()) != 0) {
    *error = path_ + ": cannot rename into place: " + std::strerror(errno);
    return false;
  }
  committed_ = true;
  return true;
}
