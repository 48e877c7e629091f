#include "link/segments_near.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <utility>

#include "core/filter.hpp"
#include "geodata/world_borders.hpp"

namespace bm {
namespace {

// Metres in one degree of latitude, rounded down (a safe lower bound).
constexpr double kDegreeM = 110500;

Bounds grown(const Bounds& b, double deg) {
  return {b.min_lon - deg, std::max(-90.0, b.min_lat - deg), b.max_lon + deg,
          std::min(90.0, b.max_lat + deg)};
}

// How far a point of `area` is at least from anything outside `area` grown
// by `deg`: a degree of longitude shrinks with the cosine of the latitude.
double guaranteed_m(const Bounds& area, double deg) {
  const double lat = std::max(std::abs(area.min_lat), std::abs(area.max_lat)) + deg;
  if (lat >= 89.9) return 0;
  return deg * kDegreeM * std::cos(lat * M_PI / 180);
}

// The nearest *disputed* stretch may lie far beyond the margin (a town
// 300 km from the Durand Line): every disputed segment row of the world is
// kept, so that answer is exact too. There are a few hundred.
void add_all_disputed(const Bundle& bundle, std::vector<BorderSegment>& out) {
  std::set<std::pair<std::string, std::string>> have;
  for (const auto& s : out) have.insert({s.id, s.valid_from});
  for (auto& s : world_segments(bundle, Bounds{}, "status = 'disputed'"))
    if (have.insert({s.id, s.valid_from}).second) out.push_back(std::move(s));
}

}  // namespace

NearSegments segments_near(const Bundle& bundle, const Bounds& area, double margin_deg) {
  NearSegments out;
  out.a_left = has_world_borders(bundle);
  if (!out.a_left) {  // only the bundle's own segments: all of them
    out.segments = bundle.segments();
    out.exact_within_m = 1e9;
    return out;
  }
  if (area.empty()) {
    out.segments = bundle.segments();
    out.exact_within_m = 1e9;
    return out;
  }
  for (double deg = margin_deg; deg <= 64; deg *= 2) {
    out.segments = world_segments(bundle, grown(area, deg));
    out.exact_within_m = guaranteed_m(area, deg);
    // Every row loaded (a table spread over the world): nothing was left
    // out, so every answer is exact and nothing needs linking again.
    if (out.segments.size() >= world_segment_count(bundle)) {
      out.exact_within_m = 1e9;
      return out;
    }
    if (!out.segments.empty()) {
      add_all_disputed(bundle, out.segments);
      return out;
    }
  }
  out.segments = bundle.segments();
  out.exact_within_m = 1e9;
  return out;
}

bool beyond_near(const std::vector<Link>& links, double exact_within_m) {
  return exact_within_m < 1e9 && std::any_of(links.begin(), links.end(), [&](const Link& l) {
           return l.segment_id.empty() || l.distance_m > exact_within_m;
         });
}

std::vector<BorderSegment> segments_for_map(const Bundle& bundle,
                                            const std::vector<Incident>& incidents,
                                            const std::string& bbox_text) {
  if (!has_world_borders(bundle)) return bundle.segments();
  if (!bbox_text.empty())
    if (auto box = parse_bbox(bbox_text)) return world_segments(bundle, *box);
  Bounds area;
  for (const auto& i : incidents)
    if (i.location) area.add(*i.location);
  if (area.empty()) return {};
  return world_segments(bundle, grown(area, 0.5));
}

}  // namespace bm
