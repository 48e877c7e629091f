#pragma once
// Bytes of a text input as UTF-8, whatever it was written in: a UTF-8 BOM
// is dropped, UTF-16 (LE or BE, with a BOM) is converted, and a declared
// --encoding (any ICU converter name: latin1, windows-1251, ...) is
// converted with ICU. Without either, bytes pass unchanged and the CSV
// reader rejects a row that is not valid UTF-8.
#include <iosfwd>
#include <memory>
#include <string>

namespace bm::io {

class TextSource {
 public:
  // `encoding` "" or "utf-8" = detect from the BOM; `name` for messages.
  TextSource(std::istream& in, std::string name, const std::string& encoding);
  ~TextSource();
  TextSource(const TextSource&) = delete;
  TextSource& operator=(const TextSource&) = delete;

  // The next byte (0..255) or -1 at the end.
  int get() {
    if (pos_ < buf_.size()) return static_cast<unsigned char>(buf_[pos_++]);
    return refill() ? static_cast<unsigned char>(buf_[pos_++]) : -1;
  }
  // Puts `bytes` back in front of what get() returns next.
  void unread(const std::string& bytes);
  // Whether bytes are checked by the reader (passed unchanged) or were
  // produced by a converter (always valid UTF-8).
  bool raw() const { return kind_ == Kind::raw; }
  const char* encoding_name() const;

 private:
  enum class Kind { raw, utf16le, utf16be, icu };
  bool refill();
  void decode_utf16(const std::string& chunk);
  void decode_icu(const std::string& chunk, bool flush);

  std::istream& in_;
  std::string name_;
  Kind kind_ = Kind::raw;
  std::string buf_;
  std::size_t pos_ = 0;
  std::string carry_;  // UTF-16: an odd byte or a high surrogate's bytes
  long consumed_ = 0;  // raw bytes read so far, for messages
  bool done_ = false;
  struct Icu;
  std::unique_ptr<Icu> icu_;
};

}  // namespace bm::io
