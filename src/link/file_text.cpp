#include "link/file_text.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/error.hpp"

namespace bm {

FileText::FileText(const std::string& path) {
  fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0) throw InputError(path + ": cannot open — check the path");
  struct stat st {};
  if (::fstat(fd_, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
    size_ = static_cast<std::size_t>(st.st_size);
    void* m = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd_, 0);
    if (m != MAP_FAILED) {
      map_ = static_cast<const char*>(m);
      return;
    }
  }
  char buf[1 << 16];
  ssize_t n = 0;
  while ((n = ::read(fd_, buf, sizeof buf)) > 0) copy_.append(buf, static_cast<std::size_t>(n));
  if (n < 0) {
    ::close(fd_);  // the destructor does not run for a constructor that throws
    throw InputError(path + ": cannot read — check the file");
  }
}

FileText::~FileText() {
  if (map_) ::munmap(const_cast<char*>(map_), size_);
  if (fd_ >= 0) ::close(fd_);
}

}  // namespace bm
