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
// Creation options of every layer (NULL-terminated).
const char* const* gpkg_layer_options();
// Writes options.layers from position `from` on, then layer_styles for
// every layer in options.layers, inside the open transaction.
void gpkg_finish(GDALDataset& ds, const std::string& target, const ExportData& data,
                 const ExportOptions& options, std::size_t from);

}  // namespace bm
