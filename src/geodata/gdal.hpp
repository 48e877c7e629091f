#pragma once
// Thin helpers over GDAL/OGR shared by the stages that read or write vector
// data: opening with a clear error, and OGR geometry <-> our plain types.
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <string>

#include "core/geometry.hpp"
#include "core/model.hpp"

namespace bm::gdal {

// Registers the drivers once; safe to call from anywhere.
void init();

// Opens a vector dataset read-only with the vector drivers users need (not
// VRT) and no network or /vsi paths unless --allow-vrt; throws InputError.
GDALDatasetUniquePtr open_vector(const std::string& path);

// Throws the error for a failed GDAL write of `target`: "no space left"
// when GDAL's last message says the disk is full, else `what` with it.
[[noreturn]] void throw_write_failed(const std::string& target, const std::string& what);

// Closes a dataset GDAL wrote at `written` and checks it: no GDAL error
// during the close, and (when `features` >= 0) its first layer reads back
// with that many features. GDAL's text writers ignore a failed write (a
// full disk), so reading back is what tells a whole file from a cut one.
void close_written(GDALDatasetUniquePtr& ds, const std::string& written, const std::string& target,
                   long features);

OGRLayer& layer(GDALDataset& ds, const std::string& name, const std::string& path);

MultiPolygon to_multipolygon(const OGRGeometry* g);
std::vector<Line> to_lines(const OGRGeometry* g);

std::string field_string(const OGRFeature& f, const char* name);
// A border segment as the bundles store it (border_segments, land_borders).
BorderSegment border_segment(const OGRFeature& f);

}  // namespace bm::gdal
