#pragma once
// A country and an admin-1 region of the base data (geodata/bundle.hpp
// reads them from the bundle; every stage may use them).
#include <string>
#include <vector>

#include "core/geometry.hpp"

namespace bm {

struct Country {
  std::string iso2;
  std::string iso3;
  std::string name;
  MultiPolygon area;
};

struct Region {
  std::string id;
  std::string name;
  std::vector<std::string> alt_names;
  std::string country;
  MultiPolygon area;
};

}  // namespace bm
