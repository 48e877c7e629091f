#pragma once
// Point-in-polygon over country areas with prepared geometries: which
// country a point lies in, and whether in one of its enclaves/exclaves.
#include <memory>
#include <string>
#include <vector>

#include "core/geometry.hpp"

namespace bm {

struct NamedArea {
  std::string code;  // ISO2 for countries
  const MultiPolygon* area = nullptr;
};

struct Location {
  std::string code;      // empty: in none of the areas
  bool enclave = false;  // in a part other than the area's largest
};

class Locator {
 public:
  explicit Locator(const std::vector<NamedArea>& areas);
  ~Locator();
  Locator(Locator&&) noexcept;
  Locator& operator=(Locator&&) noexcept;
  Location locate(LonLat p) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace bm
