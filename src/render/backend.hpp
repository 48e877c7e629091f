#pragma once
// Output formats as backends behind one interface: each backend creates its
// Cairo surface, runs the drawing and writes a file. Adding a format is one
// file (surface_<format>.cpp) and one line in backends() (surface.cpp).
#include <cairo.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "render/page.hpp"

namespace bm {

using DrawFn = std::function<void(cairo_t* cr, bool primary)>;

class SurfaceBackend {
 public:
  virtual ~SurfaceBackend() = default;
  virtual std::string format() const = 0;  // also the file extension
  // Draws the page into `tmp`; `path` (the final name) is for messages.
  virtual void write(const std::string& tmp, const std::string& path, PageSize page, double dpi,
                     const DrawFn& draw) const = 0;
};

// Every backend, in the order formats are listed in messages.
const std::vector<std::unique_ptr<SurfaceBackend>>& backends();
const SurfaceBackend* find_backend(const std::string& format);  // null if none

std::unique_ptr<SurfaceBackend> make_svg_backend();
std::unique_ptr<SurfaceBackend> make_png_backend();
std::unique_ptr<SurfaceBackend> make_pdf_backend();

// Cairo handles and status checks shared by the backends.
struct SurfaceDeleter {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct ContextDeleter {
  void operator()(cairo_t* c) const { cairo_destroy(c); }
};
using SurfacePtr = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;
using ContextPtr = std::unique_ptr<cairo_t, ContextDeleter>;
// Throws RenderError naming `path` when `st` is not success.
void check_cairo(cairo_status_t st, const std::string& path);

}  // namespace bm
