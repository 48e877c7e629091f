#pragma once
// Base layers a user brings instead of the bundled ones (`render --countries`).
#include <string>
#include <vector>

#include "core/model.hpp"
#include "geodata/bundle.hpp"

namespace bm {

// Any polygon layer GDAL reads (GeoJSON, GPKG, Shapefile...), first layer.
// Fields, by the first name present: name|NAME|name_en|admin|ADMIN|country;
// iso_a2|ISO_A2|iso2|ISO2; iso_a3|ISO_A3|iso3|ISO3. A country without an
// ISO2 code is keyed by its id field or its name (Country::iso2 is the key
// the map uses for fills). Features without a polygon go to `rejected`.
std::vector<Country> read_countries_file(const std::string& path, std::vector<Rejection>& rejected);

}  // namespace bm
