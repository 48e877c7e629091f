#include "link/free_ends.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>
#include <set>
#include <string>
#include <utility>

namespace bm {
namespace {

struct End {
  LonLat at;
  std::size_t line = 0;  // ends of one line are never each other's partner
};

bool lon_lat_less(LonLat x, LonLat y) { return x.lon != y.lon ? x.lon < y.lon : x.lat < y.lat; }
bool same(LonLat x, LonLat y) { return x.lon == y.lon && x.lat == y.lat; }

// Metres on a sphere: only to rank partners and cap the gap.
double metres(LonLat a, LonLat b) {
  constexpr double kDeg = std::numbers::pi / 180;
  const double x = (b.lon - a.lon) * kDeg * std::cos((a.lat + b.lat) / 2 * kDeg);
  const double y = (b.lat - a.lat) * kDeg;
  return 6371008.8 * std::hypot(x, y);
}

std::string pair_key(const BorderSegment& s) {
  return s.country_a < s.country_b ? s.country_a + '|' + s.country_b
                                   : s.country_b + '|' + s.country_a;
}

// Ends of open lines, grouped by the two countries; an end shared by two
// lines (a tripoint, the join of two segments) is not free.
std::map<std::string, std::vector<End>> open_ends(
    const std::vector<const BorderSegment*>& segments) {
  std::vector<LonLat> all;
  std::map<std::string, std::vector<End>> groups;
  std::size_t line_no = 0;
  std::set<std::string> seen;  // status periods of one segment share its lines
  for (const BorderSegment* s : segments) {
    if (!seen.insert(s->id).second) continue;
    for (const auto& line : s->lines) {
      ++line_no;
      if (line.size() < 2 || same(line.front(), line.back())) continue;
      for (LonLat v : {line.front(), line.back()}) {
        all.push_back(v);
        groups[pair_key(*s)].push_back({v, line_no});
      }
    }
  }
  std::sort(all.begin(), all.end(), lon_lat_less);
  auto shared = [&](LonLat v) {
    const auto r = std::equal_range(all.begin(), all.end(), v, lon_lat_less);
    return r.second - r.first > 1;
  };
  for (auto& [key, ends] : groups) std::erase_if(ends, [&](const End& e) { return shared(e.at); });
  return groups;
}

}  // namespace

FreeEnds::FreeEnds(const std::vector<const BorderSegment*>& segments) {
  for (auto& group : open_ends(segments)) {
    std::vector<End>& ends = group.second;  // a plain reference: lambdas below capture it
    std::sort(ends.begin(), ends.end(),
              [](const End& x, const End& y) { return x.at.lat < y.at.lat; });
    const double dlat = kMaxGapM / 110574.0;
    for (std::size_t i = 0; i < ends.size(); ++i) {
      const End* best = nullptr;
      double best_m = kMaxGapM;
      auto consider = [&](std::size_t j) {
        if (ends[j].line == ends[i].line) return;
        const double m = metres(ends[i].at, ends[j].at);
        if (m < best_m || (m == best_m && best && lon_lat_less(ends[j].at, best->at)))
          best = &ends[j], best_m = m;
      };
      for (std::size_t j = i + 1; j < ends.size() && ends[j].at.lat - ends[i].at.lat <= dlat; ++j)
        consider(j);
      for (std::size_t j = i; j-- > 0 && ends[i].at.lat - ends[j].at.lat <= dlat;) consider(j);
      if (best) pairs_.push_back({ends[i].at, best->at});
    }
  }
  std::sort(pairs_.begin(), pairs_.end(),
            [](const Pair& x, const Pair& y) { return lon_lat_less(x.end, y.end); });
}

std::optional<LonLat> FreeEnds::across(LonLat v) const {
  const auto it = std::lower_bound(pairs_.begin(), pairs_.end(), v,
                                   [](const Pair& p, LonLat x) { return lon_lat_less(p.end, x); });
  if (it == pairs_.end() || !same(it->end, v)) return std::nullopt;
  return it->partner;
}

}  // namespace bm
