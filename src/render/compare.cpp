#include "render/compare.hpp"

#include <cairo.h>

#include <cstdlib>
#include <memory>

#include "core/error.hpp"

namespace bm {
namespace {

struct SurfaceDeleter {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
using Surface = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;

Surface load(const std::string& path) {
  Surface s(cairo_image_surface_create_from_png(path.c_str()));
  if (cairo_surface_status(s.get()) != CAIRO_STATUS_SUCCESS)
    throw RenderError(path + ": not a readable PNG (" +
                      cairo_status_to_string(cairo_surface_status(s.get())) + ")");
  cairo_surface_flush(s.get());
  return s;
}

}  // namespace

PngDiff compare_png(const std::string& a, const std::string& b, int tolerance) {
  Surface sa = load(a), sb = load(b);
  PngDiff d;
  d.width_a = cairo_image_surface_get_width(sa.get());
  d.height_a = cairo_image_surface_get_height(sa.get());
  d.width_b = cairo_image_surface_get_width(sb.get());
  d.height_b = cairo_image_surface_get_height(sb.get());
  if (d.width_a != d.width_b || d.height_a != d.height_b) return d;
  // Both are ARGB32 or RGB24 from PNG: four bytes a pixel either way.
  const unsigned char* pa = cairo_image_surface_get_data(sa.get());
  const unsigned char* pb = cairo_image_surface_get_data(sb.get());
  int stride_a = cairo_image_surface_get_stride(sa.get());
  int stride_b = cairo_image_surface_get_stride(sb.get());
  for (int y = 0; y < d.height_a; ++y)
    for (int x = 0; x < d.width_a; ++x) {
      const unsigned char* qa = pa + y * stride_a + 4 * x;
      const unsigned char* qb = pb + y * stride_b + 4 * x;
      for (int k = 0; k < 4; ++k)
        if (std::abs(static_cast<int>(qa[k]) - static_cast<int>(qb[k])) > tolerance) {
          ++d.differing;
          break;
        }
    }
  d.fraction = static_cast<double>(d.differing) / (static_cast<double>(d.width_a) * d.height_a);
  return d;
}

}  // namespace bm
