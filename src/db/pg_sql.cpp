#include "db/pg_sql.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "core/error.hpp"
#include "db/pg_connection.hpp"
#include "geodata/gdal.hpp"

namespace bm::db {

std::string quote_ident(const std::string& name) {
  std::string out = "\"";
  for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// With standard_conforming_strings on (set by the writer, PostgreSQL's
// default since 9.1) a backslash is an ordinary character: doubling the
// quote is all the escaping a literal needs.
std::string quote_literal(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

std::string quote_table(const std::string& name) {
  std::size_t dot = name.find('.');
  if (dot == std::string::npos) return quote_ident(name);
  return quote_ident(name.substr(0, dot)) + "." + quote_ident(name.substr(dot + 1));
}

namespace {

[[noreturn]] void fail(const std::string& sql) {
  std::string why = without_password(CPLGetLastErrorMsg());
  std::string head = sql.substr(0, sql.find_first_of("(\n"));
  throw ExportError("PostgreSQL refused: " + head + " (" + why + ")");
}

}  // namespace

void exec(GDALDataset& ds, const std::string& sql) {
  CPLErrorReset();
  OGRLayer* result = ds.ExecuteSQL(sql.c_str(), nullptr, nullptr);
  if (result) ds.ReleaseResultSet(result);
  if (CPLGetLastErrorType() >= CE_Failure) fail(sql);
}

std::vector<std::string> query_column(GDALDataset& ds, const std::string& sql) {
  CPLErrorReset();
  OGRLayer* result = ds.ExecuteSQL(sql.c_str(), nullptr, nullptr);
  if (CPLGetLastErrorType() >= CE_Failure) {
    if (result) ds.ReleaseResultSet(result);
    fail(sql);
  }
  std::vector<std::string> out;
  if (!result) return out;
  for (auto& f : *result) out.push_back(f->IsFieldSetAndNotNull(0) ? f->GetFieldAsString(0) : "");
  ds.ReleaseResultSet(result);
  return out;
}

bool has_column(GDALDataset& ds, const std::string& table, const std::string& column) {
  return !query_column(ds, "SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass(" +
                               quote_literal(quote_table(table)) +
                               ") AND attname = " + quote_literal(column) + " AND NOT attisdropped")
              .empty();
}

GDALDatasetUniquePtr try_open_for_update(const std::string& target) {
  gdal::init();
  CPLErrorReset();
  return GDALDatasetUniquePtr(static_cast<GDALDataset*>(
      GDALOpenEx(target.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, nullptr, nullptr)));
}

std::string open_failure(const std::string& target, const std::string& doing) {
  PgConnection c = parse_pg(target);
  return "cannot " + doing + " PostgreSQL at " + c.where() + " (" +
         without_password(CPLGetLastErrorMsg()) + ") — " + connection_advice(c);
}

void begin(GDALDataset& ds) {
  if (ds.StartTransaction(TRUE) != OGRERR_NONE)
    throw ExportError("cannot start a transaction (" + without_password(CPLGetLastErrorMsg()) +
                      ")");
  exec(ds, "SET LOCAL standard_conforming_strings = on");
}

void commit(GDALDataset& ds) {
  if (ds.CommitTransaction() != OGRERR_NONE)
    throw ExportError("cannot commit (" + without_password(CPLGetLastErrorMsg()) + ")");
}

}  // namespace bm::db
