#pragma once
// Point symbols of incidents, and the stamp cache that draws each distinct
// one once per map.
#include <map>
#include <tuple>

#include "render/layers.hpp"

namespace bm {

// A point symbol: its shape, colour and the two radii it is drawn with.
struct PointSymbol {
  Shape shape = Shape::circle;
  const Color* colour = nullptr;
  double r_low = 0, r_high = 0;
  bool range = false;  // conflicting tolls: outer ring at r_high
};

void draw_point_symbol(cairo_t* cr, const Style& style, const PointSymbol& s, XY d);

// A dense map repeats a few dozen distinct symbols thousands of times: each
// is drawn once and then stamped. On raster surfaces the stamp is a small
// image per half-pixel offset (so placed within a quarter pixel); on SVG a
// recording; PDF draws paths.
class Stamps {
 public:
  explicit Stamps(cairo_t* cr);
  ~Stamps();
  Stamps(const Stamps&) = delete;
  Stamps& operator=(const Stamps&) = delete;

  void draw(const Style& style, const PointSymbol& s, XY d);

 private:
  void draw_raster(const Style& style, const PointSymbol& s, XY d);
  void draw_recorded(const Style& style, const PointSymbol& s, XY d);

  using Key = std::tuple<int, const Color*, double, double, bool, int, int>;
  cairo_t* cr_;
  bool raster_ = false, svg_ = false;
  double scale_ = 1;
  std::map<Key, cairo_surface_t*> cache_;
};

}  // namespace bm
