#include "export/geojson.hpp"

#include <filesystem>

#include <unordered_map>

#include "core/error.hpp"
#include "export/formats.hpp"
#include "export/geojson_incidents.hpp"
#include "export/styles.hpp"
#include "geodata/gdal.hpp"
#include "io/atomic.hpp"

namespace bm {

namespace {

// Our own text writer: GDAL's per-feature json-c tree was the cost (export-formats.md).
long write_incidents_text(const std::string& path, const ExportData& data,
                          const ExportOptions& options) {
  StagedFile staged(path);
  std::unordered_map<std::string_view, const Link*> link_of;
  for (const auto& k : data.links) link_of[k.incident_id] = &k;
  GeoJsonIncidents out(staged.path(), user_fields(data.incidents, incident_field_names()),
                       options.precision);
  for (const auto& i : data.incidents) {
    if (!i.location) continue;  // the caller lists unlocated incidents as rejected
    auto it = link_of.find(i.id);
    out.write(i, it == link_of.end() ? nullptr : it->second);
  }
  long n = out.finish(path);
  staged.commit();
  return n;
}

}  // namespace

long write_geojson_layer(const std::string& path, ExportLayer layer, const ExportData& data,
                         const ExportOptions& options) {
  if (layer == ExportLayer::incidents) return write_incidents_text(path, data, options);
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
