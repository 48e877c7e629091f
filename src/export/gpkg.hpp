#pragma once
// GeoPackage export: every layer in one file, with the QGIS styles stored in
// its `layer_styles` table as each layer's default, so QGIS applies them on open.
#include <string>

#include "export/layers.hpp"

namespace bm {

void write_gpkg(const std::string& path, const ExportData& data, const ExportOptions& options = {});

}  // namespace bm
