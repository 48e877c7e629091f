#pragma once
// Linking pushed down into PostGIS: the nearest segment of every incident
// found by KNN on a GiST index over geography, refined by the exact
// geodesic (spheroid) distance, and the nearest disputed segment, in one
// query, so no incident table has to fit in our memory. The same SQL runs
// on a distributed PostGIS (Citus): docs/postgis.md.
#include <functional>
#include <string>

namespace bm::db {

struct PgLinkOptions {
  std::string incidents = "incidents";       // table (optionally schema.table)
  std::string id_column = "id";              // the incident id
  std::string geom_column = "geom";          // points in EPSG:4326
  std::string segments = "border_segments";  // id, status, geom (lines, EPSG:4326)
  // KNN candidates re-ranked by spheroid distance: the index orders on the
  // sphere, which differs from the spheroid by < 0.5 %; 8 candidates cover
  // every segment that close to the nearest.
  int candidates = 8;
  std::string into;  // a table to create with the links; empty: stream rows back
};

// The SELECT (incident_id, segment_id, dist_m, disputed_segment_id,
// disputed_dist_m) over `segments_geog`, a table (id, status, g geography)
// with a GiST index on g. Identifiers are quoted.
std::string link_query(const PgLinkOptions& o, const std::string& segments_geog);

// One row of the result.
struct PgLinkRow {
  std::string incident_id, segment_id, disputed_segment_id;
  double dist_m = -1, disputed_dist_m = -1;  // -1: none
};

// Runs the link on the database behind `connection` ("PG:…"). With
// options.into set, creates that table (in one transaction) and returns its
// row count; otherwise calls `row` for each row as the server streams them
// (a cursor: memory does not grow with the table) and returns the count.
std::size_t pg_link(const std::string& connection, const PgLinkOptions& options,
                    const std::function<void(const PgLinkRow&)>& row = {});

}  // namespace bm::db
