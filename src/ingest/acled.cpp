// ACLED's export CSV, as acleddata.com publishes it. Our model takes the
// location, dates, actors and fatalities; every ACLED code it maps onto a
// coarser value (time/geo precision, inter codes, event types) is kept in
// Incident::source_fields under "acled.<column>".
#include <istream>

#include "core/error.hpp"
#include "geodata/bundle.hpp"
#include "ingest/backends.hpp"
#include "ingest/countries.hpp"
#include "ingest/dates.hpp"
#include "io/table_rows.hpp"
#include "io/values.hpp"

namespace bm::ingest {
using namespace bm::io;  // the shared value parsers and record loop
namespace {

// Columns copied into our own fields verbatim; every other non-empty column
// goes to source_fields.
const char* const kCopied[] = {"event_id_cnty", "location", "admin1",
                               "notes",         "latitude", "longitude"};

// ACLED's actor type codes before 2023 (now written as text).
std::string inter_text(const std::string& code) {
  static const char* names[] = {
      "",        "State forces", "Rebel group", "Political militia",    "Identity militia",
      "Rioters", "Protesters",   "Civilians",   "External/Other forces"};
  std::string s = trim(code);
  if (s.size() == 1 && s[0] >= '0' && s[0] <= '8') return names[s[0] - '0'];
  return s;
}

// ACLED's sub-event (or event) type -> our event_type; "" when none fits
// (the original stays in source_fields).
std::string event_type(const std::string& type, const std::string& sub) {
  std::string t = lower(type), s = lower(sub);
  if (s == "armed clash" || s == "government regains territory" ||
      s == "non-state actor overtakes territory")
    return "armed_clash";
  if (s == "shelling/artillery/missile attack") return "shelling";
  if (s == "air/drone strike") return "air_strike";
  if (s == "looting/property destruction") return "property_destruction";
  if (s == "agreement") return "ceasefire";
  if (t == "violence against civilians") return "attack_on_civilians";
  if (t == "battles") return "armed_clash";
  if (t == "explosions/remote violence") return "shelling";
  return "";
}

void set_dates(Incident& inc, const std::string& text, const std::string& precision) {
  auto d = parse_date(text);
  if (!d)
    throw InputError("column 'event_date' is '" + text +
                     "' — expected 2022-09-14, 14 September 2022 or 14-09-2022");
  const std::string p = trim(precision);
  if (p.empty() || p == "1") {
    inc.date = {*d, *d, "day"};
  } else if (p == "2") {
    // ACLED codes the middle of the week or weekend it knows of.
    inc.date = {add_days(*d, -3), add_days(*d, 3), "week"};
  } else if (p == "3") {
    // Only the month is known.
    inc.date = {first_of_month(*d), last_of_month(*d), "month"};
  } else {
    throw InputError("column 'time_precision' is '" + precision + "' — expected 1, 2 or 3");
  }
}

// ACLED codes the lowest figure when reports conflict: a floor, not a
// count. A zero says no fatality was reported; it makes no claim (the
// figure stays in source_fields).
Claim fatalities_claim(const std::string& id, long n, const std::string& text) {
  Claim c;
  c.kind = "killed";
  c.low = n;
  c.side = "unknown";
  c.group = "all reported fatalities";
  c.claimant = "ACLED";
  c.source = "ACLED " + id;
  c.quote = "fatalities: " + text + " (ACLED records the lowest figure when reports conflict)";
  c.scope = "event";
  return c;
}

Incident parse_row(const csv::Table& t) {
  Incident inc;
  inc.line = t.line();
  inc.id = t.get("event_id_cnty");
  if (inc.id.empty()) throw InputError("column 'event_id_cnty' is empty — every event needs an id");
  set_dates(inc, t.get("event_date"), t.get("time_precision"));
  inc.place = t.get("location");
  inc.admin1 = t.get("admin1");
  inc.country = iso2_from_numeric(t.get("iso"));
  if (inc.country.empty()) inc.country = iso2_from_name(t.get("country"));
  const std::string& lat = t.get("latitude");
  const std::string& lon = t.get("longitude");
  if (!trim(lat).empty() || !trim(lon).empty())
    inc.location = LonLat{parse_degrees(lon, "longitude", 180), parse_degrees(lat, "latitude", 90)};
  if (const std::string p = trim(t.get("geo_precision")); !p.empty()) {
    if (p != "1" && p != "2" && p != "3")
      throw InputError("column 'geo_precision' is '" + p + "' — expected 1, 2 or 3");
    inc.precision = static_cast<GeoPrecision>(p[0] - '0');
  }
  inc.event_type = event_type(t.get("event_type"), t.get("sub_event_type"));
  for (const char* col : {"actor1", "assoc_actor_1", "actor2", "assoc_actor_2"})
    for (const auto& a : split(t.get(col), ';'))
      if (!trim(a).empty()) inc.actors.push_back(trim(a));
  for (const auto& s : split(t.get("source"), ';'))
    if (!trim(s).empty()) inc.sources.push_back(trim(s));
  inc.sources.push_back("ACLED");
  inc.notes = t.get("notes");

  if (const std::string f = trim(t.get("fatalities")); !f.empty()) {
    long n = parse_long(f, "fatalities");
    if (n < 0) throw InputError("column 'fatalities' is " + f + " — cannot be negative");
    if (n > 0) inc.claims.push_back(fatalities_claim(inc.id, n, f));
  }

  for (const auto& col : t.header()) {
    bool copied = false;
    for (const char* c : kCopied) copied = copied || col == c;
    const std::string v = t.get(col);
    if (!copied && !trim(v).empty()) inc.source_fields["acled." + col] = v;
  }
  // Old exports code actor types as numbers: keep the code, add the words.
  for (const char* col : {"inter1", "inter2"}) {
    const std::string v = trim(t.get(col));
    if (!v.empty() && v != inter_text(v) && !inter_text(v).empty())
      inc.source_fields[std::string("acled.") + col + "_text"] = inter_text(v);
  }

  if (inc.place.empty() && !inc.location)
    throw InputError(
        "neither 'location' nor 'latitude'/'longitude' is given — the event cannot be located");
  return inc;
}

}  // namespace

IncidentTable read_acled(std::istream& in, const std::string& name, const RowSink& sink) {
  csv::Table t(in, name);
  for (const char* required : {"event_id_cnty", "event_date"})
    if (!t.has(required))
      throw InputError(at(name, 1,
                          std::string("no column '") + required +
                              "' — is this an ACLED export? (README, \"Ingest\")"));
  return read_rows(t, "event_id_cnty", parse_row, sink);
}

IncidentTable read_acled(const Input& in, const Options& o) {
  if (!o.field_map.empty())
    throw UsageError("--map applies to OGR sources; ACLED columns are read by name");
  auto stream = open_stream(in);
  return read_acled(*stream, in.name, flusher(o));
}

}  // namespace bm::ingest
