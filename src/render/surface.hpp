#pragma once
// One drawing interface over Cairo's SVG, PNG and PDF surfaces. Drawing code
// works in points (1/72 inch); PNG scales points to pixels by its DPI.
#include <cairo.h>

#include <functional>
#include <string>

#include "render/page.hpp"

namespace bm {

// Creates the surface for `format`, calls `draw` with coordinates in points,
// and writes `path` through a temporary file so that a failure leaves no
// partial output. SVG text is written as <text> elements.
void draw_to_file(const std::string& path, const std::string& format, PageSize page, double dpi,
                  const std::function<void(cairo_t*)>& draw);

}  // namespace bm
