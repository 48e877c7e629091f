#include "pipeline/pg_refine.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "core/geodesic.hpp"
#include "db/pg_link_sql.hpp"

namespace bm {
namespace {

// As in link/linker.cpp: within this distance the side decides the country.
constexpr double kSideReachM = 25000;
// As in SegmentIndex: ties within 1 mm go to the segment listed first.
constexpr double kTieM = 0.001;
// WGS84: the smallest radius of curvature is the meridian's at the equator,
// a(1 - e²); no path on the ellipsoid is shorter per radian of lon/lat.
constexpr double kA = 6378137.0, kE2 = 0.00669437999014, kF = 1 / 298.257223563;
constexpr double kSphereR = 6371008.8;  // PostGIS's sphere (ST_Segmentize)
constexpr double kRad = std::numbers::pi / 180;

std::unique_ptr<SegmentIndex> index_of(const std::vector<BorderSegment>& segs, bool disputed,
                                       const std::string& day,
                                       std::shared_ptr<const FreeEnds> free_ends) {
  std::vector<const BorderSegment*> list;
  std::vector<std::ptrdiff_t> ids;
  for (std::size_t i = 0; i < segs.size(); ++i) {
    if (disputed && segs[i].status != SegmentStatus::disputed) continue;
    if (!active_on(segs[i], day)) continue;
    list.push_back(&segs[i]);
    ids.push_back(static_cast<std::ptrdiff_t>(i));
  }
  return std::make_unique<SegmentIndex>(list, ids, std::move(free_ends));
}

bool better(const SegmentHit& h, const SegmentHit& best) {
  if (h.segment < 0) return false;
  if (best.segment < 0 || h.distance_m < best.distance_m - kTieM) return true;
  return std::abs(h.distance_m - best.distance_m) <= kTieM && h.segment < best.segment;
}

double longest_edge_m(const std::vector<BorderSegment>& segs) {
  double out = 0;
  for (const auto& s : segs)
    for (const auto& line : s.lines)
      for (std::size_t k = 1; k < line.size(); ++k)
        out = std::max(out, geodesic_distance(line[k - 1], line[k]));
  return out;
}

}  // namespace

CandidateRefiner::CandidateRefiner(std::vector<BorderSegment> segments)
    : segments_(std::move(segments)) {
  for (std::size_t i = 0; i < segments_.size(); ++i) {
    const BorderSegment& s = segments_[i];
    by_id_[s.id].push_back(i);
    if (!s.valid_from.empty()) cuts_.push_back(s.valid_from);
    if (!s.valid_to.empty()) cuts_.push_back(s.valid_to);
  }
  std::sort(cuts_.begin(), cuts_.end());
  cuts_.erase(std::unique(cuts_.begin(), cuts_.end()), cuts_.end());
  one_.resize(segments_.size());
  // A segment's index alone would take its joins to the next segment for
  // free ends: the gaps are those of all the lines.
  std::vector<const BorderSegment*> all;
  for (const auto& s : segments_) all.push_back(&s);
  free_ends_ = std::make_shared<const FreeEnds>(all);
  // The database's pieces follow great circles on a sphere; our edges are
  // WGS84 geodesics. They part by a flattening-sized share of the edge's
  // sagitta; f·L²/R bounds it generously (1 km edges: under 1 mm).
  const double longest = longest_edge_m(segments_);
  margin_m_ = kF * longest * longest / kSphereR + kTieM;
}

CandidateRefiner::~CandidateRefiner() = default;

const SegmentIndex& CandidateRefiner::one(std::size_t i) const {
  if (!one_[i])
    one_[i] = std::make_unique<SegmentIndex>(
        std::vector<const BorderSegment*>{&segments_[i]},
        std::vector<std::ptrdiff_t>{static_cast<std::ptrdiff_t>(i)}, free_ends_);
  return *one_[i];
}

std::ptrdiff_t CandidateRefiner::period_of(const std::string& id, const std::string& date) const {
  auto at = by_id_.find(id);
  if (at == by_id_.end()) return -1;
  for (std::size_t i : at->second)
    if (active_on(segments_[i], date)) return static_cast<std::ptrdiff_t>(i);
  return -1;
}

// As Linker::epoch_for: undated, the last epoch, whose periods are the open ones.
std::size_t CandidateRefiner::epoch(const std::string& date) const {
  if (date.empty()) return cuts_.size();
  return static_cast<std::size_t>(std::upper_bound(cuts_.begin(), cuts_.end(), date) -
                                  cuts_.begin());
}

SegmentHit CandidateRefiner::nearest_active(LonLat p, bool disputed,
                                            const std::string& date) const {
  auto& index = all_[{epoch(date), disputed}];
  if (!index) index = index_of(segments_, disputed, date, free_ends_);
  return index->nearest(p);
}

SegmentHit CandidateRefiner::search_all(LonLat p, bool disputed, const std::string& date) const {
  ++(disputed ? disputed_fallbacks_ : fallbacks_);
  return nearest_active(p, disputed, date);
}

double CandidateRefiner::floor_m(LonLat p, double reach_deg, double lon_scale) const {
  const double lat_max = std::abs(p.lat) + reach_deg;
  if (lat_max >= 89 || std::abs(p.lon) + reach_deg / lon_scale >= 180) return 0;
  // A path from p to a point outside the disc of reach_deg around it (in
  // the plane) crosses the disc, where |lat| <= lat_max: it is at least
  // a(1-e²)·min(1, cos(lat_max)/lon_scale) per radian of the plane. The
  // pieces' chords stray from their great circles (densified edges of
  // kDensifyM) by at most L²/8·(1/2 + tan) in the unscaled plane, no more
  // in the scaled one (lon_scale <= 1 only shrinks); twice that is taken off.
  const double c = std::cos(lat_max * kRad);
  const double edge = db::kDensifyM / (kSphereR * c);
  const double bulge = edge * edge / 4 * (1 + std::tan(lat_max * kRad));
  const double r = reach_deg * kRad - bulge;
  if (r <= 0) return 0;
  return kA * (1 - kE2) * std::min(1.0, c / lon_scale) * r - margin_m_;
}

SegmentHit CandidateRefiner::nearest(LonLat p, const std::vector<std::string>& ids,
                                     double reach_deg, double lon_scale, bool disputed,
                                     const std::string& date) const {
  SegmentHit best;
  bool unknown = false;  // an id the loaded periods lack: search them all
  for (const auto& id : ids) {
    std::ptrdiff_t i = period_of(id, date);
    if (i < 0) {
      unknown = true;
      continue;
    }
    SegmentHit h = one(static_cast<std::size_t>(i)).nearest(p);
    if (better(h, best)) best = h;
  }
  const bool complete =
      reach_deg < 0 ||
      (best.segment >= 0 && best.distance_m + kTieM < floor_m(p, reach_deg, lon_scale));
  if (unknown || !complete) return search_all(p, disputed, date);
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
