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

void add_segment_fields(OGRLayer& l) {
  add_field(l, "name", OFTString);
  add_field(l, "status", OFTString);
  add_field(l, "valid_from", OFTDate);
  add_field(l, "valid_to", OFTDate);
  add_field(l, "country_a", OFTString);
  add_field(l, "country_b", OFTString);
  add_field(l, "source", OFTString);
}

void set_segment(OGRFeature& f, const BorderSegment& s, int decimals) {
  f.SetField("name", s.name.c_str());
  f.SetField("status", to_string(s.status).c_str());
  set_date(f, "valid_from", s.valid_from);
  set_date(f, "valid_to", s.valid_to);
  f.SetField("country_a", s.country_a.c_str());
  f.SetField("country_b", s.country_b.c_str());
  f.SetField("source", s.source.c_str());
  auto at = [&](double v) { return decimals < 0 ? v : round_to(v, decimals); };
  OGRMultiLineString ml;
  for (const auto& line : s.lines) {
    OGRLineString ls;
    for (const auto& p : line) ls.addPoint(at(p.lon), at(p.lat));
    ml.addGeometry(&ls);
  }
  f.SetGeometry(&ml);
}

}  // namespace bm::layer_util
