#include "render/layers.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

namespace bm {
namespace {

bool is_focus(const MapData& data, const std::string& iso2) {
  return std::find(data.focus.begin(), data.focus.end(), iso2) != data.focus.end();
}

void clip_to_frame(Canvas& c) {
  cairo_rectangle(c.cr, c.frame.x0, c.frame.y0, c.frame.x1 - c.frame.x0, c.frame.y1 - c.frame.y0);
  cairo_clip(c.cr);
}

double ring_area(const Ring& r) {
  double a = 0;
  for (std::size_t i = 0, j = r.size() - 1; i < r.size(); j = i++)
    a += (r[j].lon + r[i].lon) * (r[j].lat - r[i].lat);
  return std::abs(a) / 2;
}

}  // namespace

namespace {

// Projected, densified device points of a lon/lat line, dropping vertices
// closer than a third of a point to the previous one (file size).
std::vector<XY> device_points(const Viewport& v, const Line& line) {
  const double step = 0.05;  // degrees: densify longer lon/lat edges
  const double min_gap = 0.35;
  std::vector<XY> out;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (i == 0) {
      out.push_back(v.to_device(line[0]));
      continue;
    }
    const LonLat a = line[i - 1], b = line[i];
    double span = std::max(std::abs(b.lon - a.lon), std::abs(b.lat - a.lat));
    int n = std::clamp(static_cast<int>(std::ceil(span / step)), 1, 200);
    for (int k = 1; k <= n; ++k) {
      double t = static_cast<double>(k) / n;
      XY d = v.to_device(LonLat{a.lon + t * (b.lon - a.lon), a.lat + t * (b.lat - a.lat)});
      bool last = i + 1 == line.size() && k == n;
      if (!last && std::abs(d.x - out.back().x) < min_gap && std::abs(d.y - out.back().y) < min_gap)
        continue;
      out.push_back(d);
    }
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

const Color& status_color(const Style& style, SegmentStatus status) {
  switch (status) {
    case SegmentStatus::disputed:
      return style.border_disputed;
    case SegmentStatus::undemarcated:
      return style.border_undemarcated;
    case SegmentStatus::delimited:
      return style.border_delimited;
    case SegmentStatus::unknown:
      break;
  }
  return style.border_unknown;
}

void paint_countries(Canvas& c, const MapData& data) {
  SavedState guard(c.cr);
  set_color(c.cr, c.style.background);
  cairo_rectangle(c.cr, c.frame.x0, c.frame.y0, c.frame.x1 - c.frame.x0, c.frame.y1 - c.frame.y0);
  cairo_fill(c.cr);
  clip_to_frame(c);
  cairo_set_line_join(c.cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_fill_rule(c.cr, CAIRO_FILL_RULE_EVEN_ODD);
  for (const auto& country : data.countries) {
    cairo_new_path(c.cr);
    for (const auto& poly : country.area)
      for (const auto& ring : poly.rings) {
        trace_ring(c.cr, c.view, ring);
      }
    // Each focus country its own fill, so the border reads without the line:
    // the first, then the others alternating between the two other land
    // colours (a user's layer may bring three or more neighbours).
    const Color* fill = &c.style.land;
    auto at = std::find(data.focus.begin(), data.focus.end(), country.iso2);
    if (at == data.focus.begin())
      fill = &c.style.land_focus;
    else if (at != data.focus.end())
      fill = (at - data.focus.begin()) % 2 ? &c.style.land_focus_alt : &c.style.land;
    set_color(c.cr, *fill);
    cairo_fill_preserve(c.cr);
    set_color(c.cr, c.style.country_line);
    cairo_set_line_width(c.cr, 0.8);
    cairo_stroke(c.cr);
  }
}

// Admin-1 lines are drawn only inside their country: where a region's
// outline runs along the national border (the two sources are generalised
// differently) it is left out, so no grey line shadows the border.
bool paint_regions(Canvas& c, const MapData& data) {
  SavedState guard(c.cr);
  clip_to_frame(c);
  // National outlines in device units, bucketed on a coarse grid.
  const double cell = 12, near = 4;
  std::map<std::pair<int, int>, std::vector<std::pair<XY, XY>>> grid;
  auto key = [&](XY p) {
    return std::make_pair(static_cast<int>(std::floor(p.x / cell)),
                          static_cast<int>(std::floor(p.y / cell)));
  };
  // A region's outer edge is its own country's outline: the focus countries'
  // rings suffice, and only their edges near the frame.
  const Box near_frame{c.frame.x0 - cell, c.frame.y0 - cell, c.frame.x1 + cell, c.frame.y1 + cell};
  for (const auto& country : data.countries) {
    if (!is_focus(data, country.iso2)) continue;
    for (const auto& poly : country.area)
      for (const auto& ring : poly.rings)
        for (std::size_t i = 1; i < ring.size(); ++i) {
          XY a = c.view.to_device(ring[i - 1]), b = c.view.to_device(ring[i]);
          if (std::max(a.x, b.x) < near_frame.x0 || std::min(a.x, b.x) > near_frame.x1 ||
              std::max(a.y, b.y) < near_frame.y0 || std::min(a.y, b.y) > near_frame.y1)
            continue;
          auto ka = key(a), kb = key(b);
          for (int x = std::min(ka.first, kb.first) - 1; x <= std::max(ka.first, kb.first) + 1; ++x)
            for (int y = std::min(ka.second, kb.second) - 1;
                 y <= std::max(ka.second, kb.second) + 1; ++y)
              grid[{x, y}].push_back({a, b});
        }
  }
  auto on_border = [&](XY p) {
    auto it = grid.find(key(p));
    if (it == grid.end()) return false;
    for (const auto& [a, b] : it->second) {
      double dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
      double t = len2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0) : 0;
      if (std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy)) < near) return true;
    }
    return false;
  };
  bool any = false;
  set_color(c.cr, c.style.region_line);
  cairo_set_line_width(c.cr, 0.7);
  const double dash[] = {4.0, 2.0, 1.0, 2.0};
  cairo_set_dash(c.cr, dash, 4, 0);
  for (const auto& r : data.regions) {
    if (!is_focus(data, r.country)) continue;
    cairo_new_path(c.cr);
    for (const auto& poly : r.area)
      for (const auto& ring : poly.rings) {
        bool pen = false;
        for (std::size_t i = 0; i < ring.size(); ++i) {
          XY d = c.view.to_device(ring[i]);
          bool skip = on_border(d);
          if (i > 0 && !skip) {
            XY prev = c.view.to_device(ring[i - 1]);
            skip = on_border({(prev.x + d.x) / 2, (prev.y + d.y) / 2});
          }
          if (skip) {
            pen = false;
          } else if (!pen) {
            cairo_move_to(c.cr, d.x, d.y);
            pen = true;
          } else {
            cairo_line_to(c.cr, d.x, d.y);
            Box f = c.frame;
            if (d.x > f.x0 && d.x < f.x1 && d.y > f.y0 && d.y < f.y1) any = true;
          }
        }
      }
    cairo_stroke(c.cr);
  }
  return any;
}

// An enclave (or exclave) is any part of a focus country other than its
// largest, and small against it: drawn with a distinct outline so a reader
// sees that the other country surrounds it.
bool paint_enclaves(Canvas& c, const MapData& data) {
  SavedState guard(c.cr);
  clip_to_frame(c);
  bool any = false;
  for (const auto& country : data.countries) {
    if (!is_focus(data, country.iso2) || country.area.size() < 2) continue;
    double biggest = 0;
    for (const auto& p : country.area)
      if (!p.rings.empty()) biggest = std::max(biggest, ring_area(p.rings[0]));
    for (const auto& p : country.area) {
      if (p.rings.empty() || ring_area(p.rings[0]) > biggest * 0.05) continue;
      Bounds b;
      for (const auto& q : p.rings[0]) b.add(q);
      XY d0 = c.view.to_device(LonLat{b.min_lon, b.max_lat});
      XY d1 = c.view.to_device(LonLat{b.max_lon, b.min_lat});
      if (d1.x < c.frame.x0 || d0.x > c.frame.x1 || d1.y < c.frame.y0 || d0.y > c.frame.y1)
        continue;
      cairo_new_path(c.cr);
      trace_ring(c.cr, c.view, p.rings[0]);
      Color fill = c.style.enclave;
      fill.a = 0.18;
      set_color(c.cr, fill);
      cairo_fill_preserve(c.cr);
      set_color(c.cr, c.style.enclave);
      cairo_set_line_width(c.cr, 1.4);
      cairo_stroke(c.cr);
      any = true;
    }
  }
  return any;
}

void paint_segments(Canvas& c, const MapData& data) {
  SavedState guard(c.cr);
  clip_to_frame(c);
  cairo_set_line_cap(c.cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_line_join(c.cr, CAIRO_LINE_JOIN_ROUND);
  for (const auto& s : data.segments) {
    if (!active_on(s, data.as_of)) continue;
    bool disputed = s.status == SegmentStatus::disputed;
    set_color(c.cr, status_color(c.style, s.status));
    cairo_set_line_width(c.cr, disputed ? c.style.border_width * 1.4 : c.style.border_width);
    if (disputed) {
      const double dash[] = {6.0, 3.0};
      cairo_set_dash(c.cr, dash, 2, 0);
    } else {
      cairo_set_dash(c.cr, nullptr, 0, 0);
    }
    for (const auto& line : s.lines) {
      cairo_new_path(c.cr);
      trace_line(c.cr, c.view, line);
      cairo_stroke(c.cr);
    }
  }
}

Shape shape_for(const std::string& t) {
  // No type given (a plain table of points and tolls): a plain incident
  // circle, not the ring that marks a known non-violent event.
  if (t == "armed_clash" || t.empty()) return Shape::circle;
  if (t == "shelling") return Shape::diamond;
  if (t == "drone_strike" || t == "air_strike") return Shape::triangle;
  if (t == "attack_on_civilians" || t == "property_destruction") return Shape::square;
  return Shape::ring;
}

bool is_violent(const std::string& t) { return shape_for(t) != Shape::ring; }

std::string event_label(const std::string& t) {
  std::string s = t.empty() ? "incident (type not given)" : t;
  std::replace(s.begin(), s.end(), '_', ' ');
  s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

void draw_symbol(cairo_t* cr, Shape shape, XY p, double r) {
  switch (shape) {
    case Shape::circle:
    case Shape::ring:
      cairo_new_sub_path(cr);
      cairo_arc(cr, p.x, p.y, r, 0, 2 * M_PI);
      break;
    case Shape::diamond: {
      double k = r * std::sqrt(M_PI / 2);  // same area as the circle
      cairo_move_to(cr, p.x, p.y - k);
      cairo_line_to(cr, p.x + k, p.y);
      cairo_line_to(cr, p.x, p.y + k);
      cairo_line_to(cr, p.x - k, p.y);
      cairo_close_path(cr);
      break;
    }
    case Shape::triangle: {
      double k = r * 1.55;  // circumradius of a triangle with the circle's area
      cairo_move_to(cr, p.x, p.y - k);
      cairo_line_to(cr, p.x + k * 0.866, p.y + k * 0.5);
      cairo_line_to(cr, p.x - k * 0.866, p.y + k * 0.5);
      cairo_close_path(cr);
      break;
    }
    case Shape::square: {
      double k = r * std::sqrt(M_PI) / 2;
      cairo_rectangle(cr, p.x - k, p.y - k, 2 * k, 2 * k);
      break;
    }
  }
}

Fatalities fatalities(const Incident& i) {
  Fatalities f;
  for (const auto& c : i.claims) {
    if (c.kind != "killed" || c.scope == "conflict") continue;
    if (!c.low && !c.high) continue;
    long lo = c.low.value_or(*c.high), hi = c.high.value_or(*c.low);
    if (!f.known) {
      f = {lo, hi, true};
    } else {
      f.low = std::min(f.low, lo);
      f.high = std::max(f.high, hi);
    }
  }
  return f;
}

double radius_for(const Style& style, long killed) {
  return std::max(style.symbol_min, style.symbol_scale * std::sqrt(static_cast<double>(killed)));
}

double symbol_radius(const Style& style, const Incident& i) {
  Fatalities f = fatalities(i);
  double r = radius_for(style, f.high);
  if (i.precision == GeoPrecision::region) r = std::max(r, 14.0);
  return r * (shape_for(i.event_type) == Shape::triangle ? 1.55 : 1.25);
}

namespace {

// A point symbol: its shape, colour and the two radii it is drawn with.
struct PointSymbol {
  Shape shape = Shape::circle;
  const Color* colour = nullptr;
  double r_low = 0, r_high = 0;
  bool range = false;  // conflicting tolls: outer ring at r_high
};

void draw_point_symbol(cairo_t* cr, const Style& style, const PointSymbol& s, XY d) {
  // Conflicting tolls: the outer ring is the highest claim, the filled
  // symbol the lowest, so the range is visible without a table.
  if (s.range) {
    cairo_new_path(cr);
    draw_symbol(cr, s.shape, d, s.r_high);
    set_color(cr, style.incident_line);
    cairo_set_line_width(cr, 3.2);
    cairo_stroke_preserve(cr);
    set_color(cr, *s.colour);
    cairo_set_line_width(cr, 1.4);
    cairo_stroke(cr);
  }
  cairo_new_path(cr);
  draw_symbol(cr, s.shape, d, s.r_low);
  if (s.shape == Shape::ring) {
    set_color(cr, style.incident_line);
    cairo_set_line_width(cr, 3.5);
    cairo_stroke_preserve(cr);
    set_color(cr, *s.colour);
    cairo_set_line_width(cr, 1.8);
    cairo_stroke(cr);
  } else {
    Color fill = *s.colour;
    fill.a = 0.88;
    set_color(cr, fill);
    cairo_fill_preserve(cr);
    set_color(cr, style.incident_line);
    cairo_set_line_width(cr, 1.0);
    cairo_stroke(cr);
  }
}

// A dense map repeats a few dozen distinct symbols thousands of times: each
// is drawn once and then stamped. On raster surfaces the stamp is a small
// image per half-pixel offset (so placed within a quarter pixel); on SVG a
// recording; PDF draws paths.
class Stamps {
 public:
  explicit Stamps(cairo_t* cr) : cr_(cr) {
    const cairo_surface_type_t type = cairo_surface_get_type(cairo_get_target(cr));
    svg_ = type == CAIRO_SURFACE_TYPE_SVG;
    raster_ = type == CAIRO_SURFACE_TYPE_IMAGE;
    cairo_matrix_t m;
    cairo_get_matrix(cr, &m);
    // Stamping needs a plain scale (no rotation or skew), which is how
    // draw_to_file sets up PNGs.
    raster_ = raster_ && m.xy == 0 && m.yx == 0 && m.xx == m.yy && m.xx > 0;
    scale_ = m.xx;
  }
  ~Stamps() {
    for (auto& [key, surface] : cache_) cairo_surface_destroy(surface);
  }
  Stamps(const Stamps&) = delete;
  Stamps& operator=(const Stamps&) = delete;

  void draw(const Style& style, const PointSymbol& s, XY d) {
    if (svg_) {
      draw_recorded(style, s, d);
      return;
    }
    if (!raster_) {
      draw_point_symbol(cr_, style, s, d);
      return;
    }
    double dx = d.x, dy = d.y;
    cairo_user_to_device(cr_, &dx, &dy);
    const double fx = std::floor(dx), fy = std::floor(dy);
    const int qx = static_cast<int>((dx - fx) * 2), qy = static_cast<int>((dy - fy) * 2);
    // Half the stamp's side in device pixels: the largest radius, its
    // stroke and the triangle's reach, with room for antialiasing.
    const int half = static_cast<int>(std::ceil((std::max(s.r_low, s.r_high) * 1.6 + 3) * scale_));
    Key key{static_cast<int>(s.shape), s.colour, s.r_low, s.r_high, s.range, qx, qy};
    auto it = cache_.find(key);
    if (it == cache_.end()) {
      cairo_surface_t* img =
          cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 2 * half + 1, 2 * half + 1);
      cairo_t* sc = cairo_create(img);
      cairo_scale(sc, scale_, scale_);
      cairo_set_line_join(sc, CAIRO_LINE_JOIN_MITER);
      draw_point_symbol(sc, style, s,
                        {(half + qx / 2.0 + 0.25) / scale_, (half + qy / 2.0 + 0.25) / scale_});
      cairo_destroy(sc);
      it = cache_.emplace(key, img).first;
    }
    SavedState guard(cr_);
    cairo_identity_matrix(cr_);
    cairo_set_source_surface(cr_, it->second, fx - half, fy - half);
    cairo_paint(cr_);
  }

 private:
  // SVG: each distinct symbol is recorded once and placed by <use> (a third
  // of the file). Not for PDF: Cairo's PDF backend then tracks every use in
  // a region whose union grows quadratically; paths are faster there.
  void draw_recorded(const Style& style, const PointSymbol& s, XY d) {
    const double half = std::max(s.r_low, s.r_high) * 1.6 + 3;
    Key key{static_cast<int>(s.shape), s.colour, s.r_low, s.r_high, s.range, 0, 0};
    auto it = cache_.find(key);
    if (it == cache_.end()) {
      // Extents from the origin: Cairo 1.16's SVG output clips a recording
      // with negative extents to its positive quadrant.
      cairo_rectangle_t extents{0, 0, 2 * half, 2 * half};
      cairo_surface_t* rec = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents);
      cairo_t* sc = cairo_create(rec);
      cairo_set_line_join(sc, CAIRO_LINE_JOIN_MITER);
      draw_point_symbol(sc, style, s, {half, half});
      cairo_destroy(sc);
      it = cache_.emplace(key, rec).first;
    }
    SavedState guard(cr_);
    cairo_set_source_surface(cr_, it->second, d.x - half, d.y - half);
    cairo_paint(cr_);
  }

  using Key = std::tuple<int, const Color*, double, double, bool, int, int>;
  cairo_t* cr_;
  bool raster_ = false, svg_ = false;
  double scale_ = 1;
  std::map<Key, cairo_surface_t*> cache_;
};

}  // namespace

double approx_ring(const Canvas& c, const Incident& i) {
  if (i.precision != GeoPrecision::near || i.uncertainty_m <= 0 || !i.location) return 0;
  double ring = i.uncertainty_m / c.view.metres_per_unit();
  return ring > symbol_radius(c.style, i) + 2 ? ring : 0;
}

std::vector<SymbolBox> paint_incidents(Canvas& c, const MapData& data) {
  SavedState guard(c.cr);
  std::vector<SymbolBox> boxes;
  boxes.reserve(data.incidents.size());
  // Biggest first so small symbols stay visible on top.
  std::vector<std::pair<double, const MapIncident*>> order;
  order.reserve(data.incidents.size());
  for (const auto& mi : data.incidents)
    if (mi.incident->location) order.push_back({symbol_radius(c.style, *mi.incident), &mi});
  std::stable_sort(order.begin(), order.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  cairo_set_line_join(c.cr, CAIRO_LINE_JOIN_MITER);
  Stamps stamps(c.cr);
  for (const auto& [R, mi] : order) {
    const Incident& i = *mi->incident;
    XY d = c.view.to_device(*i.location);
    Shape shape = shape_for(i.event_type);
    Fatalities f = fatalities(i);
    const Color& colour = is_violent(i.event_type) ? c.style.incident : c.style.incident_other;
    double r_low = radius_for(c.style, f.low), r_high = radius_for(c.style, f.high);
    if (i.precision == GeoPrecision::region) {
      // Only the region is known: a hatched area, not a confident point.
      double RR = std::max(14.0, r_high * 1.2);
      SavedState inner(c.cr);
      cairo_new_path(c.cr);
      cairo_arc(c.cr, d.x, d.y, RR, 0, 2 * M_PI);
      cairo_clip_preserve(c.cr);
      Color hatch = colour;
      hatch.a = 0.55;
      set_color(c.cr, hatch);
      cairo_set_line_width(c.cr, 1.0);
      cairo_new_path(c.cr);
      for (double k = -2 * RR; k <= 2 * RR; k += 4) {
        cairo_move_to(c.cr, d.x + k - RR, d.y + RR);
        cairo_line_to(c.cr, d.x + k + RR, d.y - RR);
      }
      cairo_stroke(c.cr);
      cairo_reset_clip(c.cr);
      cairo_arc(c.cr, d.x, d.y, RR, 0, 2 * M_PI);
      const double dash[] = {3.0, 2.0};
      cairo_set_dash(c.cr, dash, 2, 0);
      set_color(c.cr, colour);
      cairo_set_line_width(c.cr, 1.4);
      cairo_stroke(c.cr);
      boxes.push_back({mi->number, {d.x - RR, d.y - RR, d.x + RR, d.y + RR}, mi->labelled});
      continue;
    }
    if (double ring = approx_ring(c, i); ring > 0) {
      // Placed at a nearby known point (its district, a namesake): a dashed
      // ring shows how far off the true place may be.
      SavedState inner(c.cr);
      Color faint = colour;
      faint.a = 0.7;
      set_color(c.cr, faint);
      const double dash[] = {2.0, 2.0};
      cairo_set_dash(c.cr, dash, 2, 0);
      cairo_set_line_width(c.cr, 0.9);
      cairo_new_path(c.cr);
      cairo_arc(c.cr, d.x, d.y, ring, 0, 2 * M_PI);
      cairo_stroke(c.cr);
    }
    stamps.draw(c.style, {shape, &colour, r_low, r_high, f.known && f.high > f.low}, d);
    boxes.push_back({mi->number, {d.x - R, d.y - R, d.x + R, d.y + R}, mi->labelled});
  }
  return boxes;
}

}  // namespace bm
