#include "db/pg_rows.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "core/error.hpp"
#include "db/pg_connection.hpp"
#include "db/pg_sql.hpp"
#include "geodata/gdal.hpp"

namespace bm::db {
namespace {

// Rows per INSERT: large enough to amortise the round trip, small enough
// to keep the statement (and our buffer) to a few hundred kilobytes.
constexpr std::size_t kBatch = 2000;

}  // namespace

struct PgTableWriter::Impl {
  GDALDatasetUniquePtr ds;
  std::string table, key, comment;
  std::vector<PgColumn> columns;
  std::string values;  // the pending rows' "(…),(…)"
  std::size_t pending = 0, rows = 0;
  bool open = false;
};

PgTableWriter::PgTableWriter(const std::string& connection, const std::string& table,
                             std::vector<PgColumn> columns, std::string key, std::string comment)
    : impl_(std::make_unique<Impl>()) {
  impl_->ds = open_for_update<ExportError>(connection, "write to");
  impl_->table = table;
  impl_->key = std::move(key);
  impl_->comment = std::move(comment);
  impl_->columns = std::move(columns);
  begin(*impl_->ds);
  impl_->open = true;
  std::string list;
  for (const auto& c : impl_->columns)
    list += (list.empty() ? "" : ", ") + quote_ident(c.name) + " " + c.type;
  exec(*impl_->ds, "CREATE TABLE " + quote_table(table) + " (" + list + ")");
}

PgTableWriter::~PgTableWriter() {
  if (impl_ && impl_->open) impl_->ds->RollbackTransaction();
}

void PgTableWriter::add(const std::vector<std::pair<bool, std::string>>& values) {
  std::string row = impl_->pending ? ",(" : "(";
  for (std::size_t k = 0; k < values.size(); ++k) {
    if (k) row += ',';
    row += values[k].first ? quote_literal(values[k].second) : std::string("NULL");
  }
  impl_->values += row + ")";
  if (++impl_->pending == kBatch) flush();
}

void PgTableWriter::flush() {
  if (!impl_->pending) return;
  std::string typed;  // literals arrive as text: cast them to the columns' types
  for (const auto& c : impl_->columns)
    typed += (typed.empty() ? "" : ", ") + ("v." + quote_ident(c.name)) + "::" + c.type;
  std::string names;
  for (const auto& c : impl_->columns) names += (names.empty() ? "" : ", ") + quote_ident(c.name);
  exec(*impl_->ds, "INSERT INTO " + quote_table(impl_->table) + " SELECT " + typed +
                       " FROM (VALUES " + impl_->values + ") AS v(" + names + ")");
  impl_->rows += impl_->pending;
  impl_->pending = 0;
  impl_->values.clear();
}

std::size_t PgTableWriter::commit() {
  flush();
  GDALDataset& ds = *impl_->ds;
  const std::string t = quote_table(impl_->table);
  if (!impl_->key.empty())
    exec(ds, "ALTER TABLE " + t + " ADD PRIMARY KEY (" + quote_ident(impl_->key) + ")");
  if (!impl_->comment.empty())
    exec(ds, "COMMENT ON TABLE " + t + " IS " + quote_literal(impl_->comment));
  for (const auto& c : impl_->columns)
    if (!c.comment.empty())
      exec(ds, "COMMENT ON COLUMN " + t + "." + quote_ident(c.name) + " IS " +
                   quote_literal(c.comment));
  impl_->open = false;
  if (ds.CommitTransaction() != OGRERR_NONE)
    throw ExportError("cannot commit table " + impl_->table + " (" +
                      without_password(CPLGetLastErrorMsg()) + ")");
  return impl_->rows;
}

}  // namespace bm::db
