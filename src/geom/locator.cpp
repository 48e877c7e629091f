#include "geom/locator.hpp"

#include <geos_c.h>

#include "geom/geos.hpp"

namespace bm {
namespace {

struct Entry {
  std::string code;
  Bounds bounds;
  geos::Geom whole;
  geos::Prepared whole_prepared;
  std::vector<geos::Geom> minor_parts;  // every part but the largest
  std::vector<geos::Prepared> minor_prepared;
};

double area_of(const geos::Geom& g) {
  double a = 0;
  GEOSArea_r(geos::context(), g.get(), &a);
  return a;
}

}  // namespace

struct Locator::Impl {
  std::vector<Entry> entries;
};

Locator::Locator(const std::vector<NamedArea>& areas) : impl_(std::make_unique<Impl>()) {
  for (const auto& na : areas) {
    Entry e;
    e.code = na.code;
    e.bounds = bounds_of(*na.area);
    e.whole = geos::make_multipolygon(*na.area);
    e.whole_prepared = geos::prepare(e.whole);
    std::vector<geos::Geom> parts;
    std::size_t largest = 0;
    double largest_area = -1;
    for (const auto& poly : *na.area) {
      parts.push_back(geos::make_multipolygon({poly}));
      double a = area_of(parts.back());
      if (a > largest_area) largest_area = a, largest = parts.size() - 1;
    }
    for (std::size_t i = 0; i < parts.size(); ++i) {
      if (i == largest) continue;
      e.minor_prepared.push_back(geos::prepare(parts[i]));
      e.minor_parts.push_back(std::move(parts[i]));
    }
    // Prepared geometries build their point index on first use; do it here so
    // that threads sharing this locator afterwards only read.
    LonLat probe{e.bounds.min_lon, e.bounds.min_lat};
    geos::contains(e.whole_prepared, probe);
    for (const auto& part : e.minor_prepared) geos::contains(part, probe);
    impl_->entries.push_back(std::move(e));
  }
}

Locator::~Locator() = default;
Locator::Locator(Locator&&) noexcept = default;
Locator& Locator::operator=(Locator&&) noexcept = default;

Location Locator::locate(LonLat p) const {
  geos::Geom point;  // made once, only if some box holds p
  for (const auto& e : impl_->entries) {
    if (p.lon < e.bounds.min_lon || p.lon > e.bounds.max_lon || p.lat < e.bounds.min_lat ||
        p.lat > e.bounds.max_lat)
      continue;
    if (!point) point = geos::make_point(p);
    if (!geos::contains(e.whole_prepared, point)) continue;
    Location loc{e.code, false};
    for (const auto& part : e.minor_prepared)
      if (geos::contains(part, point)) loc.enclave = true;
    return loc;
  }
  return {};
}

}  // namespace bm
