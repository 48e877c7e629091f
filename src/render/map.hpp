#pragma once
// A report map: what to draw (MapData) and how (RenderOptions).
#include <string>
#include <vector>

#include "core/model.hpp"
#include "geodata/bundle.hpp"
#include "render/style.hpp"

namespace bm {

struct MapIncident {
  const Incident* incident = nullptr;
  const Link* link = nullptr;  // may be null
  int number = 0;              // callout number on the map and in the claims panel
};

struct MapData {
  std::vector<Country> countries;
  std::vector<Region> regions;     // admin-1, drawn for the focus countries
  std::vector<std::string> focus;  // ISO2 codes of the countries the map is about
  std::vector<BorderSegment> segments;
  std::vector<MapIncident> incidents;
  std::string title;
  std::string subtitle;
  std::string attribution;
  std::string as_of;  // date whose border status is drawn
};

struct RenderOptions {
  std::string path;     // output file; format from the extension unless set
  std::string format;   // svg, png, pdf
  double width = 1200;  // layout size in points (a page size overrides it)
  double height = 820;
  std::string page;        // A4, A3, Letter; empty: width x height
  bool landscape = false;  // with `page`
  double dpi = 96;         // PNG only: pixels = points * dpi / 72
  std::string crs;         // empty: local equal-area projection centred on the data
  Bounds bbox;             // empty: from the incidents and segments, padded
};

// What was drawn, in points, for the tests and for callers that report it.
struct DrawnBox {
  std::string what;  // "label:<text>", "symbol:<n>", "legend", "scale_bar", "inset", ...
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};
struct RenderResult {
  std::string projection;  // PROJ definition used
  double page_width = 0, page_height = 0;
  double frame[4] = {0, 0, 0, 0};   // map frame x0 y0 x1 y1
  std::vector<DrawnBox> labels;     // placed labels
  std::vector<DrawnBox> obstacles;  // symbols and furniture inside the frame
  std::vector<std::string> unplaced;
  std::vector<std::string> legend;  // legend entry labels, in order
  double scale_bar_metres = 0;
  double scale_bar_points = 0;
};

// Draws the map and writes it atomically (temporary file, then rename).
RenderResult render_map(const MapData& data, const Style& style, const RenderOptions& options);

// "lon_min,lat_min,lon_max,lat_max" -> Bounds, with a clear error otherwise.

}  // namespace bm
