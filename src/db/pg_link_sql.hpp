#pragma once
// The SQL of the pushed-down link (db/pg_link.hpp runs it). Identifiers are
// quoted here; nothing the user typed reaches the SQL unquoted.
#include <string>

#include "db/pg_link.hpp"

namespace bm::db {

// What staging needs to know of the source table's columns.
struct SegmentColumns {
  std::string id = "id";  // "segment_id" in a periods table
  bool periods = false;   // has valid_from and valid_to
};

// The staging SELECTs (db/pg_stage makes tables of them). The pieces (id,
// status, valid_from, valid_to, geom; indexed GiST) of the segments (or
// periods) table: every line densified along the great circle
// to edges of at most kDensifyM, then cut into pieces of kPieceVertices, in
// plain lon/lat geometry with the longitudes times `lon_scale` (planar KNN
// is several times cheaper than on geography; the scale, the cosine of the
// incidents' typical latitude, makes a degree about as long both ways, so
// pipeline/pg_refine's bound on the geodesic distance is tight).
// `disputed_only`: the disputed ones alone.
std::string stage_pieces_sql(const PgLinkOptions& o, const SegmentColumns& c, double lon_scale,
                             int vertices, bool disputed_only);
inline constexpr double kDensifyM = 5000;
inline constexpr int kPieceVertices = 32;
// The nearest disputed segment often lies hundreds of kilometres away,
// where the 16 nearest pieces must span a long stretch of line for the
// bound to settle it: longer pieces (few rows: the disputed are ~2 %), and
// twice as many of them (10k points over Central Asia against the world's
// segments: 67 % left to our search with 16 pieces of 32 vertices, 4 % with
// 32 of 256, none with 64 of 256 at nearly twice the time).
inline constexpr int kDisputedPieceVertices = 256;
inline constexpr int kDisputedFactor = 2;

// The cosine of the incidents' median |latitude| (a sample of about 10k
// rows of `rows` estimated rows), at least 0.2.
std::string lon_scale_sql(const PgLinkOptions& o, double rows);

// Every polygon part of every country (ord, part, id, enclave, geom) and
// those parts subdivided into small pieces (ST_Subdivide) with a GiST index:
// a point-in-polygon on a piece of 128 vertices instead of a whole country.
std::string stage_parts_sql(const PgLinkOptions& o, const std::string& code);
std::string stage_part_pieces_sql(const std::string& parts);

// The SELECT giving PgCandidates' columns over the staged `pieces`,
// `disputed` (the disputed pieces alone) and `parts`/`part_pieces` (empty:
// no country). One KNN over all pieces names the nearest segments; the
// disputed ones among them answer the nearest-disputed question, and only
// when there are none does a second KNN run over the disputed pieces.
// Pieces count when their period covers the incident's date (o.as_of for
// every row when set; undated rows: the periods still open).
std::string candidates_query(const PgLinkOptions& o, double lon_scale, const std::string& pieces,
                             const std::string& disputed, const std::string& parts,
                             const std::string& part_pieces);

// The plain PostGIS link (PostGIS's own distance, for comparison and the
// benchmark): incident_id, segment_id, dist_m by ST_Distance(geography,
// true) over the KNN candidates of `segments_geog` (id, g geography).
std::string plain_link_query(const PgLinkOptions& o, const std::string& segments_geog);

}  // namespace bm::db
