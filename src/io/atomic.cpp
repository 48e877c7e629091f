#include "io/atomic.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <map>
#include <mutex>
#include <streambuf>

#include "core/error.hpp"
#include "io/policy.hpp"
#include "io/staging.hpp"

namespace bm {
namespace fs = std::filesystem;

void throw_write_error(const std::string& path, int err) {
  if (err == ENOSPC || err == EDQUOT)
    throw ExportError(path +
                      ": no space left on the device — free some space and run again "
                      "(the previous file, if any, is unchanged)");
  if (err == EROFS || err == EACCES || err == EPERM)
    throw UsageError(path + ": cannot write there (" + std::strerror(err) +
                     ") — choose a folder you can write to");
  throw ExportError(path + ": write failed (" + std::string(std::strerror(err)) + ")");
}

namespace {

bool written_in_place(const fs::file_status& st) {
  return fs::is_character_file(st) || fs::is_fifo(st) || fs::is_block_file(st) || fs::is_socket(st);
}

// The folder the output lands in, after checks that make a wrong path a
// usage error rather than a failed write.
fs::path checked_parent(const fs::path& target) {
  std::error_code ec;
  if (fs::is_directory(target, ec))
    throw UsageError(target.string() +
                     ": is a folder — give a file name (nothing in the folder was touched)");
  for (const auto& input : io::read_policy().inputs)
    if (fs::equivalent(target, input, ec))
      throw UsageError(target.string() + ": is also an input of this run — writing it would " +
                       "replace what you gave; choose another output (the file was not touched)");
  fs::path parent = target.parent_path();
  if (parent.empty()) parent = ".";
  if (!fs::is_directory(parent, ec))
    throw UsageError(target.string() + ": the folder " + parent.string() +
                     " does not exist — create it first");
  return parent;
}

std::string make_staging(const fs::path& parent, const std::string& target) {
  staging::sweep(parent.string());
  std::string tmpl =
      (parent / (std::string(staging::kPrefix) + std::to_string(::getpid()) + "-XXXXXX")).string();
  if (!::mkdtemp(tmpl.data())) throw_write_error(target, errno);
  staging::add(tmpl);
  return tmpl;
}

void fsync_path(const std::string& path, const std::string& target, int flags) {
  int fd = ::open(path.c_str(), flags | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) throw_write_error(target, errno);
  int rc = ::fsync(fd), err = errno;
  ::close(fd);
  // A folder on some filesystems cannot be fsynced; the file's data is.
  if (rc != 0 && !(flags & O_DIRECTORY) && err != EINVAL) throw_write_error(target, err);
}

}  // namespace

StagedFile::StagedFile(const std::string& target) : target_(target) {
  std::error_code ec;
  fs::path t(target);
  // A symlink the user named is followed to the file it names; a device or
  // FIFO (/dev/null, a pipe) is written in place, never replaced.
  if (fs::is_symlink(fs::symlink_status(t, ec))) t = fs::weakly_canonical(t, ec);
  if (written_in_place(fs::status(t, ec))) {
    temp_ = target;
    return;
  }
  staging_ = make_staging(checked_parent(t), target);
  temp_ = (fs::path(staging_) / t.filename()).string();
  target_ = t.string();
}

StagedFile::~StagedFile() {
  if (!staging_.empty()) staging::remove(staging_);
}

void StagedFile::commit() {
  if (staging_.empty()) return;  // written in place
  struct stat st {};
  if (::lstat(temp_.c_str(), &st) != 0 || !S_ISREG(st.st_mode))
    throw ExportError(target_ + ": the writer produced no file");
  fsync_path(temp_, target_, O_RDONLY);
  if (::rename(temp_.c_str(), target_.c_str()) != 0) {
    int err = errno;
    if (err == EISDIR || err == ENOTEMPTY || err == EEXIST)
      throw UsageError(target_ + ": is a folder — give a file name (it was not touched)");
    throw_write_error(target_, err);
  }
  fs::path parent = fs::path(target_).parent_path();
  fsync_path(parent.empty() ? "." : parent.string(), target_, O_RDONLY | O_DIRECTORY);
  staging::remove(staging_);
  staging_.clear();
}

namespace {

// An ostream buffer over a file descriptor that remembers the first failed
// write's errno, so "no space left" reaches the user instead of a bad bit.
class FdBuf : public std::streambuf {
 public:
  explicit FdBuf(int fd) : fd_(fd) { setp(buf_, buf_ + sizeof buf_); }
  int error() const { return error_; }

