#include "pipeline/pg_refine.hpp"

#include <algorithm>
#include <cmath>

namespace bm {
namespace {

// The sphere PostGIS orders by and the WGS84 geodesic differ by well under
// 1 %: a candidate list is complete when the best exact distance is below
// 99 % of the k-th candidate's sphere distance.
constexpr double kSphereSlack = 0.99;
// As in link/linker.cpp: within this distance the side decides the country.
constexpr double kSideReachM = 25000;
// As in SegmentIndex: ties within 1 mm go to the segment listed first.
constexpr double kTieM = 0.001;

std::unique_ptr<SegmentIndex> index_of(const std::vector<BorderSegment>& segs, bool disputed) {
  std::vector<const BorderSegment*> list;
  std::vector<std::ptrdiff_t> ids;
  for (std::size_t i = 0; i < segs.size(); ++i) {
    if (disputed && segs[i].status != SegmentStatus::disputed) continue;
    list.push_back(&segs[i]);
    ids.push_back(static_cast<std::ptrdiff_t>(i));
  }
  return std::make_unique<SegmentIndex>(list, ids);
}

bool better(const SegmentHit& h, const SegmentHit& best) {
  if (h.segment < 0) return false;
  if (best.segment < 0 || h.distance_m < best.distance_m - kTieM) return true;
  return std::abs(h.distance_m - best.distance_m) <= kTieM && h.segment < best.segment;
}

}  // namespace

CandidateRefiner::CandidateRefiner(std::vector<BorderSegment> segments)
    : segments_(std::move(segments)) {
  for (std::size_t i = 0; i < segments_.size(); ++i) {
    by_id_.emplace(segments_[i].id, i);
    one_.push_back(std::make_unique<SegmentIndex>(
        std::vector<const BorderSegment*>{&segments_[i]},
        std::vector<std::ptrdiff_t>{static_cast<std::ptrdiff_t>(i)}));
  }
  all_ = index_of(segments_, false);
  disputed_ = index_of(segments_, true);
}

CandidateRefiner::~CandidateRefiner() = default;

SegmentHit CandidateRefiner::search_all(LonLat p, bool disputed) const {
  ++fallbacks_;
  return (disputed ? disputed_ : all_)->nearest(p);
}

SegmentHit CandidateRefiner::nearest(LonLat p, const std::vector<std::string>& ids, double reach_m,
                                     bool disputed) const {
  SegmentHit best;
  bool unknown = false;  // an id the loaded segments lack: search them all
  for (const auto& id : ids) {
    auto at = by_id_.find(id);
    if (at == by_id_.end()) {
      unknown = true;
      continue;
    }
    SegmentHit h = one_[at->second]->nearest(p);
    if (better(h, best)) best = h;
  }
  const bool complete =
      reach_m < 0 || (best.segment >= 0 && best.distance_m < kSphereSlack * reach_m);
  if (unknown || !complete) return search_all(p, disputed);
  return best;
}

bool apply_side(std::string& country, const BorderSegment& s, const SegmentHit& h,
                const std::vector<std::string>& known) {
  if (h.side == 0 || h.distance_m > kSideReachM) return false;
  if (!country.empty() && country != s.country_a && country != s.country_b) return false;
  const std::string& side_says = h.side > 0 ? s.country_a : s.country_b;
  if (side_says.empty() || side_says == country) return false;
  if (std::find(known.begin(), known.end(), side_says) == known.end()) return false;
  country = side_says;
  return true;
}

}  // namespace bm
