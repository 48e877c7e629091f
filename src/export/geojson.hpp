#pragma once
// RFC 7946 GeoJSON through GDAL's GeoJSON driver: lon/lat WGS84, no crs
// member, claims both nested and flattened into summary fields.
#include <string>
#include <vector>

#include "core/model.hpp"

namespace bm {

struct ExportOptions {
  int precision = 6;  // decimal places of coordinates
};

// Writes one Point feature per located incident (links matched by id).
// Incidents without a location are not features; the caller reports them.
void write_incidents_geojson(const std::string& path, const std::vector<Incident>& incidents,
                             const std::vector<Link>& links, const ExportOptions& options = {});

// Summary fields of the claims: lowest low and highest high per kind.
struct ClaimSummary {
  std::optional<long> low;
  std::optional<long> high;
};
ClaimSummary summarize(const std::vector<Claim>& claims, const std::string& kind);

}  // namespace bm
