#pragma once
// Point-in-polygon over country areas with prepared geometries: which
// country a point lies in, and whether in one of its enclaves/exclaves.
#include <cstddef>
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
  // Whether p lies in a part of area `i` other than its largest (what
  // locate() reports as an enclave), testing that area alone.
  bool in_minor_part(std::size_t i, LonLat p) const;
  // Whether a part of some area other than `a` and `b` (indices, -1: none)
  // meets `box`: if not, locate() can only answer a, b or none for a point
  // of the box.
  bool others_meet(const Bounds& box, std::ptrdiff_t a, std::ptrdiff_t b) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace bm
