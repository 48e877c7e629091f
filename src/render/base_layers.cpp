#include "render/base_layers.hpp"

namespace bm {
namespace {

// The drawing's target as a raster page: its size in pixels and the scale
// from points, or an empty key when it is not one (vector surfaces, or a
// context moved or rotated, as a sheet drawing its cells straight on).
std::vector<double> raster_key(const Canvas& c, PageSize page) {
  cairo_surface_t* target = cairo_get_target(c.cr);
  if (cairo_surface_get_type(target) != CAIRO_SURFACE_TYPE_IMAGE) return {};
  cairo_matrix_t m;
  cairo_get_matrix(c.cr, &m);
  if (m.xy != 0 || m.yx != 0 || m.x0 != 0 || m.y0 != 0 || m.xx != m.yy || !(m.xx > 0)) return {};
  const XY a = c.view.to_device(XY{0, 0}), b = c.view.to_device(XY{1e5, 1e5});
  return {
      page.width, page.height, m.xx, c.frame.x0,  c.frame.y0,  c.frame.x1,     c.frame.y1,     a.x,
      a.y,        b.x,         b.y,  c.view.x0(), c.view.y0(), c.view.width(), c.view.height()};
}

}  // namespace

BaseDrawn BaseLayers::paint(Canvas& c, PageSize page,
                            const std::function<BaseDrawn(Canvas&)>& draw) {
  const std::vector<double> key = raster_key(c, page);
  if (key.empty()) return draw(c);
  const double scale = key[2];
  std::lock_guard lock(mutex_);  // the other thread waits for the first drawing
  Entry* found = nullptr;
  for (auto& e : entries_)
    if (e.key == key) found = &e;
  if (!found) {
    SurfacePtr image(cairo_image_surface_create(CAIRO_FORMAT_ARGB32,
                                                png_pixels(page.width, scale * 72),
                                                png_pixels(page.height, scale * 72)));
    check_cairo(cairo_surface_status(image.get()), "base layers");
    ContextPtr cr(cairo_create(image.get()));
    cairo_scale(cr.get(), scale, scale);
    Canvas base{cr.get(), c.view, c.style, c.frame, {}};
    BaseDrawn drawn = draw(base);
    check_cairo(cairo_status(cr.get()), "base layers");
    cr.reset();
    cairo_surface_flush(image.get());
    entries_.push_back({key, std::move(image), std::move(drawn)});
    found = &entries_.back();
  }
  SavedState guard(c.cr);
  cairo_identity_matrix(c.cr);  // pixels onto pixels (a band's device offset still applies)
  cairo_set_operator(c.cr, CAIRO_OPERATOR_SOURCE);
  cairo_set_source_surface(c.cr, found->image.get(), 0, 0);
  cairo_paint(c.cr);
  return found->drawn;
}

}  // namespace bm
