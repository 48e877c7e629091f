#pragma once
// Which bundled border segments a run needs: the chain links incidents
// anywhere against the world's land borders without loading all of them.
#include <string>
#include <vector>

#include "core/geometry.hpp"
#include "core/model.hpp"
#include "geodata/bundle.hpp"

namespace bm {

struct NearSegments {
  std::vector<BorderSegment> segments;
  // Nearest-segment answers for points of the area are exact up to this
  // distance: every segment left out lies farther away.
  double exact_within_m = 0;
  bool a_left = false;  // LinkOptions::a_left for these segments
};

// The bundled segments meeting `area` grown by `margin_deg` degrees; the
// margin doubles until some segment is found (an area far from any land
// border). An empty area gives every segment.
NearSegments segments_near(const Bundle& bundle, const Bounds& area, double margin_deg = 2);

// Whether a link found among `near`'s rows may have missed a nearer one:
// none found, or farther than the rows are sure of (a point far out at sea).
bool beyond_near(const std::vector<Link>& links, double exact_within_m);

// The segments a map draws: those in the --bbox area when one is given,
// else those near the located incidents (none without either).
std::vector<BorderSegment> segments_for_map(const Bundle& bundle,
                                            const std::vector<Incident>& incidents,
                                            const std::string& bbox_text);

// The attribution the bundled segments need on every map and table.
inline const char* kBordersCredit = "OpenStreetMap contributors (ODbL 1.0)";

}  // namespace bm
