#include "link/segment_index.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "geom/strtree.hpp"

namespace bm {
namespace {

constexpr double kDeg = std::numbers::pi / 180;
constexpr double kTie = 1e-3;  // metres

// The edge's lon/lat box, padded because a geodesic bows poleward of the
// straight lon/lat line between its ends (by metres on a 14 km edge).
Bounds edge_box(const GeoEdge& e) {
  Bounds b;
  b.add(e.a);
  b.add(e.b);
  const double lat = std::min(85.0, std::max(std::abs(b.min_lat), std::abs(b.max_lat)));
  const double pad_m = 4 * e.sag_m * (1 + std::tan(lat * kDeg)) + 1;
  const double dlat = pad_m / 6335439.0 / kDeg;
  const double dlon = pad_m / (6378137.0 * std::cos(lat * kDeg)) / kDeg;
  return {b.min_lon - dlon, b.min_lat - dlat, b.max_lon + dlon, b.max_lat + dlat};
}

// Planar lon/lat distance from p to the edge's straight line, in degrees:
// the units of the tree's box distances, so GEOS can prune with it.
double planar_degrees(LonLat p, const GeoEdge& e) {
  const double dx = e.b.lon - e.a.lon, dy = e.b.lat - e.a.lat;
  const double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? ((p.lon - e.a.lon) * dx + (p.lat - e.a.lat) * dy) / len2 : 0;
  t = std::clamp(t, 0.0, 1.0);
  const double ex = e.a.lon + t * dx - p.lon, ey = e.a.lat + t * dy - p.lat;
  return std::sqrt(ex * ex + ey * ey);
}

}  // namespace

SegmentIndex::SegmentIndex(const std::vector<const BorderSegment*>& segments,
                           std::vector<std::ptrdiff_t> ids) {
  std::vector<Bounds> boxes;
  for (std::size_t s = 0; s < segments.size(); ++s)
    for (const auto& line : segments[s]->lines) {
      if (line.size() == 1) {
        edges_.push_back(make_edge(line[0], line[0]));
        owner_.push_back(ids[s]);
      }
      for (std::size_t i = 1; i < line.size(); ++i) {
        edges_.push_back(make_edge(line[i - 1], line[i]));
        owner_.push_back(ids[s]);
      }
    }
  for (const auto& e : edges_) boxes.push_back(edge_box(e));
  tree_ = std::make_unique<geos::BoxTree>(boxes);
}

SegmentIndex::~SegmentIndex() = default;
SegmentIndex::SegmentIndex(SegmentIndex&&) noexcept = default;

SegmentHit SegmentIndex::nearest(LonLat p) const {
  SegmentHit best;
  if (edges_.empty()) return best;
  const Vec3 p3 = ecef(p);
  const std::size_t first =
      tree_->nearest(p, [&](std::size_t i) { return planar_degrees(p, edges_[i]); });
  EdgePoint ep = nearest_on_edge(p, p3, edges_[first]);
  best = {owner_[first], ep.distance_m, ep.point};

  thread_local std::vector<std::size_t> candidates;
  candidates.clear();
  tree_->query(geodesic_box(p, best.distance_m), candidates);
  for (std::size_t i : candidates) {
    if (i == first) continue;
    const GeoEdge& e = edges_[i];
    if (lower_bound_m(p3, e) > best.distance_m + kTie) continue;
    EdgePoint c = nearest_on_edge(p, p3, e);
    const bool tie = std::abs(c.distance_m - best.distance_m) <= kTie;
    if ((!tie && c.distance_m < best.distance_m) || (tie && owner_[i] < best.segment))
      best = {owner_[i], c.distance_m, c.point};
  }
  return best;
}

}  // namespace bm
