#pragma once
// Painters for the geographic layers, bottom to top.
#include <string>
#include <vector>

#include "render/canvas.hpp"
#include "render/map.hpp"

namespace bm {

// Adds a lon/lat line to the current path, densified so that long straight
// lon/lat edges stay curved in the projection.
void trace_line(cairo_t* cr, const Viewport& v, const Line& line);
// The same for a closed ring (clipped near the frame; closes the path).
void trace_ring(cairo_t* cr, const Viewport& v, const Ring& ring);

bool is_focus(const MapData& data, const std::string& iso2);
// Clips the current context to the map frame (inside a painter's guard).
void clip_to_frame(Canvas& c);

void paint_countries(Canvas& c, const MapData& data);
// Returns true if any admin-1 line was drawn inside the frame.
bool paint_regions(Canvas& c, const MapData& data);
// An enclave (or exclave) is any part of a focus country other than its
// largest, and small against it; these are the ones that show in the frame.
struct Enclave {
  const Country* country = nullptr;
  const Ring* ring = nullptr;  // its outline
};
std::vector<Enclave> visible_enclaves(const Canvas& c, const MapData& data);
// Returns true if any enclave or exclave of a focus country was marked.
bool paint_enclaves(Canvas& c, const MapData& data);
void paint_segments(Canvas& c, const MapData& data);

enum class Shape { circle, diamond, triangle, square, ring };
Shape shape_for(const std::string& event_type);
std::string event_label(const std::string& event_type);  // "armed_clash" -> "Armed clash"
bool is_violent(const std::string& event_type);
void draw_symbol(cairo_t* cr, Shape shape, XY at, double r);  // adds the path only

// Killed per this incident (event-scope claims): the lowest and highest figure
// any claimant gave. known is false when no claim gives a death toll.
struct Fatalities {
  long low = 0, high = 0;
  bool known = false;
};
Fatalities fatalities(const Incident& incident);
// Area-true: radius grows with the square root of the count.
double radius_for(const Style& style, long killed);
double symbol_radius(const Style& style, const Incident& incident);  // outer radius
// A located incident's point on `v`: the one render_map kept when `v` is
// its map's viewport, else projected now (insets have their own).
XY device_point(const Viewport& v, const MapIncident& mi);

struct SymbolBox {
  int number = 0;
  Box box;
  bool labelled = true;  // only labelled incidents' symbols block labels
};
// Returns the symbol boxes, which labels then avoid.
std::vector<SymbolBox> paint_incidents(Canvas& c, const MapData& data);
// Radius of the dashed "may be this far off" ring of an incident placed only
// near its place (precision 2), in device units; 0 when none is drawn.
double approx_ring(const Canvas& c, const Incident& incident);

const Color& status_color(const Style& style, SegmentStatus status);

}  // namespace bm
