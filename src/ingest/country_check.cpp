#include "ingest/country_check.hpp"

#include "geodata/bundle.hpp"
#include "geom/locator.hpp"

namespace bm::ingest {

std::vector<CountryWarning> check_countries(std::vector<Incident>& incidents,
                                            const Bundle& bundle) {
  Bounds box;
  for (const auto& i : incidents)
    if (i.location && !i.country.empty()) box.add(*i.location);
  std::vector<CountryWarning> out;
  if (box.empty()) return out;
  // Only the countries near the incidents: the world at 1:10m is slow to prepare.
  std::vector<Country> countries = bundle.countries(box);
  std::vector<NamedArea> areas;
  for (const auto& c : countries) areas.push_back({c.iso2, &c.area});
  Locator locator(areas);
  for (auto& i : incidents) {
    if (!i.location || i.country.empty()) continue;
    Location where = locator.locate(*i.location);
    if (where.code.empty() || where.code == i.country) continue;
    i.source_fields["bordermap.country_check"] =
        "the point lies in " + where.code + ", the source says " + i.country;
    out.push_back({i.id, i.country, where.code});
  }
  return out;
}

}  // namespace bm::ingest
