#pragma once
// What the bundled GeoPackage says about itself: per-layer provenance rows
// (bundle_info) and feature counts, for `bordermap data` and manifest.json.
#include <nlohmann/json.hpp>

#include <string>

namespace bm {

// {"path", "bytes", "layers": [{"name", "features", "geometry", "source",
//  "version", "licence", "attribution"}]}
nlohmann::json describe_bundle(const std::string& gpkg_path);

}  // namespace bm
