#include "io/csv.hpp"

#include <istream>
#include <ostream>
#include <sstream>

#include "core/error.hpp"
#include "io/policy.hpp"
#include "io/text.hpp"

namespace bm::csv {

Reader::Reader(std::istream& in, std::string name)
    : name_(std::move(name)),
      src_(std::make_unique<io::TextSource>(in, name_, io::read_policy().encoding)),
      max_line_(io::read_policy().max_line) {}

int Reader::get() {
  int c = src_->get();
  if (c >= 0) {
    ++offset_;
    raw_ += static_cast<char>(c);
  }
  return c;
}

// The Rejection carries file:line; the message is the reason alone.
void Reader::reject(long, const std::string& why) {
  raw_.clear();
  throw InputError(why);
}

// Too long: the rest of the line is skipped unread. A quoted record that
// ran over several lines more likely lost its closing quote: reading
// resumes on its second line, as for an unclosed quote.
void Reader::reject_long(Record& out, bool quoted) {
  const std::string limit = std::to_string(max_line_);
  if (quoted && raw_.find('\n') != std::string::npos) reject_unclosed(out);
  int c;
  while ((c = src_->get()) >= 0 && c != '\n') {
  }
  ++line_;
  reject(out.line, "the row is longer than " + limit +
                       " bytes (--max-line) — row skipped; split the field or raise --max-line");
}

void Reader::reject_unclosed(Record& out) {
  std::size_t nl = raw_.find('\n');
  std::string rest = nl == std::string::npos ? std::string() : raw_.substr(nl + 1);
  offset_ -= static_cast<long>(rest.size());
  src_->unread(rest);
  line_ = out.line + 1;
  reject(out.line,
         "a quoted field opened on this line is never closed — row skipped; the rows after "
         "it are read on (close the quote)");
}

// Bytes that are not UTF-8 never reach an output: the row is rejected.
void Reader::check_text(const Record& out) const {
  if (!src_->raw()) return;
  for (const auto& f : out.fields)
    if (auto bad = io::utf8_error(f)) {
      auto pos = raw_.find(f);
      long offset = start_ + static_cast<long>(pos == std::string::npos ? 0 : pos + *bad);
      throw InputError(io::byte_name(static_cast<unsigned char>(f[*bad])) + " at byte offset " +
                       std::to_string(offset) +
                       " is not UTF-8 — row skipped; save the file as UTF-8 or give "
                       "--encoding (e.g. --encoding latin1)");
    }
}

bool Reader::next(Record& out) {
  out.fields.clear();
  out.line = line_;
  start_ = offset_;
  raw_.clear();
  std::string field;
  bool quoted = false, any = false, after_quote = false;
  int c;
  while ((c = get()) >= 0) {
    any = true;
    if (raw_.size() > max_line_) reject_long(out, quoted);
    char ch = static_cast<char>(c);
    if (quoted) {
      if (ch == '"') {
        int n = get();
        if (n == '"') {
          field += '"';
        } else {
          quoted = false;
          after_quote = true;
          if (n >= 0) {
            src_->unread(std::string(1, static_cast<char>(n)));
            --offset_;
            raw_.pop_back();
          }
        }
      } else {
        if (ch == '\n') ++line_;
        field += ch;
      }
      continue;
    }
    if (ch == '"' && field.empty() && !after_quote) {
      quoted = true;
    } else if (ch == delimiter_) {
      out.fields.push_back(std::move(field));
      field.clear();
      after_quote = false;
    } else if (ch == '\n') {
      ++line_;
      if (!field.empty() && field.back() == '\r') field.pop_back();
      out.fields.push_back(std::move(field));
      check_text(out);
      return true;
    } else if (after_quote && ch != '\r') {
      // Skip the rest of the line so the next record starts clean.
      long bad = line_;
      while ((c = src_->get()) >= 0 && c != '\n') ++offset_;
      if (c == '\n') ++line_, ++offset_;
      reject(bad, "unexpected character after a closing quote — quote the whole field");
    } else if (!after_quote) {
      field += ch;
    }
  }
  if (quoted) reject_unclosed(out);
  if (!any) return false;
  out.fields.push_back(std::move(field));
  check_text(out);
  return true;
}

Table::Table(std::istream& in, std::string name) : reader_(in, std::move(name)) {
  Record head;
  bool any = false;
  try {
    any = reader_.next(head);
  } catch (const InputError& e) {
    throw InputError(at(reader_.name(), 1, std::string("the header row: ") + e.what()));
  }
  if (!any) throw InputError(at(reader_.name(), 1, "empty file — expected a header row"));
  header_ = head.fields;
  // Excel writes ';'-separated CSV where the decimal mark is a comma: a
  // header with semicolons and no comma is read that way, every row alike.
  if (header_.size() == 1 && header_[0].find(';') != std::string::npos) {
    header_.clear();
    std::istringstream names(head.fields[0]);
    for (std::string n; std::getline(names, n, ';');) header_.push_back(n);
    reader_.set_delimiter(';');
  }
  for (std::size_t i = 0; i < header_.size(); ++i) index_[header_[i]] = i;
}

bool Table::next() {
  while (reader_.next(record_)) {
    bool blank = record_.fields.size() == 1 && record_.fields[0].empty();
    if (!blank) return true;
  }
  return false;
}

const std::string& Table::get(const std::string& column) const {
  static const std::string empty;
  auto it = index_.find(column);
  if (it == index_.end() || it->second >= record_.fields.size()) return empty;
  return record_.fields[it->second];
}

std::string quote(const std::string& field) {
  if (field.find_first_of(",\"\r\n") == std::string::npos) return field;
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

void write_row(std::ostream& out, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) out << ',';
    out << quote(fields[i]);
  }
  out << '\n';
}

}  // namespace bm::csv
