#pragma once
// One entry point for `bordermap export` and `report`: the format follows
// the output's extension (.geojson, .gpkg, .csv).
#include <string>
#include <vector>

#include "export/csv_export.hpp"
#include "export/layers.hpp"

namespace bm {

// Throws UsageError for an unknown extension, a --flavour on a non-CSV
// output or a precision out of 0..15: call before the work, not after.
void check_export_target(const std::string& path, const ExportOptions& options, CsvFlavour flavour);

// Writes `path` (and, for GeoJSON, the sibling layers and .qml sidecars).
// Returns every path written. Throws UsageError for an unknown extension.
std::vector<std::string> export_to(const std::string& path, const ExportData& data,
                                   const ExportOptions& options = {},
                                   CsvFlavour flavour = CsvFlavour::bordermap);

}  // namespace bm
