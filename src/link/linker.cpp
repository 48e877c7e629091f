#include "link/linker.hpp"

#include <limits>

#include "core/geodesic.hpp"
#include "geom/border.hpp"
#include "geom/locator.hpp"

namespace bm {
struct Linker::Areas {
  std::vector<Country> countries;
  Locator locator;
  explicit Areas(std::vector<Country> c) : countries(std::move(c)), locator(named(countries)) {}
  static std::vector<NamedArea> named(const std::vector<Country>& cs) {
    std::vector<NamedArea> out;
    for (const auto& c : cs) out.push_back({c.iso2, &c.area});
    return out;
  }
};

Linker::Linker(std::vector<BorderSegment> segments, std::vector<Country> countries,
               LinkOptions options)
    : segments_(std::move(segments)),
      areas_(std::make_unique<Areas>(std::move(countries))),
      options_(std::move(options)) {}

Linker::~Linker() = default;
Linker::Linker(Linker&&) noexcept = default;

Link Linker::link(const Incident& incident) const {
  Link out;
  out.incident_id = incident.id;
  if (!incident.location) return out;
  const LonLat p = *incident.location;
  const std::string& date = options_.as_of.empty() ? incident.date.start : options_.as_of;
  out.distance_m = std::numeric_limits<double>::infinity();
  for (const auto& s : segments_) {
    if (!active_on(s, date)) continue;
    for (const auto& line : s.lines) {
      auto n = nearest_on_line(p, line);
      if (n.distance_m < out.distance_m) {
        out.distance_m = n.distance_m;
        out.segment_id = s.id;
        out.nearest = n.point;
      }
      if (s.status == SegmentStatus::disputed &&
          (out.disputed_distance_m < 0 || n.distance_m < out.disputed_distance_m)) {
        out.disputed_distance_m = n.distance_m;
        out.disputed_segment_id = s.id;
        out.disputed_nearest = n.point;
      }
    }
  }
  if (out.segment_id.empty()) out.distance_m = -1;
  Location where = areas_->locator.locate(p);
  out.country = where.code;
  out.in_enclave = where.enclave;
  out.within_zone = out.distance_m >= 0 && out.distance_m <= options_.within_m;
  return out;
}

std::vector<BorderSegment> border_segments(const Bundle& bundle, const std::string& a,
                                           const std::string& b,
                                           const std::vector<Country>& countries) {
  std::vector<BorderSegment> out;
  for (auto& s : bundle.segments())
    if ((s.country_a == a && s.country_b == b) || (s.country_a == b && s.country_b == a))
      out.push_back(std::move(s));
  if (!out.empty()) return out;
  const Country* ca = nullptr;
  const Country* cb = nullptr;
  for (const auto& c : countries) {
    if (c.iso2 == a) ca = &c;
    if (c.iso2 == b) cb = &c;
  }
  if (!ca || !cb) return out;
  BorderSegment s;
  s.id = a + "-" + b;
  s.name = ca->name + " – " + cb->name + " border";
  s.country_a = a;
  s.country_b = b;
  s.lines = shared_boundary(ca->area, cb->area);
  s.source = "derived: shared boundary of the Natural Earth polygons";
  out.push_back(std::move(s));
  return out;
}

}  // namespace bm
