#pragma once
#include "gazetteer/gazetteer.hpp"
#include "geodata/bundle.hpp"

namespace bm::test {

// One gazetteer for all tests (loading it is the slow part).
inline const Gazetteer& world_gazetteer() {
  static const Gazetteer g = Gazetteer::from_bundle(Bundle());
  return g;
}

}  // namespace bm::test
