#include "pipeline/pg_link_run.hpp"

#include <ostream>

#include "core/error.hpp"
#include "db/pg_connection.hpp"
#include "db/pg_rows.hpp"
#include "io/atomic.hpp"
#include "io/csv.hpp"
#include "link/fixed_format.hpp"
#include "link/links_csv.hpp"
#include "link/segments_file.hpp"
#include "pipeline/pg_refine.hpp"
#include "pipeline/pg_region.hpp"

namespace bm {
namespace {

// GDAL's messages quote the connection string: never let the password out.
std::vector<BorderSegment> load_segments(const PgLinkRun& r) {
  try {
    const std::string& table = r.db.periods.empty() ? r.db.segments : r.db.periods;
    return read_segments_file(db::with_tables(r.input, table)).segments;
  } catch (const InputError& e) {
    throw InputError(db::without_password(e.what()));
  }
}

PgLinkRow refine(const CandidateRefiner& refiner, const db::PgLinkSetup& setup,
                 const db::PgCandidates& c, double within_m) {
  const LonLat p{c.lon, c.lat};
  const auto& segs = refiner.segments();
  PgLinkRow out;
  Link& l = out.link;
  l.incident_id = c.incident_id;
  l.country = c.country;
  l.in_enclave = c.enclave;
  SegmentHit h = refiner.nearest(p, c.nearest, c.reach_deg, c.lon_scale, false, c.date);
  if (h.segment >= 0) {
    const BorderSegment& s = segs[static_cast<std::size_t>(h.segment)];
    l.segment_id = s.id;
    l.distance_m = h.distance_m;
    l.nearest = h.point;
    out.status = to_string(s.status);
    if (setup.a_left && apply_side(l.country, s, h, setup.countries)) l.in_enclave = false;
  }
  SegmentHit d = refiner.nearest(p, c.disputed, c.disputed_reach_deg, c.lon_scale, true, c.date);
  if (d.segment >= 0) {
    l.disputed_segment_id = segs[static_cast<std::size_t>(d.segment)].id;
    l.disputed_distance_m = d.distance_m;
    l.disputed_nearest = d.point;
  }
  l.within_zone = h.segment >= 0 && l.distance_m <= within_m;
  return out;
}

std::string fixed(double v, int decimals) {
  std::string s;
  append_fixed(s, v, decimals);
  return s;
}

std::string joined(const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) out += (out.empty() ? "" : ";") + id;
  return out;
}

// The row in kLinkColumns' order, as text ({false, …}: empty / NULL).
std::vector<std::pair<bool, std::string>> fields(const PgLinkRow& r) {
  const Link& l = r.link;
  const bool seg = !l.segment_id.empty(), dis = !l.disputed_segment_id.empty();
  return {{true, l.incident_id},
          {seg, l.segment_id},
          {seg, seg ? fixed(l.distance_m, 3) : ""},
          {seg && l.distance_max_m >= 0, l.distance_max_m >= 0 ? fixed(l.distance_max_m, 3) : ""},
          {seg, seg ? fixed(l.nearest.lon, 7) : ""},
          {seg, seg ? fixed(l.nearest.lat, 7) : ""},
          {seg, r.status},
          {dis, l.disputed_segment_id},
          {dis, dis ? fixed(l.disputed_distance_m, 3) : ""},
          {!l.country.empty(), l.country},
          {true, l.in_enclave ? "1" : "0"},
          {true, l.within_zone ? "1" : "0"},
          {!l.bounding_segment_ids.empty(), joined(l.bounding_segment_ids)}};
}

std::string csv_line(const std::vector<std::pair<bool, std::string>>& values) {
  std::string line;
  for (const auto& [set, text] : values) {
    line += csv::quote(text);  // only when it needs it
    line += ',';
  }
  line.back() = '\n';
  return line;
}

std::vector<db::PgColumn> link_columns() {
  std::vector<db::PgColumn> out;
  for (const auto& name : kLinkColumns) {
    std::string type = "text";
    if (name.find("dist") == 0 || name.find("near_") == 0 ||
        name.find("_dist_m") != std::string::npos)
      type = "double precision";
    if (name == "in_enclave" || name == "within_zone") type = "boolean";
    out.push_back({name, type, ""});
  }
  out[2].comment = "metres to the nearest segment (WGS84 geodesic)";
  out[3].comment = "region-precision incidents: metres to the region's farthest boundary point";
  out[9].comment = "ISO2 of the country the incident lies in (side of the segment near it)";
  out[10].comment = "in a part of that country other than its largest";
  out[12].comment = "region-precision incidents: segments along the region's boundary (;)";
  return out;
}

}  // namespace

PgLinkStats pg_link_rows(const PgLinkRun& r, const std::function<void(const PgLinkRow&)>& row) {
  const db::PgLinkSetup setup = db::pg_link_setup(r.input, r.db);  // says what to check
  const CandidateRefiner refiner(load_segments(r));
  const RegionRefiner regions(refiner, r.input, r.db.regions);
  PgLinkStats stats;
  db::PgCandidatesResult got = db::pg_candidates(r.input, r.db, [&](const db::PgCandidates& c) {
    PgLinkRow out = refine(refiner, setup, c, r.within_m);
    if (!c.region.empty()) {
      if (regions.apply(out, c.region, {c.lon, c.lat}, c.date, r.within_m)) {
        ++stats.regions;
      } else if (++stats.region_missed <= 5) {
        stats.region_misses.push_back(c.incident_id + " ('" + c.region + "')");
      }
    }
    row(out);
  });
  stats.rows = got.rows;
  stats.staged_reused = got.staged_reused;
  stats.staged_made = got.staged_made;
  stats.fallbacks = refiner.fallbacks();
  stats.disputed_fallbacks = refiner.disputed_fallbacks();
  return stats;
}

PgLinkStats run_pg_link(const PgLinkRun& r) {
  if (!r.into.empty()) {
    db::PgTableWriter table(
        db::with_tables(r.input, ""), r.into, link_columns(), "incident_id",
        "bordermap: incidents linked to " + r.db.segments + " (link --engine postgis)");
    PgLinkStats s = pg_link_rows(r, [&](const PgLinkRow& row) { table.add(fields(row)); });
    table.commit();
    return s;
  }
  PgLinkStats s;
  write_file(r.out, [&](std::ostream& out) {
    std::string line;
    for (std::size_t k = 0; k < kLinkColumns.size(); ++k) line += (k ? "," : "") + kLinkColumns[k];
    out << line << '\n';
    s = pg_link_rows(r, [&](const PgLinkRow& row) { out << csv_line(fields(row)); });
  });
  return s;
}

}  // namespace bm
