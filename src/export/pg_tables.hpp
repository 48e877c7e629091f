#pragma once
// What makes the exported PostGIS tables a database rather than a dump:
// unique ids, foreign keys from links, column comments and the QGIS styles
// in layer_styles. Run inside the export's transaction.
#include <string>
#include <vector>

#include "export/layers.hpp"
#include "geodata/gdal.hpp"

namespace bm {

// The table of `layer` under `prefix` ("p_incidents").
std::string table_of(const std::string& prefix, ExportLayer layer);

// Unique, non-null `id` on a table created by this run, and comments on it
// and on our columns.
void finish_table(GDALDataset& ds, const std::string& prefix, ExportLayer layer);

// Foreign keys from links to segments and to incidents, between the tables
// this run created (`written`); tables kept from earlier runs keep theirs.
void add_link_keys(GDALDataset& ds, const std::string& prefix,
                   const std::vector<ExportLayer>& written);

// The layers' QGIS styles as the default of each table in public.layer_styles
// (the table QGIS itself creates), replacing our earlier rows for them.
void save_qgis_styles(GDALDataset& ds, const std::string& prefix,
                      const std::vector<ExportLayer>& layers);

// Whether `table` exists in the current schema.
bool table_exists(GDALDataset& ds, const std::string& table);

}  // namespace bm
