// Point symbols, drawn once per kind and stamped.
#include "render/stamps.hpp"

#include <algorithm>
#include <cmath>

namespace bm {

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

Stamps::Stamps(cairo_t* cr) : cr_(cr) {
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

Stamps::~Stamps() {
  for (auto& [key, surface] : cache_) cairo_surface_destroy(surface);
}

void Stamps::draw(const Style& style, const PointSymbol& s, XY d) {
  if (svg_)
    draw_recorded(style, s, d);
  else if (raster_)
    draw_raster(style, s, d);
  else
    draw_point_symbol(cr_, style, s, d);
}

void Stamps::draw_raster(const Style& style, const PointSymbol& s, XY d) {
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

// SVG: each distinct symbol is recorded once and placed by <use> (a third
// of the file). Not for PDF: Cairo's PDF backend then tracks every use in
// a region whose union grows quadratically; paths are faster there.
void Stamps::draw_recorded(const Style& style, const PointSymbol& s, XY d) {
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

}  // namespace bm
