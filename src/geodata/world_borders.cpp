#include "geodata/world_borders.hpp"

#include <cctype>
#include <filesystem>

#include "geodata/gdal.hpp"

namespace bm {

std::string borders_path(const Bundle& bundle) {
  return (std::filesystem::path(bundle.path()).parent_path() / "borders.gpkg").string();
}

bool has_world_borders(const Bundle& bundle) {
  return std::filesystem::exists(borders_path(bundle));
}

std::vector<BorderSegment> world_segments(const Bundle& bundle, const Bounds& filter,
                                          const std::string& where) {
  const std::string path = borders_path(bundle);
  auto ds = gdal::open_vector(path);
  OGRLayer& l = gdal::layer(*ds, "land_borders", path);
  if (filter.empty())
    l.SetSpatialFilter(nullptr);
  else
    l.SetSpatialFilterRect(filter.min_lon, filter.min_lat, filter.max_lon, filter.max_lat);
  l.SetAttributeFilter(where.empty() ? nullptr : where.c_str());
  std::vector<BorderSegment> out;
  for (auto& f : l) {
    out.push_back(gdal::border_segment(*f));
  }
  return out;
}

std::size_t world_segment_count(const Bundle& bundle) {
  const std::string path = borders_path(bundle);
  auto ds = gdal::open_vector(path);
  OGRLayer& l = gdal::layer(*ds, "land_borders", path);
  const GIntBig n = l.GetFeatureCount(TRUE);
  return n > 0 ? static_cast<std::size_t>(n) : 0;
}

std::vector<BorderSegment> world_segments_between(const Bundle& bundle, const std::string& a,
                                                  const std::string& b) {
  auto code = [](const std::string& c) {  // ISO codes only: nothing to quote
    for (char ch : c)
      if (!std::isalpha(static_cast<unsigned char>(ch))) return std::string("??");
    return c;
  };
  const std::string x = code(a), y = code(b);
  return world_segments(bundle, {},
                        "(country_a = '" + x + "' AND country_b = '" + y + "') OR (country_a = '" +
                            y + "' AND country_b = '" + x + "')");
}

std::vector<Place> world_enclaves(const Bundle& bundle, const Bounds& filter) {
  std::vector<Place> out;
  if (!has_world_borders(bundle)) return out;
  const std::string path = borders_path(bundle);
  auto ds = gdal::open_vector(path);
  OGRLayer& l = gdal::layer(*ds, "enclaves", path);
  // A bundle built before enclave names were cited has no label point.
  if (l.GetLayerDefn()->GetFieldIndex("label_lon") < 0) return out;
  if (!filter.empty())
    l.SetSpatialFilterRect(filter.min_lon, filter.min_lat, filter.max_lon, filter.max_lat);
  for (auto& f : l) {
    Place p;
    p.name = gdal::field_string(*f, "name");
    if (p.name.empty()) p.name = "not recorded";
    p.id = "enclave:" + gdal::field_string(*f, "named_after");
    p.kind = "enclave";
    p.country = gdal::field_string(*f, "country");
    p.point = LonLat{f->GetFieldAsDouble("label_lon"), f->GetFieldAsDouble("label_lat")};
    p.source = gdal::field_string(*f, "source");
    out.push_back(std::move(p));
  }
  return out;
}

std::vector<Place> world_enclave_names(const Bundle& bundle, const Bounds& filter) {
  std::vector<Place> out;
  for (auto& p : world_enclaves(bundle, filter))
    if (p.name != "not recorded") out.push_back(std::move(p));
  return out;
}

}  // namespace bm
