#include "geom/locator.hpp"

#include <geos_c.h>

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "geom/geos.hpp"

namespace bm {
namespace {

// One polygon of an area, prepared. Parts are tested one by one behind
// their own boxes: a point's box test rules out almost every part, and a
// country with hundreds of islands (or a world of countries) no longer
// costs a GEOS call per part.
struct Part {
  Bounds box;
  geos::Geom geom;
  geos::Prepared prepared;
};

struct Entry {
  std::string code;
  Bounds bounds;
  std::vector<Part> parts;
  std::size_t largest = 0;  // points in other parts are in an enclave/exclave
};

double area_of(const geos::Geom& g) {
  double a = 0;
  GEOSArea_r(geos::context(), g.get(), &a);
  return a;
}

bool inside(const Bounds& b, LonLat p) {
  return p.lon >= b.min_lon && p.lon <= b.max_lon && p.lat >= b.min_lat && p.lat <= b.max_lat;
}

// Part boxes bucketed by whole degrees (others_meet asks once per border
// segment, so a scan of every part of the world would cost seconds).
constexpr int kCols = 360, kRows = 180;

struct PartRef {
  std::uint32_t entry, part;
};

int col_of(double lon) { return std::clamp(static_cast<int>(std::floor(lon + 180)), 0, kCols - 1); }
int row_of(double lat) { return std::clamp(static_cast<int>(std::floor(lat + 90)), 0, kRows - 1); }

}  // namespace

struct Locator::Impl {
  std::vector<Entry> entries;
  std::vector<std::vector<PartRef>> buckets{kCols * kRows};
  void bucket(std::uint32_t entry, std::uint32_t part, const Bounds& b) {
    for (int y = row_of(b.min_lat); y <= row_of(b.max_lat); ++y)
      for (int x = col_of(b.min_lon); x <= col_of(b.max_lon); ++x)
        buckets[static_cast<std::size_t>(y * kCols + x)].push_back({entry, part});
  }
};

Locator::Locator(const std::vector<NamedArea>& areas) : impl_(std::make_unique<Impl>()) {
  for (const auto& na : areas) {
    Entry e;
    e.code = na.code;
    e.bounds = bounds_of(*na.area);
    double largest_area = -1;
    for (const auto& poly : *na.area) {
      Part part;
      part.box = bounds_of(MultiPolygon{poly});
      part.geom = geos::make_multipolygon({poly});
      part.prepared = geos::prepare(part.geom);
      // Prepared geometries build their point index on first use; do it
      // here so that threads sharing this locator afterwards only read.
      geos::contains(part.prepared, LonLat{part.box.min_lon, part.box.min_lat});
      const double a = area_of(part.geom);
      if (a > largest_area) largest_area = a, e.largest = e.parts.size();
      impl_->bucket(static_cast<std::uint32_t>(impl_->entries.size()),
                    static_cast<std::uint32_t>(e.parts.size()), part.box);
      e.parts.push_back(std::move(part));
    }
    impl_->entries.push_back(std::move(e));
  }
}

Locator::~Locator() = default;
Locator::Locator(Locator&&) noexcept = default;
Locator& Locator::operator=(Locator&&) noexcept = default;

// The first area holding p (the order given), and whether p lies in a part
// other than its largest. Parts of one area do not overlap, so the part
// holding p is the only one.
Location Locator::locate(LonLat p) const {
  geos::Geom point;  // made once, only if some box holds p
  for (const auto& e : impl_->entries) {
    if (!inside(e.bounds, p)) continue;
    for (std::size_t i = 0; i < e.parts.size(); ++i) {
      if (!inside(e.parts[i].box, p)) continue;
      if (!point) point = geos::make_point(p);
      if (geos::contains(e.parts[i].prepared, point)) return {e.code, i != e.largest};
    }
  }
  return {};
}

bool Locator::in_minor_part(std::size_t i, LonLat p) const {
  const Entry& e = impl_->entries[i];
  if (!inside(e.bounds, p)) return false;
  geos::Geom point;
  for (std::size_t k = 0; k < e.parts.size(); ++k) {
    if (k == e.largest || !inside(e.parts[k].box, p)) continue;
    if (!point) point = geos::make_point(p);
    if (geos::contains(e.parts[k].prepared, point)) return true;
  }
  return false;
}

bool Locator::others_meet(const Bounds& box, std::ptrdiff_t a, std::ptrdiff_t b) const {
  geos::Geom rect;  // the box as a polygon, made once a part's box meets it
  for (int y = row_of(box.min_lat); y <= row_of(box.max_lat); ++y)
    for (int x = col_of(box.min_lon); x <= col_of(box.max_lon); ++x)
      for (const PartRef& r : impl_->buckets[static_cast<std::size_t>(y * kCols + x)]) {
        if (static_cast<std::ptrdiff_t>(r.entry) == a || static_cast<std::ptrdiff_t>(r.entry) == b)
          continue;
        const Part& part = impl_->entries[r.entry].parts[r.part];
        if (!part.box.intersects(box)) continue;
        if (!rect)
          rect = geos::make_multipolygon({Polygon{{{{box.min_lon, box.min_lat},
                                                    {box.max_lon, box.min_lat},
                                                    {box.max_lon, box.max_lat},
                                                    {box.min_lon, box.max_lat},
                                                    {box.min_lon, box.min_lat}}}}});
        if (geos::contains(part.prepared, rect)) return true;  // (intersects)
      }
  return false;
}

}  // namespace bm
