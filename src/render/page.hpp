#pragma once
// Output formats, page and pixel sizes (points are 1/72 inch). Free of Cairo for the tests.
#include <string>

namespace bm {

// svg, png or pdf from `explicit_format` or the path's extension.
std::string format_from_path(const std::string& path, const std::string& explicit_format);

struct PageSize {
  double width = 0, height = 0;  // points
};
// A4, A3, Letter (case-insensitive), portrait unless `landscape`.
PageSize page_size(const std::string& name, bool landscape);

// Pixel size of a PNG drawn at `dpi` from a layout in points.
int png_pixels(double points, double dpi);

}  // namespace bm
