// UCDP's Georeferenced Event Dataset (GED) CSV. One event's low/best/high
// death estimates become one claim with a range and its best value; the
// per-side counts become one claim per side. UCDP's precision codes are
// mapped onto ours and kept in source_fields under "ucdp.<column>".
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

const char* const kCopied[] = {"id",    "where_coordinates", "where_description",
                               "adm_1", "latitude",          "longitude"};

std::string date_of(const csv::Table& t, const char* column) {
  const std::string& v = t.get(column);
  auto d = parse_date(v);
  if (!d)
    throw InputError(std::string("column '") + column + "' is '" + v + "' — expected YYYY-MM-DD");
  return *d;
}

// date_prec: 1 the exact day, 2 within 2–6 days, 3 the week, 4 within
// 8–30 days or the month, 5 more than a month (within the year).
std::string date_precision(const std::string& code) {
  static const char* names[] = {"", "day", "range", "week", "month", "year"};
  std::string s = trim(code);
  if (s.size() == 1 && s[0] >= '1' && s[0] <= '5') return names[s[0] - '0'];
  throw InputError("column 'date_prec' is '" + code + "' — expected 1 to 5");
}

// where_prec: 1 the exact place, 2 within 25 km of it, 3 the second-order
// admin unit (district), 4 the first-order unit (region), 5 a linear feature
// (a road, a river, a border), 6 only the country, 7 waters or airspace.
GeoPrecision geo_precision(const std::string& code) {
  std::string s = trim(code);
  if (s.size() != 1 || s[0] < '1' || s[0] > '7')
    throw InputError("column 'where_prec' is '" + code + "' — expected 1 to 7");
  switch (s[0]) {
    case '1':
      return GeoPrecision::settlement;
    case '2':
    case '3':
      return GeoPrecision::near;
    case '4':
    case '5':
      return GeoPrecision::region;
    default:
      return GeoPrecision::unknown;  // a country centroid says nothing about the border
  }
}

// "Government of Kyrgyzstan" -> "KG", so sides read like our own data.
std::string side_of(const std::string& actor) {
  const std::string prefix = "Government of ";
  if (actor.rfind(prefix, 0) == 0)
    if (std::string c = iso2_from_name(actor.substr(prefix.size())); !c.empty()) return c;
  return actor;
}

std::optional<long> count(const csv::Table& t, const char* column) {
  const std::string v = trim(t.get(column));
  if (v.empty()) return std::nullopt;
  long n = parse_count(v, column);
  if (n < 0)
    throw InputError(std::string("column '") + column + "' is " + v + " — cannot be negative");
  return n;
}

Claim claim(const std::string& id, const std::string& side, const std::string& group) {
  Claim c;
  c.kind = "killed";
  c.side = side;
  c.group = group;
  c.claimant = "UCDP GED";
  c.source = "UCDP GED " + id;
  c.scope = "event";
  return c;
}

void add_claims(Incident& inc, const csv::Table& t) {
  auto low = count(t, "low"), best = count(t, "best"), high = count(t, "high");
  if (low || best || high) {
    Claim c = claim(inc.id, "all", "all parties");
    c.low = low ? low : best;
    c.high = high ? high : best;
    c.best = best;
    if (c.low && c.high && *c.low > *c.high)
      throw InputError("columns 'low'/'high' are " + t.get("low") + "/" + t.get("high") +
                       " — low is above high");
    if (c.best && ((c.low && *c.best < *c.low) || (c.high && *c.best > *c.high)))
      throw InputError("column 'best' is " + t.get("best") + " — outside low..high");
    c.quote = "low " + t.get("low") + ", best " + t.get("best") + ", high " + t.get("high");
    inc.claims.push_back(std::move(c));
  }
  struct PerSide {
    const char* column;
    std::string side;
    const char* group;
  };
  const PerSide per_side[] = {{"deaths_a", side_of(t.get("side_a")), ""},
                              {"deaths_b", side_of(t.get("side_b")), ""},
                              {"deaths_civilians", "unknown", "civilians"},
                              {"deaths_unknown", "unknown", "unknown"}};
  // A zero is no claim about anyone's dead; it stays in source_fields.
  for (const auto& p : per_side) {
    auto n = count(t, p.column);
    if (!n || *n == 0) continue;
    Claim c = claim(inc.id, p.side, p.group);
    c.low = c.high = n;
    c.quote = std::string(p.column) + ": " + std::to_string(*n);
    inc.claims.push_back(std::move(c));
  }
}

Incident parse_row(const csv::Table& t) {
  Incident inc;
  inc.line = t.line();
  inc.id = t.get("id");
  if (inc.id.empty()) throw InputError("column 'id' is empty — every event needs an id");
  inc.date.start = date_of(t, "date_start");
  inc.date.end = t.get("date_end").empty() ? inc.date.start : date_of(t, "date_end");
  if (inc.date.end < inc.date.start)
    throw InputError("date_end " + inc.date.end + " is before date_start " + inc.date.start);
  inc.date.precision = t.get("date_prec").empty()
                           ? (inc.date.start == inc.date.end ? "day" : "range")
                           : date_precision(t.get("date_prec"));
  inc.place = t.get("where_coordinates");
  inc.admin1 = t.get("adm_1");
  inc.country = iso2_from_name(t.get("country"));
  const std::string& lat = t.get("latitude");
  const std::string& lon = t.get("longitude");
  if (!trim(lat).empty() || !trim(lon).empty())
    inc.location = LonLat{parse_degrees(lon, "longitude", 180), parse_degrees(lat, "latitude", 90)};
  if (!t.get("where_prec").empty()) inc.precision = geo_precision(t.get("where_prec"));
  // type_of_violence: 1 state-based, 2 non-state, 3 one-sided (against civilians).
  const std::string tv = trim(t.get("type_of_violence"));
  inc.event_type = tv == "3"                  ? "attack_on_civilians"
                   : (tv == "1" || tv == "2") ? "armed_clash"
                                              : "";
  for (const char* col : {"side_a", "side_b"})
    if (!trim(t.get(col)).empty()) inc.actors.push_back(trim(t.get(col)));
  for (const auto& s : split(t.get("source_article"), ';'))
    if (!trim(s).empty()) inc.sources.push_back(trim(s));
  inc.sources.push_back("UCDP GED");
  inc.notes = t.get("where_description");
  add_claims(inc, t);
  for (const auto& col : t.header()) {
    bool copied = false;
    for (const char* c : kCopied) copied = copied || col == c;
    const std::string v = t.get(col);
    if (!copied && !trim(v).empty()) inc.source_fields["ucdp." + col] = v;
  }
  if (inc.place.empty() && !inc.location)
    throw InputError(
        "neither 'where_coordinates' nor 'latitude'/'longitude' is given — the event cannot be "
        "located");
  return inc;
}

}  // namespace

IncidentTable read_ucdp(std::istream& in, const std::string& name, const RowSink& sink) {
  csv::Table t(in, name);
  for (const char* required : {"id", "date_start"})
    if (!t.has(required))
      throw InputError(at(name, 1,
                          std::string("no column '") + required +
                              "' — is this a UCDP GED CSV? (README, \"Ingest\")"));
  return read_rows(t, "id", parse_row, sink);
}

IncidentTable read_ucdp(const Input& in, const Options& o) {
  if (!o.field_map.empty())
    throw UsageError("--map applies to OGR sources; UCDP GED columns are read by name");
  auto stream = open_stream(in);
  return read_ucdp(*stream, in.name, flusher(o));
}

}  // namespace bm::ingest
