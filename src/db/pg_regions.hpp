#pragma once
// A regions table (`data --to`'s `regions`: id, name, alt_names, geom) read
// for the pushed-down link's region-precision incidents: every region's
// names and extent at once (the world has a few thousand), a region's area
// only when an incident names it, so the table never has to fit here.
#include <gdal_priv.h>

#include <string>
#include <vector>

#include "core/geometry.hpp"

namespace bm::db {

struct PgRegion {
  std::string id, name;
  std::vector<std::string> alt_names;  // the column holds them `;`-separated
  Bounds extent;
};

class PgRegions {
 public:
  // Opens its own connection (the link's cursor holds the other one).
  PgRegions(const std::string& connection, const std::string& table);
  // In the table's order (its fid when it has one).
  const std::vector<PgRegion>& list() const { return list_; }
  // The area of list()[i], read from the server now.
  MultiPolygon area(std::size_t i) const;

 private:
  GDALDatasetUniquePtr ds_;
  std::string table_;
  std::vector<PgRegion> list_;
};

}  // namespace bm::db
