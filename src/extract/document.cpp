#include "extract/document.hpp"

#include <fcntl.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

#include "core/error.hpp"
#include "extract/text.hpp"
#include "io/decode.hpp"
#include "io/policy.hpp"
#include "io/text.hpp"

namespace bm::extract {
namespace {

bool is_skipped(const char* name) {
  // Navigation, asides and footers carry other stories' headlines and figures.
  for (const char* n : {"script", "style", "noscript", "template", "svg", "head", "iframe", "form",
                        "nav", "aside", "footer", "button", "select"})
    if (std::strcmp(name, n) == 0) return true;
  return false;
}

bool is_block(const char* name) {
  for (const char* n :
       {"p",       "div",     "br",     "li",     "ul",         "ol",         "h1",
        "h2",      "h3",      "h4",     "h5",     "h6",         "tr",         "table",
        "section", "article", "header", "footer", "blockquote", "figcaption", "figure",
        "title",   "time",    "dt",     "dd",     "pre",        "hr"})
    if (std::strcmp(name, n) == 0) return true;
  return false;
}

void walk(xmlNode* node, std::string& out) {
  for (xmlNode* n = node; n; n = n->next) {
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      const char* c = reinterpret_cast<const char*>(n->content);
      if (!c) continue;
      // Collapse runs of whitespace as a browser would.
      for (const char* p = c; *p; ++p) {
        bool ws = *p == ' ' || *p == '\n' || *p == '\t' || *p == '\r';
        if (ws) {
          if (!out.empty() && out.back() != ' ' && out.back() != '\n') out += ' ';
        } else {
          out += *p;
        }
      }
    } else if (n->type == XML_ELEMENT_NODE) {
      const char* name = reinterpret_cast<const char*>(n->name);
      if (is_skipped(name)) continue;
      bool block = is_block(name);
      if (block && !out.empty() && out.back() != '\n') {
        while (!out.empty() && out.back() == ' ') out.pop_back();
        out += '\n';
      }
      walk(n->children, out);
      if (block && !out.empty() && out.back() != '\n') {
        while (!out.empty() && out.back() == ' ') out.pop_back();
        out += '\n';
      }
    }
  }
}

std::string attr(xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  if (!v) return {};
  std::string out(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return out;
}

bool iso_prefix(const std::string& s) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return false;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[static_cast<std::size_t>(i)] < '0' || s[static_cast<std::size_t>(i)] > '9') return false;
  return true;
}

void find_meta_date(xmlNode* node, std::string& out) {
  for (xmlNode* n = node; n && out.empty(); n = n->next) {
    if (n->type != XML_ELEMENT_NODE) continue;
    const char* name = reinterpret_cast<const char*>(n->name);
    if (std::strcmp(name, "meta") == 0) {
      std::string key = lower_ascii(attr(n, "property") + attr(n, "name") + attr(n, "itemprop"));
      std::string content = attr(n, "content");
      if ((key == "article:published_time" || key == "datepublished" || key == "pubdate" ||
           key == "publishdate" || key == "date" || key == "dc.date" ||
           key == "og:published_time" || key == "dcterms.created") &&
          iso_prefix(content))
        out = content.substr(0, 10);
    } else if (std::strcmp(name, "time") == 0) {
      std::string dt = attr(n, "datetime");
      if (iso_prefix(dt)) out = dt.substr(0, 10);
    }
    if (out.empty()) find_meta_date(n->children, out);
  }
}

}  // namespace

bool looks_like_html(const std::string& raw) {
  std::string head = lower_ascii(std::string_view(raw).substr(0, 2048));
  return head.find("<html") != std::string::npos ||
         head.find("<!doctype html") != std::string::npos ||
         head.find("<body") != std::string::npos || head.find("<p>") != std::string::npos ||
         head.find("<div") != std::string::npos || head.find("<article") != std::string::npos;
}

