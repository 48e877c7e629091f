#include "export/gpkg_rtree.hpp"

#include <malloc.h>

#include <algorithm>
#include <atomic>
#include <bit>
#include <cmath>
#include <cstring>
#include <map>
#include <optional>
#include <vector>

#include "core/error.hpp"
#include "export/rtree_pack.hpp"
#include "export/sqlite_db.hpp"
#include "geodata/gdal.hpp"

namespace bm {
namespace {

using sqlite::Db;
using sqlite::literal;
using sqlite::quoted;
using sqlite::Stmt;

double read_double(const unsigned char* p, bool little) {
  std::uint64_t v;
  std::memcpy(&v, p, 8);
  if (little != (std::endian::native == std::endian::little)) v = __builtin_bswap64(v);
  return std::bit_cast<double>(v);
}

// The box of a GeoPackage geometry blob: its envelope, or a point's
// coordinates (GDAL writes points without one); none when empty, as GDAL
// leaves empty geometries out of the index.
std::optional<rtree::Cell> blob_box(std::int64_t id, const unsigned char* b, int n) {
  if (n < 8 || b[0] != 'G' || b[1] != 'P') return std::nullopt;
  const int flags = b[3];
  const bool little = flags & 1;
  const int envelope = (flags >> 1) & 7;
  if (flags & 0x10) return std::nullopt;  // empty
  if (envelope > 0 && n >= 40)
    return rtree::box_of(id, read_double(b + 8, little), read_double(b + 16, little),
                         read_double(b + 24, little), read_double(b + 32, little));
  if (envelope > 0 || n < 29) return std::nullopt;
  const bool wkb_little = b[8] == 1;
  std::uint32_t type;
  std::memcpy(&type, b + 9, 4);
  if (wkb_little != (std::endian::native == std::endian::little)) type = __builtin_bswap32(type);
  if ((type & 0x0fffffffu) % 1000 != 1)
    throw ExportError("geometry " + std::to_string(id) + " has no envelope and is not a point");
  const double x = read_double(b + 13, wkb_little), y = read_double(b + 21, wkb_little);
  if (std::isnan(x) || std::isnan(y)) return std::nullopt;
  return rtree::box_of(id, x, x, y, y);
}

struct GeometryTable {
  std::string table, column, fid;
};

std::vector<GeometryTable> geometry_tables(Db& db) {
  std::vector<GeometryTable> out;
  Stmt s(db, "SELECT table_name, column_name FROM gpkg_geometry_columns");
  while (s.next())
    out.push_back({reinterpret_cast<const char*>(sqlite3_column_text(s.get(), 0)),
                   reinterpret_cast<const char*>(sqlite3_column_text(s.get(), 1)), ""});
  for (auto& t : out) {
    Stmt info(db, "SELECT name FROM pragma_table_info(" + literal(t.table) + ") WHERE pk = 1");
    if (info.next()) t.fid = reinterpret_cast<const char*>(sqlite3_column_text(info.get(), 0));
  }
  return out;
}

// What GDAL creates with a table's R-tree, taken from the same table made
// empty in memory and indexed by GDAL: the virtual table, its triggers and
// the gpkg_extensions row.
struct IndexSql {
  std::string create;
  std::vector<std::string> triggers;
  std::vector<std::string> extension;  // table, column, name, definition, scope
  std::string extensions_table;        // CREATE of gpkg_extensions
};

std::vector<std::vector<std::string>> query(GDALDataset& ds, const std::string& sql) {
  std::vector<std::vector<std::string>> rows;
  OGRLayer* result = ds.ExecuteSQL(sql.c_str(), nullptr, nullptr);
  if (!result) throw ExportError("GDAL: " + sql + " failed (" + CPLGetLastErrorMsg() + ")");
  for (auto& f : *result) {
    rows.emplace_back();
    for (int k = 0; k < f->GetFieldCount(); ++k) rows.back().push_back(f->GetFieldAsString(k));
  }
  ds.ReleaseResultSet(result);
  return rows;
}

IndexSql gdal_index_sql(const GeometryTable& t) {
  static std::atomic<int> serial{0};
  const std::string path = "/vsimem/bordermap-rtree-" + std::to_string(++serial) + ".gpkg";
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
  GDALDatasetUniquePtr ds(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  if (!ds) throw ExportError("GDAL cannot create " + path);
  const std::string geometry_name = "GEOMETRY_NAME=" + t.column, fid = "FID=" + t.fid;
  const char* lco[] = {geometry_name.c_str(), fid.c_str(), kNoSpatialIndex, nullptr};
  if (!ds->CreateLayer(t.table.c_str(), nullptr, wkbUnknown, const_cast<char**>(lco)))
    throw ExportError("GDAL cannot create the layer " + t.table + " in memory");
  query(*ds, "SELECT CreateSpatialIndex(" + literal(t.table) + "," + literal(t.column) + ")");
  IndexSql out;
  const std::string rtree = "rtree_" + t.table + "_" + t.column;
  for (auto& row : query(*ds, "SELECT type, name, sql FROM sqlite_master"))
    if (row[1] == rtree)
      out.create = row[2];
    else if (row[0] == "trigger" && row[1].rfind(rtree + "_", 0) == 0)
      out.triggers.push_back(row[2]);
    else if (row[1] == "gpkg_extensions")
      out.extensions_table = row[2];
  for (auto& row : query(*ds,
                         "SELECT table_name, column_name, extension_name, definition, scope FROM "
                         "gpkg_extensions WHERE extension_name = 'gpkg_rtree_index'"))
    out.extension = row;
  ds.reset();
  VSIUnlink(path.c_str());
  if (out.create.empty() || out.extension.size() != 5)
    throw ExportError("GDAL made no R-tree for " + t.table);
  return out;
}

std::vector<rtree::Cell> boxes(Db& db, const GeometryTable& t) {
  std::vector<rtree::Cell> cells;
  Stmt s(db, "SELECT " + quoted(t.fid) + ", " + quoted(t.column) + " FROM " + quoted(t.table));
  while (s.next()) {
    const auto* blob = static_cast<const unsigned char*>(sqlite3_column_blob(s.get(), 1));
    if (!blob) continue;  // null geometry: not indexed
    if (auto c = blob_box(sqlite3_column_int64(s.get(), 0), blob, sqlite3_column_bytes(s.get(), 1)))
      cells.push_back(*c);
  }
  return cells;
}

void fill(Db& db, const std::string& rtree, std::vector<rtree::Cell> cells) {
  std::size_t node_size = 0;
  {
    Stmt s(db, "SELECT length(data) FROM " + quoted(rtree + "_node") + " WHERE nodeno = 1");
    if (s.next()) node_size = static_cast<std::size_t>(sqlite3_column_int64(s.get(), 0));
  }
  if (node_size < 4 + 24 * 4) db.fail("unexpected R-tree node size");
  db.exec("DELETE FROM " + quoted(rtree + "_node"));
  Stmt node(db, "INSERT INTO " + quoted(rtree + "_node") + " VALUES (?, ?)");
  Stmt rowid(db, "INSERT INTO " + quoted(rtree + "_rowid") + " VALUES (?, ?)");
  Stmt parent(db, "INSERT INTO " + quoted(rtree + "_parent") + " VALUES (?, ?)");
  // Row -> leaf pairs go in in row order: appending keeps SQLite's small
  // page cache enough (in leaf order, 1M rows cost 1.3 s of page copies).
  std::vector<std::pair<std::int64_t, std::int64_t>> leaf_of;
  leaf_of.reserve(cells.size());
  rtree::pack(std::move(cells), (node_size - 4) / 24, [&](rtree::Node&& n) {
    node.insert(n.number, rtree::node_blob(n, node_size));
    for (const auto& c : n.cells)
      if (n.depth == 0)
        leaf_of.emplace_back(c.id, n.number);
      else
        parent.insert(c.id, n.number);
  });
  std::sort(leaf_of.begin(), leaf_of.end());
  for (auto [row, leaf] : leaf_of) rowid.insert(row, leaf);
}

bool has_table(Db& db, const std::string& name) {
  Stmt s(db, "SELECT 1 FROM sqlite_master WHERE name = " + literal(name));
  return s.next();
}

void index_table(Db& db, const GeometryTable& t) {
  if (has_table(db, "rtree_" + t.table + "_" + t.column)) return;  // GDAL made it
  const IndexSql sql = gdal_index_sql(t);
  db.exec(sql.create);
  fill(db, "rtree_" + t.table + "_" + t.column, boxes(db, t));
  for (const auto& trigger : sql.triggers) db.exec(trigger);
  if (!has_table(db, "gpkg_extensions")) db.exec(sql.extensions_table);
  Stmt add(db, "INSERT INTO gpkg_extensions VALUES (?, ?, ?, ?, ?)");
  const auto& e = sql.extension;
  add.insert(e[0].c_str(), e[1].c_str(), e[2].c_str(), e[3].c_str(), e[4].c_str());
}

}  // namespace

void add_spatial_indexes(const std::string& path, const std::string& target) {
  gdal::init();
  malloc_trim(0);  // the writer's freed blocks back to the system before the boxes come
  Db db(path, target, "write the spatial index");
  // The file is a staging copy, renamed over the target when complete: a
  // crash loses nothing, so no journal and no fsync.
  db.exec("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; BEGIN");
  for (const auto& t : geometry_tables(db)) index_table(db, t);
  db.exec("COMMIT");
}

}  // namespace bm
