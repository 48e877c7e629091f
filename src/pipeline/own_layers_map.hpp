#pragma once
// `bordermap render` with the user's own base layers (--countries and/or
// --segments): the chain without its link step — read → filter → resolve —
// and the map drawn straight from the incidents' points. The gazetteer is
// loaded only if some incident has no lon/lat, and the bundled GeoPackage
// only for a layer the user did not give.
#include <memory>
#include <string>
#include <vector>

#include "core/filter.hpp"
#include "core/model.hpp"
#include "render/map.hpp"

namespace bm {

struct MapInputOptions {
  std::vector<std::string> inputs;  // incident tables (any format ingest reads)
  std::string countries_file;       // polygons; empty: the bundled countries
  std::string segments_file;        // lines; empty: the bundled border segments
  IncidentFilter filter;            // dates and bbox (the border filter needs links: not here)
  // Column whose text labels each incident (e.g. "label"); empty: the place
  // name and callout number. A record without that column's value keeps the
  // callout label.
  std::string label_field;
  std::string title;
};

struct MapInputs {
  std::vector<Incident> incidents;  // owned: `data` points into it
  MapData data;
  std::vector<Rejection> rejected;
  std::size_t read = 0;
};

std::unique_ptr<MapInputs> read_map_inputs(const MapInputOptions& options);

// The text of `field` for an incident: one of our columns (id, place,
// admin1, country, event_type) or a source column kept in source_fields.
std::string incident_field(const Incident& incident, const std::string& field);

}  // namespace bm
