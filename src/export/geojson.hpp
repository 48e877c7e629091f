#pragma once
// RFC 7946 GeoJSON through GDAL's GeoJSON driver: lon/lat WGS84, no crs
// member, stable ids, claims both nested and flattened into summary fields.
// GeoJSON holds one layer per file, each with a .qml sidecar for QGIS.
#include <string>
#include <vector>

#include "export/layers.hpp"

namespace bm {

// Writes one layer to `path` (and nothing else). Returns the feature count.
long write_geojson_layer(const std::string& path, ExportLayer layer, const ExportData& data,
                         const ExportOptions& options = {});

// Writes every layer: incidents to `path`, the others beside it as
// <stem>_border_segments.geojson and <stem>_links.geojson, each with its
// .qml sidecar. Returns the paths written.
std::vector<std::string> write_geojson(const std::string& path, const ExportData& data,
                                       const ExportOptions& options = {});

// The incidents layer alone (no sidecar): kept for callers without segments.
void write_incidents_geojson(const std::string& path, const std::vector<Incident>& incidents,
                             const std::vector<Link>& links, const ExportOptions& options = {});

}  // namespace bm
