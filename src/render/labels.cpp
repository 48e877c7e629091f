#include "render/labels.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "render/box_index.hpp"
#include "render/label_repair.hpp"

namespace bm {
namespace {

// Whether the segment a-b crosses box `r` (Liang–Barsky clipping).
bool crosses(XY a, XY b, const Box& r) {
  double t0 = 0, t1 = 1;
  const double dx = b.x - a.x, dy = b.y - a.y;
  const double p[4] = {-dx, dx, -dy, dy};
  const double q[4] = {a.x - r.x0, r.x1 - a.x, a.y - r.y0, r.y1 - a.y};
  for (int i = 0; i < 4; ++i) {
    if (p[i] == 0) {
      if (q[i] < 0) return false;
      continue;
    }
    const double t = q[i] / p[i];
    if (p[i] < 0)
      t0 = std::max(t0, t);
    else
      t1 = std::min(t1, t);
    if (t0 > t1) return false;
  }
  return true;
}

struct Placer {
  Canvas& c;
  Placement& out;
  BoxIndex taken{c.frame, 32};
  bool free_at(const Box& b) const { return b.inside(c.frame) && !taken.hits(b); }
  void take(const LabelRequest* r, const Box& b, const std::string& text, bool leader) {
    out.placed.push_back({r, b, text, leader});
    taken.add(b);
  }
};

// The 16 directions of the leader-line rings (cos, sin), computed once:
// crowded labels try up to 144 ring positions each.
const std::array<XY, 16>& ring_directions() {
  static const std::array<XY, 16> dirs = [] {
    std::array<XY, 16> d;
    for (int k = 0; k < 16; ++k) {
      double a = k * M_PI / 8;
      d[static_cast<std::size_t>(k)] = {std::cos(a), std::sin(a)};
    }
    return d;
  }();
  return dirs;
}

// Tries the positions around the anchor, then rings further out with a
// leader line. Returns false when nothing is free.
bool try_place(Placer& p, const LabelRequest* r, const std::string& text) {
  Canvas& c = p.c;
  const XY size = label_box_size(c, *r, text);
  const double w = size.x, h = size.y;
  if (r->centred) {
    // Area labels: centred on the anchor, then on the other points inside the area.
    std::vector<XY> anchors{r->anchor};
    anchors.insert(anchors.end(), r->alternatives.begin(), r->alternatives.end());
    for (const XY& a : anchors) {
      Box b{a.x - w / 2, a.y - h / 2, a.x + w / 2, a.y + h / 2};
      if (p.free_at(b)) {
        p.take(r, b, text, false);
        return true;
      }
    }
    return false;
  }
  for (const Box& b : beside_candidates(*r, w, h, !c.style.leader_lines))
    if (p.free_at(b)) {
      p.take(r, b, text, false);
      return true;
    }
  if (!c.style.leader_lines) return false;
  const double gap = r->radius + 2;
  // Crowded: walk outwards on rings and draw a leader line back.
  for (double dist = gap + w / 2 + 8; dist < gap + w / 2 + 90; dist += 10) {
    for (const XY& u : ring_directions()) {
      double cx = r->anchor.x + dist * u.x, cy = r->anchor.y + dist * u.y * 0.6;
      Box b{cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2};
      if (!p.free_at(b)) continue;
      // A leader line across the legend, scale bar or inset would hide it.
      XY end = leader_end(r->anchor, b);
      if (std::any_of(c.furniture.begin(), c.furniture.end(),
                      [&](const Box& f) { return crosses(r->anchor, end, f); }))
        continue;
      p.take(r, b, text, true);
      return true;
    }
  }
  return false;
}

}  // namespace

// The glyphs' ink and their halo (draw_text's offsets of size / 7): what the
// label truly covers, so two labels' halos may touch but never overlap (the
// logical line box is ~30 % taller than the ink of a one-line label).
Box label_extent(const Canvas& c, const LabelRequest& r, const std::string& text) {
  const Box ink = measure_text(c.cr, c.style.font + r.font_suffix, r.size, text, r.bold).ink;
  const double halo = r.size / 7;
  return {ink.x0 - halo, ink.y0 - halo, ink.x1 + halo, ink.y1 + halo};
}

XY label_box_size(const Canvas& c, const LabelRequest& r, const std::string& text) {
  const Box e = label_extent(c, r, text);
  return {e.x1 - e.x0, e.y1 - e.y0};
}

// Without leader lines a crowded label may still slide along its symbol:
// beside it, up or down by up to its own height; above or below it, left or
// right until its end is over the symbol. It still touches the symbol's
// column or row, so it reads as the symbol's.
std::vector<Box> beside_candidates(const LabelRequest& r, double w, double h, bool slide) {
  const XY a = r.anchor;
  const double gap = r.radius + 2;
  // Right, left, above, below, then the diagonals (cartographic preference).
  const double dx[] = {gap,       -gap - w,       -w / 2,    -w / 2,
                       gap * 0.7, -gap * 0.7 - w, gap * 0.7, -gap * 0.7 - w};
  const double dy[] = {-h / 2,         -h / 2,         -gap - h,  gap,
                       -gap * 0.7 - h, -gap * 0.7 - h, gap * 0.7, gap * 0.7};
  std::vector<Box> out;
  auto at = [&](double x, double y) { out.push_back({x, y, x + w, y + h}); };
  for (int i = 0; i < 8; ++i) at(a.x + dx[i], a.y + dy[i]);
  if (!slide) return out;
  for (double f : {0.25, -0.25, 0.5, -0.5, 0.75, -0.75, 1.0, -1.0}) {
    at(a.x + gap, a.y - h / 2 + f * h);
    at(a.x - gap - w, a.y - h / 2 + f * h);
  }
  for (double f : {0.2, -0.2, 0.35, -0.35, 0.5, -0.5}) {
    at(a.x - w / 2 + f * w, a.y - gap - h);
    at(a.x - w / 2 + f * w, a.y + gap);
  }
  return out;
}

XY leader_end(XY anchor, const Box& b) {
  return {std::clamp(anchor.x, b.x0, b.x1), std::clamp(anchor.y, b.y0, b.y1)};
}

Placement place_labels(Canvas& c, const std::vector<LabelRequest>& requests) {
  std::vector<const LabelRequest*> order;
  for (const auto& r : requests) order.push_back(&r);
  std::stable_sort(order.begin(), order.end(), [](const LabelRequest* a, const LabelRequest* b) {
    return a->priority > b->priority;
  });
  Placement out;
  Placer placer{c, out};
  for (const auto& o : c.obstacles) placer.taken.add(o);
  for (const LabelRequest* r : order) {
    if (try_place(placer, r, r->text)) continue;
    if (!r->short_text.empty() && try_place(placer, r, r->short_text)) continue;
    out.unplaced.push_back(r);
  }
  repair_placement(c, out);
  return out;
}

void draw_labels(Canvas& c, const Placement& placement) {
  SavedState guard(c.cr);
  for (const auto& p : placement.placed) {
    if (p.leader) {
      XY end = leader_end(p.request->anchor, p.box);
      double cx = end.x, cy = end.y;
      // Start the leader at the symbol's edge, not its centre.
      double dx = cx - p.request->anchor.x, dy = cy - p.request->anchor.y;
      double len = std::hypot(dx, dy);
      if (len > p.request->radius) {
        double sx = p.request->anchor.x + dx / len * p.request->radius;
        double sy = p.request->anchor.y + dy / len * p.request->radius;
        set_color(c.cr, c.style.muted_text);
        cairo_set_line_width(c.cr, 0.7);
        cairo_move_to(c.cr, sx, sy);
        cairo_line_to(c.cr, cx, cy);
        cairo_stroke(c.cr);
      }
    }
    const Color& colour = p.request->color ? *p.request->color : c.style.text;
    const Box e = label_extent(c, *p.request, p.text);  // the box is the text's ink and halo
    draw_text(c.cr, c.style.font + p.request->font_suffix, p.request->size, p.text, p.box.x0 - e.x0,
              p.box.y0 - e.y0, colour, &c.style.halo, p.request->bold);
  }
}

}  // namespace bm
