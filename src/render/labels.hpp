#pragma once
// Label placement with collision avoidance: each label tries candidate
// positions around its anchor in priority order and takes the first that
// overlaps nothing placed before it (symbols, other labels, furniture) and
// stays inside the frame. Labels that fit nowhere are reported, not drawn.
#include <string>
#include <vector>

#include "render/canvas.hpp"

namespace bm {

struct LabelRequest {
  std::string text;
  XY anchor;
  double radius = 0;  // the symbol's radius: labels start beyond it
  int priority = 0;   // higher first
  double size = 9;
  bool bold = false;
};

struct PlacedLabel {
  const LabelRequest* request = nullptr;
  Box box;
  bool leader = false;  // drawn away from the anchor with a leader line
};

struct Placement {
  std::vector<PlacedLabel> placed;
  std::vector<const LabelRequest*> unplaced;
};

Placement place_labels(Canvas& c, const std::vector<LabelRequest>& requests);
void draw_labels(Canvas& c, const Placement& placement);

}  // namespace bm
