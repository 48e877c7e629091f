#pragma once
// The detail inset: a cluster of incidents too tight to read at the main
// frame's scale is drawn again, magnified, in a frame of its own (with its
// own scale bar), and a box on the main map shows where it is.
#include <optional>
#include <vector>

#include "render/canvas.hpp"
#include "render/labels.hpp"
#include "render/map.hpp"

namespace bm {

// Incidents whose symbols overlap or whose marks lie closer than this at
// the main scale cannot be told apart by a reader: about 3 mm on paper.
constexpr double kTightPoints = 8.5;

struct DetailCluster {
  std::vector<const MapIncident*> members;  // point incidents, table order
  Box box;                                  // their symbols' centres, device units
  double zoom = 1;                          // magnification the inset draws at
  double side = 0;                          // the inset's side, device units
};

// The tight cluster with the most distinct spots (at least three), when a
// square inset of `side` points can spread it out at least 2.5 times.
std::optional<DetailCluster> tight_cluster(const Viewport& v, const Style& style,
                                           const MapData& shown, double side);

struct DetailDrawn {
  Box inset;   // the magnified frame
  Box marked;  // the box on the main map
  double scale_bar_metres = 0;
  std::vector<PlacedLabel> labels;  // the numbers and names placed in the inset
};

// Draws the inset at the first frame position that hides no symbol in
// `symbols` and no furniture in `c.furniture` (corners first, then edge
// middles); nothing when every position would hide something. `data` gives
// the base layers, `shown` the incidents drawn in the frame.
std::optional<DetailDrawn> paint_detail_inset(Canvas& c, const MapData& data, const MapData& shown,
                                              const DetailCluster& k,
                                              const std::vector<Box>& symbols);

// Drops the incident labels anchored in `box`: the inset labels them, where
// they can be read.
void drop_incident_labels(std::vector<LabelRequest>& requests, const Box& box);

}  // namespace bm
