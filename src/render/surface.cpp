#include "render/surface.hpp"

#include <cairo-pdf.h>
#include <cairo-svg.h>

#include <filesystem>
#include <memory>

#include "core/error.hpp"

namespace bm {
namespace {

struct SurfaceDeleter {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct ContextDeleter {
  void operator()(cairo_t* c) const { cairo_destroy(c); }
};

void check(cairo_status_t st, const std::string& path) {
  if (st != CAIRO_STATUS_SUCCESS)
    throw RenderError(path + ": cairo: " + cairo_status_to_string(st));
}

}  // namespace

std::string format_from_path(const std::string& path, const std::string& explicit_format) {
  std::string f = explicit_format;
  if (f.empty()) {
    f = std::filesystem::path(path).extension().string();
    if (!f.empty()) f.erase(0, 1);
  }
  for (auto& c : f) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (f != "svg" && f != "png" && f != "pdf")
    throw UsageError(path + ": cannot tell the map format — use .svg, .png or .pdf, or --format");
  return f;
}

void draw_to_file(const std::string& path, const std::string& format, int width, int height,
                  const std::function<void(cairo_t*)>& draw) {
  std::string tmp = path + ".tmp";
  std::unique_ptr<cairo_surface_t, SurfaceDeleter> surface;
  if (format == "svg") {
    surface.reset(cairo_svg_surface_create(tmp.c_str(), width, height));
    cairo_svg_surface_restrict_to_version(surface.get(), CAIRO_SVG_VERSION_1_2);
  } else if (format == "pdf") {
    surface.reset(cairo_pdf_surface_create(tmp.c_str(), width, height));
  } else {
    surface.reset(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height));
  }
  check(cairo_surface_status(surface.get()), path);
  {
    std::unique_ptr<cairo_t, ContextDeleter> cr(cairo_create(surface.get()));
    draw(cr.get());
    check(cairo_status(cr.get()), path);
  }
  if (format == "png") check(cairo_surface_write_to_png(surface.get(), tmp.c_str()), path);
  cairo_surface_finish(surface.get());
  check(cairo_surface_status(surface.get()), path);
  surface.reset();
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::filesystem::remove(tmp);
    throw RenderError(path + ": cannot write (" + ec.message() + ")");
  }
}

}  // namespace bm
