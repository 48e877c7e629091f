#pragma once
// Nearest border segment by true geodesic distance on WGS84, with a GEOS
// STRtree over the segments' edges for candidate retrieval.
//
// Why the search is complete: the tree's planar nearest edge gives an upper
// bound U (its exact geodesic distance); every point within U of the query
// lies in geodesic_box(p, U), so the edges meeting that box are the only
// candidates; each is refined exactly unless its chord lower bound already
// exceeds the best distance found.
//
// Near the segments the same argument is applied once per 0.05-degree grid
// cell (lazily, on first use): the cell keeps the few edges that can be
// nearest for some point in it, so most queries never touch the tree.
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "core/model.hpp"
#include "link/geodesic_edge.hpp"

namespace bm {
namespace geos {
class BoxTree;
}

struct SegmentHit {
  std::ptrdiff_t segment = -1;  // index into the list given to the index; -1: none
  double distance_m = -1;
  LonLat point;
  // +1: p lies left of the segment's line (as drawn), -1: right, 0: on it.
  int side = 0;
};

class SegmentIndex {
 public:
  // `ids[i]` is what a hit on `segments[i]` reports (the caller's numbering).
  SegmentIndex(const std::vector<const BorderSegment*>& segments, std::vector<std::ptrdiff_t> ids);
  ~SegmentIndex();
  SegmentIndex(SegmentIndex&&) noexcept;
  SegmentIndex(const SegmentIndex&) = delete;
  SegmentIndex& operator=(const SegmentIndex&) = delete;

  bool empty() const { return edges_.empty(); }
  // Ties (equal within 1 mm) go to the segment listed first.
  SegmentHit nearest(LonLat p) const;
  // A hint that nearest(p) follows soon: starts loading p's cell.
  void prefetch(LonLat p) const;

 private:
  struct Cell {
    double reach_m = 0;  // how far any point of the cell is from its centre
    Vec3 centre3;        // the centre in ECEF
    std::vector<std::pair<double, std::uint32_t>>
        edges;  // (chord bound at the centre, edge), sorted
  };
  struct Best {
    SegmentHit hit;
    const GeoEdge* edge = nullptr;  // the edge hit.point lies on
    EdgePoint at;
  };
  SegmentHit nearest_in_tree(LonLat p, const Vec3& p3) const;
  const Cell* cell_at(std::size_t index, double lon, double lat) const;
  void refine(LonLat p, const Vec3& p3, std::size_t edge, Best& best) const;
  SegmentHit finish(LonLat p, const Best& best) const;

  Bounds grid_;  // cells cover this box; outside it the tree answers
  std::size_t nx_ = 0, ny_ = 0;
  std::unique_ptr<std::atomic<const Cell*>[]> cells_;
  std::vector<GeoEdge> edges_;
  std::vector<Chord> chords_;          // one per edge
  std::vector<std::ptrdiff_t> owner_;  // edge -> caller's segment id
  std::unique_ptr<geos::BoxTree> tree_;
};

}  // namespace bm
