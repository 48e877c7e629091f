// The incidents layer: our fields (from a table, so the field list, its
// names for the user-column clash check and the writer agree) and then the
// user's own columns. Fields are set by index: a name lookup per field per
// feature showed in the profile of a 1M export.
#include <map>

#include "core/error.hpp"
#include "export/layer_util.hpp"
#include "export/user_fields.hpp"
#include "io/incidents_csv.hpp"

namespace bm {
namespace {

struct FieldSpec {
  std::string name;
  OGRFieldType type;
  OGRFieldSubType sub = OFSTNone;
};

const std::vector<FieldSpec>& incident_fields() {
  static const std::vector<FieldSpec> fields = [] {
    std::vector<FieldSpec> f = {{"id", OFTString},
                                {"date_start", OFTDate},
                                {"date_end", OFTDate},
                                {"date_precision", OFTString},
                                {"event_type", OFTString},
                                {"place", OFTString},
                                {"admin1", OFTString},
                                {"country", OFTString},
                                {"place_id", OFTString},
                                {"resolved_name", OFTString},
                                {"geo_precision", OFTInteger},
                                {"actors", OFTString},
                                {"claims", OFTString, OFSTJSON},
                                {"n_claims", OFTInteger}};
    for (const auto& k : kSummaryKinds) {
      f.push_back({k + "_low", OFTInteger});
      f.push_back({k + "_high", OFTInteger});
    }
    for (FieldSpec s : std::vector<FieldSpec>{{"sources", OFTString},
                                              {"notes", OFTString},
                                              {"in_country", OFTString},
                                              {"in_enclave", OFTInteger, OFSTBoolean},
                                              {"segment_id", OFTString},
                                              {"distance_m", OFTReal},
                                              {"disputed_segment_id", OFTString},
                                              {"disputed_distance_m", OFTReal},
                                              {"within_zone", OFTInteger, OFSTBoolean}})
      f.push_back(s);
    return f;
  }();
  return fields;
}

OGRFieldType ogr_type(UserFieldType t) {
  switch (t) {
    case UserFieldType::integer:
      return OFTInteger64;
    case UserFieldType::real:
      return OFTReal;
    case UserFieldType::text:
      return OFTString;
  }
  return OFTString;
}

}  // namespace

// Field indexes of the layer, looked up once: a lookup by name in a map of
// 40 names, per field per row, showed as string compares in the profile.
struct layer_util::Slots {
  int id, date_start, date_end, date_precision, event_type, place, admin1, country, place_id,
      resolved_name, geo_precision, actors, claims, n_claims, sources, notes, in_country,
      in_enclave, segment_id, distance_m, disputed_segment_id, disputed_distance_m, within_zone;
  std::vector<std::pair<int, int>> summary;  // <kind>_low, <kind>_high per kSummaryKinds
  std::vector<int> user;
  int incident_id = -1;
};

namespace {
using layer_util::Slots;

Slots slots_of(const OGRFeatureDefn& defn) {
  auto at = [&](const std::string& name) { return defn.GetFieldIndex(name.c_str()); };
  Slots s{at("id"),
          at("date_start"),
          at("date_end"),
          at("date_precision"),
          at("event_type"),
          at("place"),
          at("admin1"),
          at("country"),
          at("place_id"),
          at("resolved_name"),
          at("geo_precision"),
          at("actors"),
          at("claims"),
          at("n_claims"),
          at("sources"),
          at("notes"),
          at("in_country"),
          at("in_enclave"),
          at("segment_id"),
          at("distance_m"),
          at("disputed_segment_id"),
          at("disputed_distance_m"),
          at("within_zone"),
          {},
          {},
          -1};
  for (const auto& k : kSummaryKinds) s.summary.emplace_back(at(k + "_low"), at(k + "_high"));
  return s;
}

Slots create_fields(OGRLayer& l, const std::vector<UserField>& user, bool id_property) {
  using layer_util::add_field;
  for (const auto& f : incident_fields()) add_field(l, f.name.c_str(), f.type, f.sub);
  if (id_property) add_field(l, "incident_id", OFTString);
  for (const auto& u : user) add_field(l, u.name.c_str(), ogr_type(u.type));
  const OGRFeatureDefn& defn = *l.GetLayerDefn();
  Slots s = slots_of(defn);
  if (id_property) s.incident_id = defn.GetFieldIndex("incident_id");
  for (const auto& u : user) s.user.push_back(defn.GetFieldIndex(u.name.c_str()));
  return s;
}

void set_text(OGRFeature& f, int slot, const std::string& v) { f.SetField(slot, v.c_str()); }

void set_our_fields(OGRFeature& f, const Slots& s, const Incident& i) {
  set_text(f, s.id, i.id);
  if (!i.date.start.empty()) set_text(f, s.date_start, i.date.start);
  if (!i.date.end.empty()) set_text(f, s.date_end, i.date.end);
  set_text(f, s.date_precision, i.date.precision);
  set_text(f, s.event_type, i.event_type);
  set_text(f, s.place, i.place);
  set_text(f, s.admin1, i.admin1);
  set_text(f, s.country, i.country);
  set_text(f, s.place_id, i.place_id);
  set_text(f, s.resolved_name, i.resolved_name);
  if (i.precision != GeoPrecision::unknown)
    f.SetField(s.geo_precision, static_cast<int>(i.precision));
  set_text(f, s.actors, layer_util::joined(i.actors));
  set_text(f, s.claims, claims_to_json(i.claims));
  f.SetField(s.n_claims, static_cast<int>(i.claims.size()));
  for (std::size_t k = 0; k < kSummaryKinds.size() && !i.claims.empty(); ++k) {
    ClaimSummary c = summarize(i.claims, kSummaryKinds[k]);
    if (c.low) f.SetField(s.summary[k].first, static_cast<GIntBig>(*c.low));
    if (c.high) f.SetField(s.summary[k].second, static_cast<GIntBig>(*c.high));
  }
  set_text(f, s.sources, layer_util::joined(i.sources));
  set_text(f, s.notes, i.notes);
  if (s.incident_id >= 0) set_text(f, s.incident_id, i.id);
}

void set_link_fields(OGRFeature& f, const Slots& s, const Link& k) {
  set_text(f, s.in_country, k.country);
  f.SetField(s.in_enclave, k.in_enclave ? 1 : 0);
  f.SetField(s.within_zone, k.within_zone ? 1 : 0);
  if (!k.segment_id.empty()) {
    set_text(f, s.segment_id, k.segment_id);
    f.SetField(s.distance_m, round_to(k.distance_m, 1));
  }
  if (!k.disputed_segment_id.empty() && k.disputed_distance_m >= 0) {
    set_text(f, s.disputed_segment_id, k.disputed_segment_id);
    f.SetField(s.disputed_distance_m, round_to(k.disputed_distance_m, 1));
  }
}

void set_user_fields(OGRFeature& f, const Slots& s, const std::vector<UserField>& user,
                     const Incident& i) {
  for (std::size_t k = 0; k < user.size(); ++k)
    if (const std::string* v = user_value(i, user[k]))
      f.SetField(s.user[k], v->c_str());  // OGR converts text to the field's type
}

}  // namespace

const std::vector<std::string>& incident_field_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> n;
    for (const auto& f : incident_fields()) n.push_back(f.name);
    n.push_back("incident_id");
    // Names the formats use for the geometry and feature id.
    for (const char* reserved : {"geom", "geometry", "fid", "ogc_fid", "lon", "lat"})
      n.push_back(reserved);
    return n;
  }();
  return names;
}

