#include "export/geojson.hpp"

#include <filesystem>

#include "core/error.hpp"
#include "export/formats.hpp"
#include "export/styles.hpp"
#include "geodata/gdal.hpp"
#include "io/atomic.hpp"

namespace bm {

long write_geojson_layer(const std::string& path, ExportLayer layer, const ExportData& data,
                         const ExportOptions& options) {
  gdal::init();
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GeoJSON");
  if (!driver) throw ExportError("GDAL has no GeoJSON driver");
  StagedFile staged(path);  // GDAL writes into staging, renamed when closed
  long n = 0;
  {
    GDALDatasetUniquePtr ds(driver->Create(staged.path().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds) gdal::throw_write_failed(path, "cannot create");
    std::string prec = "COORDINATE_PRECISION=" + std::to_string(options.precision);
    // RFC7946: WGS84 lon/lat, right-hand rule, no crs member. ID_FIELD makes
    // our stable id the feature's top-level "id".
    const char* lco[] = {"RFC7946=YES", "WRITE_NAME=NO", "ID_FIELD=id", prec.c_str(), nullptr};
    ExportOptions o = options;
    o.id_property = true;  // ID_FIELD takes `id` out of the properties
    n = write_layer(*ds, layer, data, o, const_cast<char**>(lco));
    gdal::close_written(ds, staged.path(), path, n);
  }
  staged.commit();
  return n;
}

std::vector<std::string> write_geojson(const std::string& path, const ExportData& data,
                                       const ExportOptions& options) {
  namespace fs = std::filesystem;
  std::vector<std::string> written;
  for (ExportLayer layer : options.layers) {
    fs::path p(path);
    if (layer != ExportLayer::incidents)
      p = p.parent_path() / (p.stem().string() + "_" + layer_name(layer) + p.extension().string());
    write_geojson_layer(p.string(), layer, data, options);
    written.push_back(p.string());
    written.push_back(write_qml_sidecar(p.string(), layer));
  }
  return written;
}

void write_incidents_geojson(const std::string& path, const std::vector<Incident>& incidents,
                             const std::vector<Link>& links, const ExportOptions& options) {
  ExportData data;
  data.incidents = incidents;
  data.links = links;
  write_geojson_layer(path, ExportLayer::incidents, data, options);
}

namespace {

bool accepts_geojson(const std::string& target) {
  std::string ext = extension_of(target);
  return ext == ".geojson" || ext == ".json";
}

}  // namespace

ExportFormat geojson_format() {
  return {"geojson",
          "RFC 7946 GeoJSON, one file per layer (<stem>_links.geojson, ...) each with a .qml",
          accepts_geojson, nullptr, write_geojson};
}

}  // namespace bm
