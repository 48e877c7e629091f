#include "export/layers.hpp"

#include <algorithm>
#include <cmath>

#include "core/error.hpp"
#include "core/strings.hpp"
#include "export/layer_util.hpp"
#include "geodata/gdal.hpp"

namespace bm {
using namespace layer_util;
namespace {

long write_segments(GDALDataset& ds, const ExportData& d, const ExportOptions& o, char** lco) {
  OGRLayer& l = create(ds, "border_segments", wkbMultiLineString, lco, o);
  add_field(l, "id", OFTString);
  add_field(l, "name", OFTString);
  add_field(l, "status", OFTString);
  add_field(l, "as_of", OFTDate);
  add_field(l, "valid_from", OFTDate);
  add_field(l, "valid_to", OFTDate);
  add_field(l, "country_a", OFTString);
  add_field(l, "country_b", OFTString);
  add_field(l, "source", OFTString);
  long n = 0;
  for (const auto& s : d.segments) {
    // The status as of one date, like the map: other periods are not features.
    if (!active_on(s, d.as_of)) continue;
    OGRFeature f(l.GetLayerDefn());
    f.SetField("id", s.id.c_str());
    f.SetField("name", s.name.c_str());
    f.SetField("status", to_string(s.status).c_str());
    set_date(f, "as_of", d.as_of);
    set_date(f, "valid_from", s.valid_from);
    set_date(f, "valid_to", s.valid_to);
    f.SetField("country_a", s.country_a.c_str());
    f.SetField("country_b", s.country_b.c_str());
    f.SetField("source", s.source.c_str());
    OGRMultiLineString ml;
    for (const auto& line : s.lines) {
      OGRLineString ls;
      for (const auto& p : line)
        ls.addPoint(round_to(p.lon, o.precision), round_to(p.lat, o.precision));
      ml.addGeometry(&ls);
    }
    f.SetGeometry(&ml);
    insert(l, f, s.id);
    ++n;
  }
  return n;
}

void add_link(OGRLayer& l, const Link& k, const Incident& i, const char* kind,
              const std::string& segment, double distance, LonLat to,
              const std::map<std::string, const BorderSegment*>& segment_of, int precision) {
  OGRFeature f(l.GetLayerDefn());
  std::string id = k.incident_id + ":" + kind;
  f.SetField("id", id.c_str());
  f.SetField("incident_id", k.incident_id.c_str());
  f.SetField("kind", kind);
  f.SetField("segment_id", segment.c_str());
  if (auto it = segment_of.find(segment); it != segment_of.end())
    f.SetField("segment_status", to_string(it->second->status).c_str());
  f.SetField("distance_m", round_to(distance, 1));
  f.SetField("distance_km", round_to(distance / 1000.0, 2));
  set_date(f, "date_start", i.date.start);
  OGRLineString ls;
  ls.addPoint(round_to(i.location->lon, precision), round_to(i.location->lat, precision));
  ls.addPoint(round_to(to.lon, precision), round_to(to.lat, precision));
  f.SetGeometry(&ls);
  insert(l, f, id);
}

long write_links(GDALDataset& ds, const ExportData& d, const ExportOptions& o, char** lco) {
  OGRLayer& l = create(ds, "links", wkbLineString, lco, o);
  add_field(l, "id", OFTString);
  add_field(l, "incident_id", OFTString);
  add_field(l, "kind", OFTString);
  add_field(l, "segment_id", OFTString);
  add_field(l, "segment_status", OFTString);
  add_field(l, "distance_m", OFTReal);
  add_field(l, "distance_km", OFTReal);
  add_field(l, "date_start", OFTDate);
  std::map<std::string, const Incident*> incident_of;
  for (const auto& i : d.incidents) incident_of[i.id] = &i;
  // A link names the segment active on the incident's date, which may be
  // another period than the one exported: look the status up by id and date.
  std::map<std::string, const BorderSegment*> segment_of;
  for (const auto& s : d.segments)
    if (active_on(s, d.as_of) || !segment_of.count(s.id)) segment_of[s.id] = &s;
  long n = 0;
  for (const auto& k : d.links) {
    auto it = incident_of.find(k.incident_id);
    if (it == incident_of.end() || !it->second->location) continue;
    if (!k.segment_id.empty()) {
      add_link(l, k, *it->second, "nearest", k.segment_id, k.distance_m, k.nearest, segment_of,
               o.precision);
      ++n;
    }
    // The nearest disputed stretch, when it is not the nearest segment already.
    if (!k.disputed_segment_id.empty() && k.disputed_distance_m >= 0 &&
        k.disputed_segment_id != k.segment_id) {
      add_link(l, k, *it->second, "disputed", k.disputed_segment_id, k.disputed_distance_m,
               k.disputed_nearest, segment_of, o.precision);
      ++n;
    }
  }
  return n;
}

OGRLinearRing to_ring(const Ring& ring, int precision) {
  OGRLinearRing r;
  for (const auto& p : ring) r.addPoint(round_to(p.lon, precision), round_to(p.lat, precision));
  r.closeRings();
  return r;
}

long write_countries(GDALDataset& ds, const ExportData& d, const ExportOptions& o, char** lco) {
  OGRLayer& l = create(ds, "countries", wkbMultiPolygon, lco, o);
  add_field(l, "id", OFTString);
  add_field(l, "iso3", OFTString);
  add_field(l, "name", OFTString);
  add_field(l, "focus", OFTInteger, OFSTBoolean);
  long n = 0;
  for (const auto& c : d.countries) {
    // Areas with no ISO code (Natural Earth's "Siachen Glacier") still need
    // a unique id: QGIS and GeoPackage key features by it.
    const std::string id = !c.iso2.empty() ? c.iso2 : !c.iso3.empty() ? c.iso3 : c.name;
    OGRFeature f(l.GetLayerDefn());
    f.SetField("id", id.c_str());
    f.SetField("iso3", c.iso3.c_str());
    f.SetField("name", c.name.c_str());
    bool focus = std::find(d.focus.begin(), d.focus.end(), c.iso2) != d.focus.end();
    f.SetField("focus", focus ? 1 : 0);
    OGRMultiPolygon mp;
    for (const auto& poly : c.area) {
      OGRPolygon pg;
      for (const auto& ring : poly.rings) {
        OGRLinearRing r = to_ring(ring, o.precision);
        pg.addRing(&r);
      }
      mp.addGeometry(&pg);
    }
    // The GeoJSON driver rewinds rings to RFC 7946's right-hand rule; do it
    // for every format so all agree (shell counter-clockwise, holes clockwise).
    for (auto* pg : mp) {
      if (pg->getExteriorRing() && pg->getExteriorRing()->isClockwise())
        pg->getExteriorRing()->reverseWindingOrder();
      for (int k = 0; k < pg->getNumInteriorRings(); ++k)
        if (!pg->getInteriorRing(k)->isClockwise()) pg->getInteriorRing(k)->reverseWindingOrder();
    }
    f.SetGeometry(&mp);
    insert(l, f, id);
    ++n;
  }
  return n;
}

}  // namespace

const std::vector<std::string> kSummaryKinds = {"killed", "injured", "evacuated", "displaced",
                                                "missing"};

const char* layer_name(ExportLayer l) {
  switch (l) {
    case ExportLayer::incidents:
      return "incidents";
    case ExportLayer::border_segments:
      return "border_segments";
    case ExportLayer::links:
      return "links";
    case ExportLayer::countries:
      return "countries";
  }
  return "?";
}

std::vector<ExportLayer> parse_layers(const std::string& list) {
  std::vector<bool> wanted(std::size(kExportLayers), false);
  for (const auto& name : split(list, ',')) {
    std::size_t k = 0;
    // "segments" is what users call the border_segments layer.
    while (k < std::size(kExportLayers) && name != layer_name(kExportLayers[k]) &&
           !(name == "segments" && kExportLayers[k] == ExportLayer::border_segments))
      ++k;
    if (k == std::size(kExportLayers))
      throw UsageError("--layers: no layer '" + name +
                       "' — choose from incidents, segments, links, countries");
    wanted[k] = true;
  }
  std::vector<ExportLayer> out;
  for (std::size_t k = 0; k < wanted.size(); ++k)
    if (wanted[k]) out.push_back(kExportLayers[k]);
  if (out.empty()) throw UsageError("--layers is empty — name at least one layer");
  return out;
}

bool has_layer(const ExportOptions& options, ExportLayer layer) {
  return std::find(options.layers.begin(), options.layers.end(), layer) != options.layers.end();
}

double round_to(double v, int decimals) {
  double f = std::pow(10.0, decimals);
  return std::round(v * f) / f;
}

ClaimSummary summarize(const std::vector<Claim>& claims, const std::string& kind) {
  ClaimSummary s;
  for (const auto& c : claims) {
    // Running totals for the whole conflict would swamp the incident's own
    // figures; they stay in the nested `claims` only.
    if (c.kind != kind || c.scope == "conflict") continue;
    auto lo = c.low ? c.low : c.high;
    auto hi = c.high ? c.high : c.low;
    if (lo && (!s.low || *lo < *s.low)) s.low = lo;
    if (hi && (!s.high || *hi > *s.high)) s.high = hi;
  }
  return s;
}

long write_layer(GDALDataset& ds, ExportLayer layer, const ExportData& data,
                 const ExportOptions& options, char** layer_options) {
  gdal::init();
  switch (layer) {
    case ExportLayer::incidents:
      return write_incidents(ds, data, options, layer_options);
    case ExportLayer::border_segments:
      return write_segments(ds, data, options, layer_options);
    case ExportLayer::links:
      return write_links(ds, data, options, layer_options);
    case ExportLayer::countries:
      return write_countries(ds, data, options, layer_options);
  }
  return 0;
}

}  // namespace bm
