#pragma once
// The bundled base data (geodata/bordermap.gpkg): countries, admin-1 regions,
// places and named border segments. See geodata/PROVENANCE.md.
#include <string>
#include <vector>

#include "core/country.hpp"
#include "core/geometry.hpp"
#include "core/model.hpp"
#include "core/strings.hpp"

namespace bm {

// The data folder (bundled GeoPackage, incidents, reference tables, styles),
// first found of: set_data_root() (--data DIR), $BORDERMAP_DATA,
// $BORDERMAP_HOME (older name), <binary>/../share/bordermap (an installed
// copy), the source tree this binary was built from (a build tree).
std::string data_root();
// Which of those rules chose data_root(): "--data", "BORDERMAP_DATA",
// "BORDERMAP_HOME", "installed" or "source tree".
std::string data_root_origin();
// --data DIR: wins over every other rule for the rest of the process.
void set_data_root(std::string dir);
std::string default_bundle_path();

class Bundle {
 public:
  explicit Bundle(std::string path = default_bundle_path());
  const std::string& path() const { return path_; }

  // Countries whose bounds meet `filter` (all when the filter is empty).
  std::vector<Country> countries(const Bounds& filter = {}) const;
  std::vector<Region> regions(const Bounds& filter = {}) const;
  std::vector<Place> places() const;
  std::vector<BorderSegment> segments() const;

 private:
  std::string path_;
};

}  // namespace bm
