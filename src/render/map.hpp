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
  std::vector<std::string> focus;  // ISO2 codes of the countries the map is about
  std::vector<BorderSegment> segments;
  std::vector<MapIncident> incidents;
  std::string title;
  std::string subtitle;
  std::string attribution;
  std::string as_of;  // date whose border status is drawn
};

struct RenderOptions {
  std::string path;    // output file; format from the extension unless set
  std::string format;  // svg, png, pdf
  int width = 1600;    // pixels (PNG) or points (SVG/PDF)
  int height = 1100;
  std::string crs;  // empty: local equal-area projection
  Bounds bbox;      // empty: from the incidents and segments, padded
};

// Draws the map and writes it atomically (temporary file, then rename).
void render_map(const MapData& data, const Style& style, const RenderOptions& options);

}  // namespace bm