layer_util::IncidentsLayer::IncidentsLayer(GDALDataset& ds, std::vector<UserField> user,
                                           const ExportOptions& o, char** lco)
    : layer_(create(ds, "incidents", wkbPoint, lco, o)),
      user_(std::move(user)),
      slots_(std::make_unique<Slots>(create_fields(layer_, user_, o.id_property))),
      feature_(std::make_unique<OGRFeature>(layer_.GetLayerDefn())),
      precision_(o.precision) {}

layer_util::IncidentsLayer::~IncidentsLayer() = default;

void layer_util::IncidentsLayer::write(const Incident& i, const Link* link) {
  OGRFeature& f = *feature_;
  f.Reset();
  set_our_fields(f, *slots_, i);
  if (link) set_link_fields(f, *slots_, *link);
  set_user_fields(f, *slots_, user_, i);
  f.SetGeometryDirectly(
      new OGRPoint(round_to(i.location->lon, precision_), round_to(i.location->lat, precision_)));
  insert(layer_, f, i.id);
  ++count_;
}

long layer_util::write_incidents(GDALDataset& ds, const ExportData& d, const ExportOptions& o,
                                 char** lco) {
  IncidentsLayer layer(ds, user_fields(d.incidents, incident_field_names()), o, lco);
  std::map<std::string, const Link*> link_of;
  for (const auto& k : d.links) link_of[k.incident_id] = &k;
  for (const auto& i : d.incidents) {
    if (!i.location) continue;  // the caller lists unlocated incidents as rejected
    auto it = link_of.find(i.id);
    layer.write(i, it == link_of.end() ? nullptr : it->second);
  }
  return layer.count();
}

}  // namespace bm
