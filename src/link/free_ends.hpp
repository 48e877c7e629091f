#pragma once
// Free ends of border lines and the gaps between them.
//
// The source's land polygons leave wide rivers and lakes open, so the line
// two countries share breaks where their banks part and starts again where
// they meet (21k such ends in the world). A point in such a gap has a free
// end as its nearest border point; the straight chord to the nearest free
// end of the same two countries' lines continues the line across the gap,
// so the side can still be told there.
#include <optional>
#include <vector>

#include "core/model.hpp"

namespace bm {

class FreeEnds {
 public:
  static constexpr double kMaxGapM = 10000;  // farther: a coast or a lake shore, not a gap
  // Farther from the end the chord is a poor guide (the source's short
  // stubs turn it) and the polygons answer better: measured on world 100k
  // against the source's own polygons (docs/borders.md).
  static constexpr double kReachM = 750;

  FreeEnds() = default;
  explicit FreeEnds(const std::vector<const BorderSegment*>& segments);

  // The free end across the gap from line end `v`, if one lies within kMaxGapM.
  std::optional<LonLat> across(LonLat v) const;

 private:
  struct Pair {
    LonLat end, partner;
  };
  std::vector<Pair> pairs_;  // sorted by end
};

}  // namespace bm
