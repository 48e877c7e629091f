#include "extract/fixture_gazetteers.hpp"

#include <fstream>

#include "core/geometry.hpp"
#include "extract/extractor.hpp"
#include "gazetteer/normalize.hpp"
#include "geodata/bundle.hpp"
#include "support.hpp"

namespace bm::test {

using nlohmann::json;

namespace {

Place place_from(const json& j) {
  Place p;
  p.id = j.at("id");
  p.name = j.at("name");
  p.kind = j.at("kind");
  p.country = j.at("country");
  p.point = LonLat{j.at("lonlat")[0], j.at("lonlat")[1]};
  p.population = j.value("population", 0L);
  p.alt_names = j.value("alt_names", std::vector<std::string>{});
  if (p.kind == "region") p.coord_precision = GeoPrecision::region;
  if (j.contains("square")) {  // [lon0, lat0, lon1, lat1]: an area to frame places by
    const auto& s = j["square"];
    double x0 = s[0], y0 = s[1], x1 = s[2], y1 = s[3];
    Polygon square;
    square.rings.push_back({{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}});
    p.area = std::make_shared<const MultiPolygon>(MultiPolygon{square});
  }
  return p;
}

}  // namespace

json read_json(const std::filesystem::path& path) {
  std::ifstream in(path);
  return json::parse(in);
}

// The small invented gazetteer the fixtures about other borders use
// (tests/data/extract/small_gazetteer.json), so no rule leans on the bundle.
const extract::PlaceLookup& small_lookup() {
  static const json file = read_json(data("extract/small_gazetteer.json"));
  static const Gazetteer g = [] {
    std::vector<Place> places;
    for (const auto& p : file.at("places")) places.push_back(place_from(p));
    return Gazetteer(std::move(places));
  }();
  static const extract::PlaceLookup l = [] {
    std::map<std::string, std::string> countries;
    for (const auto& [name, cc] : file.at("countries").items())
      countries[normalize_name(name)] = cc.get<std::string>();
    return extract::PlaceLookup(g, countries);
  }();
  return l;
}

const extract::PlaceLookup& bundle_lookup() {
  static const Bundle bundle;
  static const Gazetteer g = Gazetteer::from_bundle(bundle);
  static const extract::PlaceLookup l(g, extract::country_names(bundle));
  return l;
}

}  // namespace bm::test
