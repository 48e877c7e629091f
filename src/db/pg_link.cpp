#include "db/pg_link.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "db/pg_connection.hpp"
#include "db/pg_sql.hpp"
#include "geodata/gdal.hpp"

namespace bm::db {
namespace {

const std::string kSegments = "bordermap_link_segments";
const std::string kDisputed = "bordermap_link_disputed";
const std::string kParts = "bordermap_link_parts";

// "schema.table" -> "schema"."table"; a plain name -> "name".
std::string quote_table(const std::string& name) {
  std::size_t dot = name.find('.');
  if (dot == std::string::npos) return quote_ident(name);
  return quote_ident(name.substr(0, dot)) + "." + quote_ident(name.substr(dot + 1));
}

std::string point(const PgLinkOptions& o) { return "i." + quote_ident(o.geom_column); }
std::string geog(const PgLinkOptions& o) { return point(o) + "::geography"; }

std::string knn(const PgLinkOptions& o, const std::string& segs) {
  return "SELECT s.id, s.g <-> " + geog(o) + " AS sd FROM " + segs + " s ORDER BY s.g <-> " +
         geog(o) + " LIMIT " + std::to_string(o.candidates);
}

// The segments of the k nearest pieces on the sphere as a JSON array of ids
// (any id survives the trip), nearest first, and the k-th piece's distance
// (-1 when there are fewer pieces): every other segment lies farther away.
std::string candidates(const PgLinkOptions& o, const std::string& segs) {
  const std::string k = std::to_string(o.candidates);
  return "SELECT array_to_json(array_agg(c.id ORDER BY c.sd, c.id))::text AS ids, CASE WHEN "
         "sum(c.n) < " +
         k +
         " THEN -1 ELSE max(c.far) END AS reach FROM (SELECT p.id, min(p.sd) AS sd, "
         "max(p.sd) AS far, count(*) AS n FROM (" +
         knn(o, segs) + ") p GROUP BY p.id) c";
}

// The nearest row of `segs` (optionally only disputed ones) by PostGIS's
// own spheroid distance.
std::string plain_nearest(const PgLinkOptions& o, const std::string& segs) {
  return "SELECT c.id, ST_Distance(c.g, " + geog(o) +
         ", true) AS dist_m FROM (SELECT s.id, s.g FROM " + segs + " s ORDER BY s.g <-> " +
         geog(o) + " LIMIT " + std::to_string(o.candidates) + ") c ORDER BY dist_m, c.id LIMIT 1";
}

// The segments cut into pieces of kPiece vertices, as geography with a GiST
// index, for this session only. Whole segments run for hundreds of
// kilometres: their boxes overlap so much that KNN would measure many of
// them exactly; pieces keep the index sharp. The cut keeps the original
// vertices (no new ones), so every piece is exactly part of its segment.
constexpr int kPiece = 32;

void stage_segments(GDALDataset& ds, const PgLinkOptions& o) {
  // The disputed ones get a table and index of their own: filtering the
  // index scan of all pieces would walk every piece nearer than the
  // nearest disputed one, often hundreds of kilometres of them.
  const std::string n1 = std::to_string(kPiece - 1);  // edges a piece
  exec(ds, "CREATE TEMP TABLE " + quote_ident(kSegments) +
               " AS WITH v AS (SELECT s.id::text AS id, s.status::text AS status, d.path AS "
               "path, d.geom FROM " +
               quote_table(o.segments) +
               " s, ST_DumpPoints(ST_Multi(s.geom)) d), w AS (SELECT id, status, path[1] AS "
               "line, path[2] AS k, geom, (path[2] - 1) / " +
               n1 +
               " AS piece FROM v UNION ALL SELECT id, status, path[1], path[2], geom, "
               "(path[2] - 1) / " +
               n1 + " - 1 FROM v WHERE path[2] > 1 AND (path[2] - 1) % " + n1 +
               " = 0) SELECT id, status, ST_MakeLine(geom ORDER BY k)::geography AS g FROM w "
               "GROUP BY id, status, line, piece HAVING count(*) > 1");
  exec(ds, "CREATE TEMP TABLE " + quote_ident(kDisputed) + " AS SELECT * FROM " +
               quote_ident(kSegments) + " WHERE status = 'disputed'");
  for (const auto& t : {kSegments, kDisputed}) {
    exec(ds, "CREATE INDEX ON " + quote_ident(t) + " USING gist (g)");
    exec(ds, "ANALYZE " + quote_ident(t));
  }
}

// A country's code: its iso2 column when the table has one (the bundled
// countries, whose ids must stay unique), else its id (export's countries).
std::string country_code(GDALDataset& ds, const PgLinkOptions& o, const std::string& row) {
  const bool has_iso2 =
      !query_column(ds, "SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass(" +
                            quote_literal(quote_table(o.countries)) +
                            ") AND attname = 'iso2' AND NOT attisdropped")
           .empty();
  return row + "." + quote_ident(has_iso2 ? "iso2" : "id") + "::text";
}

// Every polygon of every country, flagged when it is not the country's
// largest (the in-memory locator's "enclave"), in the table's order.
void stage_parts(GDALDataset& ds, const PgLinkOptions& o) {
  exec(ds, "CREATE TEMP TABLE " + quote_ident(kParts) +
               " AS SELECT ord, id, geom, row_number() OVER (PARTITION BY ord ORDER BY "
               "ST_Area(geom) DESC, k) > 1 AS enclave FROM (SELECT c.fid AS ord, " +
               country_code(ds, o, "c") + " AS id, d.path[1] AS k, d.geom FROM " +
               quote_table(o.countries) + " c, ST_Dump(c.geom) d) x");
  exec(ds, "CREATE INDEX ON " + quote_ident(kParts) + " USING gist (geom)");
  exec(ds, "ANALYZE " + quote_ident(kParts));
}

double number(OGRFeature& f, int k) {
  return f.IsFieldSetAndNotNull(k) ? f.GetFieldAsDouble(k) : -1;
}
std::string text(OGRFeature& f, int k) {
  return f.IsFieldSetAndNotNull(k) ? f.GetFieldAsString(k) : "";
}
std::vector<std::string> ids(OGRFeature& f, int k) {
  std::vector<std::string> out;
  if (!f.IsFieldSetAndNotNull(k)) return out;
  for (const auto& id : nlohmann::json::parse(f.GetFieldAsString(k))) out.push_back(id);
  return out;
}

PgCandidates candidates_of(OGRFeature& f) {
  PgCandidates c;
  c.incident_id = text(f, 0);
  c.date = text(f, 1);
  c.lon = f.GetFieldAsDouble(2);
  c.lat = f.GetFieldAsDouble(3);
  c.nearest = ids(f, 4);
  c.reach_m = number(f, 5);
  c.disputed = ids(f, 6);
  c.disputed_reach_m = number(f, 7);
  c.country = text(f, 8);
  c.enclave = text(f, 9) == "1" || text(f, 9) == "t" || text(f, 9) == "true";
  return c;
}

// Runs a query and hands every row to `each` as the cursor delivers them.
template <class Each>
std::size_t stream(GDALDataset& ds, const std::string& query, const PgLinkOptions& o,
                   const Each& each) {
  CPLErrorReset();
  OGRLayer* result = ds.ExecuteSQL(query.c_str(), nullptr, nullptr);
  if (!result || CPLGetLastErrorType() >= CE_Failure) {
    if (result) ds.ReleaseResultSet(result);
    throw InputError("the pushed-down link failed (" + without_password(CPLGetLastErrorMsg()) +
                     ") — do " + o.incidents + " and " + o.segments + " exist, with columns " +
                     o.id_column + ", " + o.geom_column + " and id, status, geom?");
  }
  std::size_t n = 0;
  try {
    for (auto& f : *result) {
      each(*f);
      ++n;
    }
  } catch (...) {
    ds.ReleaseResultSet(result);
    throw;
  }
  ds.ReleaseResultSet(result);
  return n;
}

}  // namespace

std::string candidates_query(const PgLinkOptions& o, const std::string& segments_geog,
                             const std::string& disputed_geog, const std::string& parts) {
  const std::string segs = quote_table(segments_geog), disp = quote_table(disputed_geog);
  const std::string date =
      o.date_column.empty() ? "NULL::text" : "i." + quote_ident(o.date_column) + "::text";
  const std::string where = parts.empty() ? "SELECT NULL::text AS id, false AS enclave"
                                          : "SELECT p.id, p.enclave FROM " + quote_table(parts) +
                                                " p WHERE ST_Contains(p.geom, " + point(o) +
                                                ") ORDER BY p.ord LIMIT 1";
  return "SELECT i." + quote_ident(o.id_column) + "::text AS incident_id, " + date +
         " AS date, ST_X(" + point(o) + ") AS lon, ST_Y(" + point(o) +
         ") AS lat, n.ids AS nearest, n.reach AS reach_m, d.ids AS disputed, d.reach AS "
         "disputed_reach_m, a.id AS country, a.enclave::int AS enclave FROM " +
         quote_table(o.incidents) + " i CROSS JOIN LATERAL (" + candidates(o, segs) +
         ") n CROSS JOIN LATERAL (" + candidates(o, disp) + ") d LEFT JOIN LATERAL (" + where +
         ") a ON true WHERE " + point(o) + " IS NOT NULL";
}

std::string plain_link_query(const PgLinkOptions& o, const std::string& segments_geog) {
  return "SELECT i." + quote_ident(o.id_column) +
         "::text AS incident_id, n.id AS segment_id, n.dist_m FROM " + quote_table(o.incidents) +
         " i CROSS JOIN LATERAL (" + plain_nearest(o, quote_table(segments_geog)) + ") n WHERE " +
         point(o) + " IS NOT NULL";
}

std::size_t pg_candidates(const std::string& connection, const PgLinkOptions& o,
                          const std::function<void(const PgCandidates&)>& row) {
  GDALDatasetUniquePtr ds = open_for_update<InputError>(connection, "link in");
  stage_segments(*ds, o);
  if (!o.countries.empty()) stage_parts(*ds, o);
  std::string query = candidates_query(o, kSegments, kDisputed, o.countries.empty() ? "" : kParts);
  return stream(*ds, query, o, [&](OGRFeature& f) { row(candidates_of(f)); });
}

PgLinkSetup pg_link_setup(const std::string& connection, const PgLinkOptions& o) {
  GDALDatasetUniquePtr ds = open_for_update<InputError>(connection, "link in");
  PgLinkSetup out;
  if (!o.countries.empty())
    out.countries = query_column(
        *ds, "SELECT " + country_code(*ds, o, "c") + " FROM " + quote_table(o.countries) + " c");
  std::vector<std::string> note =
      query_column(*ds, "SELECT obj_description(to_regclass(" +
                            quote_literal(quote_table(o.segments)) + "), 'pg_class')");
  out.a_left = !note.empty() && note[0].find(kALeftNote) != std::string::npos;
  return out;
}

std::size_t pg_plain_link(
    const std::string& connection, const PgLinkOptions& o,
    const std::function<void(const std::string&, const std::string&, double)>& row) {
  GDALDatasetUniquePtr ds = open_for_update<InputError>(connection, "link in");
  stage_segments(*ds, o);
  return stream(*ds, plain_link_query(o, kSegments), o,
                [&](OGRFeature& f) { row(text(f, 0), text(f, 1), number(f, 2)); });
}

}  // namespace bm::db
