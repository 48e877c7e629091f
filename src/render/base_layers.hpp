#pragma once
// Base layers shared by a set of maps (report --by day: every period's map
// and every cell of its sheet has the same countries, regions, enclaves,
// extent and frame). The first map of a size draws the page and those
// layers onto an image and finds the area-name anchors; the others lay
// that image under their incidents and reuse the anchors. Only for raster
// targets (a PNG or a sheet's cell image): the pixels are those of drawing
// the layers in place, byte for byte.
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "render/backend.hpp"
#include "render/canvas.hpp"
#include "render/map.hpp"

namespace bm {

struct BaseDrawn {
  bool regions = false, enclaves = false;
  std::vector<std::vector<XY>> area_anchors;  // as area_label_anchors gives them
};

class BaseLayers {
 public:
  // Draws the page and base layers with `draw` (which returns what it drew
  // and the area-name anchors), or paints the image an earlier map with the
  // same page, scale, frame and view drew. `c.cr` must be the map's own
  // context, scaled from points to pixels.
  BaseDrawn paint(Canvas& c, PageSize page, const std::function<BaseDrawn(Canvas&)>& draw);
  // How many base images were drawn (one per page size, scale, frame and view).
  std::size_t images() {
    std::lock_guard lock(mutex_);
    return entries_.size();
  }

 private:
  struct Entry {
    std::vector<double> key;
    SurfacePtr image;
    BaseDrawn drawn;
  };
  std::mutex mutex_;
  std::vector<Entry> entries_;
};

}  // namespace bm
