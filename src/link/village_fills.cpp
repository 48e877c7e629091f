#include "link/village_fills.hpp"

#include <cmath>
#include <map>
#include <set>

#include "geom/faces.hpp"
#include "link/linker.hpp"

namespace bm {
namespace {

// The 10 m lines come from land polygons traced per country, so where two
// lines should meet (consecutive stretches, a tri-point) their ends can be
// tens of metres to a kilometre or two apart. Polygonizing ignores a line
// with a loose end, and the fill would then stay the generalised one: each
// loose end is joined to the nearest other end within this reach.
constexpr double kJoinReachDeg = 0.025;

// The nearest end of another line within reach of end `i`; none when one
// already meets it. Ends come in pairs: 2k and 2k+1 are line k's.
std::size_t join_for(const std::vector<LonLat>& ends, std::size_t i) {
  double best = kJoinReachDeg;
  std::size_t at = ends.size();
  for (std::size_t j = 0; j < ends.size(); ++j) {
    if (j == i || j == (i ^ 1)) continue;
    double d = std::hypot(ends[i].lon - ends[j].lon, ends[i].lat - ends[j].lat);
    if (d == 0) return ends.size();
    if (d < best) best = d, at = j;
  }
  return at;
}

void join_loose_ends(std::vector<Line>& lines) {
  std::vector<LonLat> ends;
  for (const auto& l : lines)
    if (l.size() >= 2) ends.push_back(l.front()), ends.push_back(l.back());
  std::vector<Line> joins;
  for (std::size_t i = 0; i < ends.size(); ++i)
    if (std::size_t at = join_for(ends, i); at < ends.size()) joins.push_back({ends[i], ends[at]});
  lines.insert(lines.end(), joins.begin(), joins.end());
}

std::vector<Line> segment_lines(const std::vector<BorderSegment>& segments) {
  std::set<std::string> seen;  // one row per status period: the line once
  std::vector<Line> out;
  for (const auto& s : segments)
    if (seen.insert(s.id).second) out.insert(out.end(), s.lines.begin(), s.lines.end());
  join_loose_ends(out);
  return out;
}

}  // namespace

std::vector<Country> village_fills(const std::vector<Country>& countries, const NearSegments& near,
                                   const Bounds& box) {
  std::vector<Country> in_box;
  for (const auto& c : countries)
    if (bounds_of(c.area).intersects(box)) in_box.push_back(c);
  std::vector<const MultiPolygon*> areas;
  for (const auto& c : in_box) areas.push_back(&c.area);
  std::vector<Face> faces = faces_within(areas, segment_lines(near.segments), box);

  Linker linker(near.segments, in_box, LinkOptions{5000, "", 1, near.a_left});
  std::map<std::string, std::vector<Polygon>> parts;  // by ISO2
  for (auto& f : faces) {
    PointLink l = linker.link_point(f.inside, "");
    if (l.country < 0) continue;  // on no country's land (a polygon gap)
    parts[linker.countries()[static_cast<std::size_t>(l.country)].iso2].push_back(
        std::move(f.area));
  }
  std::vector<Country> out;
  for (auto& c : in_box) {
    auto it = parts.find(c.iso2);
    if (it == parts.end()) continue;
    c.area = dissolve(it->second);
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace bm
