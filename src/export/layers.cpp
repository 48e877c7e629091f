#include "export/layers.hpp"

#include <algorithm>
#include <cmath>

#include "core/error.hpp"
#include "core/strings.hpp"
#include "export/layer_util.hpp"
#include "export/link_spool.hpp"
#include "geodata/gdal.hpp"

namespace bm {
using namespace layer_util;
namespace {

long write_segments(GDALDataset& ds, const ExportData& d, const ExportOptions& o, char** lco) {
  OGRLayer& l = create(ds, "border_segments", wkbMultiLineString, lco, o);
  add_field(l, "id", OFTString);
  add_segment_fields(l);
  add_field(l, "as_of", OFTDate);
  long n = 0;
  for (const auto& s : d.segments) {
    // The status as of one date, like the map: other periods are not features.
    if (!active_on(s, d.as_of)) continue;
    OGRFeature f(l.GetLayerDefn());
    f.SetField("id", s.id.c_str());
    set_segment(f, s, o.precision);
    set_date(f, "as_of", d.as_of);
    insert(l, f, s.id);
    ++n;
  }
  return n;
}

const char* const kLinkFields[] = {"id",          "incident_id",    "kind",
                                   "segment_id",  "segment_status", "distance_m",
                                   "distance_km", "date_start"};

long write_links(GDALDataset& ds, const ExportData& d, const ExportOptions& o, char** lco) {
  LinksLayer layer(ds, d, o, lco);
  std::map<std::string, const Incident*> incident_of;
  for (const auto& i : d.incidents) incident_of[i.id] = &i;
  for (const auto& k : d.links) {
    auto it = incident_of.find(k.incident_id);
    if (it != incident_of.end() && it->second->location) layer.write(k, *it->second);
  }
  return layer.count();
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

layer_util::LinksLayer::LinksLayer(GDALDataset& ds, const ExportData& d, const ExportOptions& o,
                                   char** lco)
    : layer_(create(ds, "links", wkbLineString, lco, o)),
      segment_of_(segments_by_id(d.segments, d.as_of)),
      precision_(o.precision) {
  const OGRFieldType types[] = {OFTString, OFTString, OFTString, OFTString,
                                OFTString, OFTReal,   OFTReal,   OFTDate};
  for (std::size_t k = 0; k < slot_.size(); ++k) add_field(layer_, kLinkFields[k], types[k]);
  // By index, looked up once (a name lookup per field per row showed in profiles).
  for (std::size_t k = 0; k < slot_.size(); ++k)
    slot_[k] = layer_.GetLayerDefn()->GetFieldIndex(kLinkFields[k]);
}

void layer_util::LinksLayer::write(const Link& k, const Incident& i) {
  if (!k.segment_id.empty()) add(k, i, "nearest", k.segment_id, k.distance_m, k.nearest);
  // The nearest disputed stretch, when it is not the nearest segment already.
  if (!k.disputed_segment_id.empty() && k.disputed_distance_m >= 0 &&
      k.disputed_segment_id != k.segment_id)
    add(k, i, "disputed", k.disputed_segment_id, k.disputed_distance_m, k.disputed_nearest);
}

void layer_util::LinksLayer::add(const Link& k, const Incident& i, const char* kind,
                                 const std::string& segment, double distance, LonLat to) {
  OGRFeature f(layer_.GetLayerDefn());
  std::string id = k.incident_id + ":" + kind;
  f.SetField(slot_[0], id.c_str());
  f.SetField(slot_[1], k.incident_id.c_str());
  f.SetField(slot_[2], kind);
  f.SetField(slot_[3], segment.c_str());
  if (auto it = segment_of_.find(segment); it != segment_of_.end())
    f.SetField(slot_[4], to_string(it->second->status).c_str());
  f.SetField(slot_[5], round_to(distance, 1));
  f.SetField(slot_[6], round_to(distance / 1000.0, 2));
  if (!i.date.start.empty()) f.SetField(slot_[7], i.date.start.c_str());
  OGRLineString ls;
  ls.addPoint(round_to(i.location->lon, precision_), round_to(i.location->lat, precision_));
  ls.addPoint(round_to(to.lon, precision_), round_to(to.lat, precision_));
  f.SetGeometry(&ls);
  insert(layer_, f, id);
  ++count_;
}

double round_to(double v, int decimals) {
  // Exact powers of ten, as std::pow gives them, without a pow per value
  // (three per exported incident).
  static constexpr double kPowers[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                       1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                       1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  const double f = decimals >= 0 && decimals <= 22 ? kPowers[decimals] : std::pow(10.0, decimals);
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
