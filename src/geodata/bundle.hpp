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

// Where the project's data lives: $BORDERMAP_HOME, else the source tree.
std::string data_root();
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
