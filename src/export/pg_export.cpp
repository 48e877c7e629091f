// Export into PostGIS ("PG:…" outputs): every layer as a table with a
// geometry column (GiST-indexed by GDAL), unique ids, foreign keys from
// links, comments and QGIS styles, all in one transaction so a failure
// leaves nothing half-written. --append writes into staging tables and
// merges the rows whose id is new; --overwrite drops the tables first.
#include <algorithm>

#include "core/error.hpp"
#include "db/pg_connection.hpp"
#include "db/pg_sql.hpp"
#include "export/formats.hpp"
#include "export/pg_tables.hpp"
#include "geodata/gdal.hpp"

namespace bm {
namespace {

using db::exec;
using db::quote_ident;
using db::quote_literal;

const std::string kStage = "bordermap_stage_";

int layer_index(GDALDataset& ds, const std::string& name) {
  for (int k = 0; k < ds.GetLayerCount(); ++k)
    if (name == ds.GetLayer(k)->GetName()) return k;
  return -1;
}

void drop_layer(GDALDataset& ds, const std::string& name) {
  int k = layer_index(ds, name);
  if (k >= 0 && ds.DeleteLayer(k) != OGRERR_NONE)
    throw ExportError("cannot drop table " + name + " (" + CPLGetLastErrorMsg() + ")");
}

std::vector<std::string> columns(GDALDataset& ds, const std::string& table, const char* what) {
  return db::query_column(
      ds, std::string("SELECT ") + what +
              " FROM pg_attribute WHERE attrelid = " + quote_literal(quote_ident(table)) +
              "::regclass AND attnum > 0 AND NOT attisdropped "
              "AND attname <> 'fid' ORDER BY attnum");
}

// Adds the staged rows whose id the table does not hold yet, and the
// columns (user columns of this run) it lacks.
void merge_stage(GDALDataset& ds, const std::string& stage, const std::string& table) {
  std::vector<std::string> names = columns(ds, stage, "attname");
  std::vector<std::string> types = columns(ds, stage, "format_type(atttypid, atttypmod)");
  std::vector<std::string> have = columns(ds, table, "attname");
  std::string list;
  for (std::size_t k = 0; k < names.size(); ++k) {
    if (std::find(have.begin(), have.end(), names[k]) == have.end())
      exec(ds, "ALTER TABLE " + quote_ident(table) + " ADD COLUMN " + quote_ident(names[k]) + " " +
                   types[k]);  // a type name PostgreSQL itself printed
    list += (list.empty() ? "" : ", ") + quote_ident(names[k]);
  }
  exec(ds, "INSERT INTO " + quote_ident(table) + " (" + list + ") SELECT " + list + " FROM " +
               quote_ident(stage) + " s WHERE NOT EXISTS (SELECT 1 FROM " + quote_ident(table) +
               " t WHERE t.id = s.id)");
  exec(ds, "DROP TABLE " + quote_ident(stage));
}

// Refuses to touch existing tables unless told how (before writing anything).
void check_existing(GDALDataset& ds, const ExportOptions& o) {
  if (o.mode != WriteMode::create) return;
  for (ExportLayer layer : o.layers) {
    std::string t = table_of(o.table_prefix, layer);
    if (table_exists(ds, t))
      throw UsageError("table " + t +
                       " exists already — give --append to add the new rows, --overwrite to "
                       "replace it, or --table-prefix for new tables");
  }
}

std::vector<std::string> write_tables(GDALDataset& ds, const std::string& where,
                                      const ExportData& data, const ExportOptions& o) {
  const char* lco[] = {"GEOMETRY_NAME=geom", "FID=fid", "SPATIAL_INDEX=GIST", "LAUNDER=NO",
                       nullptr};
  std::vector<std::string> written;
  for (ExportLayer layer : o.layers) {
    std::string table = table_of(o.table_prefix, layer);
    bool exists = table_exists(ds, table);
    if (exists && o.mode == WriteMode::overwrite) drop_layer(ds, table);
    bool merge = exists && o.mode == WriteMode::append;
    ExportOptions lo = o;
    if (merge) lo.table_prefix = kStage + o.table_prefix;
    write_layer(ds, layer, data, lo, const_cast<char**>(lco));
    if (merge)
      merge_stage(ds, table_of(lo.table_prefix, layer), table);
    else
      finish_table(ds, o.table_prefix, layer);
    written.push_back(where + " table " + table);
  }
  return written;
}

std::vector<std::string> write_pg(const std::string& target, const ExportData& data,
                                  const ExportOptions& o) {
  GDALDatasetUniquePtr ds = db::open_for_update<ExportError>(target, "write to");
  check_existing(*ds, o);
  db::begin(*ds);
  try {
    std::vector<std::string> written = write_tables(*ds, db::parse_pg(target).redacted(), data, o);
    if (o.mode != WriteMode::append) add_link_keys(*ds, o.table_prefix, o.layers);
    save_qgis_styles(*ds, o.table_prefix, o.layers);
    db::commit(*ds);
    return written;
  } catch (...) {
    ds->RollbackTransaction();
    throw;
  }
}

bool accepts_pg(const std::string& target) { return db::is_pg(target); }

}  // namespace

ExportFormat pg_format() {
  return {"postgis",
          "PG:… connection: one table per layer (--table-prefix), keys, GiST indexes, QGIS styles; "
          "--append or --overwrite existing tables",
          accepts_pg, nullptr, write_pg};
}

}  // namespace bm
