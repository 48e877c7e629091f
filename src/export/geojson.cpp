#include "export/geojson.hpp"

#include <filesystem>
#include <map>

#include "core/error.hpp"
#include "export/atomic.hpp"
#include "geodata/gdal.hpp"
#include "ingest/incidents_csv.hpp"

namespace bm {
namespace {

void add_field(OGRLayer& l, const char* name, OGRFieldType type, OGRFieldSubType sub = OFSTNone) {
  OGRFieldDefn def(name, type);
  def.SetSubType(sub);
  if (l.CreateField(&def) != OGRERR_NONE)
    throw ExportError(std::string("cannot create field ") + name);
}

std::string joined(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ";") + x;
  return s;
}

const char* const kSummaryKinds[] = {"killed", "injured", "evacuated"};

}  // namespace

ClaimSummary summarize(const std::vector<Claim>& claims, const std::string& kind) {
  ClaimSummary s;
  for (const auto& c : claims) {
    if (c.kind != kind) continue;
    auto lo = c.low ? c.low : c.high;
    auto hi = c.high ? c.high : c.low;
    if (lo && (!s.low || *lo < *s.low)) s.low = lo;
    if (hi && (!s.high || *hi > *s.high)) s.high = hi;
  }
  return s;
}

void write_incidents_geojson(const std::string& path, const std::vector<Incident>& incidents,
                             const std::vector<Link>& links, const ExportOptions& options) {
  gdal::init();
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GeoJSON");
  if (!driver) throw ExportError("GDAL has no GeoJSON driver");
  std::string tmp = temp_path_for(path);
  std::map<std::string, const Link*> link_of;
  for (const auto& l : links) link_of[l.incident_id] = &l;
  {
    GDALDatasetUniquePtr ds(driver->Create(tmp.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds) throw ExportError(path + ": cannot create (" + CPLGetLastErrorMsg() + ")");
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::string prec = std::to_string(options.precision);
    const char* lco[] = {"RFC7946=YES", "WRITE_NAME=NO", "ID_FIELD=id", nullptr, nullptr};
    std::string prec_opt = "COORDINATE_PRECISION=" + prec;
    lco[3] = prec_opt.c_str();
    OGRLayer* l = ds->CreateLayer("incidents", &wgs84, wkbPoint, const_cast<char**>(lco));
    if (!l) throw ExportError(path + ": cannot create layer (" + CPLGetLastErrorMsg() + ")");
    add_field(*l, "id", OFTString);
    add_field(*l, "date_start", OFTDate);
    add_field(*l, "date_end", OFTDate);
    add_field(*l, "date_precision", OFTString);
    add_field(*l, "place", OFTString);
    add_field(*l, "place_id", OFTString);
    add_field(*l, "resolved_name", OFTString);
    add_field(*l, "geo_precision", OFTInteger);
    add_field(*l, "event_type", OFTString);
    add_field(*l, "actors", OFTString);
    add_field(*l, "claims", OFTString, OFSTJSON);
    add_field(*l, "n_claims", OFTInteger);
    for (const char* k : kSummaryKinds) {
      add_field(*l, (std::string(k) + "_low").c_str(), OFTInteger);
      add_field(*l, (std::string(k) + "_high").c_str(), OFTInteger);
    }
    add_field(*l, "sources", OFTString);
    add_field(*l, "country", OFTString);
    add_field(*l, "in_enclave", OFTInteger, OFSTBoolean);
    add_field(*l, "segment_id", OFTString);
    add_field(*l, "distance_m", OFTReal);
    add_field(*l, "disputed_segment_id", OFTString);
    add_field(*l, "disputed_distance_m", OFTReal);
    add_field(*l, "notes", OFTString);
    for (const auto& i : incidents) {
      if (!i.location) continue;
      OGRFeature f(l->GetLayerDefn());
      f.SetField("id", i.id.c_str());
      if (!i.date.start.empty()) f.SetField("date_start", i.date.start.c_str());
      if (!i.date.end.empty()) f.SetField("date_end", i.date.end.c_str());
      f.SetField("date_precision", i.date.precision.c_str());
      f.SetField("place", i.place.c_str());
      f.SetField("place_id", i.place_id.c_str());
      f.SetField("resolved_name", i.resolved_name.c_str());
      if (i.precision != GeoPrecision::unknown)
        f.SetField("geo_precision", static_cast<int>(i.precision));
      f.SetField("event_type", i.event_type.c_str());
      f.SetField("actors", joined(i.actors).c_str());
      f.SetField("claims", claims_to_json(i.claims).c_str());
      f.SetField("n_claims", static_cast<int>(i.claims.size()));
      for (const char* k : kSummaryKinds) {
        ClaimSummary s = summarize(i.claims, k);
        if (s.low) f.SetField((std::string(k) + "_low").c_str(), static_cast<GIntBig>(*s.low));
        if (s.high) f.SetField((std::string(k) + "_high").c_str(), static_cast<GIntBig>(*s.high));
      }
      f.SetField("sources", joined(i.sources).c_str());
      f.SetField("notes", i.notes.c_str());
      if (auto it = link_of.find(i.id); it != link_of.end()) {
        const Link& k = *it->second;
        f.SetField("country", k.country.c_str());
        f.SetField("in_enclave", k.in_enclave ? 1 : 0);
        if (!k.segment_id.empty()) {
          f.SetField("segment_id", k.segment_id.c_str());
          f.SetField("distance_m", k.distance_m);
        }
        if (!k.disputed_segment_id.empty()) {
          f.SetField("disputed_segment_id", k.disputed_segment_id.c_str());
          f.SetField("disputed_distance_m", k.disputed_distance_m);
        }
      }
      OGRPoint pt(i.location->lon, i.location->lat);
      f.SetGeometry(&pt);
      if (l->CreateFeature(&f) != OGRERR_NONE)
        throw ExportError(path + ": cannot write feature " + i.id + " (" + CPLGetLastErrorMsg() +
                          ")");
    }
  }
  commit_file(tmp, path);
}

}  // namespace bm
