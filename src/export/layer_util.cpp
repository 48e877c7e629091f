#include "export/layer_util.hpp"

#include "core/error.hpp"

namespace bm::layer_util {

void add_field(OGRLayer& l, const char* name, OGRFieldType type, OGRFieldSubType sub) {
  OGRFieldDefn def(name, type);
  def.SetSubType(sub);
  if (l.CreateField(&def) != OGRERR_NONE)
    throw ExportError(std::string("cannot create field ") + name + " (" + CPLGetLastErrorMsg() +
                      ")");
}

std::string joined(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ";") + x;
  return s;
}

void set_date(OGRFeature& f, const char* field, const std::string& iso) {
  if (!iso.empty()) f.SetField(field, iso.c_str());
}

OGRLayer& create(GDALDataset& ds, const char* layer, OGRwkbGeometryType type, char** lco,
                 const ExportOptions& o) {
  OGRSpatialReference wgs84;
  wgs84.importFromEPSG(4326);
  wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  std::string name = o.table_prefix + layer;
  OGRLayer* l = ds.CreateLayer(name.c_str(), &wgs84, type, lco);
  if (!l) throw ExportError("cannot create layer " + name + " (" + CPLGetLastErrorMsg() + ")");
  return *l;
}

void insert(OGRLayer& l, OGRFeature& f, const std::string& id) {
  // Explicit nulls: every GeoJSON feature then lists every property, so
  // readers see the same fields whatever the data (unset ones are omitted).
  for (int k = 0; k < f.GetFieldCount(); ++k)
    if (!f.IsFieldSet(k)) f.SetFieldNull(k);
  if (l.CreateFeature(&f) != OGRERR_NONE)
    throw ExportError(std::string("cannot write feature ") + id + " of " + l.GetName() + " (" +
                      CPLGetLastErrorMsg() + ")");
}

}  // namespace bm::layer_util
