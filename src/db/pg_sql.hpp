#pragma once
// SQL on a GDAL PostgreSQL dataset: statements are built only from
// identifiers we quote and literals we quote, and errors carry the
// server's message.
#include <gdal_priv.h>

#include <string>
#include <vector>

namespace bm::db {

std::string quote_ident(const std::string& name);    // "a""b"
std::string quote_literal(const std::string& text);  // 'it''s'
// "schema.table" -> "schema"."table"; a plain name -> "name".
std::string quote_table(const std::string& name);

// Runs one statement; throws ExportError with the server's message.
void exec(GDALDataset& ds, const std::string& sql);

// The first column of every row of a query, as text (NULL as "").
std::vector<std::string> query_column(GDALDataset& ds, const std::string& sql);

// Whether `table` ("schema.table" or a plain name) has `column`.
bool has_column(GDALDataset& ds, const std::string& table, const std::string& column);

// A "PG:" target opened for update, or nullptr (CPLGetLastErrorMsg says why).
GDALDatasetUniquePtr try_open_for_update(const std::string& target);
// Why it failed, for someone who was `doing` ("write to", "link in"): the
// server, GDAL's reason without the password, and what to check.
std::string open_failure(const std::string& target, const std::string& doing);

// Opens or throws `Error` (ExportError for writers, InputError for readers).
template <class Error>
GDALDatasetUniquePtr open_for_update(const std::string& target, const std::string& doing) {
  GDALDatasetUniquePtr ds = try_open_for_update(target);
  if (!ds) throw Error(open_failure(target, doing));
  return ds;
}

// A transaction with the string quoting quote_literal relies on; commit()
// throws ExportError with the server's message (password removed).
void begin(GDALDataset& ds);
void commit(GDALDataset& ds);

}  // namespace bm::db
