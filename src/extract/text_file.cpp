#include "extract/text_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <string_view>

#include "core/error.hpp"
#include "extract/document.hpp"
#include "io/policy.hpp"

namespace bm::extract {
namespace {

// Bytes [at, at + n) of the file (fewer at its end).
std::string read_at(int fd, off_t at, std::size_t n) {
  std::string out(n, '\0');
  std::size_t got = 0;
  while (got < n) {
    ssize_t r = ::pread(fd, out.data() + got, n - got, at + static_cast<off_t>(got));
    if (r <= 0) break;
    got += static_cast<std::size_t>(r);
  }
  out.resize(got);
  return out;
}

bool has_bom(std::string_view head) {
  return head.starts_with("\xFF\xFE") || head.starts_with("\xFE\xFF") ||
         head.starts_with("\xEF\xBB\xBF");
}

// The whole file is checked for NUL bytes before any of it is read as
// words, as load_document checks the whole text first.
void check_no_nul_in(int fd, std::size_t size) {
  constexpr std::size_t kChunk = std::size_t{1} << 20;
  for (std::size_t at = 0; at < size; at += kChunk)
    check_no_nul(read_at(fd, static_cast<off_t>(at), kChunk));
}

}  // namespace

std::unique_ptr<TextFile> TextFile::open_long(const std::string& path, std::size_t min_size) {
  if (path == "-" || !utf8_name(io::read_policy().encoding)) return nullptr;
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return nullptr;
  std::unique_ptr<TextFile> file(new TextFile(fd));
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) return nullptr;
  const auto size = static_cast<std::size_t>(st.st_size);
  if (size <= min_size) return nullptr;
  std::string head = read_at(fd, 0, 2048);
  if (has_bom(head) || looks_like_html(head)) return nullptr;
  try {
    if (size > io::read_policy().max_article) throw_too_long(io::read_policy().max_article);
    check_no_nul_in(fd, size);
  } catch (const InputError& e) {
    throw InputError(path + ": " + e.what());
  }
  return file;
}

TextFile::~TextFile() { ::close(fd_); }

bool TextFile::read(std::string& buf, std::size_t n) {
  const std::size_t old = buf.size();
  buf.resize(old + n);
  std::size_t got = 0;
  while (got < n) {
    ssize_t r = ::read(fd_, buf.data() + old + got, n - got);
    if (r <= 0) break;
    got += static_cast<std::size_t>(r);
  }
  buf.resize(old + got);
  return got > 0;
}

}  // namespace bm::extract
