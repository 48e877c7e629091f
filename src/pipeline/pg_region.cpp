#include "pipeline/pg_region.hpp"

#include <algorithm>

#include "gazetteer/normalize.hpp"

namespace bm {
namespace {

// As link/linker.cpp's kBoundsRegionM: a boundary this close runs along a
// segment.
constexpr double kBoundsRegionM = 2000;

bool covers(const Bounds& b, LonLat p) {
  return p.lon >= b.min_lon && p.lon <= b.max_lon && p.lat >= b.min_lat && p.lat <= b.max_lat;
}

}  // namespace

// What a region's boundary says, for one status epoch: the same for every
// incident in that region then.
struct RegionRefiner::Span {
  SegmentHit nearest;            // of the nearest boundary vertex
  double farthest_m = -1;        // the largest of the vertices' nearest distances
  SegmentHit disputed;           // the nearest disputed segment of any vertex
  std::vector<std::string> ids;  // segments within kBoundsRegionM of the boundary
};

RegionRefiner::RegionRefiner(const CandidateRefiner& segments, const std::string& connection,
                             const std::string& table)
    : segments_(segments) {
  if (table.empty()) return;
  regions_ = std::make_unique<db::PgRegions>(connection, table);
  const auto& list = regions_->list();
  for (std::size_t i = 0; i < list.size(); ++i) {
    std::vector<std::string> keys{normalize_name(list[i].name)};
    for (const auto& alt : list[i].alt_names) keys.push_back(normalize_name(alt));
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    for (const auto& k : keys) by_name_[k].push_back(i);
  }
}

RegionRefiner::~RegionRefiner() = default;

// Of the regions with that name, the first (in the table's order) whose
// extent holds the incident's point, else the first.
std::ptrdiff_t RegionRefiner::find(const std::string& name, LonLat p) const {
  auto at = by_name_.find(normalize_name(name));
  if (at == by_name_.end()) return -1;
  for (std::size_t i : at->second)
    if (covers(regions_->list()[i].extent, p)) return static_cast<std::ptrdiff_t>(i);
  return static_cast<std::ptrdiff_t>(at->second.front());
}

// Every boundary vertex measured as Linker::link_region does: the first
// vertex reaching the least distance names the segment (and likewise the
// disputed one).
const RegionRefiner::Span& RegionRefiner::span(std::size_t region, const std::string& date) const {
  auto& slot = spans_[{region, segments_.epoch(date)}];
  if (slot) return *slot;
  slot = std::make_unique<Span>();
  Span& s = *slot;
  const auto& segs = segments_.segments();
  for (const auto& poly : regions_->area(region))
    for (const auto& ring : poly.rings)
      for (const auto& v : ring) {
        SegmentHit h = segments_.nearest_active(v, false, date);
        if (h.segment < 0) continue;
        if (s.nearest.segment < 0 || h.distance_m < s.nearest.distance_m) s.nearest = h;
        s.farthest_m = std::max(s.farthest_m, h.distance_m);
        const std::string& id = segs[static_cast<std::size_t>(h.segment)].id;
        if (h.distance_m <= kBoundsRegionM &&
            std::find(s.ids.begin(), s.ids.end(), id) == s.ids.end())
          s.ids.push_back(id);
        SegmentHit d = segments_.nearest_active(v, true, date);
        if (d.segment >= 0 && (s.disputed.segment < 0 || d.distance_m < s.disputed.distance_m))
          s.disputed = d;
      }
  return s;
}

bool RegionRefiner::apply(PgLinkRow& row, const std::string& name, LonLat p,
                          const std::string& date, double within_m) const {
  if (!regions_) return false;
  const std::ptrdiff_t region = find(name, p);
  if (region < 0) return false;
  const Span& s = span(static_cast<std::size_t>(region), date);
  if (s.nearest.segment < 0) return true;  // no segment in force: the point's link stands
  const auto& segs = segments_.segments();
  Link& l = row.link;
  const BorderSegment& seg = segs[static_cast<std::size_t>(s.nearest.segment)];
  l.segment_id = seg.id;
  row.status = to_string(seg.status);
  l.nearest = s.nearest.point;
  l.distance_m = s.nearest.distance_m <= kBoundsRegionM ? 0 : s.nearest.distance_m;
  l.distance_max_m = s.farthest_m;
  l.within_zone = l.distance_m <= within_m;
  // Linker::link_region starts from the point's nearest disputed segment
  // and lets a vertex replace it only when nearer.
  if (s.disputed.segment >= 0 && s.disputed.distance_m < l.disputed_distance_m) {
    l.disputed_segment_id = segs[static_cast<std::size_t>(s.disputed.segment)].id;
    l.disputed_distance_m = s.disputed.distance_m;
    l.disputed_nearest = s.disputed.point;
  }
  l.bounding_segment_ids = s.ids;
  return true;
}

}  // namespace bm
