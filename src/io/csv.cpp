#include "io/csv.hpp"

#include <istream>
#include <ostream>

#include "core/error.hpp"

namespace bm::csv {

Reader::Reader(std::istream& in, std::string name) : in_(in), name_(std::move(name)) {}

bool Reader::next(Record& out) {
  out.fields.clear();
  out.line = line_;
  std::string field;
  bool quoted = false, any = false, after_quote = false;
  int c;
  while ((c = in_.get()) != EOF) {
    any = true;
    char ch = static_cast<char>(c);
    if (quoted) {
      if (ch == '"') {
        if (in_.peek() == '"') {
          field += '"';
          in_.get();
        } else {
          quoted = false;
          after_quote = true;
        }
      } else {
        if (ch == '\n') ++line_;
        field += ch;
      }
      continue;
    }
    if (ch == '"' && field.empty() && !after_quote) {
      quoted = true;
    } else if (ch == ',') {
      out.fields.push_back(std::move(field));
      field.clear();
      after_quote = false;
    } else if (ch == '\n') {
      ++line_;
      if (!field.empty() && field.back() == '\r') field.pop_back();
      out.fields.push_back(std::move(field));
      return true;
    } else if (after_quote && ch != '\r') {
      // Skip the rest of the line so the next record starts clean.
      long bad = line_;
      while ((c = in_.get()) != EOF && c != '\n') {
      }
      if (c == '\n') ++line_;
      throw InputError(
          at(name_, bad, "unexpected character after a closing quote — quote the whole field"));
    } else if (!after_quote) {
      field += ch;
    }
  }
  if (quoted) throw InputError(at(name_, out.line, "a quoted field is never closed"));
  if (!any) return false;
  out.fields.push_back(std::move(field));
  return true;
}

Table::Table(std::istream& in, std::string name) : reader_(in, std::move(name)) {
  Record head;
  if (!reader_.next(head))
    throw InputError(at(reader_.name(), 1, "empty file — expected a header row"));
  header_ = head.fields;
  // A UTF-8 byte order mark from spreadsheet exports is not part of the name.
  if (!header_.empty() && header_[0].rfind("\xEF\xBB\xBF", 0) == 0) header_[0].erase(0, 3);
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
