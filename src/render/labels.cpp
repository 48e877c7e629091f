#include "render/labels.hpp"

#include <algorithm>
#include <cmath>

namespace bm {
namespace {

bool free_at(const Canvas& c, const std::vector<PlacedLabel>& placed, const Box& b) {
  if (!b.inside(c.frame)) return false;
  for (const auto& o : c.obstacles)
    if (b.overlaps(o)) return false;
  for (const auto& p : placed)
    if (b.overlaps(p.box)) return false;
  return true;
}

}  // namespace

Placement place_labels(Canvas& c, const std::vector<LabelRequest>& requests) {
  std::vector<const LabelRequest*> order;
  for (const auto& r : requests) order.push_back(&r);
  std::stable_sort(order.begin(), order.end(), [](const LabelRequest* a, const LabelRequest* b) {
    return a->priority > b->priority;
  });
  Placement out;
  const double pad = 2;
  for (const LabelRequest* r : order) {
    TextSize t = measure_text(c.cr, c.style.font, r->size, r->text, r->bold);
    double w = t.width + 2 * pad, h = t.height;
    double gap = r->radius + 3;
    // Right, left, above, below, then the diagonals (cartographic preference).
    const double dx[] = {gap,       -gap - w,       -w / 2,    -w / 2,
                         gap * 0.7, -gap * 0.7 - w, gap * 0.7, -gap * 0.7 - w};
    const double dy[] = {-h / 2,         -h / 2,         -gap - h,  gap,
                         -gap * 0.7 - h, -gap * 0.7 - h, gap * 0.7, gap * 0.7};
    bool done = false;
    for (int i = 0; i < 8 && !done; ++i) {
      Box b{r->anchor.x + dx[i], r->anchor.y + dy[i], r->anchor.x + dx[i] + w,
            r->anchor.y + dy[i] + h};
      if (free_at(c, out.placed, b)) {
        out.placed.push_back({r, b, false});
        done = true;
      }
    }
    // Crowded: walk outwards on rings and draw a leader line back.
    for (double dist = gap + 18; dist < gap + 160 && !done; dist += 14) {
      for (int k = 0; k < 16 && !done; ++k) {
        double a = k * M_PI / 8;
        double cx = r->anchor.x + dist * std::cos(a), cy = r->anchor.y + dist * std::sin(a);
        Box b{cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2};
        if (free_at(c, out.placed, b)) {
          out.placed.push_back({r, b, true});
          done = true;
        }
      }
    }
    if (!done) out.unplaced.push_back(r);
  }
  return out;
}

void draw_labels(Canvas& c, const Placement& placement) {
  SavedState guard(c.cr);
  for (const auto& p : placement.placed) {
    if (p.leader) {
      double cx = std::clamp(p.request->anchor.x, p.box.x0, p.box.x1);
      double cy = std::clamp(p.request->anchor.y, p.box.y0, p.box.y1);
      set_color(c.cr, c.style.muted_text);
      cairo_set_line_width(c.cr, 0.7);
      cairo_move_to(c.cr, p.request->anchor.x, p.request->anchor.y);
      cairo_line_to(c.cr, cx, cy);
      cairo_stroke(c.cr);
    }
    draw_text(c.cr, c.style.font, p.request->size, p.request->text, p.box.x0 + 2, p.box.y0,
              c.style.text, &c.style.halo, p.request->bold);
  }
}

}  // namespace bm
