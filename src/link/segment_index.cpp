#include "link/segment_index.hpp"

#include "link/parallel.hpp"
#include "link/segment_search.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numbers>

namespace bm {
namespace {

constexpr double kDeg = std::numbers::pi / 180;
constexpr std::size_t kChunk = 16;        // edges per chunk
constexpr std::ptrdiff_t kFineRings = 8;  // then the tree of balls

using Candidates = std::vector<std::pair<double, std::uint32_t>>;

// The edge's lon/lat box, padded because a geodesic bows poleward of the
// straight lon/lat line between its ends (by metres on a 14 km edge).
Bounds edge_box(LonLat a, LonLat b, double sag_m) {
  Bounds box;
  box.add(a);
  box.add(b);
  const double lat = std::min(85.0, std::max(std::abs(box.min_lat), std::abs(box.max_lat)));
  const double pad_m = 4 * sag_m * (1 + std::tan(lat * kDeg)) + 1;
  const double dlat = pad_m / 6335439.0 / kDeg;
  const double dlon = pad_m / (6378137.0 * std::cos(lat * kDeg)) / kDeg;
  return {box.min_lon - dlon, box.min_lat - dlat, box.max_lon + dlon, box.max_lat + dlat};
}

double distance3(const Vec3& a, const Vec3& b) {
  const double dx = a.x - b.x, dy = a.y - b.y, dz = a.z - b.z;
  return std::sqrt(dx * dx + dy * dy + dz * dz);
}

// Sign of the turn from edge a->b towards p, in lon/lat (scaling longitude
// by cos(lat) keeps the sign, so plain degrees decide the side).
double cross(LonLat a, LonLat b, LonLat p) {
  return (b.lon - a.lon) * (p.lat - a.lat) - (b.lat - a.lat) * (p.lon - a.lon);
}

// Side of p for a foot at the vertex between edges in and out (in.b ==
// out.a): where the line turns left the left side is the narrow wedge (left
// of both edges), where it turns right the wide one (left of either).
bool left_at_vertex(LonLat a, LonLat v, LonLat b, LonLat p) {
  const double turn = (v.lon - a.lon) * (b.lat - v.lat) - (v.lat - a.lat) * (b.lon - v.lon);
  const bool l1 = cross(a, v, p) > 0, l2 = cross(v, b, p) > 0;
  return turn > 0 ? (l1 && l2) : (l1 || l2);
}

}  // namespace

// Past the free end of a line (edge a->b, the end at a when `at_start`):
// across a gap (a river or lake the land polygons leave open) the chord to
// the free end on the far side continues the line; with none, a land border
// meeting the sea, p lies on neither side.
int SegmentIndex::side_past_end(bool at_start, LonLat a, LonLat b, LonLat p) const {
  const LonLat v = at_start ? a : b;
  const auto far = free_ends_->across(v);
  if (!far) return 0;
  const bool left = at_start ? left_at_vertex(*far, v, b, p) : left_at_vertex(a, v, *far, p);
  return left ? 1 : -1;
}

void SegmentIndex::Best::add(const Found& f) {
  if (f.distance_m > min_m + kTie) return;
  for (std::size_t k = 0; k < n; ++k)
    if (ties[k].edge == f.edge) return;  // seen in another cell
  if (f.distance_m < min_m) {
    min_m = f.distance_m;
    limit = chord_of_arc(min_m + kTie);
    std::size_t kept = 0;
    for (std::size_t k = 0; k < n; ++k)
      if (ties[k].distance_m <= min_m + kTie) ties[kept++] = ties[k];
    n = kept;
  }
  if (n < kMaxTies) {
    ties[n++] = f;
    return;
  }
  // Eight edges within a millimetre: keep the ones finish() prefers.
  Found* last = &ties[0];
  for (auto& t : ties)
    if (last->before(t)) last = &t;
  if (f.before(*last)) *last = f;
}

const SegmentIndex::Best::Found& SegmentIndex::Best::winner() const {
  const Found* w = &ties[0];
  for (std::size_t k = 1; k < n; ++k)
    if (ties[k].before(*w)) w = &ties[k];
  return *w;
}

// Edges and chunks are laid out line by line, so each line's place is known
// before any is filled in, and the lines (840k edges for the world: a
// quarter of a second of sines and cosines) are filled on every core.
SegmentIndex::SegmentIndex(const std::vector<const BorderSegment*>& segments,
                           std::vector<std::ptrdiff_t> ids,
                           std::shared_ptr<const FreeEnds> free_ends)
    : free_ends_(free_ends ? std::move(free_ends) : std::make_shared<const FreeEnds>(segments)) {
  std::vector<LineAt> lines;
  std::size_t edges = 0, chunks = 0;
  for (std::size_t s = 0; s < segments.size(); ++s)
    for (const auto& line : segments[s]->lines) {
      const std::size_t n = line.size() == 1 ? 1 : line.empty() ? 0 : line.size() - 1;
      lines.push_back({&line, static_cast<std::int32_t>(ids[s]), edges, chunks});
      edges += n;
      chunks += (n + kChunk - 1) / kChunk;
    }
  ends_.resize(edges);
  chords_.resize(edges);
  owner_.resize(edges);
  chunks_.resize(chunks);
  std::vector<Bounds> boxes(chunks);
  constexpr std::size_t kParallelFrom = 1 << 16;  // edges; fewer are not worth the threads
  for_each_task(lines.size(), edges >= kParallelFrom ? 0 : 1,
                [&](std::size_t k) { fill_line(lines[k], boxes); });
  lazy_ = std::make_unique<Lazy[]>(ends_.size());
  grid_ = EdgeGrid(boxes);
  init_tree();
  init_cells();
}

// One line's edges (each vertex's ECEF computed once), its chunks and their
// boxes for the grid.
void SegmentIndex::fill_line(const LineAt& at, std::vector<Bounds>& boxes) {
  const Line& line = *at.line;
  if (line.empty()) return;
  std::size_t e = at.edge;
  auto push = [&](LonLat a, LonLat b, const Vec3& a3, const Vec3& b3) {
    ends_[e] = {a, b};
    chords_[e] = chord_of(a3, b3);
    owner_[e] = at.owner;
    ++e;
  };
  Vec3 prev = ecef(line[0]);
  if (line.size() == 1) push(line[0], line[0], prev, prev);
  for (std::size_t i = 1; i < line.size(); ++i) {
    const Vec3 next = ecef(line[i]);
    push(line[i - 1], line[i], prev, next);
    prev = next;
  }
  std::size_t c = at.chunk;
  for (std::size_t k = at.edge; k < e; k += kChunk, ++c) {
    const std::size_t end = std::min(e, k + kChunk);
    chunks_[c] = make_chunk(k, end);
    for (std::size_t i = k; i < end; ++i)
      boxes[c].add(edge_box(ends_[i].a, ends_[i].b, chords_[i].sag_m));
  }
}

SegmentIndex::~SegmentIndex() { free_cells(); }
SegmentIndex::SegmentIndex(SegmentIndex&&) noexcept = default;

// Edges [first, end) of one line as a chunk. A point of an edge lies within
// sag of its chord, and the chord within the ball around its two ends.
SegmentIndex::Chunk SegmentIndex::make_chunk(std::size_t first, std::size_t end) const {
  const std::size_t n = end - first;
  Chunk c;
  c.first = static_cast<std::uint32_t>(first);
  c.count = static_cast<std::uint32_t>(n);
  c.owner = owner_[first];
  Vec3 sum;
  for (std::size_t i = first; i < end; ++i) {
    const Chord& e = chords_[i];
    sum = {sum.x + 2 * e.a3.x + e.ab.x, sum.y + 2 * e.a3.y + e.ab.y, sum.z + 2 * e.a3.z + e.ab.z};
  }
  const double w = 1.0 / static_cast<double>(2 * n);
  c.centre = {sum.x * w, sum.y * w, sum.z * w};
  double r = 0, sag = 0;
  for (std::size_t i = first; i < end; ++i) {
    const Chord& e = chords_[i];
    const Vec3 b3{e.a3.x + e.ab.x, e.a3.y + e.ab.y, e.a3.z + e.ab.z};
    r = std::max({r, distance3(c.centre, e.a3), distance3(c.centre, b3)});
    sag = std::max(sag, e.sag_m);
  }
  c.radius_m = r * (1 + 1e-12) + sag + 1e-3;
  return c;
}

GeoEdge SegmentIndex::edge(std::size_t i) const {
  GeoEdge e;
  e.a = ends_[i].a;
  e.b = ends_[i].b;
  const Chord& c = chords_[i];
  e.a3 = c.a3;
  e.b3 = {c.a3.x + c.ab.x, c.a3.y + c.ab.y, c.a3.z + c.ab.z};
  e.sag_m = c.sag_m;
  Lazy& l = lazy_[i];
  const double len = l.length.load(std::memory_order_acquire);
  if (len >= 0) {
    e.length_m = len;
    e.azimuth_a = l.azimuth_a.load(std::memory_order_relaxed);
    e.azimuth_b = l.azimuth_b.load(std::memory_order_relaxed);
    return e;
  }
  solve_edge(e);  // two threads may both solve it: the same numbers
  l.azimuth_a.store(e.azimuth_a, std::memory_order_relaxed);
  l.azimuth_b.store(e.azimuth_b, std::memory_order_relaxed);
  l.length.store(e.length_m, std::memory_order_release);
  return e;
}

void SegmentIndex::refine(LonLat p, const Vec3& p3, std::size_t i, std::int32_t r,
                          Best& best) const {
  const GeoEdge e = edge(i);
  // When the best point is a vertex this edge starts or ends at, and the
  // edge leaves that vertex at 90 degrees or more from the direction to p,
  // the distance only grows along it (it is unimodal along an edge): the
  // vertex is its nearest point too, a tie. Common where the nearest border
  // point is a vertex, and it saves a geodesic computation.
  if (best.found() && best.at.end >= 0 && best.at.distance_m > 0) {
    const LonLat v = best.at.end == 0 ? best.e.a : best.e.b;
    double leaving = 0;
    bool shares = false;
    if (e.a.lon == v.lon && e.a.lat == v.lat) shares = true, leaving = e.azimuth_a;
    if (e.b.lon == v.lon && e.b.lat == v.lat) shares = true, leaving = e.azimuth_b;
    if (shares && std::cos((leaving - best.at.azimuth_to_p) * kDeg) <= 0) {
      EdgePoint at = best.at;
      at.end = e.a.lon == v.lon && e.a.lat == v.lat ? 0 : 1;
      best.add({best.at.distance_m, r, static_cast<std::uint32_t>(i), at});
      return;
    }
  }
  const EdgePoint c = nearest_on_edge(p, p3, e);
  if (c.distance_m < best.min_m) best.edge = i, best.e = e, best.at = c;
  best.add({c.distance_m, r, static_cast<std::uint32_t>(i), c});
}

// The chunk's edges in order of their chord bound, while one may still win.
void SegmentIndex::open(LonLat p, const Vec3& p3, const Chunk& c, const std::int32_t* rank,
                        Best& best) const {
  const std::int32_t r = rank ? rank[c.owner] : c.owner;
  if (r < 0) return;
  // Only the edges under the limit are sorted (a few of the 16, mostly).
  std::array<std::pair<double, std::uint32_t>, kChunk> order;
  std::uint32_t n = 0;
  for (std::uint32_t k = c.first; k < c.first + c.count; ++k) {
    const double lb = chord_bound_m(p3, chords_[k]);
    if (lb <= best.limit) order[n++] = {lb, k};
  }
  std::sort(order.begin(), order.begin() + n);
  for (std::uint32_t k = 0; k < n; ++k) {
    if (order[k].first > best.limit) break;
    if (order[k].second == best.edge) continue;  // seen in another cell
    refine(p, p3, order[k].second, r, best);
  }
}

namespace {

// Candidates are (chord bound, chunk); `limit` is Best::limit.
template <class Open>
void open_in_order(Candidates& cand, const double& limit, Open&& open) {
  std::sort(cand.begin(), cand.end());
  cand.erase(std::unique(cand.begin(), cand.end()), cand.end());  // a chunk in two cells
  for (const auto& [lb, c] : cand) {
    if (lb > limit) break;
    open(c);
  }
}

}  // namespace

// Rings of cells around p's cell, until they hold p's geodesic box: true
// when they did within `rings` rings.
bool SegmentIndex::walk(const EdgeGrid& grid, std::ptrdiff_t rings, LonLat p, const Vec3& p3,
                        const std::int32_t* rank, Best& best) const {
  if (grid.empty()) return true;
  const auto cx = grid.col(p.lon), cy = grid.row(p.lat);
  const auto nx = static_cast<std::ptrdiff_t>(grid.nx()),
             ny = static_cast<std::ptrdiff_t>(grid.ny());
  thread_local Candidates cand;
  // The rings that hold no chunk find nothing: start past them (and leave a
  // point beyond `rings` of them to the tree at once).
  for (std::ptrdiff_t k = grid.empty_rings(cx, cy); k <= rings; ++k) {
    cand.clear();
    const double bound = best.limit;
    auto take = [&](std::ptrdiff_t x, std::ptrdiff_t y) {
      if (x < 0 || y < 0 || x >= nx || y >= ny) return;
      for (std::uint32_t ch : grid.cell(x, y)) {
        const Chunk& c = chunks_[ch];
        if (rank && rank[c.owner] < 0) continue;
        const double lb = distance3(p3, c.centre) - c.radius_m;
        if (lb <= bound) cand.push_back({lb, ch});
      }
    };
    const std::ptrdiff_t x0 = cx - k, x1 = cx + k, y0 = cy - k, y1 = cy + k;
    for (std::ptrdiff_t x = std::max<std::ptrdiff_t>(x0, 0); x <= std::min(x1, nx - 1); ++x) {
      take(x, y0);
      if (y1 != y0) take(x, y1);
    }
    for (std::ptrdiff_t y = std::max(y0 + 1, std::ptrdiff_t{0}); y < std::min(y1, ny); ++y) {
      take(x0, y);
      if (x1 != x0) take(x1, y);
    }
    open_in_order(cand, best.limit, [&](std::uint32_t c) { open(p, p3, chunks_[c], rank, best); });
    if (x0 <= 0 && y0 <= 0 && x1 >= nx - 1 && y1 >= ny - 1) return true;
    if (best.found() && grid.covers(x0, y0, x1, y1, geodesic_box(p, best.min_m + kTie)))
      return true;
  }
  return false;
}

SegmentHit SegmentIndex::finish(LonLat p, const Best& best) const {
  SegmentHit hit;
  if (!best.found()) return hit;
  const Best::Found& w = best.winner();
  hit = {w.rank, w.distance_m, w.at.point};
  const std::size_t i = w.edge;
  const LonLat a = ends_[i].a, b = ends_[i].b;
  const double c = cross(a, b, p);
  hit.side = c > 0 ? 1 : c < 0 ? -1 : 0;
  // At a vertex the segment's edge into it and its edge out of it decide
  // together. Both are among the ties (every edge through the nearest
  // point is as near), also where a ring closes or two lines of the
  // segment meet, which are not neighbours in the edge array.
  if (w.at.end < 0) return hit;
  const LonLat v = w.at.end == 0 ? a : b;
  auto same = [](LonLat x, LonLat y) { return x.lon == y.lon && x.lat == y.lat; };
  std::ptrdiff_t in = -1, out = -1;
  bool continues = false;  // some other edge, of any segment, passes through v
  for (std::size_t k = 0; k < best.n; ++k) {
    const std::uint32_t j = best.ties[k].edge;
    if (same(ends_[j].a, ends_[j].b)) continue;
    continues = continues || (j != i && (same(ends_[j].a, v) || same(ends_[j].b, v)));
    if (owner_[j] != owner_[i]) continue;
    if (in < 0 && same(ends_[j].b, v)) in = j;
    if (out < 0 && same(ends_[j].a, v)) out = j;
  }
  if (in >= 0 && out >= 0)
    hit.side = left_at_vertex(ends_[static_cast<std::size_t>(in)].a, v,
                              ends_[static_cast<std::size_t>(out)].b, p)
                   ? 1
                   : -1;
  else if (!continues)
    hit.side = w.distance_m <= FreeEnds::kReachM ? side_past_end(w.at.end == 0, a, b, p) : 0;
  return hit;
}

void SegmentIndex::prefetch(LonLat p) const {
  if (grid_.empty()) return;
  const auto cell = grid_.cell(grid_.col(p.lon), grid_.row(p.lat));
  if (!cell.empty()) __builtin_prefetch(&chunks_[cell[0]]);
}

void SegmentIndex::search(LonLat p, const Vec3& p3, const std::int32_t* rank, Best& best) const {
  if (!walk(grid_, kFineRings, p, p3, rank, best)) descend(p, p3, rank, best);
}

SegmentHit SegmentIndex::nearest(LonLat p, const std::int32_t* rank, bool cells) const {
  if (chords_.empty()) return {};
  const Vec3 p3 = ecef(p);
  Best best;
  // A cell's answer that is not sure still bounds the search that follows.
  if (const Cell* cell = cells ? cell_for(p) : nullptr; cell && scan(*cell, p, p3, rank, best))
    return finish(p, best);
  search(p, p3, rank, best);
  return finish(p, best);
}

}  // namespace bm
