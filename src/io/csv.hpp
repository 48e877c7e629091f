#pragma once
// RFC 4180 CSV reading and writing. Quoted fields may hold commas, quotes
// and newlines; every record remembers the line it starts on for messages.
// The reader streams: a record longer than read_policy().max_line, one that
// is not valid UTF-8 (see io/decode.hpp for encodings) or a quote never
// closed is rejected (InputError with file:line) and reading goes on.
#include <iosfwd>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "io/decode.hpp"

namespace bm::csv {

struct Record {
  long line = 0;  // 1-based line where the record starts
  std::vector<std::string> fields;
};

class Reader {
 public:
  // `name` is used in error messages (a path, or "<stdin>").
  Reader(std::istream& in, std::string name);
  bool next(Record& out);
  const std::string& name() const { return name_; }
  // ',' unless the table's header says ';' (Table does).
  void set_delimiter(char d) { delimiter_ = d; }

 private:
  int get();
  [[noreturn]] void reject(long line, const std::string& why);
  [[noreturn]] void reject_long(Record& out, bool quoted);
  [[noreturn]] void reject_unclosed(Record& out);
  void check_text(const Record& out) const;

  std::string name_;
  std::unique_ptr<io::TextSource> src_;
  std::size_t max_line_;
  char delimiter_ = ',';
  long line_ = 1;
  long offset_ = 0;  // bytes read (after decoding), for messages
  long start_ = 0;   // offset where the current record starts
  std::string raw_;  // the current record's bytes, to resume after a bad quote
};

// A table with a header: look fields up by column name.
class Table {
 public:
  Table(std::istream& in, std::string name);
  bool next();
  const std::vector<std::string>& header() const { return header_; }
  bool has(const std::string& column) const { return index_.count(column) != 0; }
  // The field of the current record, or "" when the column is absent.
  const std::string& get(const std::string& column) const;
  // The current record's field at `column` (< width()).
  const std::string& field(std::size_t column) const { return record_.fields[column]; }
  long line() const { return record_.line; }
  std::size_t width() const { return record_.fields.size(); }
  const std::string& name() const { return reader_.name(); }

 private:
  Reader reader_;
  std::vector<std::string> header_;
  std::map<std::string, std::size_t> index_;
  Record record_;
};

// Quotes a field when it needs it (comma, quote, CR or LF).
std::string quote(const std::string& field);
void write_row(std::ostream& out, const std::vector<std::string>& fields);

}  // namespace bm::csv
