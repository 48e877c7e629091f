#include "db/pg_link.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "core/error.hpp"
#include "db/pg_connection.hpp"
#include "db/pg_sql.hpp"
#include "geodata/gdal.hpp"

namespace bm::db {
namespace {

// "schema.table" -> "schema"."table"; a plain name -> "name".
std::string quote_table(const std::string& name) {
  std::size_t dot = name.find('.');
  if (dot == std::string::npos) return quote_ident(name);
  return quote_ident(name.substr(0, dot)) + "." + quote_ident(name.substr(dot + 1));
}

// The nearest row of `segs` (optionally only disputed ones) to i.geom.
std::string nearest(const PgLinkOptions& o, const std::string& segs, bool disputed) {
  std::string g = "i." + quote_ident(o.geom_column) + "::geography";
  return "SELECT c.id, ST_Distance(c.g, " + g + ", true) AS dist_m FROM (SELECT s.id, s.g FROM " +
         segs + " s" + (disputed ? " WHERE s.status = 'disputed'" : "") + " ORDER BY s.g <-> " + g +
         " LIMIT " + std::to_string(o.candidates) + ") c ORDER BY dist_m, c.id LIMIT 1";
}

GDALDatasetUniquePtr connect(const std::string& connection) {
  gdal::init();
  CPLErrorReset();
  GDALDatasetUniquePtr ds(static_cast<GDALDataset*>(
      GDALOpenEx(connection.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, nullptr, nullptr)));
  if (!ds) {
    PgConnection c = parse_pg(connection);
    throw InputError("cannot link in PostgreSQL at " + c.where() + " (" +
                     without_password(CPLGetLastErrorMsg()) + ") — " + connection_advice(c));
  }
  return ds;
}

// The segments as geography with a GiST index, for this session only.
void stage_segments(GDALDataset& ds, const PgLinkOptions& o, const std::string& name) {
  exec(ds, "CREATE TEMP TABLE " + quote_ident(name) +
               " AS SELECT id::text AS id, status::text AS status, geom::geography AS g FROM " +
               quote_table(o.segments));
  exec(ds, "CREATE INDEX ON " + quote_ident(name) + " USING gist (g)");
  exec(ds, "ANALYZE " + quote_ident(name));
}

double number(OGRFeature& f, int k) {
  return f.IsFieldSetAndNotNull(k) ? f.GetFieldAsDouble(k) : -1;
}
std::string text(OGRFeature& f, int k) {
  return f.IsFieldSetAndNotNull(k) ? f.GetFieldAsString(k) : "";
}

}  // namespace

std::string link_query(const PgLinkOptions& o, const std::string& segments_geog) {
  std::string segs = quote_table(segments_geog);
  return "SELECT i." + quote_ident(o.id_column) +
         "::text AS incident_id, n.id AS segment_id, n.dist_m, d.id AS disputed_segment_id, "
         "d.dist_m AS disputed_dist_m FROM " +
         quote_table(o.incidents) + " i CROSS JOIN LATERAL (" + nearest(o, segs, false) +
         ") n LEFT JOIN LATERAL (" + nearest(o, segs, true) + ") d ON true WHERE i." +
         quote_ident(o.geom_column) + " IS NOT NULL";
}

std::size_t pg_link(const std::string& connection, const PgLinkOptions& o,
                    const std::function<void(const PgLinkRow&)>& row) {
  GDALDatasetUniquePtr ds = connect(connection);
  const std::string segs = "bordermap_link_segments";
  stage_segments(*ds, o, segs);
  std::string query = link_query(o, segs);
  if (!o.into.empty()) {
    if (ds->StartTransaction(TRUE) != OGRERR_NONE) throw ExportError("cannot start a transaction");
    try {
      exec(*ds, "CREATE TABLE " + quote_table(o.into) + " AS " + query);
      exec(*ds, "ALTER TABLE " + quote_table(o.into) + " ADD PRIMARY KEY (incident_id)");
      std::size_t n =
          std::stoul(query_column(*ds, "SELECT count(*) FROM " + quote_table(o.into)).at(0));
      if (ds->CommitTransaction() != OGRERR_NONE) throw ExportError("cannot commit the links");
      return n;
    } catch (...) {
      ds->RollbackTransaction();
      throw;
    }
  }
  CPLErrorReset();
  OGRLayer* result = ds->ExecuteSQL(query.c_str(), nullptr, nullptr);
  if (!result || CPLGetLastErrorType() >= CE_Failure) {
    if (result) ds->ReleaseResultSet(result);
    throw InputError("the pushed-down link failed (" + without_password(CPLGetLastErrorMsg()) +
                     ") — do " + o.incidents + " and " + o.segments + " exist, with columns " +
                     o.id_column + ", " + o.geom_column + " and id, status, geom?");
  }
  std::size_t n = 0;
  for (auto& f : *result) {
    if (row) row({text(*f, 0), text(*f, 1), text(*f, 3), number(*f, 2), number(*f, 4)});
    ++n;
  }
  ds->ReleaseResultSet(result);
  return n;
}

}  // namespace bm::db
