#pragma once
// A report map: what to draw (MapData) and how (RenderOptions).
#include <memory>
#include <string>
#include <vector>

#include "core/model.hpp"
#include "geodata/bundle.hpp"
#include "render/style.hpp"

typedef struct _cairo cairo_t;  // as <cairo.h> declares it: users need not include Cairo

namespace bm {

class BaseLayers;  // render/base_layers.hpp
class Viewport;    // render/projection.hpp

struct MapIncident {
  const Incident* incident = nullptr;
  const Link* link = nullptr;  // may be null
  int number = 0;              // callout number on the map and in the claims panel
  // The label's own text (e.g. a table's `label` column); empty: the place
  // name and the callout number. Incidents with their own text have no
  // callout, so a map whose incidents all have one has no claims panel.
  // (Both defaulted so `{incident, link, number}` initialisers stay warning-free.)
  std::string label = {};
  bool labelled = true;  // false: drawn without a label (RenderOptions::label_max)
  // The place as the map prints it (no gazetteer qualifier, in the label
  // script); render_map fills it, callers leave it empty.
  std::string name = {};
  // Known only to an area (a region or district, precision 3): its outline,
  // drawn hatched and labelled in place of a point symbol.
  std::shared_ptr<const MultiPolygon> area = {};
  std::string area_name = {};  // e.g. "Batken Region"; empty: the place's name
  // Reported on "the border" or a named stretch of it: those lines, drawn
  // highlighted in place of a point symbol.
  std::vector<Line> lines = {};
  bool spread() const { return area != nullptr || !lines.empty(); }
  // Set by the pipeline when the incident's own-date border status differs
  // from the border drawn ("border here delimited on 2026-01-10").
  std::string border_note = {};
  // The point on the map render_map draws it on, projected once there (a
  // PROJ transformation per incident per painter was ~4 % of a 10k map);
  // `at_on` is that map's viewport, null until then. Read it through
  // device_point (render/layers.hpp).
  double at_x = 0, at_y = 0;
  const Viewport* at_on = nullptr;
};

struct MapData {
  std::vector<Country> countries;
  std::vector<Region> regions;     // admin-1, drawn for the focus countries
  std::vector<std::string> focus;  // ISO2 codes of the countries the map is about
  // Countries the locator inset draws to place the map in the world; empty:
  // `countries`. A user's own layer covers only the map, so the world
  // around it comes from the bundled countries.
  std::vector<Country> locator = {};
  // Named enclaves (gazetteer places of kind "enclave", with their points):
  // an enclave drawn on the map takes the name of the one inside it.
  std::vector<Place> enclave_places = {};
  // Fills cut from the 10 m line (zoomed-in maps) instead of Natural Earth's.
  bool fills_cut = false;
  // A point inside each 10 m enclave ring: a small part of a country is an
  // enclave only if it holds one (else it is an island, or a sliver left
  // where the 10 m and the generalised lines part).
  std::vector<LonLat> enclave_points = {};
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
  double margin = 0;       // with bbox: share of the projected extent added on each side
  // Label at most this many incidents, the first ones in table order (the
  // table's order is the labelling priority); negative: every incident.
  // Symbols of unlabelled incidents do not block labels (they would leave
  // no room on a dense map); labels keep clear of labelled symbols.
  long label_max = -1;
  // Script of place labels: "" as named, "latn", "cyrl", or "source" (the
  // script the source wrote the place in); ICU transliteration.
  std::string label_script;
  // The legend lists what this data set draws instead of what the map
  // draws: small multiples share one legend (same extent, same border).
  const MapData* legend_from = nullptr;
  // The credit line at the foot; false: a sheet credits its maps once, under the grid.
  bool credit = true;
  // Maps that share their base data and layout (small multiples) draw the
  // base layers once and lay them under each other map; null: each draws its own.
  std::shared_ptr<BaseLayers> base_layers = {};
};

// What was drawn, in points, for the tests and for callers that report it.
struct DrawnBox {
  std::string what;  // "label:<text>", "symbol:<n>", "legend", "scale_bar", "inset", ...
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};
// An incident group drawn as an area outline or a line: where the page lays
// the clickable outline of each of its incidents.
struct SpreadMark {
  std::vector<std::string> ids;  // incident ids, table order
  std::string path;              // SVG path data, device units ("M x y L x y … Z")
  bool area = false;             // an outline (else a line)
};
struct RenderResult {
  std::string projection;  // PROJ definition used
  double page_width = 0, page_height = 0;
  double frame[4] = {0, 0, 0, 0};   // map frame x0 y0 x1 y1
  std::vector<DrawnBox> labels;     // placed labels
  std::vector<DrawnBox> leaders;    // leader lines: from (x0, y0) at the symbol to (x1, y1)
  std::vector<DrawnBox> obstacles;  // symbols and furniture inside the frame
  std::vector<std::string> unplaced;
  // Every incident drawn as a point, "incident:<id>" at its symbol's centre
  // (x0 = x1, y0 = y1): the HTML page lays its clickable marks over the map with these.
  std::vector<DrawnBox> marks;
  // Incidents drawn as an area or a line instead (they have no point mark).
  std::vector<SpreadMark> spread_marks;
  std::vector<std::string> legend;  // legend entry labels, in order
  // Base layers drawn, which the legend keys (a sheet's shared legend needs them).
  bool drew_enclaves = false, drew_regions = false, drew_approx_rings = false;
  std::size_t incident_labels_requested = 0;  // incidents (or shared spots) to label
  std::size_t incident_labels_placed = 0;
  double symbol_factor = 1;  // < 1 when a dense map shrank every symbol alike
  double scale_bar_metres = 0;
  double scale_bar_points = 0;
  // The detail inset of a cluster too tight to read ("detail": its frame,
  // "detail_area": the box on the main map; empty `what` when none drawn),
  // its scale bar and the callout numbers of the incidents it magnifies.
  DrawnBox detail, detail_area;
  std::vector<DrawnBox> detail_labels;  // labels placed in the inset ("label:<text>")
  double detail_scale_bar_metres = 0;
  std::vector<int> detail_numbers;
};

// Draws the map and writes it atomically (temporary file, then rename).
RenderResult render_map(const MapData& data, const Style& style, const RenderOptions& options);

// Draws the map on `cr` (its page at the origin, in points; options.path
// and format unused): a sheet of small multiples draws its maps so.
RenderResult draw_map(cairo_t* cr, const MapData& data, const Style& style,
                      const RenderOptions& options);

}  // namespace bm
