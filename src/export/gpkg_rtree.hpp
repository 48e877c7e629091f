#pragma once
// GeoPackage spatial indexes bulk-loaded. GDAL 3.6 fills a layer's R-tree
// after the table is written with one SQLite R*Tree insert per row (41 % of
// the CPU of a 1M-row export, and ogr2ogr pays the same); our layers are
// created without it (kNoSpatialIndex) and, once GDAL has closed the file,
// `add_spatial_indexes` writes the R*Tree's node tables packed in one pass
// (rtree_pack.hpp), with the triggers and extension row GDAL itself makes.
#include <string>

namespace bm {

// Layer creation option that leaves the index to add_spatial_indexes.
inline constexpr const char* kNoSpatialIndex = "SPATIAL_INDEX=NO";

// Gives every geometry table of the GeoPackage at `path` (closed by GDAL)
// the R-tree GDAL would have given it: same rows and boxes, same triggers
// (taken from a table GDAL indexes in memory, so they follow the GDAL
// version), same gpkg_extensions row. Errors name `target`.
void add_spatial_indexes(const std::string& path, const std::string& target);

}  // namespace bm
