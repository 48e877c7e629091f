#pragma once
// A place lookup that knows no place: rule tests on figures, dates and
// sides that must not depend on the gazetteer.
#include <vector>

#include "extract/place_lookup.hpp"
#include "gazetteer/gazetteer.hpp"

namespace bm::test {

inline const bm::extract::PlaceLookup& no_places() {
  static const bm::Gazetteer g(std::vector<bm::Place>{});
  static const bm::extract::PlaceLookup l(g, {});
  return l;
}

}  // namespace bm::test
