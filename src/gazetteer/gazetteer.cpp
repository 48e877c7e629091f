#include "gazetteer/gazetteer.hpp"

#include <memory>

#include "core/geodesic.hpp"
#include "core/geometry.hpp"
#include "gazetteer/index.hpp"
#include "geodata/bundle.hpp"
#include "geom/measure.hpp"

namespace bm {

const char* to_string(MatchType m) {
  switch (m) {
    case MatchType::exact:
      return "exact";
    case MatchType::variant:
      return "variant";
    case MatchType::fuzzy:
      return "fuzzy";
    case MatchType::context:
      return "context";
    case MatchType::unresolved:
      break;
  }
  return "unresolved";
}

Gazetteer::Gazetteer() = default;
Gazetteer::~Gazetteer() = default;
Gazetteer::Gazetteer(Gazetteer&&) noexcept = default;
Gazetteer& Gazetteer::operator=(Gazetteer&&) noexcept = default;

Gazetteer::Gazetteer(std::vector<Place> places) : index_(std::make_unique<Index>()) {
  index_->build(std::move(places));
}

std::size_t Gazetteer::size() const { return index_->size(); }

Gazetteer Gazetteer::from_bundle(const Bundle& bundle) {
  Gazetteer g;
  g.index_ = std::make_unique<Index>();
  if (read_cache(bundle.path(), *g.index_)) return g;
  g.index_ = std::make_unique<Index>();  // nothing of a refused cache is kept
  std::vector<Place> places = bundle.places();
  for (auto& r : bundle.regions()) {
    Place p;
    p.id = "admin1:" + r.id;
    p.name = r.name;
    p.alt_names = r.alt_names;
    p.kind = "region";
    p.country = r.country;
    p.admin1 = r.name;
    auto area = std::make_shared<MultiPolygon>(std::move(r.area));
    if (!area->empty()) p.point = point_on_surface(*area);
    p.area = std::move(area);
    p.coord_precision = GeoPrecision::region;
    p.source = "Natural Earth admin-1";
    places.push_back(std::move(p));
  }
  // Countries are places too ("shelling on the Tajik side" is placed at
  // Tajikistan, precision 3), and their names and adjectives are hints.
  for (Country& c : bundle.countries()) {
    g.index_->add_country(c.name, c.iso2);
    Place p;
    p.id = "country:" + (c.iso2.empty() ? c.name : c.iso2);
    p.name = c.name;
    p.kind = "country";
    p.country = c.iso2;
    // The outline is not kept (it would double the cache and the load
    // time); the point and how far the country reaches are.
    if (!c.area.empty()) {
      p.point = point_on_surface(c.area);
      Bounds b = bounds_of(c.area);
      p.uncertainty_m = geodesic_distance({b.min_lon, b.min_lat}, {b.max_lon, b.max_lat}) / 2;
    }
    p.coord_precision = GeoPrecision::region;
    p.source = "Natural Earth admin-0";
    places.push_back(std::move(p));
  }
  g.index_->build(std::move(places));
  write_cache(bundle.path(), *g.index_);
  return g;
}

void apply_resolution(Incident& i, const Resolution& r) {
  i.location = r.location;
  i.place_id = r.place->id;
  i.resolved_name = r.place->name;
  i.resolve_note = r.note;
  i.uncertainty_m = r.uncertainty_m;
  // A place placed at its parent area is only as precise as that area.
  if (static_cast<int>(r.precision) > static_cast<int>(i.precision)) i.precision = r.precision;
}

}  // namespace bm