 protected:
  int_type overflow(int_type c) override {
    if (flush_buffer() != 0) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  int sync() override { return flush_buffer(); }

 private:
  int flush_buffer() {
    const char* p = pbase();
    std::size_t left = static_cast<std::size_t>(pptr() - pbase());
    while (left > 0 && error_ == 0) {
      ssize_t n = ::write(fd_, p, left);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0)
        error_ = n < 0 ? errno : EIO;
      else
        p += n, left -= static_cast<std::size_t>(n);
    }
    setp(buf_, buf_ + sizeof buf_);
    return error_ == 0 ? 0 : -1;
  }
  int fd_;
  int error_ = 0;
  char buf_[1 << 16];
};

void write_fd(int fd, const std::string& target, const std::function<void(std::ostream&)>& body) {
  auto buf = std::make_unique<FdBuf>(fd);
  std::ostream out(buf.get());
  body(out);
  out.flush();
  if (buf->error() != 0) throw_write_error(target, buf->error());
  if (!out) throw ExportError(target + ": write failed");
}

}  // namespace

void write_file(const std::string& path, const std::function<void(std::ostream&)>& body) {
  if (path == "-") {
    body(std::cout);
    if (!std::cout.flush()) throw ExportError("<stdout>: write failed");
    return;
  }
  StagedFile staged(path);
  bool in_place = staged.path() == path;
  int flags = O_WRONLY | O_CLOEXEC | (in_place ? O_TRUNC : O_CREAT | O_EXCL | O_NOFOLLOW);
  int fd = ::open(staged.path().c_str(), flags, 0644);
  if (fd < 0) throw_write_error(path, errno);
  try {
    write_fd(fd, path, body);
  } catch (...) {
    ::close(fd);
    throw;
  }
  if (::close(fd) != 0) throw_write_error(path, errno);
  staged.commit();
}

void prepare_output_folder(const std::string& dir) {
  std::error_code ec;
  fs::path d(dir);
  if (fs::exists(d, ec) && !fs::is_directory(d, ec))
    throw UsageError(dir +
                     ": is a file, and a folder is expected here — choose another -o "
                     "(the file was not touched)");
  if (!fs::exists(d, ec) && !fs::create_directories(d, ec) && ec)
    throw UsageError(dir + ": cannot create the folder (" + ec.message() + ")");
  if (::access(dir.c_str(), W_OK) != 0)
    throw UsageError(dir + ": the folder is read-only (" + std::strerror(errno) +
                     ") — choose another -o");
}

void sweep_stale_temporaries(const std::string& dir) { staging::sweep(dir); }

namespace {

std::mutex g_legacy_mutex;
std::map<std::string, std::unique_ptr<StagedFile>>& legacy() {
  static std::map<std::string, std::unique_ptr<StagedFile>> staged;
  return staged;
}

}  // namespace

std::string temp_path_for(const std::string& path) {
  auto staged = std::make_unique<StagedFile>(path);
  std::string tmp = staged->path();
  if (tmp == path) return tmp;
  std::lock_guard lock(g_legacy_mutex);
  legacy()[tmp] = std::move(staged);
  return tmp;
}

void commit_file(const std::string& tmp, const std::string& path) {
  if (tmp == path) return;  // written in place
  std::unique_ptr<StagedFile> staged;
  {
    std::lock_guard lock(g_legacy_mutex);
    auto it = legacy().find(tmp);
    if (it == legacy().end()) throw ExportError(path + ": internal: no staged file " + tmp);
    staged = std::move(it->second);
    legacy().erase(it);
  }
  staged->commit();
}

}  // namespace bm
