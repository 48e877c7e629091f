#include "io/incidents_csv.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <regex>

#include "core/error.hpp"
#include "core/strings.hpp"
#include "io/csv.hpp"
#include "io/table_rows.hpp"
#include "io/values.hpp"

namespace bm {
namespace {

using json = nlohmann::json;

std::optional<long> opt_long(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return std::nullopt;
  if (!it->is_number_integer())
    throw InputError(std::string("claim field '") + key + "' must be a whole number or null");
  if (it->get<long>() < 0)
    throw InputError(std::string("claim field '") + key + "' is " + it->dump() +
                     " — a figure cannot be negative");
  return it->get<long>();
}

std::string opt_string(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return {};
  if (!it->is_string()) throw InputError(std::string("claim field '") + key + "' must be text");
  return it->get<std::string>();
}

std::map<std::string, std::string> source_fields_from_json(const std::string& text) {
  json j;
  try {
    j = json::parse(text);
  } catch (const json::exception& e) {  // parse_error, and out_of_range for 1e400
    throw InputError(std::string("column 'source_fields' is not valid JSON (") + e.what() + ")");
  }
  if (!j.is_object())
    throw InputError("column 'source_fields' must be a JSON object of text values");
  std::map<std::string, std::string> out;
  for (const auto& [k, v] : j.items()) out[k] = v.is_string() ? v.get<std::string>() : v.dump();
  return out;
}

Incident parse_row(const csv::Table& t) {
  Incident inc;
  inc.line = t.line();
  inc.id = t.get("id");
  if (inc.id.empty()) throw InputError("column 'id' is empty — every incident needs an id");
  inc.date.start = t.get("date_start");
  inc.date.end = t.get("date_end").empty() ? inc.date.start : t.get("date_end");
  inc.date.precision = t.get("date_precision").empty() ? "day" : t.get("date_precision");
  if (!inc.date.start.empty()) io::check_calendar_date(inc.date.start, "date_start");
  if (!inc.date.end.empty()) io::check_calendar_date(inc.date.end, "date_end");
  if (!inc.date.start.empty() && inc.date.end < inc.date.start)
    throw InputError("column 'date_end' (" + inc.date.end + ") is before 'date_start' (" +
                     inc.date.start + ")");
  inc.place = t.get("place");
  // The gazetteer's place for a row already located (extract's drafts):
  // maps label it by that name, not by the form the article wrote.
  inc.place_id = t.get("place_id");
  inc.resolved_name = t.get("resolved_name");
  inc.admin1 = t.get("admin1");
  inc.country = t.get("country");
  const std::string& lon = t.get("lon");
  const std::string& lat = t.get("lat");
  if (!lon.empty() || !lat.empty()) {
    if (lon.empty() || lat.empty())
      throw InputError("only one of 'lon' and 'lat' is given — give both or neither");
    inc.location = LonLat{io::parse_degrees(lon, "lon", 180), io::parse_degrees(lat, "lat", 90)};
  }
  if (const std::string& p = t.get("geo_precision"); !p.empty()) {
    if (p != "1" && p != "2" && p != "3")
      throw InputError("column 'geo_precision' is '" + p + "' — expected 1, 2 or 3");
    inc.precision = static_cast<GeoPrecision>(p[0] - '0');
  }
  inc.event_type = t.get("event_type");
  inc.actors = split(t.get("actors"), ';');
  if (const std::string& c = t.get("claims"); !c.empty()) inc.claims = claims_from_json(c);
  for (auto& c : inc.claims)
    if (c.source.empty() && !t.get("sources").empty())
      c.source = split(t.get("sources"), ';').front();
  inc.sources = split(t.get("sources"), ';');
  inc.notes = t.get("notes");
  if (const std::string& f = t.get("source_fields"); !f.empty())
    inc.source_fields = source_fields_from_json(f);
  if (inc.place.empty() && !inc.location)
    throw InputError("neither 'place' nor 'lon'/'lat' is given — the incident cannot be located");
  return inc;
}

}  // namespace

const std::vector<std::string> kIncidentColumns = {
    "id",  "date_start",    "date_end",   "date_precision", "place",  "admin1",  "country", "lon",
    "lat", "geo_precision", "event_type", "actors",         "claims", "sources", "notes"};

bool is_our_incident_column(const std::string& column) {
  static const std::vector<std::string> kDerived = {
      "source_fields",       "place_id",      "resolved_name",  "n_claims",
      "in_country",          "segment_id",    "distance_m",     "disputed_segment_id",
      "disputed_distance_m", "killed_low",    "killed_high",    "injured_low",
      "injured_high",        "evacuated_low", "evacuated_high", "displaced_low",
      "displaced_high",      "missing_low",   "missing_high"};
  auto in = [&](const std::vector<std::string>& v) {
    return std::find(v.begin(), v.end(), column) != v.end();
  };
  return in(kIncidentColumns) || in(kDerived);
}

std::vector<Claim> claims_from_json(const std::string& text) {
  json j;
  try {
    j = json::parse(text);
  } catch (const json::exception& e) {  // parse_error, and out_of_range for 1e400
    throw InputError(std::string("column 'claims' is not valid JSON (") + e.what() + ")");
  }
  if (!j.is_array()) throw InputError("column 'claims' must be a JSON array of claim objects");
  std::vector<Claim> out;
  for (const auto& c : j) {
    if (!c.is_object()) throw InputError("column 'claims' must hold objects");
    Claim cl;
    cl.kind = opt_string(c, "kind");
    if (cl.kind.empty())
      throw InputError("a claim has no 'kind' (killed, injured, evacuated, ...)");
    cl.low = opt_long(c, "low");
    cl.high = opt_long(c, "high");
    if (!cl.low && !cl.high)
      throw InputError("a '" + cl.kind + "' claim has neither 'low' nor 'high'");
    if (cl.low && cl.high && *cl.low > *cl.high)
      throw InputError("a '" + cl.kind + "' claim has low > high");
    cl.approx = c.value("approx", false);
    cl.side = opt_string(c, "side");
    cl.group = opt_string(c, "group");
    cl.claimant = opt_string(c, "claimant");
    cl.source = opt_string(c, "source");
    cl.quote = opt_string(c, "quote");
    cl.scope = opt_string(c, "scope");
    cl.best = opt_long(c, "best");
    if (cl.best && ((cl.low && *cl.best < *cl.low) || (cl.high && *cl.best > *cl.high)))
      throw InputError("a '" + cl.kind + "' claim has 'best' outside low..high");
    out.push_back(std::move(cl));
  }
  return out;
}

IncidentTable read_incidents_csv(std::istream& in, const std::string& name, const RowSink& sink) {
  csv::Table t(in, name);
  for (const char* required : {"id", "place"})
    if (!t.has(required))
      throw InputError(
          at(name, 1,
             std::string("no column '") + required +
                 "' — is this a bordermap incident CSV? (see README, \"Incident CSV\")"));
  return io::read_rows(t, "id", parse_row, sink);
}

std::vector<std::string> incident_fields(const Incident& i, int decimals) {
  auto join = [](const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : ";") + x;
    return s;
  };
  auto degrees = [&](double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return std::string(buf);
  };
  return {i.id,
          i.date.start,
          i.date.end,
          i.date.precision,
          i.place,
          i.admin1,
          i.country,
          i.location ? degrees(i.location->lon) : "",
          i.location ? degrees(i.location->lat) : "",
          i.precision == GeoPrecision::unknown ? "" : std::to_string(static_cast<int>(i.precision)),
          i.event_type,
          join(i.actors),
          claims_to_json(i.claims),
          join(i.sources),
          i.notes};
}

void write_incidents_csv(std::ostream& out, const std::vector<Incident>& incidents) {
  std::vector<std::string> header = kIncidentColumns;
  header.push_back("source_fields");
  // Only when a row has them (extract's drafts), so plain tables keep their shape.
  const bool resolved = std::any_of(incidents.begin(), incidents.end(),
                                    [](const Incident& i) { return !i.resolved_name.empty(); });
  if (resolved) header.insert(header.end(), {"place_id", "resolved_name"});
  csv::write_row(out, header);
  for (const auto& i : incidents) {
    std::vector<std::string> row = incident_fields(i);
    row.push_back(i.source_fields.empty() ? "" : json(i.source_fields).dump());
    if (resolved) row.insert(row.end(), {i.place_id, i.resolved_name});
    csv::write_row(out, row);
  }
}

}  // namespace bm
