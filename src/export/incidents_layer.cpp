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

// Field indexes of the layer, looked up once.
struct layer_util::Slots {
  std::map<std::string, int> ours;
  std::vector<int> user;
  int incident_id = -1;
  int at(const std::string& name) const { return ours.at(name); }
};

namespace {
using layer_util::Slots;

Slots create_fields(OGRLayer& l, const std::vector<UserField>& user, bool id_property) {
  using layer_util::add_field;
  for (const auto& f : incident_fields()) add_field(l, f.name.c_str(), f.type, f.sub);
  if (id_property) add_field(l, "incident_id", OFTString);
  for (const auto& u : user) add_field(l, u.name.c_str(), ogr_type(u.type));
  Slots s;
  OGRFeatureDefn* defn = l.GetLayerDefn();
  for (const auto& f : incident_fields()) s.ours[f.name] = defn->GetFieldIndex(f.name.c_str());
  if (id_property) s.incident_id = defn->GetFieldIndex("incident_id");
  for (const auto& u : user) s.user.push_back(defn->GetFieldIndex(u.name.c_str()));
  return s;
}

void set_text(OGRFeature& f, int slot, const std::string& v) { f.SetField(slot, v.c_str()); }

void set_our_fields(OGRFeature& f, const Slots& s, const Incident& i) {
  set_text(f, s.at("id"), i.id);
  if (!i.date.start.empty()) set_text(f, s.at("date_start"), i.date.start);
  if (!i.date.end.empty()) set_text(f, s.at("date_end"), i.date.end);
  set_text(f, s.at("date_precision"), i.date.precision);
  set_text(f, s.at("event_type"), i.event_type);
  set_text(f, s.at("place"), i.place);
  set_text(f, s.at("admin1"), i.admin1);
  set_text(f, s.at("country"), i.country);
  set_text(f, s.at("place_id"), i.place_id);
  set_text(f, s.at("resolved_name"), i.resolved_name);
  if (i.precision != GeoPrecision::unknown)
    f.SetField(s.at("geo_precision"), static_cast<int>(i.precision));
  set_text(f, s.at("actors"), layer_util::joined(i.actors));
  set_text(f, s.at("claims"), claims_to_json(i.claims));
  f.SetField(s.at("n_claims"), static_cast<int>(i.claims.size()));
  for (const auto& k : kSummaryKinds) {
    ClaimSummary c = summarize(i.claims, k);
    if (c.low) f.SetField(s.at(k + "_low"), static_cast<GIntBig>(*c.low));
    if (c.high) f.SetField(s.at(k + "_high"), static_cast<GIntBig>(*c.high));
  }
  set_text(f, s.at("sources"), layer_util::joined(i.sources));
  set_text(f, s.at("notes"), i.notes);
  if (s.incident_id >= 0) set_text(f, s.incident_id, i.id);
}

void set_link_fields(OGRFeature& f, const Slots& s, const Link& k) {
  set_text(f, s.at("in_country"), k.country);
  f.SetField(s.at("in_enclave"), k.in_enclave ? 1 : 0);
  f.SetField(s.at("within_zone"), k.within_zone ? 1 : 0);
  if (!k.segment_id.empty()) {
    set_text(f, s.at("segment_id"), k.segment_id);
    f.SetField(s.at("distance_m"), round_to(k.distance_m, 1));
  }
  if (!k.disputed_segment_id.empty() && k.disputed_distance_m >= 0) {
    set_text(f, s.at("disputed_segment_id"), k.disputed_segment_id);
    f.SetField(s.at("disputed_distance_m"), round_to(k.disputed_distance_m, 1));
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
