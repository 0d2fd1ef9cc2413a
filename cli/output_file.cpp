#include "output_file.h"

#include <limits.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
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

// The temporary files in being, where a signal handler can read them: fixed slots of fixed
// size (a handler may not allocate or lock), each published by its `used` flag after its path
// is written. A run has a few outputs and one scratch file per thread and RDF output.
struct TemporaryFiles {
  static constexpr int kSlots = 1024;
  struct Slot {
    std::atomic<bool> claimed{false}, used{false};
    char path[PATH_MAX];
  };
  Slot slots[kSlots];

  int add(const std::string& path) {
    if (path.size() >= PATH_MAX) return -1;
    for (int i = 0; i < kSlots; ++i) {
      bool expected = false;
      if (!slots[i].claimed.compare_exchange_strong(expected, true)) continue;
      std::memcpy(slots[i].path, path.c_str(), path.size() + 1);
      slots[i].used.store(true, std::memory_order_release);
      return i;
    }
    return -1;  // not cleaned up on a signal, written all the same
  }
  void remove(int slot) {
    if (slot < 0) return;
    slots[slot].used.store(false, std::memory_order_release);
    slots[slot].claimed.store(false, std::memory_order_release);
  }
  // In a signal handler: unlink() is async-signal-safe.
  void unlink_all() {
    for (Slot& slot : slots)
      if (slot.used.load(std::memory_order_acquire)) ::unlink(slot.path);
  }
};

TemporaryFiles temporary_files;

extern "C" void remove_temporary_files_and_end(int signal_number) {
  temporary_files.unlink_all();
  // Ends as the signal asks, so that a shell sees the process killed by it (status 128 + N).
  ::signal(signal_number, SIG_DFL);
  ::raise(signal_number);
}
}  // namespace

void remove_temporary_files_on_signals() {
  struct sigaction action = {};
  action.sa_handler = remove_temporary_files_and_end;
  sigemptyset(&action.sa_mask);
  constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP};
  for (const int signal_number : kSignals) sigaddset(&action.sa_mask, signal_number);  // one clean-up at a time
  for (const int signal_number : kSignals) ::sigaction(signal_number, &action, nullptr);
}

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
    temporary_slot_ = temporary_files.add(temporary_);
    file_.open(temporary_, std::ios::binary | std::ios::trunc);
  }
  if (file_) stream_ = &file_;
}

OutputFile::~OutputFile() {
  if (!committed_ && !temporary_.empty()) {
    file_.close();
    std::remove(temporary_.c_str());
  }
  temporary_files.remove(temporary_slot_);
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
  temporary_files.remove(temporary_slot_);  // a signal from now on must not remove the output
  temporary_slot_ = -1;
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
  slot_ = temporary_files.add(path_);
  file_.open(path_, std::ios::in | std::ios::out | std::ios::binary | std::ios::trunc);
}

ScratchFile::~ScratchFile() {
  file_.close();
  std::remove(path_.c_str());
  temporary_files.remove(slot_);
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
