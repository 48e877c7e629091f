#pragma once
// The scale bar's length: kept free of Cairo so tests can check it directly.
#include "render/projection.hpp"

namespace bm {

struct ScaleBar {
  double metres = 0;  // a round length
  double length = 0;  // device units
};

// A round length (1-2-5 steps) no longer than `max_length` device units,
// true at the map centre (geodesic metres per device unit measured there).
ScaleBar compute_scale_bar(const Viewport& v, double max_length);

}  // namespace bm
