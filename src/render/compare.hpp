#pragma once
// Golden-image support: compares two PNG files pixel by pixel.
#include <string>

namespace bm {

struct PngDiff {
  int width_a = 0, height_a = 0, width_b = 0, height_b = 0;
  long differing = 0;   // pixels whose any channel differs by more than `tolerance`
  double fraction = 1;  // differing / pixel count (1 when the sizes differ)
};

// Throws RenderError when a file is not a readable PNG.
PngDiff compare_png(const std::string& a, const std::string& b, int tolerance);

}  // namespace bm
