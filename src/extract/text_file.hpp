#pragma once
// A long plain-text article read a piece at a time, so that only CSV output
// (no evidence spans into the whole text) never holds the text whole: the
// one file load_document would read as it is (a regular file, UTF-8 without
// a BOM and without --encoding, not HTML) and longer than a section.
#include <cstddef>
#include <memory>
#include <string>

namespace bm::extract {

class TextFile {
 public:
  // Null when the file needs load_document (shorter than `min_size`, not
  // a regular file, a BOM, HTML, another --encoding, cannot be opened).
  // Throws InputError ("path: ...") as load_document would for a file too
  // long or holding NUL bytes; the UTF-8 check is the reader's, per piece.
  static std::unique_ptr<TextFile> open_long(const std::string& path, std::size_t min_size);
  ~TextFile();
  TextFile(const TextFile&) = delete;
  TextFile& operator=(const TextFile&) = delete;

  // Appends up to `n` bytes to `buf`; false when nothing was left.
  bool read(std::string& buf, std::size_t n);

 private:
  explicit TextFile(int fd) : fd_(fd) {}
  int fd_;
};

}  // namespace bm::extract
