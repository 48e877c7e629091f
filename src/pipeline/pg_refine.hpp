#pragma once
// The exact step of the pushed-down link: the database hands back each
// incident's k nearest segment pieces in the lon/lat plane (db/pg_link.hpp);
// here the WGS84 geodesic distance to each candidate picks the nearest, with
// the in-memory linker's own code (link/segment_index), so both engines
// agree to the millimetre. The k-th piece's planar distance gives a provable
// lower bound on the geodesic distance of every segment not listed; when the
// best candidate is not nearer than that, every segment is searched instead.
#include <atomic>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/model.hpp"
#include "link/segment_index.hpp"

namespace bm {

// Not thread-safe: one thread asks (the cursor's).
class CandidateRefiner {
 public:
  // `segments` are status periods: one id may appear with several
  // (valid_from, valid_to), as in the in-memory linker.
  explicit CandidateRefiner(std::vector<BorderSegment> segments);
  ~CandidateRefiner();

  // The nearest of `ids` in their period covering `date` (core/model's
  // active_on), or of every period active then when `reach_deg` shows the
  // candidates may miss it; `disputed` limits the fallback search.
  // hit.segment indexes segments(); -1 when there is none.
  // `reach_deg` is in the plane of (lon * lon_scale, lat).
  SegmentHit nearest(LonLat p, const std::vector<std::string>& ids, double reach_deg,
                     double lon_scale, bool disputed, const std::string& date) const;
  // A lower bound on the WGS84 geodesic distance from p to every segment
  // whose pieces all lie at least `reach_deg` away in the plane of
  // (lon * lon_scale, lat), lon_scale <= 1 (0 when nothing can be said:
  // the disc meets a pole or the antimeridian).
  double floor_m(LonLat p, double reach_deg, double lon_scale) const;
  // The nearest of every period active on `date` (the disputed ones when
  // `disputed`), searched here: region-precision incidents measure every
  // vertex of their region so (pipeline/pg_region).
  SegmentHit nearest_active(LonLat p, bool disputed, const std::string& date) const;
  // Dates in one epoch (between two dates where some period starts or
  // ends) have the same periods active.
  std::size_t epoch(const std::string& date) const;
  const std::vector<BorderSegment>& segments() const { return segments_; }
  // How many searches fell back to every segment (nearest, nearest disputed).
  std::size_t fallbacks() const { return fallbacks_; }
  std::size_t disputed_fallbacks() const { return disputed_fallbacks_; }

 private:
  SegmentHit search_all(LonLat p, bool disputed, const std::string& date) const;
  const SegmentIndex& one(std::size_t segment) const;
  std::ptrdiff_t period_of(const std::string& id, const std::string& date) const;
  std::vector<BorderSegment> segments_;
  std::unordered_map<std::string, std::vector<std::size_t>> by_id_;  // id -> its periods
  std::vector<std::string> cuts_;  // dates where some period starts or ends, sorted
  double margin_m_ = 0;            // sphere vs spheroid edges, for the longest edge
  // Built on first use (one caller thread): the world has 26,747 segments,
  // a run over one region needs the few hundred near it.
  std::shared_ptr<const FreeEnds> free_ends_;
  mutable std::vector<std::unique_ptr<SegmentIndex>> one_;  // per segment
  // Every period active in an epoch (between two cuts), and the disputed ones.
  mutable std::map<std::pair<std::size_t, bool>, std::unique_ptr<SegmentIndex>> all_;
  mutable std::atomic<std::size_t> fallbacks_{0}, disputed_fallbacks_{0};
};

// The in-memory linker's side rule (link/linker.cpp, apply_side): within
// 25 km of a segment whose lines run with country_a on the left, the side
// of the point names its country, unless the polygons put it in a third
// country. `known` lists the countries the side may name. Returns whether
// the country changed (the enclave flag then no longer applies).
bool apply_side(std::string& country, const BorderSegment& s, const SegmentHit& h,
                const std::vector<std::string>& known);

}  // namespace bm