std::string html_to_text(const std::string& html, std::string* meta_date) {
  htmlDocPtr doc = htmlReadMemory(
      html.data(), static_cast<int>(html.size()), nullptr, "UTF-8",
      HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
  if (!doc) throw InputError("the HTML could not be parsed at all — save the page as text");
  std::string out;
  // The <title> is kept: it is often the headline.
  walk(xmlDocGetRootElement(doc), out);
  xmlNode* root = xmlDocGetRootElement(doc);
  for (xmlNode* n = root ? root->children : nullptr; n; n = n->next) {
    if (n->type == XML_ELEMENT_NODE &&
        std::strcmp(reinterpret_cast<const char*>(n->name), "head") == 0) {
      for (xmlNode* h = n->children; h; h = h->next)
        if (h->type == XML_ELEMENT_NODE &&
            std::strcmp(reinterpret_cast<const char*>(h->name), "title") == 0) {
          std::string title;
          walk(h->children, title);
          if (!trim(title).empty()) out = std::string(trim(title)) + "\n" + out;
        }
    }
  }
  if (meta_date) find_meta_date(xmlDocGetRootElement(doc), *meta_date);
  xmlFreeDoc(doc);
  return out;
}

Document make_document(std::string source, std::string raw) {
  Document d;
  d.source = std::move(source);
  d.was_html = looks_like_html(raw);
  // Moved, not copied: a long article would otherwise be held twice.
  d.text = d.was_html ? html_to_text(raw, &d.meta_date) : std::move(raw);
  return d;
}

// Bytes that are not text are refused, never read as words: a binary file
// named .txt, or an article in another encoding than UTF-8 without --encoding.
void check_no_nul(std::string_view text) {
  if (text.find('\0') != std::string_view::npos)
    throw InputError(
        "holds NUL bytes: not a text article (a binary, compressed or office "
        "file?) — give plain text or HTML");
}

void check_utf8(std::string_view text, std::size_t base) {
  if (auto bad = io::utf8_error(text)) {
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text[*bad]));
    throw InputError(std::string("byte ") + byte + " at byte offset " +
                     std::to_string(base + *bad) +
                     " is not UTF-8 — if the article is in another encoding, give --encoding "
                     "(e.g. --encoding windows-1251)");
  }
}

// Counted while reading, so a pipe or a FIFO is bounded as a file is.
void throw_too_long(std::size_t limit) {
  throw InputError("is longer than the article limit of " + std::to_string(limit) +
                   " bytes — split it, or give --max-article BYTES to read it (about 0.2 s of "
                   "CPU a MB; it is held whole and read in sections of 1 MiB)");
}

namespace {

void check_text(const std::string& text) {
  check_no_nul(text);
  check_utf8(text, 0);
}

}  // namespace

bool utf8_name(std::string e) {
  for (auto& c : e) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return e.empty() || e == "utf-8" || e == "utf8";
}

namespace {

// A regular file of UTF-8 without a BOM, read with one read: most articles
// are, and a feed of short ones spent more in TextSource's 64 KiB buffers
// and its byte-by-byte copy than in reading. Nothing when the file needs
// the general path (not a regular file, a BOM, or it cannot be opened).
std::optional<std::string> read_plain(const std::string& path, std::size_t limit) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct FdCloser {
    int fd;
    ~FdCloser() { ::close(fd); }
  } closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  std::string text(std::min(static_cast<std::size_t>(st.st_size), limit) + 1, '\0');
  std::size_t got = 0;
  for (;;) {
    if (got == text.size()) text.resize(std::min(text.size() * 2, limit + 1), '\0');
    if (got == text.size()) break;  // limit + 1 bytes: too long
    ssize_t n = ::read(fd, text.data() + got, text.size() - got);
    if (n < 0) return std::nullopt;
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
  }
  text.resize(got);
  std::string_view head(text.data(), std::min<std::size_t>(got, 3));
  if (head.starts_with("\xFF\xFE") || head.starts_with("\xFE\xFF") || head == "\xEF\xBB\xBF")
    return std::nullopt;
  if (text.size() > limit) throw_too_long(limit);
  check_text(text);
  return text;
}

// The article as UTF-8: a BOM (UTF-8, UTF-16) or --encoding decides, as for tables.
std::string read_text(const std::string& path) {
  if (path != "-" && utf8_name(io::read_policy().encoding))
    if (auto text = read_plain(path, io::read_policy().max_article)) return std::move(*text);
  if (std::filesystem::is_directory(path))
    throw InputError("is a folder — give the article files in it (e.g. " + path + "/*.txt)");
  std::ifstream file;
  std::istream* in = &std::cin;  // "-": the article comes down a pipe
  if (path != "-") {
    file.open(path, std::ios::binary);
    if (!file) throw InputError("cannot open the article — check the path");
    in = &file;
  }
  io::TextSource source(*in, path, io::read_policy().encoding);
  const std::size_t limit = io::read_policy().max_article;
  std::string text;
  // Grown once to the file's size, not doubled past it.
  std::error_code ec;
  if (path != "-")
    if (auto size = std::filesystem::file_size(path, ec); !ec) text.reserve(std::min(size, limit));
  for (int c = source.get(); c >= 0; c = source.get()) {
    if (text.size() == limit) throw_too_long(limit);
    text.push_back(static_cast<char>(c));
  }
  if (source.raw()) check_text(text);
  return text;
}

}  // namespace

Document load_document(const std::string& path) {
  try {
    return make_document(path, read_text(path));
  } catch (const InputError& e) {
    throw InputError(path + ": " + e.what());
  }
}

}  // namespace bm::extract
