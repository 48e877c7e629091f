#include "link/segment_index.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "geom/strtree.hpp"

namespace bm {
namespace {

constexpr double kDeg = std::numbers::pi / 180;
constexpr double kTie = 1e-3;      // metres
constexpr double kCell = 0.05;     // degrees
constexpr double kGridMargin = 4;  // degrees around the edges covered by cells

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

// Sign of the turn from edge e towards p, in lon/lat (scaling longitude by
// cos(lat) keeps the sign, so plain degrees decide the side).
double cross(const GeoEdge& e, LonLat p) {
  return (e.b.lon - e.a.lon) * (p.lat - e.a.lat) - (e.b.lat - e.a.lat) * (p.lon - e.a.lon);
}

// Side of p for a foot at the vertex between edges `in` and `out`: where the
// line turns left the left side is the narrow wedge (left of both edges),
// where it turns right the wide one (left of either).
bool left_at_vertex(const GeoEdge& in, const GeoEdge& out, LonLat p) {
  const double turn = (in.b.lon - in.a.lon) * (out.b.lat - out.a.lat) -
                      (in.b.lat - in.a.lat) * (out.b.lon - out.a.lon);
  const bool l1 = cross(in, p) > 0, l2 = cross(out, p) > 0;
  return turn > 0 ? (l1 && l2) : (l1 || l2);
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
  Bounds all;
  for (const auto& e : edges_) {
    chords_.push_back(chord_of(e));
    boxes.push_back(edge_box(e));
    all.add(boxes.back());
  }
  tree_ = std::make_unique<geos::BoxTree>(boxes);
  if (all.empty()) return;
  grid_ = {std::max(-180.0, all.min_lon - kGridMargin), std::max(-80.0, all.min_lat - kGridMargin),
           std::min(180.0, all.max_lon + kGridMargin), std::min(80.0, all.max_lat + kGridMargin)};
  if (grid_.empty()) return;
  nx_ = static_cast<std::size_t>(std::ceil((grid_.max_lon - grid_.min_lon) / kCell));
  ny_ = static_cast<std::size_t>(std::ceil((grid_.max_lat - grid_.min_lat) / kCell));
  cells_ = std::make_unique<std::atomic<const Cell*>[]>(nx_ * ny_);
  for (std::size_t i = 0; i < nx_ * ny_; ++i) cells_[i].store(nullptr, std::memory_order_relaxed);
}

SegmentIndex::~SegmentIndex() {
  for (std::size_t i = 0; cells_ && i < nx_ * ny_; ++i) delete cells_[i].load();
}
SegmentIndex::SegmentIndex(SegmentIndex&&) noexcept = default;

void SegmentIndex::refine(LonLat p, const Vec3& p3, std::size_t i, Best& best) const {
  const GeoEdge& e = edges_[i];
  // When the best point is a vertex this edge starts or ends at, and the
  // edge leaves that vertex at 90 degrees or more from the direction to p,
  // the distance only grows along it (it is unimodal along an edge): the
  // vertex is its nearest point too, a tie. Common where the nearest border
  // point is a vertex, and it saves a geodesic computation.
  if (best.edge && best.at.end >= 0 && best.at.distance_m > 0) {
    const LonLat v = best.at.end == 0 ? best.edge->a : best.edge->b;
    double leaving = 0;
    bool shares = false;
    if (e.a.lon == v.lon && e.a.lat == v.lat) shares = true, leaving = e.azimuth_a;
    if (e.b.lon == v.lon && e.b.lat == v.lat) shares = true, leaving = e.azimuth_b;
    if (shares && std::cos((leaving - best.at.azimuth_to_p) * kDeg) <= 0) {
      if (owner_[i] < best.hit.segment) best.hit.segment = owner_[i];
      return;
    }
  }
  const EdgePoint c = nearest_on_edge(p, p3, e);
  const bool tie = best.hit.segment >= 0 && std::abs(c.distance_m - best.hit.distance_m) <= kTie;
  if (best.hit.segment < 0 || (!tie && c.distance_m < best.hit.distance_m) ||
      (tie && owner_[i] < best.hit.segment))
    best = {{owner_[i], c.distance_m, c.point}, &e, c};
}

SegmentHit SegmentIndex::finish(LonLat p, const Best& best) const {
  SegmentHit hit = best.hit;
  if (!best.edge) return hit;
  const std::size_t i = static_cast<std::size_t>(best.edge - edges_.data());
  const GeoEdge& e = *best.edge;
  const double c = cross(e, p);
  hit.side = c > 0 ? 1 : c < 0 ? -1 : 0;
  // At a vertex the neighbouring edge of the same line decides too.
  const bool next = best.at.end == 1 && i + 1 < edges_.size() && owner_[i + 1] == owner_[i] &&
                    edges_[i + 1].a.lon == e.b.lon && edges_[i + 1].a.lat == e.b.lat;
  const bool prev = best.at.end == 0 && i > 0 && owner_[i - 1] == owner_[i] &&
                    edges_[i - 1].b.lon == e.a.lon && edges_[i - 1].b.lat == e.a.lat;
  if (next) hit.side = left_at_vertex(e, edges_[i + 1], p) ? 1 : -1;
  if (prev) hit.side = left_at_vertex(edges_[i - 1], e, p) ? 1 : -1;
  return hit;
}

SegmentHit SegmentIndex::nearest_in_tree(LonLat p, const Vec3& p3) const {
  Best best;
  const std::size_t first =
      tree_->nearest(p, [&](std::size_t i) { return planar_degrees(p, edges_[i]); });
  refine(p, p3, first, best);
  thread_local std::vector<std::size_t> candidates;
  candidates.clear();
  tree_->query(geodesic_box(p, best.hit.distance_m), candidates);
  for (std::size_t i : candidates)
    if (i != first && lower_bound_m(p3, chords_[i]) <= best.hit.distance_m + kTie)
      refine(p, p3, i, best);
  return finish(p, best);
}

// The edges that can be nearest for some point of the cell. With c the
// cell's centre and h the farthest any cell point is from c: every point is
// within U + h of the edge nearest to c (U), and an edge's chord bound drops
// by at most h, so edges whose bound at c exceeds U + 2h never win.
const SegmentIndex::Cell* SegmentIndex::cell_at(std::size_t index, double lon0, double lat0) const {
  const Cell* cell = cells_[index].load(std::memory_order_acquire);
  if (cell) return cell;
  const LonLat c{lon0 + kCell / 2, lat0 + kCell / 2};
  const Vec3 c3 = ecef(c);
  double h = 0;
  for (LonLat corner : {LonLat{lon0, lat0}, LonLat{lon0 + kCell, lat0}, LonLat{lon0, lat0 + kCell},
                        LonLat{lon0 + kCell, lat0 + kCell}})
    h = std::max(h, geodesic_inverse(c, corner, nullptr));
  h = h * 1.01 + 1;
  const double u = nearest_in_tree(c, c3).distance_m;
  auto fresh = std::make_unique<Cell>();
  fresh->reach_m = h;
  fresh->centre3 = c3;
  std::vector<std::size_t> candidates;
  tree_->query(geodesic_box(c, u + 2 * h), candidates);
  for (std::size_t i : candidates) {
    const double lb = lower_bound_m(c3, chords_[i]);
    if (lb <= u + 2 * h + kTie) fresh->edges.push_back({lb, static_cast<std::uint32_t>(i)});
  }
  std::sort(fresh->edges.begin(), fresh->edges.end());
  const Cell* expected = nullptr;
  if (cells_[index].compare_exchange_strong(expected, fresh.get(), std::memory_order_acq_rel))
    return fresh.release();
  return expected;  // another thread built it first
}

void SegmentIndex::prefetch(LonLat p) const {
  if (!cells_ || !(p.lon >= grid_.min_lon && p.lon < grid_.max_lon && p.lat >= grid_.min_lat &&
                   p.lat < grid_.max_lat))
    return;
  const auto ix = std::min(nx_ - 1, static_cast<std::size_t>((p.lon - grid_.min_lon) / kCell));
  const auto iy = std::min(ny_ - 1, static_cast<std::size_t>((p.lat - grid_.min_lat) / kCell));
  if (const Cell* cell = cells_[iy * nx_ + ix].load(std::memory_order_acquire)) {
    __builtin_prefetch(cell);
    __builtin_prefetch(reinterpret_cast<const char*>(cell) + 64);
  }
}

SegmentHit SegmentIndex::nearest(LonLat p) const {
  if (edges_.empty()) return {};
  const Vec3 p3 = ecef(p);
  if (!cells_ || p.lon < grid_.min_lon || p.lon >= grid_.max_lon || p.lat < grid_.min_lat ||
      p.lat >= grid_.max_lat)
    return nearest_in_tree(p, p3);
  const auto ix = std::min(nx_ - 1, static_cast<std::size_t>((p.lon - grid_.min_lon) / kCell));
  const auto iy = std::min(ny_ - 1, static_cast<std::size_t>((p.lat - grid_.min_lat) / kCell));
  const Cell* cell = cell_at(iy * nx_ + ix, grid_.min_lon + static_cast<double>(ix) * kCell,
                             grid_.min_lat + static_cast<double>(iy) * kCell);
  // Edges in order of their bound at the centre. The bound is a distance in
  // 3-D less a constant, so at p it is at most |p - centre| (the chord,
  // never more than reach_m) below its value at the centre: once that
  // exceeds the best, no later edge wins.
  const double dx = p3.x - cell->centre3.x, dy = p3.y - cell->centre3.y,
               dz = p3.z - cell->centre3.z;
  const double off = std::sqrt(dx * dx + dy * dy + dz * dz);
  Best best;
  for (const auto& [lb_centre, i] : cell->edges) {
    if (best.hit.segment >= 0 && lb_centre - off > best.hit.distance_m + kTie) break;
    if (best.hit.segment >= 0 && lower_bound_m(p3, chords_[i]) > best.hit.distance_m + kTie)
      continue;
    refine(p, p3, i, best);
  }
  return finish(p, best);
}

}  // namespace bm
