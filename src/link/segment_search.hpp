#pragma once
// What one nearest-segment search keeps (private to segment_index*.cpp).
#include <array>
#include <atomic>
#include <cstdint>
#include <limits>
#include <vector>

#include "link/segment_index.hpp"

namespace bm {

inline constexpr double kTie = 1e-3;  // metres: distances this close are a tie

struct SegmentIndex::Lazy {
  std::atomic<double> length{-1};  // set last (release): azimuths are valid once it is >= 0
  std::atomic<double> azimuth_a{0}, azimuth_b{0};
};

// The answer does not depend on the order edges are refined in (threads
// share lazily built cells, so two searches for one point may take
// different paths): every edge within kTie of the nearest distance is kept,
// and finish() picks among them by rank, then distance, then edge number.
struct SegmentIndex::Best {
  struct Found {
    double distance_m = 0;
    std::int32_t rank = 0;
    std::uint32_t edge = 0;
    EdgePoint at;
    bool before(const Found& o) const {
      if (rank != o.rank) return rank < o.rank;
      if (distance_m != o.distance_m) return distance_m < o.distance_m;
      return edge < o.edge;
    }
  };
  static constexpr std::size_t kMaxTies = 8;
  std::array<Found, kMaxTies> ties;
  std::size_t n = 0;
  double min_m = std::numeric_limits<double>::infinity();      // nearest distance so far
  std::size_t edge = std::numeric_limits<std::size_t>::max();  // the edge at min_m
  GeoEdge e;                                                   // that edge
  EdgePoint at;                                                // its nearest point
  // The chord bound an edge must not exceed to be refined: the chord of
  // (min_m + kTie)'s arc (kept with it: a sine per change, not per edge).
  double limit = std::numeric_limits<double>::infinity();

  bool found() const { return n > 0; }
  // Keeps `f` when it is within kTie of the nearest distance.
  void add(const Found& f);
  const Found& winner() const;
};

// Edges that can be nearest for some point of one cell of the cache.
struct SegmentIndex::Cell {
  double reach_m = 0;  // h: how far any point of the cell is from its centre
  double sure_m = 0;   // U + h: a filtered answer up to this is complete
  Vec3 centre3;
  std::vector<std::pair<double, std::uint32_t>> edges;  // (chord bound at the centre, edge), sorted
};

}  // namespace bm
