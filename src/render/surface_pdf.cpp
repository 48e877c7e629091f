// PDF backend: Cairo's PDF surface, without a creation date so the same
// map gives the same file.
#include <cairo-pdf.h>

#include "render/backend.hpp"

namespace bm {
namespace {

class PdfBackend : public SurfaceBackend {
 public:
  std::string format() const override { return "pdf"; }
  void write(const std::string& tmp, const std::string& path, PageSize page, double,
             const DrawFn& draw) const override {
    SurfacePtr surface(cairo_pdf_surface_create(tmp.c_str(), page.width, page.height));
    check_cairo(cairo_surface_status(surface.get()), path);
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE, "");
    {
      ContextPtr cr(cairo_create(surface.get()));
      draw(cr.get(), true);
      check_cairo(cairo_status(cr.get()), path);
    }
    cairo_surface_finish(surface.get());
    check_cairo(cairo_surface_status(surface.get()), path);
  }
};

}  // namespace

std::unique_ptr<SurfaceBackend> make_pdf_backend() { return std::make_unique<PdfBackend>(); }

}  // namespace bm
