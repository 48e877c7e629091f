#pragma once
// Writes a Cairo image surface as PNG, fast: cairo's own writer (libpng,
// zlib's default level, adaptive row filters) took longer than drawing a
// dense 2000x1500 map. RGB when the image is opaque, else RGBA.
#include <cairo.h>

#include <string>

namespace bm {

// Throws RenderError naming `path` when it cannot be written.
void write_png(cairo_surface_t* image, const std::string& path);

}  // namespace bm
