#pragma once
// An article as text. HTML is reduced to its visible text with libxml2's HTML
// parser; all offsets reported by `extract` index into Document::text.
#include <string>

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

}  // namespace bm::extract
