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
// partial output. SVG text is written as <text> elements. A large PNG is
// drawn in two bands on two threads: `draw` is then called twice at once,
// with `primary` true for one call only (the one whose findings count), so
// it must not share mutable state between calls.
void draw_to_file(const std::string& path, const std::string& format, PageSize page, double dpi,
                  const std::function<void(cairo_t* cr, bool primary)>& draw);

}  // namespace bm
