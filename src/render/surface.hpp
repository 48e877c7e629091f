#pragma once
// One drawing interface over Cairo's SVG, PNG and PDF surfaces.
#include <cairo.h>

#include <functional>
#include <string>

namespace bm {

std::string format_from_path(const std::string& path, const std::string& explicit_format);

// Creates the surface for `format`, calls `draw`, and writes `path` through a
// temporary file so that a failure leaves no partial output.
void draw_to_file(const std::string& path, const std::string& format, int width, int height,
                  const std::function<void(cairo_t*)>& draw);

}  // namespace bm
