#pragma once
// A new table filled row by row in one transaction: nothing is visible
// until commit(), and an unfinished writer rolls everything back.
#include <memory>
#include <string>
#include <utility>
#include <vector>

class GDALDataset;

namespace bm::db {

struct PgColumn {
  std::string name;
  std::string type;     // a PostgreSQL type name we wrote ("text", "double precision")
  std::string comment;  // empty: none
};

class PgTableWriter {
 public:
  // Creates `table` (refused when it exists) on a connection of its own.
  PgTableWriter(const std::string& connection, const std::string& table,
                std::vector<PgColumn> columns, std::string key, std::string comment);
  ~PgTableWriter();
  PgTableWriter(const PgTableWriter&) = delete;
  PgTableWriter& operator=(const PgTableWriter&) = delete;

  // One row: a value per column as text ({false, …}: NULL), cast to the
  // column's type by the server.
  void add(const std::vector<std::pair<bool, std::string>>& values);
  // Adds the key and comments and commits; returns the rows written.
  std::size_t commit();

 private:
  void flush();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace bm::db
