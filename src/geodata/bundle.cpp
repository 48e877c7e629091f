#include "geodata/bundle.hpp"

#include <cstdlib>
#include <filesystem>

#include "core/error.hpp"
#include "geodata/gdal.hpp"
#include "geodata/world_borders.hpp"

namespace bm {
namespace {

namespace fs = std::filesystem;

void set_spatial_filter(OGRLayer& l, const Bounds& b) {
  if (b.empty())
    l.SetSpatialFilter(nullptr);
  else
    l.SetSpatialFilterRect(b.min_lon, b.min_lat, b.max_lon, b.max_lat);
}

std::string& data_root_override() {
  static std::string dir;
  return dir;
}

// <binary>/../share/bordermap: where `cmake --install` and the .deb put the
// data, wherever the prefix is (/usr, /usr/local, $HOME/.local, /opt/...).
std::string installed_data_dir() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  return (exe.parent_path().parent_path() / "share" / "bordermap").string();
}

bool has_bundle(const std::string& dir) {
  std::error_code ec;
  return !dir.empty() && fs::exists(fs::path(dir) / "geodata" / "bordermap.gpkg", ec);
}

struct Root {
  std::string dir, origin;
};

Root find_data_root() {
  if (!data_root_override().empty()) return {data_root_override(), "--data"};
  for (const char* var : {"BORDERMAP_DATA", "BORDERMAP_HOME"})
    if (const char* v = std::getenv(var); v && *v) return {v, var};
  std::string installed = installed_data_dir();
  if (has_bundle(installed)) return {installed, "installed"};
  if (has_bundle(BORDERMAP_SOURCE_DIR)) return {BORDERMAP_SOURCE_DIR, "source tree"};
  // Neither: name the installed place, so the error says where data belongs.
  return {installed.empty() ? std::string(BORDERMAP_SOURCE_DIR) : installed, "installed"};
}

}  // namespace

std::string data_root() { return find_data_root().dir; }
std::string data_root_origin() { return find_data_root().origin; }
void set_data_root(std::string dir) { data_root_override() = std::move(dir); }

std::string default_bundle_path() { return data_root() + "/geodata/bordermap.gpkg"; }

Bundle::Bundle(std::string path) : path_(std::move(path)) {
  if (!std::filesystem::exists(path_))
    throw InputError(path_ + ": bundled geodata not found (data folder from " + data_root_origin() +
                     ") — reinstall bordermap, or point --data DIR or BORDERMAP_DATA at a "
                     "folder holding geodata/bordermap.gpkg");
}

std::vector<Country> Bundle::countries(const Bounds& filter) const {
  auto ds = gdal::open_vector(path_);
  OGRLayer& l = gdal::layer(*ds, "countries", path_);
  set_spatial_filter(l, filter);
  std::vector<Country> out;
  for (auto& f : l) {
    out.push_back({gdal::field_string(*f, "iso2"), gdal::field_string(*f, "iso3"),
                   gdal::field_string(*f, "name"), gdal::to_multipolygon(f->GetGeometryRef())});
  }
  return out;
}

std::vector<Region> Bundle::regions(const Bounds& filter) const {
  auto ds = gdal::open_vector(path_);
  OGRLayer& l = gdal::layer(*ds, "admin1", path_);
  set_spatial_filter(l, filter);
  std::vector<Region> out;
  for (auto& f : l) {
    out.push_back({gdal::field_string(*f, "id"), gdal::field_string(*f, "name"),
                   split(gdal::field_string(*f, "alt_names"), '|'),
                   gdal::field_string(*f, "country_iso2"),
                   gdal::to_multipolygon(f->GetGeometryRef())});
  }
  return out;
}

std::vector<Place> Bundle::places() const {
  auto ds = gdal::open_vector(path_);
  OGRLayer& l = gdal::layer(*ds, "places", path_);
  std::vector<Place> out;
  out.reserve(static_cast<std::size_t>(l.GetFeatureCount()));
  for (auto& f : l) {
    Place p;
    p.id = gdal::field_string(*f, "id");
    p.name = gdal::field_string(*f, "name");
    p.alt_names = split(gdal::field_string(*f, "alt_names"), '|');
    p.kind = gdal::field_string(*f, "kind");
    p.country = gdal::field_string(*f, "country_iso2");
    p.admin1 = gdal::field_string(*f, "admin1");
    p.admin2 = gdal::field_string(*f, "admin2");
    if (const OGRGeometry* g = f->GetGeometryRef(); g && !g->IsEmpty()) {
      const OGRPoint* pt = g->toPoint();
      p.point = LonLat{pt->getX(), pt->getY()};
    }
    p.population = std::atol(gdal::field_string(*f, "population").c_str());
    p.coord_precision =
        static_cast<GeoPrecision>(std::atoi(gdal::field_string(*f, "coord_precision").c_str()));
    p.uncertainty_m = std::atof(gdal::field_string(*f, "uncertainty_m").c_str());
    p.source = gdal::field_string(*f, "source");
    out.push_back(std::move(p));
  }
  return out;
}

std::vector<BorderSegment> Bundle::segments() const {
  if (has_world_borders(*this)) return world_segments(*this, {});
  auto ds = gdal::open_vector(path_);
  OGRLayer& l = gdal::layer(*ds, "border_segments", path_);
  std::vector<BorderSegment> out;
  for (auto& f : l) {
    out.push_back(gdal::border_segment(*f));
  }
  return out;
}

}  // namespace bm
