// PNG backend: a Cairo image surface, drawn in two bands on two cores when
// the machine has one to spare, written by our PNG encoder.
#include <cstdlib>
#include <exception>
#include <thread>

#include "core/error.hpp"
#include "render/backend.hpp"
#include "render/png_writer.hpp"

namespace bm {
namespace {

// A large PNG is drawn in two horizontal bands at once, each by its own
// context on its own surface over its rows of one buffer: the same drawing
// code runs twice (label placement is deterministic, so both place the
// same labels) and rasterisation, most of the time, is shared between two
// cores. Bands meet on a pixel row, so the image equals a one-pass drawing.
void draw_png_bands(cairo_surface_t* image, double dpi,
                    const std::function<void(cairo_t*, bool)>& draw, const std::string& path) {
  const int w = cairo_image_surface_get_width(image), h = cairo_image_surface_get_height(image);
  const int stride = cairo_image_surface_get_stride(image);
  unsigned char* data = cairo_image_surface_get_data(image);
  cairo_surface_flush(image);
  // Only with a core to spare: the second band repeats the placement and
  // the symbol stamps, which on a busy machine costs more than it saves.
  const unsigned cores = std::thread::hardware_concurrency();
  double load = 0;
  const bool spare = cores >= 2 && getloadavg(&load, 1) == 1 && load < cores - 0.5;
  // BORDERMAP_PNG_BANDS=1 or 0 forces it on or off (the tests compare both).
  const char* force = std::getenv("BORDERMAP_PNG_BANDS");
  const bool split = h >= 600 && (force ? std::string(force) == "1" : spare);
  const int cut = split ? h / 2 : h;
  auto draw_band = [&](int y0, int y1, bool primary) {
    SurfacePtr band(cairo_image_surface_create_for_data(
        data + static_cast<std::ptrdiff_t>(y0) * stride, CAIRO_FORMAT_ARGB32, w, y1 - y0, stride));
    cairo_surface_set_device_offset(band.get(), 0, -y0);
    ContextPtr cr(cairo_create(band.get()));
    cairo_scale(cr.get(), dpi / 72.0, dpi / 72.0);
    draw(cr.get(), primary);
    check_cairo(cairo_status(cr.get()), path);
    cr.reset();
    cairo_surface_finish(band.get());
  };
  std::exception_ptr failed;
  std::thread second;
  if (split)
    second = std::thread([&] {
      try {
        draw_band(cut, h, false);
      } catch (...) {
        failed = std::current_exception();
      }
    });
  try {
    draw_band(0, cut, true);
  } catch (...) {
    if (second.joinable()) second.join();
    throw;
  }
  if (second.joinable()) second.join();
  if (failed) std::rethrow_exception(failed);
  cairo_surface_mark_dirty(image);
}

class PngBackend : public SurfaceBackend {
 public:
  std::string format() const override { return "png"; }
  void write(const std::string& tmp, const std::string& path, PageSize page, double dpi,
             const DrawFn& draw) const override {
    if (dpi < 10 || dpi > 1200)
      throw UsageError("--dpi " + std::to_string(dpi) + " — expected 10..1200");
    // Cairo's image limit is 32767 a side; 4 bytes a pixel in memory.
    const double px = double(png_pixels(page.width, dpi)) * png_pixels(page.height, dpi);
    if (png_pixels(page.width, dpi) > 32767 || png_pixels(page.height, dpi) > 32767 || px > 4e8)
      throw UsageError(path + ": " + std::to_string(png_pixels(page.width, dpi)) + "x" +
                       std::to_string(png_pixels(page.height, dpi)) +
                       " pixels is more than a PNG map can be (32767 a side, 400 million in all) "
                       "— give a smaller --size or --dpi, or write .svg or .pdf");
    SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, png_pixels(page.width, dpi),
                                                  png_pixels(page.height, dpi)));
    check_cairo(cairo_surface_status(surface.get()), path);
    draw_png_bands(surface.get(), dpi, draw, path);
    write_png(surface.get(), tmp);
  }
};

}  // namespace

std::unique_ptr<SurfaceBackend> make_png_backend() { return std::make_unique<PngBackend>(); }

}  // namespace bm
