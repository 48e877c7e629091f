#pragma once
// GeoPackage export: every layer in one file, with the QGIS styles stored in
// its `layer_styles` table as each layer's default, so QGIS applies them on open.
#include <string>

#include "export/layers.hpp"
#include "geodata/gdal.hpp"

namespace bm {

void write_gpkg(const std::string& path, const ExportData& data, const ExportOptions& options = {});

// The steps of write_gpkg, shared with the streaming writer (stream.hpp).
// Creates the GeoPackage at `staged` (errors name `target`).
GDALDatasetUniquePtr gpkg_create(const std::string& staged, const std::string& target);
// Opens the GeoPackage at `staged` again for update (errors name `target`).
GDALDatasetUniquePtr gpkg_open(const std::string& staged, const std::string& target);
// Creation options of every layer (NULL-terminated).
const char* const* gpkg_layer_options();
// Writes one layer inside the open transaction; errors name `target`.
void gpkg_write_layer(GDALDataset& ds, const std::string& target, ExportLayer layer,
                      const ExportData& data, const ExportOptions& options);
// The QGIS styles of options.layers as their defaults, in `layer_styles`.
void gpkg_write_styles(GDALDataset& ds, const ExportOptions& options);

}  // namespace bm
