#include "io/stdin_spool.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <istream>
#include <vector>

#include "core/error.hpp"

namespace bm::io {
namespace {

// Serves `head`, then reads on from std::cin's buffer in chunks.
class HeadThenStdin : public std::streambuf {
 public:
  explicit HeadThenStdin(std::string head) : head_(std::move(head)), chunk_(1 << 16) {}

 protected:
  int_type underflow() override {
    if (!head_served_) {
      head_served_ = true;
      if (!head_.empty()) {
        setg(head_.data(), head_.data(), head_.data() + head_.size());
        return traits_type::to_int_type(*gptr());
      }
    }
    const std::streamsize n = std::cin.rdbuf()->sgetn(chunk_.data(), chunk_size());
    if (n <= 0) return traits_type::eof();
    setg(chunk_.data(), chunk_.data(), chunk_.data() + n);
    return traits_type::to_int_type(*gptr());
  }

 private:
  std::streamsize chunk_size() const { return static_cast<std::streamsize>(chunk_.size()); }
  std::string head_;
  bool head_served_ = false;
  std::vector<char> chunk_;
};

class StdinStream : public std::istream {
 public:
  explicit StdinStream(std::string head) : std::istream(nullptr), buf_(std::move(head)) {
    rdbuf(&buf_);
  }

 private:
  HeadThenStdin buf_;
};

}  // namespace

std::string read_stdin_head(std::size_t bytes) {
  std::string head(bytes, '\0');
  const std::streamsize n =
      std::cin.rdbuf()->sgetn(head.data(), static_cast<std::streamsize>(bytes));
  head.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
  return head;
}

std::unique_ptr<std::istream> stdin_stream(std::string head) {
  return std::make_unique<StdinStream>(std::move(head));
}

std::string stdin_whole(std::string head) {
  std::string all = std::move(head);
  std::vector<char> chunk(1 << 16);
  for (std::streamsize n;
       (n = std::cin.rdbuf()->sgetn(chunk.data(), static_cast<std::streamsize>(chunk.size())));)
    all.append(chunk.data(), static_cast<std::size_t>(n));
  return all;
}

void copy_stdin(std::streambuf& out) {
  const std::string why = "<stdin>: cannot copy it to a temporary file in " +
                          std::filesystem::temp_directory_path().string() + " — is the disk full?";
  std::vector<char> chunk(1 << 16);
  for (std::streamsize n;
       (n = std::cin.rdbuf()->sgetn(chunk.data(), static_cast<std::streamsize>(chunk.size())));)
    if (out.sputn(chunk.data(), n) != n) throw InputError(why);
  if (out.pubsync() != 0) throw InputError(why);
}

StdinSpool::StdinSpool() {
  // A named file unlinked at once: anonymous, gone when closed or on a crash.
  std::string path = (std::filesystem::temp_directory_path() / "bordermap-stdin-XXXXXX").string();
  const int fd = mkstemp(path.data());
  if (fd < 0) throw InputError("<stdin>: cannot make a temporary file to hold it in " + path);
  if (!file_.open(path, std::ios::in | std::ios::out | std::ios::binary | std::ios::trunc)) {
    ::close(fd);
    ::unlink(path.c_str());
    throw InputError("<stdin>: cannot open the temporary file " + path);
  }
  ::close(fd);
  ::unlink(path.c_str());
  copy_stdin(file_);
  original_ = std::cin.rdbuf(&file_);
  rewind();
}

StdinSpool::~StdinSpool() { std::cin.rdbuf(original_); }

void StdinSpool::rewind() {
  file_.pubseekpos(0);
  std::cin.clear();
}

}  // namespace bm::io
