#include "db/pg_link_sql.hpp"

#include <cstdio>

#include "db/pg_sql.hpp"

namespace bm::db {
namespace {

// A double as SQL text, exactly.
std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

std::string point(const PgLinkOptions& o) { return "i." + quote_ident(o.geom_column); }
std::string geog(const PgLinkOptions& o) { return point(o) + "::geography"; }

// An ISO date (or date-time) column as its first ten characters, the text
// the in-memory linker compares; NULL when empty.
std::string iso_day(const std::string& expr) { return "NULLIF(left(" + expr + "::text, 10), '')"; }

// The incident's status date: --as-of for every row, else its own date.
std::string day(const PgLinkOptions& o) {
  if (!o.as_of.empty()) return quote_literal(o.as_of) + "::text";
  if (!o.date_column.empty()) return iso_day("i." + quote_ident(o.date_column));
  return "NULL::text";
}

// core/model.cpp's active_on: a dated row takes the period covering its
// date (valid_to exclusive); an undated one the periods still open.
std::string active(const std::string& s) {
  return "CASE WHEN t.day IS NULL THEN " + s + ".valid_to IS NULL ELSE (" + s +
         ".valid_from IS NULL OR " + s + ".valid_from <= t.day) AND (" + s +
         ".valid_to IS NULL OR " + s + ".valid_to > t.day) END";
}

// The k nearest active pieces (planar lon/lat distance, KNN on the GiST
// index) grouped by segment: their ids nearest first, the disputed ones
// among them, and the k-th piece's distance (-1: fewer pieces, so every
// segment is listed). `gate` skips the scan when true for this row; the
// scan takes o.candidates * factor pieces.
std::string candidates(const PgLinkOptions& o, const std::string& pieces, const std::string& gate,
                       int factor) {
  const std::string k = std::to_string(o.candidates * factor);
  const std::string order = "s.geom <-> t.q";
  return "SELECT array_to_json(array_agg(c.id ORDER BY c.sd, c.id))::text AS ids, "
         "array_to_json(array_agg(c.id ORDER BY c.sd, c.id) FILTER (WHERE c.disputed))::text AS "
         "dids, CASE WHEN sum(c.n) < " +
         k +
         " THEN -1 ELSE max(c.far) END AS reach FROM (SELECT p.id, bool_or(p.status = "
         "'disputed') AS disputed, min(p.sd) AS sd, max(p.sd) AS far, count(*) AS n FROM "
         "(SELECT s.id, s.status, " +
         order + " AS sd FROM " + pieces + " s WHERE " + gate + "(" + active("s") + ") ORDER BY " +
         order + " LIMIT " + k + ") p GROUP BY p.id) c";
}

// The first part (in the table's order) containing the point: a cheap
// test on the small pieces; a point on a piece's edge (a cut inside the
// part, or the part's own boundary) is settled on the whole part.
std::string country(const PgLinkOptions& o, const std::string& parts,
                    const std::string& part_pieces) {
  if (parts.empty()) return "SELECT NULL::text AS id, false AS enclave";
  const std::string pt = point(o);
  return "SELECT q.id, q.enclave FROM " + part_pieces + " q WHERE q.geom && " + pt +
         " AND CASE WHEN NOT ST_Intersects(q.geom, " + pt +
         ") THEN false WHEN ST_Contains(q.geom, " + pt +
         ") THEN true ELSE ST_Contains((SELECT w.geom FROM " + parts +
         " w WHERE w.part = q.part), " + pt + ") END ORDER BY q.ord LIMIT 1";
}

// The admin1 of a region-precision row (geo_precision 3), else NULL.
std::string region(const PgLinkOptions& o) {
  if (o.precision_column.empty() || o.admin1_column.empty()) return "NULL::text";
  return "CASE WHEN i." + quote_ident(o.precision_column) + "::text = '3' THEN NULLIF(i." +
         quote_ident(o.admin1_column) + "::text, '') END";
}

// The nearest row of `segs` by PostGIS's own spheroid distance.
std::string plain_nearest(const PgLinkOptions& o, const std::string& segs) {
  return "SELECT c.id, ST_Distance(c.g, " + geog(o) +
         ", true) AS dist_m FROM (SELECT s.id, s.g FROM " + segs + " s ORDER BY s.g <-> " +
         geog(o) + " LIMIT " + std::to_string(o.candidates) + ") c ORDER BY dist_m, c.id LIMIT 1";
}

}  // namespace

std::string stage_pieces_sql(const PgLinkOptions& o, const SegmentColumns& c, double lon_scale,
                             int vertices, bool disputed_only) {
  const std::string table = quote_table(o.periods.empty() ? o.segments : o.periods);
  const std::string from = c.periods ? iso_day("s.valid_from") : "NULL::text";
  const std::string to = c.periods ? iso_day("s.valid_to") : "NULL::text";
  const std::string n1 = std::to_string(vertices - 1);  // edges a piece
  // Vertex k of a line goes to piece (k-1)/n1; the first vertex of every
  // piece but the first is also the last of the one before.
  return "WITH r AS (SELECT row_number() OVER () AS rid, s." + quote_ident(c.id) +
         "::text AS id, s.status::text AS status, " + from + " AS valid_from, " + to +
         " AS valid_to, s.geom FROM " + table + " s WHERE s.geom IS NOT NULL" +
         (disputed_only ? " AND s.status = 'disputed'" : "") +
         "), v AS (SELECT r.rid, r.id, r.status, r.valid_from, "
         "r.valid_to, d.path, d.geom FROM r, ST_DumpPoints(ST_Segmentize(ST_Multi(r.geom)::"
         "geography, " +
         std::to_string(kDensifyM) +
         ")::geometry) d), w AS (SELECT rid, id, status, valid_from, valid_to, path[1] AS line, "
         "path[2] AS k, geom, (path[2] - 1) / " +
         n1 +
         " AS piece FROM v UNION ALL SELECT rid, id, status, valid_from, valid_to, path[1], "
         "path[2], geom, (path[2] - 1) / " +
         n1 + " - 1 FROM v WHERE path[2] > 1 AND (path[2] - 1) % " + n1 +
         " = 0) SELECT id, status, valid_from, valid_to, ST_Scale(ST_MakeLine(geom ORDER BY k), " +
         number(lon_scale) +
         ", 1) AS geom "
         "FROM w GROUP BY rid, id, status, valid_from, valid_to, line, piece HAVING count(*) > 1";
}

std::string stage_parts_sql(const PgLinkOptions& o, const std::string& code) {
  return "SELECT row_number() OVER () AS part, ord, id, geom, row_number() OVER (PARTITION "
         "BY ord ORDER BY ST_Area(geom) DESC, k) > 1 AS enclave FROM (SELECT c.fid AS ord, " +
         code + " AS id, d.path[1] AS k, d.geom FROM " + quote_table(o.countries) +
         " c, ST_Dump(c.geom) d) x";
}

std::string stage_part_pieces_sql(const std::string& parts) {
  return "SELECT part, ord, id, enclave, ST_Subdivide(geom, 128) AS geom FROM " +
         quote_table(parts);
}

std::string lon_scale_sql(const PgLinkOptions& o, double rows) {
  const double percent = rows > 10000 ? 100 * 10000 / rows : 100;
  return "SELECT greatest(0.2, cos(radians(coalesce(percentile_cont(0.5) WITHIN GROUP (ORDER BY "
         "abs(ST_Y(" +
         point(o) + "))), 0)))) FROM " + quote_table(o.incidents) + " i TABLESAMPLE SYSTEM (" +
         number(percent) + ") REPEATABLE (17) WHERE " + point(o) + " IS NOT NULL";
}

std::string candidates_query(const PgLinkOptions& o, double lon_scale, const std::string& pieces,
                             const std::string& disputed, const std::string& parts,
                             const std::string& part_pieces) {
  const std::string pt = point(o);
  return "SELECT i." + quote_ident(o.id_column) + "::text AS incident_id, t.day AS date, ST_X(" +
         pt + ") AS lon, ST_Y(" + pt +
         ") AS lat, n.ids AS nearest, n.reach AS reach_deg, coalesce(n.dids, d.ids) AS "
         "disputed, CASE WHEN n.dids IS NULL THEN d.reach ELSE n.reach END AS "
         "disputed_reach_deg, a.id AS country, a.enclave::int AS enclave, " +
         region(o) + " AS region FROM " + quote_table(o.incidents) +
         " i CROSS JOIN LATERAL (SELECT " + day(o) + " AS day, ST_Scale(" + pt + ", " +
         number(lon_scale) + ", 1) AS q) t CROSS JOIN LATERAL (" +
         candidates(o, quote_table(pieces), "", 1) + ") n CROSS JOIN LATERAL (" +
         candidates(o, quote_table(disputed), "n.dids IS NULL AND ", kDisputedFactor) +
         ") d LEFT JOIN LATERAL (" +
         country(o, parts.empty() ? "" : quote_table(parts), quote_table(part_pieces)) +
         ") a ON true WHERE " + pt + " IS NOT NULL";
}

std::string plain_link_query(const PgLinkOptions& o, const std::string& segments_geog) {
  return "SELECT i." + quote_ident(o.id_column) +
         "::text AS incident_id, n.id AS segment_id, n.dist_m FROM " + quote_table(o.incidents) +
         " i CROSS JOIN LATERAL (" + plain_nearest(o, quote_table(segments_geog)) + ") n WHERE " +
         point(o) + " IS NOT NULL";
}

}  // namespace bm::db
