#pragma once
// The scale bar's length and ticks: kept free of Cairo so tests can check them directly.
#include <string>
#include <vector>

#include "render/projection.hpp"

namespace bm {

struct ScaleBar {
  double metres = 0;  // a round length
  double length = 0;  // device units
};

// A round length (1-2-5 steps) no longer than `max_length` device units,
// true at the map centre (geodesic metres per device unit measured there).
ScaleBar compute_scale_bar(const Viewport& v, double max_length);

struct ScaleTick {
  double at = 0;      // device units from the bar's left end
  double metres = 0;  // ground distance the tick stands for
  std::string label;  // "0", "1", ..., the last with its unit: "5 km"
};
// Ticks that each stand for a true, round distance: a 1 or 2 bar in halves
// (0, 5, 10 km; 0, 1, 2 km), a 5 bar in fifths (0, 1, 2, 3, 4, 5 km).
std::vector<ScaleTick> scale_ticks(const ScaleBar& bar);

}  // namespace bm
