#include "export/gpkg.hpp"

#include <filesystem>
#include <vector>

#include "core/error.hpp"
#include "export/formats.hpp"
#include "export/gpkg_rtree.hpp"
#include "export/styles.hpp"
#include "geodata/gdal.hpp"
#include "io/atomic.hpp"

namespace bm {
namespace {

void add_field(OGRLayer& l, const char* name, OGRFieldType type, int width = 0,
               OGRFieldSubType sub = OFSTNone, const char* default_value = nullptr) {
  OGRFieldDefn def(name, type);
  def.SetWidth(width);
  def.SetSubType(sub);
  if (default_value) def.SetDefault(default_value);
  if (l.CreateField(&def) != OGRERR_NONE)
    throw ExportError(std::string("layer_styles: cannot create field ") + name);
}

// The table as QGIS itself creates it (QgsOgrProviderUtils::saveStyle), so
// QGIS's loader finds the rows: it selects on f_table_schema = '' and the
// table and geometry column names, preferring useAsDefault.
OGRLayer& create_layer_styles(GDALDataset& ds) {
  const char* lco[] = {"FID=id", nullptr};
  OGRLayer* l = ds.CreateLayer("layer_styles", nullptr, wkbNone, const_cast<char**>(lco));
  if (!l)
    throw ExportError(std::string("cannot create layer_styles (") + CPLGetLastErrorMsg() + ")");
  add_field(*l, "f_table_catalog", OFTString, 256);
  add_field(*l, "f_table_schema", OFTString, 256);
  add_field(*l, "f_table_name", OFTString, 256);
  add_field(*l, "f_geometry_column", OFTString, 256);
  add_field(*l, "styleName", OFTString, 30);
  add_field(*l, "styleQML", OFTString);
  add_field(*l, "styleSLD", OFTString);
  add_field(*l, "useAsDefault", OFTInteger, 0, OFSTBoolean);
  add_field(*l, "description", OFTString);
  add_field(*l, "owner", OFTString, 30);
  add_field(*l, "ui", OFTString, 30);
  add_field(*l, "update_time", OFTDateTime, 0, OFSTNone, "CURRENT_TIMESTAMP");
  return *l;
}

void add_style(OGRLayer& styles, GDALDataset& ds, ExportLayer layer) {
  OGRLayer* data = ds.GetLayerByName(layer_name(layer));
  if (!data) throw ExportError(std::string("layer ") + layer_name(layer) + " missing");
  OGRFeature f(styles.GetLayerDefn());
  f.SetField("f_table_catalog", "");
  f.SetField("f_table_schema", "");
  f.SetField("f_table_name", layer_name(layer));
  f.SetField("f_geometry_column", data->GetGeometryColumn());
  f.SetField("styleName", layer_name(layer));
  f.SetField("styleQML", qgis_style(layer, "qml").c_str());
  f.SetField("styleSLD", qgis_style(layer, "sld").c_str());
  f.SetField("useAsDefault", 1);
  f.SetField("description", "bordermap default style (styles/qgis)");
  f.SetField("owner", "");
  f.SetField("ui", "");
  if (styles.CreateFeature(&f) != OGRERR_NONE)
    throw ExportError(std::string("cannot write the style of ") + layer_name(layer));
}

}  // namespace

namespace {

// SQLite settings for the staging file, read by GDAL when it opens it: no
// rollback journal and no fsync per commit (the file is renamed over the
// target only when complete, so a crash leaves the old target, never half
// a new one). The R-tree is built after GDAL closes the file
// (gpkg_rtree.hpp), so GDAL's writes need no big page cache.
class StagingPragmas {
 public:
  StagingPragmas() {
    set("OGR_SQLITE_JOURNAL", "OFF");
    set("OGR_SQLITE_SYNCHRONOUS", "OFF");
  }
  ~StagingPragmas() {
    for (const char* key : keys_) CPLSetThreadLocalConfigOption(key, nullptr);
  }
  StagingPragmas(const StagingPragmas&) = delete;
  StagingPragmas& operator=(const StagingPragmas&) = delete;

 private:
  void set(const char* key, const char* value) {
    if (CPLGetConfigOption(key, nullptr)) return;  // the user's own setting wins
    CPLSetThreadLocalConfigOption(key, value);
    keys_.push_back(key);
  }
  std::vector<const char*> keys_;
};

}  // namespace

GDALDatasetUniquePtr gpkg_create(const std::string& staged, const std::string& target) {
  gdal::init();
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
  if (!driver) throw ExportError("GDAL has no GPKG driver");
  StagingPragmas pragmas;
  GDALDatasetUniquePtr ds(driver->Create(staged.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  if (!ds) gdal::throw_write_failed(target, "cannot create");
  return ds;
}

GDALDatasetUniquePtr gpkg_open(const std::string& staged, const std::string& target) {
  StagingPragmas pragmas;
  const char* drivers[] = {"GPKG", nullptr};
  GDALDatasetUniquePtr ds(GDALDataset::Open(staged.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE,
                                            drivers, nullptr, nullptr));
  if (!ds) gdal::throw_write_failed(target, "cannot open the staged GeoPackage again");
  return ds;
}

const char* const* gpkg_layer_options() {
  static const char* const lco[] = {"GEOMETRY_NAME=geom", "FID=fid", kNoSpatialIndex, nullptr};
  return lco;
}

void gpkg_write_layer(GDALDataset& ds, const std::string& target, ExportLayer layer,
                      const ExportData& data, const ExportOptions& options) {
  try {
    write_layer(ds, layer, data, options, const_cast<char**>(gpkg_layer_options()));
  } catch (const ExportError& e) {
    gdal::throw_write_failed(target, e.what());  // "no space left" when SQLite says full
  }
}

void gpkg_write_styles(GDALDataset& ds, const ExportOptions& options) {
  OGRLayer& styles = create_layer_styles(ds);
  for (ExportLayer layer : options.layers) add_style(styles, ds, layer);
}

void write_gpkg(const std::string& path, const ExportData& data, const ExportOptions& options) {
  StagedFile staged(path);  // GDAL writes into staging, renamed when closed
  {
    GDALDatasetUniquePtr ds = gpkg_create(staged.path(), path);
    // One transaction: a single fsync instead of one per feature.
    if (ds->StartTransaction() != OGRERR_NONE)
      gdal::throw_write_failed(path, "cannot start a transaction");
    for (ExportLayer layer : options.layers) gpkg_write_layer(*ds, path, layer, data, options);
    gpkg_write_styles(*ds, options);
    if (ds->CommitTransaction() != OGRERR_NONE) gdal::throw_write_failed(path, "cannot commit");
    gdal::close_written(ds, staged.path(), path, -1);
  }
  add_spatial_indexes(staged.path(), path);
  staged.commit();
}

namespace {

bool accepts_gpkg(const std::string& target) { return extension_of(target) == ".gpkg"; }

std::vector<std::string> write_gpkg_format(const std::string& path, const ExportData& data,
                                           const ExportOptions& options) {
  write_gpkg(path, data, options);
  return {path};
}

}  // namespace

ExportFormat gpkg_format() {
  return {"gpkg", "GeoPackage: every layer in one file, styles in layer_styles", accepts_gpkg,
          nullptr, write_gpkg_format};
}

}  // namespace bm
