#include "ingest/country_check.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/error.hpp"
#include "geodata/bundle.hpp"
#include "geom/geos.hpp"
#include "geom/locator.hpp"
#include "ingest/countries.hpp"
#include "io/policy.hpp"

namespace bm::ingest {
namespace {

// The point with longitude and latitude exchanged, when that is a point.
std::optional<LonLat> swapped(const LonLat& p) {
  if (std::fabs(p.lon) > 90) return std::nullopt;
  return LonLat{p.lat, p.lon};
}

// Natural Earth 1:10m, the areas checked here, is kilometres off along
// borders (it puts Kyrgyz villages of the Isfara valley in Tajikistan), so a
// point this close to its stated country is not flagged; the linker decides
// such points on the 10 m line instead. 0.05 degrees is at most 5.6 km.
constexpr double kCoarseBorderDeg = 0.05;

class StatedAreas {
 public:
  explicit StatedAreas(const std::vector<Country>& countries) : countries_(countries) {}
  bool near(const std::string& iso2, LonLat p) {
    auto it = made_.find(iso2);
    if (it == made_.end()) {
      geos::Geom g;
      for (const auto& c : countries_)
        if (c.iso2 == iso2) g = geos::make_multipolygon(c.area);
      it = made_.emplace(iso2, std::move(g)).first;
    }
    return it->second && geos::distance_deg(it->second, p) < kCoarseBorderDeg;
  }

 private:
  const std::vector<Country>& countries_;
  std::map<std::string, geos::Geom> made_;
};

std::string where_name(const std::string& code) {
  return code.empty() ? "the sea (in no country)" : code;
}

}  // namespace

std::vector<CountryWarning> check_countries(std::vector<Incident>& incidents,
                                            const Bundle& bundle) {
  // Only the countries near the points (and their swapped twins): the world
  // at 1:10m is slow to prepare.
  Bounds box;
  for (const auto& i : incidents)
    if (i.location && !i.country.empty()) {
      box.add(*i.location);
      if (auto s = swapped(*i.location)) box.add(*s);
    }
  std::vector<CountryWarning> out;
  if (box.empty()) return out;
  std::vector<Country> countries = bundle.countries(box);
  std::vector<NamedArea> areas;
  for (const auto& c : countries) areas.push_back({c.iso2, &c.area});
  Locator locator(areas);
  StatedAreas near_stated(countries);
  for (auto& i : incidents) {
    if (!i.location || i.country.empty()) continue;
    // A name or alpha-3 is compared as its code; one we cannot place is not
    // compared at all (it is no evidence of a wrong point).
    const std::string stated = i.country.size() == 2 ? i.country : iso2_from_name(i.country);
    if (stated.empty()) continue;
    Location where = locator.locate(*i.location);
    if (where.code == stated) continue;
    auto s = swapped(*i.location);
    const bool swap_fits = s && locator.locate(*s).code == stated;
    // Far from every country the row may name a country we have no area
    // for; only a point in the sea with no better reading is left alone.
    if (where.code.empty() && !swap_fits) continue;
    if (!swap_fits && near_stated.near(stated, *i.location)) continue;
    std::string reason =
        "the point lies in " + where_name(where.code) + ", the source says " + i.country;
    if (swap_fits)
      reason += "; with lat and lon exchanged it lies in " + i.country + " — lat/lon swapped?";
    i.source_fields["bordermap.country_check"] = reason;
    out.push_back({i.id, i.country, where.code, i.line, reason});
  }
  return out;
}

void warn_countries(std::vector<Incident>& incidents, const std::string& file) {
  // Opening the bundle costs more than most small tables: only when a row
  // has both a point and a country to compare.
  const bool any = std::any_of(incidents.begin(), incidents.end(),
                               [](const Incident& i) { return i.location && !i.country.empty(); });
  if (!any) return;
  try {
    for (const auto& w : check_countries(incidents, Bundle()))
      io::warn(at(file, w.line, w.incident_id + ": " + w.reason + " (kept as given)"));
  } catch (const InputError& e) {
    io::warn(std::string("country check skipped: ") + e.what());
  }
}

}  // namespace bm::ingest
