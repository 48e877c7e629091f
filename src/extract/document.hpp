#pragma once
// An article as text. HTML is reduced to its visible text with libxml2's HTML
// parser; all offsets reported by `extract` index into Document::text.
#include <cstddef>
#include <string>
#include <string_view>

namespace bm::extract {

struct Document {
  std::string source;  // file name as given
  std::string text;    // UTF-8 plain text (markup removed)
  bool was_html = false;
  // HTML only: the publication date from <meta> (article:published_time,
  // datePublished, ...) or the first <time datetime>, as YYYY-MM-DD.
  std::string meta_date;
};

bool looks_like_html(const std::string& raw);
// Visible text of an HTML page: block elements become line breaks, script,
// style and similar are skipped, entities decoded.
std::string html_to_text(const std::string& html, std::string* meta_date = nullptr);
Document load_document(const std::string& path);  // throws InputError
Document make_document(std::string source, std::string raw);

// The checks load_document makes of a text's bytes (throw InputError):
// no NUL byte; valid UTF-8 (`base`: the text's offset in its file, for the
// message); not longer than the article limit.
void check_no_nul(std::string_view text);
void check_utf8(std::string_view text, std::size_t base);
[[noreturn]] void throw_too_long(std::size_t limit);
// --encoding names UTF-8 (or is not given).
bool utf8_name(std::string encoding);

}  // namespace bm::extract
