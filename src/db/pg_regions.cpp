#include "db/pg_regions.hpp"

#include <ogrsf_frmts.h>

#include "core/error.hpp"
#include "db/pg_connection.hpp"
#include "db/pg_sql.hpp"
#include "geodata/gdal.hpp"

namespace bm::db {
namespace {

std::vector<std::string> split_names(const std::string& text) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while (at <= text.size()) {
    std::size_t end = text.find(';', at);
    if (end == std::string::npos) end = text.size();
    if (end > at) out.push_back(text.substr(at, end - at));
    at = end + 1;
  }
  return out;
}

// Runs a query whose rows `each` reads; throws InputError naming the table.
template <class Each>
void each_row(GDALDataset& ds, const std::string& sql, const std::string& table, const Each& each) {
  CPLErrorReset();
  OGRLayer* result = ds.ExecuteSQL(sql.c_str(), nullptr, nullptr);
  if (!result || CPLGetLastErrorType() >= CE_Failure) {
    if (result) ds.ReleaseResultSet(result);
    throw InputError("cannot read the regions table " + table + " (" +
                     without_password(CPLGetLastErrorMsg()) +
                     ") — it needs columns id, name, alt_names and geom, as `bordermap data "
                     "--to` loads them; give another with --regions-table");
  }
  for (auto& f : *result) each(*f);
  ds.ReleaseResultSet(result);
}

}  // namespace

PgRegions::PgRegions(const std::string& connection, const std::string& table)
    : ds_(open_for_update<InputError>(with_tables(connection, ""), "link in")), table_(table) {
  const std::string order = has_column(*ds_, table, "fid") ? " ORDER BY fid" : "";
  each_row(
      *ds_,
      "SELECT id::text, name::text, coalesce(alt_names::text, ''), ST_XMin(geom), "
      "ST_YMin(geom), ST_XMax(geom), ST_YMax(geom) FROM " +
          quote_table(table) + " WHERE geom IS NOT NULL" + order,
      table, [&](OGRFeature& f) {
        PgRegion r{
            f.GetFieldAsString(0), f.GetFieldAsString(1), split_names(f.GetFieldAsString(2)), {}};
        r.extent.add(LonLat{f.GetFieldAsDouble(3), f.GetFieldAsDouble(4)});
        r.extent.add(LonLat{f.GetFieldAsDouble(5), f.GetFieldAsDouble(6)});
        list_.push_back(std::move(r));
      });
}

MultiPolygon PgRegions::area(std::size_t i) const {
  MultiPolygon out;
  each_row(*ds_,
           "SELECT geom FROM " + quote_table(table_) +
               " WHERE id::text = " + quote_literal(list_.at(i).id) + " LIMIT 1",
           table_, [&](OGRFeature& f) { out = gdal::to_multipolygon(f.GetGeometryRef()); });
  return out;
}

}  // namespace bm::db
