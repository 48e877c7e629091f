#include "render/labels.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace bm {
namespace {

// Boxes bucketed on a uniform grid over the frame, so a candidate is tested
// only against its neighbours (thousands of symbols and labels stay fast).
// Cells are a flat array; boxes beyond the frame fall in its edge cells
// (clamping keeps overlapping boxes in a shared cell).
class BoxIndex {
 public:
  BoxIndex(const Box& frame, double cell)
      : cell_(cell),
        x0_(frame.x0),
        y0_(frame.y0),
        nx_(std::max(1L, static_cast<long>(std::ceil((frame.x1 - frame.x0) / cell)))),
        ny_(std::max(1L, static_cast<long>(std::ceil((frame.y1 - frame.y0) / cell)))),
        cells_(static_cast<std::size_t>(nx_ * ny_)) {}
  // A box is copied into every cell it touches: a test reads its cells'
  // boxes in a row instead of chasing indices (crowded maps test ~10^5 boxes).
  void add(const Box& b) {
    for_cells(b, [&](std::size_t k) {
      cells_[k].push_back(b);
      return false;
    });
  }
  bool hits(const Box& b) const {
    return for_cells(b, [&](std::size_t k) {
      for (const Box& o : cells_[k])
        if (o.overlaps(b)) return true;
      return false;
    });
  }

 private:
  long cell_of(double v, double origin, long n) const {
    double c = std::floor((v - origin) / cell_);
    if (!(c > 0)) return 0;  // also NaN
    return c >= static_cast<double>(n) ? n - 1 : static_cast<long>(c);
  }
  // Calls f for every cell `b` touches until f returns true; returns whether it did.
  template <class F>
  bool for_cells(const Box& b, F f) const {
    const long x0 = cell_of(b.x0, x0_, nx_), x1 = cell_of(b.x1, x0_, nx_);
    const long y0 = cell_of(b.y0, y0_, ny_), y1 = cell_of(b.y1, y0_, ny_);
    for (long y = y0; y <= y1; ++y)
      for (long x = x0; x <= x1; ++x)
        if (f(static_cast<std::size_t>(y * nx_ + x))) return true;
    return false;
  }
  double cell_, x0_, y0_;
  long nx_, ny_;
  std::vector<std::vector<Box>> cells_;
};

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
  const double pad = 2;
  TextSize t = measure_text(c.cr, c.style.font + r->font_suffix, r->size, text, r->bold);
  double w = t.width + 2 * pad, h = t.height;
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
  double gap = r->radius + 2;
  // Right, left, above, below, then the diagonals (cartographic preference).
  const double dx[] = {gap,       -gap - w,       -w / 2,    -w / 2,
                       gap * 0.7, -gap * 0.7 - w, gap * 0.7, -gap * 0.7 - w};
  const double dy[] = {-h / 2,         -h / 2,         -gap - h,  gap,
                       -gap * 0.7 - h, -gap * 0.7 - h, gap * 0.7, gap * 0.7};
  for (int i = 0; i < 8; ++i) {
    Box b{r->anchor.x + dx[i], r->anchor.y + dy[i], r->anchor.x + dx[i] + w,
          r->anchor.y + dy[i] + h};
    if (p.free_at(b)) {
      p.take(r, b, text, false);
      return true;
    }
  }
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
    draw_text(c.cr, c.style.font + p.request->font_suffix, p.request->size, p.text, p.box.x0 + 2,
              p.box.y0, colour, &c.style.halo, p.request->bold);
  }
}

}  // namespace bm
