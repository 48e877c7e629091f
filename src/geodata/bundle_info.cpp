#include "geodata/bundle_info.hpp"

#include <filesystem>
#include <map>

#include "geodata/gdal.hpp"

namespace bm {

nlohmann::json describe_bundle(const std::string& path) {
  auto ds = gdal::open_vector(path);
  std::map<std::string, nlohmann::json> info;
  for (const char* table : {"bundle_info", "borders_info"}) {
    OGRLayer* l = ds->GetLayerByName(table);
    if (!l) continue;
    for (auto& f : *l) {
      nlohmann::json row;
      for (const char* key : {"source", "version", "licence", "attribution"})
        row[key] = gdal::field_string(*f, key);
      info[gdal::field_string(*f, "layer")] = row;
    }
  }
  nlohmann::json layers = nlohmann::json::array();
  for (OGRLayer* l : ds->GetLayers()) {
    std::string name = l->GetName();
    if (name == "bundle_info" || name == "borders_info") continue;
    nlohmann::json row = info.count(name) ? info[name] : nlohmann::json::object();
    row["name"] = name;
    row["features"] = l->GetFeatureCount();
    row["geometry"] = OGRGeometryTypeToName(l->GetGeomType());
    layers.push_back(row);
  }
  return {{"path", path}, {"bytes", std::filesystem::file_size(path)}, {"layers", layers}};
}

}  // namespace bm
