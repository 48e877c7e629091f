// Lon/lat lines and rings to device paths: densified, thinned and clipped.
#include "render/layers.hpp"

#include <algorithm>
#include <cmath>

namespace bm {
namespace {

// Projected, densified device points of a lon/lat line, dropping vertices
// closer than a third of a point to the previous one (file size). The
// projected points come from the projection's memo: maps that share a
// projection project each line once.
std::vector<XY> device_points(const Viewport& v, const Line& line) {
  const double step = 0.05;  // degrees: densify longer lon/lat edges
  const double min_gap = 0.35;
  auto metres = v.projection().project_line(line, step);
  std::vector<XY> out;
  for (std::size_t i = 0; i < metres->size(); ++i) {
    XY d = v.to_device((*metres)[i]);
    bool keep = i == 0 || i + 1 == metres->size() ||
                !(std::abs(d.x - out.back().x) < min_gap && std::abs(d.y - out.back().y) < min_gap);
    if (keep) out.push_back(d);
  }
  return out;
}

// Sutherland–Hodgman against one edge of the box; `side` 0..3 = left, right, top, bottom.
std::vector<XY> clip_edge(const std::vector<XY>& in, const Box& b, int side) {
  auto inside = [&](XY p) {
    switch (side) {
      case 0:
        return p.x >= b.x0;
      case 1:
        return p.x <= b.x1;
      case 2:
        return p.y >= b.y0;
      default:
        return p.y <= b.y1;
    }
  };
  auto cross = [&](XY p, XY q) {
    double t = 0;
    switch (side) {
      case 0:
        t = (b.x0 - p.x) / (q.x - p.x);
        break;
      case 1:
        t = (b.x1 - p.x) / (q.x - p.x);
        break;
      case 2:
        t = (b.y0 - p.y) / (q.y - p.y);
        break;
      default:
        t = (b.y1 - p.y) / (q.y - p.y);
        break;
    }
    return XY{p.x + t * (q.x - p.x), p.y + t * (q.y - p.y)};
  };
  std::vector<XY> out;
  if (in.empty()) return out;
  XY prev = in.back();
  for (const XY& cur : in) {
    if (inside(cur)) {
      if (!inside(prev)) out.push_back(cross(prev, cur));
      out.push_back(cur);
    } else if (inside(prev)) {
      out.push_back(cross(prev, cur));
    }
    prev = cur;
  }
  return out;
}

Box padded(const Viewport& v) {
  const double pad = 24;
  return {v.x0() - pad, v.y0() - pad, v.x0() + v.width() + pad, v.y0() + v.height() + pad};
}

}  // namespace

bool is_focus(const MapData& data, const std::string& iso2) {
  return std::find(data.focus.begin(), data.focus.end(), iso2) != data.focus.end();
}

void clip_to_frame(Canvas& c) {
  cairo_rectangle(c.cr, c.frame.x0, c.frame.y0, c.frame.x1 - c.frame.x0, c.frame.y1 - c.frame.y0);
  cairo_clip(c.cr);
}

void trace_line(cairo_t* cr, const Viewport& v, const Line& line) {
  // Segments wholly off one side of the (padded) frame are skipped: they
  // cannot show, and SVG/PDF would carry them anyway.
  std::vector<XY> pts = device_points(v, line);
  Box b = padded(v);
  auto outcode = [&](XY p) {
    return (p.x < b.x0 ? 1 : 0) | (p.x > b.x1 ? 2 : 0) | (p.y < b.y0 ? 4 : 0) |
           (p.y > b.y1 ? 8 : 0);
  };
  bool pen = false;
  for (std::size_t i = 0; i + 1 < pts.size(); ++i) {
    if (outcode(pts[i]) & outcode(pts[i + 1])) {
      pen = false;
      continue;
    }
    if (!pen) cairo_move_to(cr, pts[i].x, pts[i].y);
    cairo_line_to(cr, pts[i + 1].x, pts[i + 1].y);
    pen = true;
  }
}

void trace_ring(cairo_t* cr, const Viewport& v, const Ring& ring) {
  // Clipped to the padded frame so that fills stay exact inside the frame.
  std::vector<XY> pts = device_points(v, ring);
  Box b = padded(v);
  for (int side = 0; side < 4 && !pts.empty(); ++side) pts = clip_edge(pts, b, side);
  if (pts.size() < 3) return;
  cairo_move_to(cr, pts[0].x, pts[0].y);
  for (std::size_t i = 1; i < pts.size(); ++i) cairo_line_to(cr, pts[i].x, pts[i].y);
  cairo_close_path(cr);
}

}  // namespace bm
