#include "io/decode.hpp"

#include <unicode/ucnv.h>

#include <istream>

#include "core/error.hpp"

namespace bm::io {

struct TextSource::Icu {
  UConverter* from = nullptr;
  UConverter* to = nullptr;
  UChar pivot[4096];
  UChar* pivot_source = pivot;
  UChar* pivot_target = pivot;
  ~Icu() {
    if (from) ucnv_close(from);
    if (to) ucnv_close(to);
  }
};

namespace {

constexpr std::size_t kChunk = 1 << 16;

bool is_utf8_name(std::string e) {
  for (auto& c : e) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return e.empty() || e == "utf-8" || e == "utf8";
}

void append_utf8(std::string& out, unsigned cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace

TextSource::TextSource(std::istream& in, std::string name, const std::string& encoding)
    : in_(in), name_(std::move(name)) {
  char bom[3] = {};
  in_.read(bom, 2);
  std::string head(bom, static_cast<std::size_t>(in_.gcount()));
  if (head == "\xFF\xFE") {
    kind_ = Kind::utf16le;
  } else if (head == "\xFE\xFF") {
    kind_ = Kind::utf16be;
  } else if (head == "\xEF\xBB" && in_.peek() == 0xBF) {
    in_.get();  // a UTF-8 BOM is not part of the first column's name
  } else {
    buf_ = head;
  }
  consumed_ = static_cast<long>(in_.tellg() < 0 ? 0 : static_cast<long>(in_.tellg()));
  if (kind_ != Kind::raw || is_utf8_name(encoding)) return;
  kind_ = Kind::icu;
  icu_ = std::make_unique<Icu>();
  UErrorCode err = U_ZERO_ERROR;
  icu_->from = ucnv_open(encoding.c_str(), &err);
  if (U_FAILURE(err))
    throw UsageError("--encoding '" + encoding +
                     "' is not an encoding ICU knows — try latin1, windows-1251, utf-16");
  icu_->to = ucnv_open("UTF-8", &err);
  ucnv_setToUCallBack(icu_->from, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
  std::string first = std::move(buf_);
  buf_.clear();
  decode_icu(first, false);
}

TextSource::~TextSource() = default;

const char* TextSource::encoding_name() const {
  switch (kind_) {
    case Kind::utf16le:
      return "UTF-16LE";
    case Kind::utf16be:
      return "UTF-16BE";
    case Kind::icu:
      return ucnv_getName(icu_->from, nullptr);
    default:
      return "UTF-8";
  }
}

void TextSource::unread(const std::string& bytes) {
  buf_ = bytes + buf_.substr(pos_);
  pos_ = 0;
}

bool TextSource::refill() {
  buf_.clear();
  pos_ = 0;
  while (buf_.empty() && !done_) {
    std::string chunk(kChunk, '\0');
    in_.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    chunk.resize(static_cast<std::size_t>(in_.gcount()));
    done_ = chunk.empty();
    if (kind_ == Kind::raw)
      buf_ = std::move(chunk);
    else if (kind_ == Kind::icu)
      decode_icu(chunk, done_);
    else
      decode_utf16(chunk);
    consumed_ += static_cast<long>(chunk.size());
  }
  return !buf_.empty();
}

void TextSource::decode_utf16(const std::string& chunk) {
  std::string s = carry_ + chunk;
  carry_.clear();
  const bool le = kind_ == Kind::utf16le;
  auto unit = [&](std::size_t i) {
    auto a = static_cast<unsigned char>(s[i]), b = static_cast<unsigned char>(s[i + 1]);
    return le ? static_cast<unsigned>(a | (b << 8)) : static_cast<unsigned>((a << 8) | b);
  };
  std::size_t i = 0;
  for (; i + 1 < s.size(); i += 2) {
    unsigned u = unit(i);
    if (u >= 0xD800 && u < 0xDC00) {
      if (i + 3 >= s.size()) break;  // the low half is in the next chunk
      unsigned lo = unit(i + 2);
      if (lo < 0xDC00 || lo >= 0xE000) {
        buf_ += '\xFF';  // not UTF-8: the reader rejects the row
        continue;
      }
      append_utf8(buf_, 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00));
      i += 2;
    } else if (u >= 0xDC00 && u < 0xE000) {
      buf_ += '\xFF';
    } else {
      append_utf8(buf_, u);
    }
  }
  carry_ = s.substr(i);
  if (done_ && !carry_.empty()) buf_ += '\xFF';  // an odd byte at the end
}

void TextSource::decode_icu(const std::string& chunk, bool flush) {
  const char* src = chunk.data();
  const char* const end = src + chunk.size();
  for (;;) {
    char out[kChunk];
    char* target = out;
    UErrorCode err = U_ZERO_ERROR;
    ucnv_convertEx(icu_->to, icu_->from, &target, out + sizeof out, &src, end, icu_->pivot,
                   &icu_->pivot_source, &icu_->pivot_target, icu_->pivot + 4096, false, flush,
                   &err);
    buf_.append(out, static_cast<std::size_t>(target - out));
    if (err == U_BUFFER_OVERFLOW_ERROR) continue;
    if (U_FAILURE(err)) {
      long offset = consumed_ + static_cast<long>(src - chunk.data());
      throw InputError(name_ + ": byte offset " + std::to_string(offset) + " is not valid " +
                       encoding_name() + " — check --encoding (the file was not read)");
    }
    return;
  }
}

}  // namespace bm::io
