#include "render/own_layers.hpp"

#include "core/error.hpp"
#include "geodata/gdal.hpp"

namespace bm {
namespace {

std::string first_field(const OGRFeature& f, std::initializer_list<const char*> names) {
  for (const char* n : names)
    if (f.GetFieldIndex(n) >= 0) {
      std::string v = gdal::field_string(f, n);
      if (!v.empty()) return v;
    }
  return {};
}

}  // namespace

std::vector<Country> read_countries_file(const std::string& path,
                                         std::vector<Rejection>& rejected) {
  auto ds = gdal::open_vector(path);
  if (ds->GetLayerCount() < 1) throw InputError(path + ": no layers — expected polygon features");
  OGRLayer* layer = ds->GetLayer(0);
  std::vector<Country> out;
  for (auto& f : *layer) {
    Country c;
    c.name = first_field(*f, {"name", "NAME", "name_en", "NAME_EN", "admin", "ADMIN", "country"});
    c.iso2 = first_field(*f, {"iso_a2", "ISO_A2", "iso2", "ISO2"});
    c.iso3 = first_field(*f, {"iso_a3", "ISO_A3", "iso3", "ISO3"});
    if (c.iso2.empty()) c.iso2 = first_field(*f, {"id", "ID"});
    if (c.iso2.empty()) c.iso2 = c.name.empty() ? std::to_string(f->GetFID()) : c.name;
    c.area = gdal::to_multipolygon(f->GetGeometryRef());
    if (c.area.empty()) {
      rejected.push_back({path, 0, "feature " + std::to_string(f->GetFID()) + " (" + c.name + ")",
                          "no polygon geometry — not drawn"});
      continue;
    }
    out.push_back(std::move(c));
  }
  if (out.empty())
    throw InputError(path + ": no polygon features — expected Polygon/MultiPolygon countries");
  return out;
}

}  // namespace bm
