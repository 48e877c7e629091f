#pragma once
// The exact step of the pushed-down link: the database hands back each
// incident's k nearest segments on the sphere (db/pg_link.hpp); here the
// WGS84 geodesic distance to each candidate picks the nearest, with the
// in-memory linker's own code (link/segment_index), so both engines agree
// to the millimetre. When the candidates might miss the true nearest (the
// best exact distance not clearly below the k-th sphere distance) every
// segment is searched instead.
#include <atomic>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/model.hpp"
#include "link/segment_index.hpp"

namespace bm {

class CandidateRefiner {
 public:
  explicit CandidateRefiner(std::vector<BorderSegment> segments);
  ~CandidateRefiner();

  // The nearest of `ids` (or of every segment when `reach_m` shows the
  // candidates may be incomplete); `disputed` limits the fallback search.
  // hit.segment indexes segments(); -1 when there is none.
  SegmentHit nearest(LonLat p, const std::vector<std::string>& ids, double reach_m,
                     bool disputed) const;
  const std::vector<BorderSegment>& segments() const { return segments_; }
  // How many searches fell back to every segment.
  std::size_t fallbacks() const { return fallbacks_; }

 private:
  SegmentHit search_all(LonLat p, bool disputed) const;
  std::vector<BorderSegment> segments_;
  std::unordered_map<std::string, std::size_t> by_id_;
  std::vector<std::unique_ptr<SegmentIndex>> one_;  // per segment
  std::unique_ptr<SegmentIndex> all_, disputed_;
  mutable std::atomic<std::size_t> fallbacks_{0};
};

// The in-memory linker's side rule (link/linker.cpp, apply_side): within
// 25 km of a segment whose lines run with country_a on the left, the side
// of the point names its country, unless the polygons put it in a third
// country. `known` lists the countries the side may name. Returns whether
// the country changed (the enclave flag then no longer applies).
bool apply_side(std::string& country, const BorderSegment& s, const SegmentHit& h,
                const std::vector<std::string>& known);

}  // namespace bm
