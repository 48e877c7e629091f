#pragma once
// Helpers the OGR layer writers share (layers.cpp, incidents_layer.cpp).
#include <string>
#include <vector>

#include "core/model.hpp"
#include "export/layers.hpp"
#include "geodata/gdal.hpp"

namespace bm::layer_util {

void add_field(OGRLayer& l, const char* name, OGRFieldType type, OGRFieldSubType sub = OFSTNone);
std::string joined(const std::vector<std::string>& v);
void set_date(OGRFeature& f, const char* field, const std::string& iso);
// Creates options.table_prefix + `layer` in WGS84 lon/lat.
OGRLayer& create(GDALDataset& ds, const char* layer, OGRwkbGeometryType type, char** lco,
                 const ExportOptions& o);
// Writes `f` with explicit nulls for unset fields; throws ExportError naming `id`.
void insert(OGRLayer& l, OGRFeature& f, const std::string& id);

long write_incidents(GDALDataset& ds, const ExportData& d, const ExportOptions& o, char** lco);

}  // namespace bm::layer_util
