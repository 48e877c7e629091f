#pragma once
// Label placement with collision avoidance: each label tries candidate
// positions around its anchor in priority order and takes the first that
// overlaps nothing placed before it (symbols, other labels, furniture) and
// stays inside the frame. Crowded labels move out on a leader line (which
// crosses no furniture: legend, scale bar, north arrow, inset), then
// shrink to their callout number (the claims panel is the side table);
// labels that fit nowhere are reported, not drawn.
#include <string>
#include <vector>

#include "render/canvas.hpp"

namespace bm {

struct LabelRequest {
  std::string text;
  std::string short_text;  // callout fallback when crowded, e.g. "3"; empty: none
  XY anchor;
  double radius = 0;  // the symbol's radius: labels start beyond it
  int priority = 0;   // higher first: incidents > named places > regions > countries
  double size = 9;
  bool bold = false;
  bool centred = false;          // area labels: centred on the anchor, no leader lines
  std::vector<XY> alternatives;  // centred labels: further anchors to try, best first
  std::string font_suffix;       // e.g. " Italic"
  const Color* color = nullptr;  // default: style.text
};

struct PlacedLabel {
  const LabelRequest* request = nullptr;
  Box box;
  std::string text;     // the text drawn (full or short)
  bool leader = false;  // drawn away from the anchor with a leader line
};

struct Placement {
  std::vector<PlacedLabel> placed;
  std::vector<const LabelRequest*> unplaced;
};

// What a label of `text` covers (ink and halo), from its layout's top-left corner.
Box label_extent(const Canvas& c, const LabelRequest& r, const std::string& text);
// The width and height of label_extent: the box a label takes.
XY label_box_size(const Canvas& c, const LabelRequest& r, const std::string& text);
// The places beside the symbol a label of w x h may take, best first: the 8
// around it (right, left, above, below, then the diagonals), then, when
// `slide` (no leader lines), along it, still touching its row or column.
std::vector<Box> beside_candidates(const LabelRequest& r, double w, double h, bool slide);

Placement place_labels(Canvas& c, const std::vector<LabelRequest>& requests);
// Where a leader line from `anchor` meets the label box `b` (its nearest point).
XY leader_end(XY anchor, const Box& b);
void draw_labels(Canvas& c, const Placement& placement);

}  // namespace bm
