#pragma once
// Thin helpers over GDAL/OGR shared by the stages that read or write vector
// data: opening with a clear error, and OGR geometry <-> our plain types.
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <string>

#include "core/geometry.hpp"

namespace bm::gdal {

// Registers the drivers once; safe to call from anywhere.
void init();

// Opens a vector dataset read-only; throws InputError naming the path.
GDALDatasetUniquePtr open_vector(const std::string& path);

OGRLayer& layer(GDALDataset& ds, const std::string& name, const std::string& path);

MultiPolygon to_multipolygon(const OGRGeometry* g);
std::vector<Line> to_lines(const OGRGeometry* g);

std::string field_string(const OGRFeature& f, const char* name);

}  // namespace bm::gdal
