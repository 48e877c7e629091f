#include "link/village_fills.hpp"

#include <map>
#include <set>

#include "geom/faces.hpp"
#include "link/linker.hpp"

namespace bm {
namespace {

std::vector<Line> segment_lines(const std::vector<BorderSegment>& segments) {
  std::set<std::string> seen;  // one row per status period: the line once
  std::vector<Line> out;
  for (const auto& s : segments)
    if (seen.insert(s.id).second) out.insert(out.end(), s.lines.begin(), s.lines.end());
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
