#pragma once
// Nearest border segment by true geodesic distance on WGS84.
//
// Edges are kept compact (ends and a 3-D chord; length and azimuths are
// computed the first time a search refines the edge) and grouped in chunks
// of up to 16 consecutive edges of a line, each inside a ball in 3-D that
// bounds the distance to all of them at once. Chunks are bucketed in a grid
// sized to the data (edge_grid.hpp). A search walks rings of cells outwards
// from the point, opening chunks in order of their ball's lower bound and
// refining their edges exactly in order of the chord bound, and stops once
// the scanned cells hold geodesic_box(p, best): every edge that could be
// nearer has been seen. Past 8 rings (a point far from every edge, as most
// are from the few disputed segments) it descends a tree of balls over the
// chunks, nearest ball first (segment_tree.cpp).
//
// Where many points fall in one 0.05-degree cell, the cell keeps the few
// edges that can be nearest for some point in it (built on its 4th visit),
// so most queries of a dense table never walk the grid.
//
// Status periods are not geometry: a search may be given `rank` (per owner:
// -1 excluded, else the number reported and used to break ties), so one
// index serves every date.
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <vector>

#include "core/model.hpp"
#include "link/edge_grid.hpp"
#include "link/free_ends.hpp"
#include "link/geodesic_edge.hpp"

namespace bm {

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
  // `free_ends`: the gaps of the whole set of lines when the index holds
  // only some of them (by default those of `segments`).
  SegmentIndex(const std::vector<const BorderSegment*>& segments, std::vector<std::ptrdiff_t> ids,
               std::shared_ptr<const FreeEnds> free_ends = nullptr);
  ~SegmentIndex();
  SegmentIndex(SegmentIndex&&) noexcept;
  SegmentIndex(const SegmentIndex&) = delete;
  SegmentIndex& operator=(const SegmentIndex&) = delete;

  bool empty() const { return chords_.empty(); }
  // Ties (equal within 1 mm) go to the lower id (rank). With `rank` (indexed
  // by id), only ids of rank >= 0 count and the hit reports the rank.
  // `cells`: whether p may use (and count towards) the cell cache; a table
  // spread thinly over the world visits each cell too rarely to pay for it.
  SegmentHit nearest(LonLat p, const std::int32_t* rank = nullptr, bool cells = true) const;
  static constexpr double kCellDeg = 0.05;  // side of a cache cell
  // A hint that nearest(p) follows soon: starts loading p's cell.
  void prefetch(LonLat p) const;

 private:
  struct Best;
  struct Lazy;
  struct Cell;
  struct Free {
    void operator()(void* p) const { std::free(p); }
  };
  template <class T>
  using Zeroed = std::unique_ptr<T[], Free>;  // calloc: pages are touched only when used
  struct Ends {
    LonLat a, b;
  };
  struct Chunk {
    Vec3 centre;
    double radius_m = 0;  // every point of its edges lies this close to centre
    std::uint32_t first = 0, count = 0;
    // owner_ of its edges (one line of one segment), kept here because
    // looking it up per chunk bounded was a cache miss each.
    std::int32_t owner = 0;
  };
  // A ball holding its two children's balls (segment_tree.cpp); a leaf
  // (left < 0) is chunk -1 - left.
  struct Node {
    Vec3 centre;
    double radius_m = 0;
    std::int32_t left = -1, right = -1;
  };

  // Where one line's edges and chunks go (laid out before they are filled).
  struct LineAt {
    const Line* line = nullptr;
    std::int32_t owner = 0;
    std::size_t edge = 0, chunk = 0;
  };
  GeoEdge edge(std::size_t i) const;
  void fill_line(const LineAt& at, std::vector<Bounds>& boxes);
  Chunk make_chunk(std::size_t first, std::size_t end) const;
  void refine(LonLat p, const Vec3& p3, std::size_t edge, std::int32_t rank, Best& best) const;
  void open(LonLat p, const Vec3& p3, const Chunk& c, const std::int32_t* rank, Best& best) const;
  bool walk(const EdgeGrid& grid, std::ptrdiff_t rings, LonLat p, const Vec3& p3,
            const std::int32_t* rank, Best& best) const;
  void init_tree();
  std::int32_t build_tree(std::vector<std::uint32_t>& order, std::size_t lo, std::size_t hi);
  void descend(LonLat p, const Vec3& p3, const std::int32_t* rank, Best& best) const;
  void search(LonLat p, const Vec3& p3, const std::int32_t* rank, Best& best) const;
  SegmentHit finish(LonLat p, const Best& best) const;
  int side_past_end(bool at_start, LonLat a, LonLat b, LonLat p) const;
  void init_cells();
  void free_cells();
  const Cell* cell_for(LonLat p) const;
  const Cell* build(std::size_t index) const;
  bool scan(const Cell& cell, LonLat p, const Vec3& p3, const std::int32_t* rank, Best& best) const;

  std::vector<Ends> ends_;
  std::vector<Chord> chords_;        // one per edge
  std::vector<std::int32_t> owner_;  // edge -> caller's segment id
  std::unique_ptr<Lazy[]> lazy_;     // length and azimuths, on first use
  std::vector<Chunk> chunks_;
  EdgeGrid grid_;           // of chunks
  std::vector<Node> tree_;  // of chunks: for points far from every edge
  Bounds cells_box_;
  std::size_t cells_nx_ = 0, cells_ny_ = 0;
  Zeroed<std::atomic<const Cell*>> cells_;
  Zeroed<std::atomic<std::uint8_t>> visits_;
  // Cells built: none (a sparse table) spares reading every cell at the end.
  std::unique_ptr<std::atomic<std::size_t>> built_ = std::make_unique<std::atomic<std::size_t>>(0);
  std::shared_ptr<const FreeEnds> free_ends_;  // gaps the lines cross (rivers, lakes)
};

}  // namespace bm
