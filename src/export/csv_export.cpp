#include "export/csv_export.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>

#include "core/error.hpp"
#include "export/blocks.hpp"
#include "export/formats.hpp"
#include "export/user_fields.hpp"
#include "io/atomic.hpp"
#include "io/csv.hpp"
#include "io/incidents_csv.hpp"

namespace bm {
namespace {

std::string joined(const std::vector<std::string>& v, const char* sep = ";") {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : sep) + x;
  return s;
}

std::string number(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

std::string opt(const std::optional<long>& v) { return v ? std::to_string(*v) : ""; }

std::vector<std::string> bordermap_row(const Incident& i, const Link* k, int precision) {
  std::vector<std::string> row = incident_fields(i, precision);
  row.push_back(i.place_id);
  row.push_back(i.resolved_name);
  row.push_back(std::to_string(i.claims.size()));
  for (const auto& kind : kSummaryKinds) {
    ClaimSummary s = summarize(i.claims, kind);
    row.push_back(opt(s.low));
    row.push_back(opt(s.high));
  }
  bool seg = k && !k->segment_id.empty();
  bool disp = k && !k->disputed_segment_id.empty() && k->disputed_distance_m >= 0;
  row.push_back(k ? k->country : "");
  row.push_back(seg ? k->segment_id : "");
  row.push_back(seg ? number(k->distance_m, 1) : "");
  row.push_back(disp ? k->disputed_segment_id : "");
  row.push_back(disp ? number(k->disputed_distance_m, 1) : "");
  return row;
}

struct AcledType {
  const char* disorder;
  const char* event;
  const char* sub_event;
};

// Our event types in ACLED's typology (ACLED codebook 2023).
AcledType acled_type(const std::string& t) {
  static const std::map<std::string, AcledType> m = {
      {"armed_clash", {"Political violence", "Battles", "Armed clash"}},
      {"shelling",
       {"Political violence", "Explosions/Remote violence", "Shelling/artillery/missile attack"}},
      {"drone_strike", {"Political violence", "Explosions/Remote violence", "Air/drone strike"}},
      {"air_strike", {"Political violence", "Explosions/Remote violence", "Air/drone strike"}},
      {"attack_on_civilians", {"Political violence", "Violence against civilians", "Attack"}},
      {"property_destruction",
       {"Strategic developments", "Strategic developments", "Looting/property destruction"}},
      {"ceasefire", {"Strategic developments", "Strategic developments", "Agreement"}},
      {"talks", {"Strategic developments", "Strategic developments", "Agreement"}},
      {"evacuation", {"Strategic developments", "Strategic developments", "Other"}},
      {"casualty_report", {"Strategic developments", "Strategic developments", "Other"}},
  };
  auto it = m.find(t);
  return it == m.end() ? AcledType{"", "", ""} : it->second;
}

std::string acled_time_precision(const std::string& p) {
  if (p == "day") return "1";
  if (p == "week" || p == "range") return "2";
  if (p == "month" || p == "year") return "3";
  return "";
}

std::vector<std::string> acled_row(const Incident& i, const Link* k, const CountryNames& names,
                                   int precision) {
  AcledType t = acled_type(i.event_type);
  std::string iso2 = k && !k->country.empty() ? k->country : i.country;
  auto name = names.find(iso2);
  std::vector<std::string> assoc(i.actors.size() > 2 ? i.actors.begin() + 2 : i.actors.end(),
                                 i.actors.end());
  // ACLED records the most conservative figure: the lowest event-level count.
  ClaimSummary killed = summarize(i.claims, "killed");
  std::string tags = "bordermap_id=" + i.id;
  if (killed.high && killed.high != killed.low)
    tags += "; killed_high=" + std::to_string(*killed.high);
  return {i.id,
          i.date.start,
          i.date.start.size() >= 4 ? i.date.start.substr(0, 4) : "",
          acled_time_precision(i.date.precision),
          t.disorder,
          t.event,
          t.sub_event,
          i.actors.size() > 0 ? i.actors[0] : "",
          joined(assoc, "; "),
          "",
          i.actors.size() > 1 ? i.actors[1] : "",
          "",
          "",
          "",
          i.event_type == "attack_on_civilians" ? "Civilian targeting" : "",
          "",
          "",
          name == names.end() ? iso2 : name->second,
          i.admin1,
          "",
          "",
          i.resolved_name.empty() ? i.place : i.resolved_name,
          i.location ? number(i.location->lat, precision) : "",
          i.location ? number(i.location->lon, precision) : "",
          i.precision == GeoPrecision::unknown ? "" : std::to_string(static_cast<int>(i.precision)),
          joined(i.sources, "; "),
          "",
          i.notes,
          killed.low ? std::to_string(*killed.low) : "0",
          tags,
          ""};
}

}  // namespace

const std::vector<std::string> kAcledColumns = {
    "event_id_cnty", "event_date",     "year",     "time_precision", "disorder_type",
    "event_type",    "sub_event_type", "actor1",   "assoc_actor_1",  "inter1",
    "actor2",        "assoc_actor_2",  "inter2",   "interaction",    "civilian_targeting",
    "iso",           "region",         "country",  "admin1",         "admin2",
    "admin3",        "location",       "latitude", "longitude",      "geo_precision",
    "source",        "source_scale",   "notes",    "fatalities",     "tags",
    "timestamp"};

std::vector<std::string> derived_csv_columns() {
  std::vector<std::string> c = {"place_id", "resolved_name", "n_claims"};
  for (const auto& k : kSummaryKinds) {
    c.push_back(k + "_low");
    c.push_back(k + "_high");
  }
  for (const char* x :
       {"in_country", "segment_id", "distance_m", "disputed_segment_id", "disputed_distance_m"})
    c.push_back(x);
  return c;
}

CsvFlavour csv_flavour_from(const std::string& name) {
  if (name.empty() || name == "bordermap") return CsvFlavour::bordermap;
  if (name == "acled") return CsvFlavour::acled;
  throw UsageError("--flavour '" + name + "' — expected bordermap or acled");
}

namespace {

std::vector<std::string> our_header(CsvFlavour flavour) {
  if (flavour == CsvFlavour::acled) return kAcledColumns;
  std::vector<std::string> header = kIncidentColumns;
  for (auto& c : derived_csv_columns()) header.push_back(c);
  return header;
}

void add_user_values(std::vector<std::string>& row, const Incident& i,
                     const std::vector<UserField>& user) {
  for (const auto& u : user) {
    const std::string* v = user_value(i, u);
    row.push_back(v ? *v : std::string());
  }
}

}  // namespace

void write_csv(std::ostream& out, const ExportData& data, CsvFlavour flavour,
               const ExportOptions& options) {
  // The chain's links come in order (links_in_order): paired by position,
  // with no map of every row; others by id.
  const bool in_order = links_in_order(data);
  std::map<std::string, const Link*> link_of;
  if (!in_order)
    for (const auto& k : data.links) link_of[k.incident_id] = &k;
  std::size_t next = 0;
  std::vector<std::string> header = our_header(flavour);
  // The user's own columns after ours, whatever the flavour.
  std::vector<UserField> user = user_fields(data.incidents, header);
  for (const auto& u : user) header.push_back(u.name);
  csv::write_row(out, header);
  for (const auto& i : data.incidents) {
    const Link* k = nullptr;
    if (in_order) {
      if (i.location) k = &data.links[next++];
    } else if (auto it = link_of.find(i.id); it != link_of.end()) {
      k = it->second;
    }
    std::vector<std::string> row = flavour == CsvFlavour::acled
                                       ? acled_row(i, k, data.country_names, options.precision)
                                       : bordermap_row(i, k, options.precision);
    add_user_values(row, i, user);
    csv::write_row(out, row);
  }
}

void CsvBlockWriter::write(std::span<const Incident> incidents, std::span<const Link> links) {
  if (!started_) {
    std::vector<std::string> header = our_header(flavour_);
    user_ = user_fields(incidents, header);
    for (const auto& u : user_) header.push_back(u.name);
    csv::write_row(out_, header);
    started_ = true;
  }
  std::size_t k = 0;
  for (const auto& i : incidents) {
    const Link* link = i.location && k < links.size() ? &links[k++] : nullptr;
    std::vector<std::string> row = flavour_ == CsvFlavour::acled
                                       ? acled_row(i, link, names_, precision_)
                                       : bordermap_row(i, link, precision_);
    add_user_values(row, i, user_);
    csv::write_row(out_, row);
  }
}

void write_csv_file(const std::string& path, const ExportData& data, CsvFlavour flavour,
                    const ExportOptions& options) {
  write_file(path, [&](std::ostream& out) { write_csv(out, data, flavour, options); });
}

namespace {

bool accepts_csv(const std::string& target) { return extension_of(target) == ".csv"; }

void check_csv(const std::string& path, const ExportOptions& options) {
  if (!has_layer(options, ExportLayer::incidents))
    throw UsageError("'" + path + "' — a CSV holds the incidents layer only; add it to --layers");
}

std::vector<std::string> write_csv_format(const std::string& path, const ExportData& data,
                                          const ExportOptions& options) {
  write_csv_file(path, data, options.flavour, options);
  return {path};
}

}  // namespace

ExportFormat csv_format() {
  return {"csv", "one row per incident: our schema then derived and user columns (or ACLED's)",
          accepts_csv, check_csv, write_csv_format};
}

}  // namespace bm
