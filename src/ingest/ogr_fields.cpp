#include "ingest/ogr_fields.hpp"

#include <algorithm>
#include <cstdio>
#include <set>

#include "core/error.hpp"
#include "ingest/dates.hpp"
#include "io/incidents_csv.hpp"
#include "io/values.hpp"

namespace bm::ingest {
using namespace bm::io;  // the shared value parsers
namespace {

// The names analysts' tables commonly use for each of our fields, tried in
// order (case-insensitive) when --map does not name the field.
const std::map<std::string, std::vector<std::string>> kCommonNames = {
    {"id", {"id", "event_id", "event_id_cnty", "incident_id", "uid", "code"}},
    {"date",
     {"date", "date_start", "event_date", "start_date", "event_dt", "datetime", "timestamp",
      "begin", "when"}},
    {"date_end", {"date_end", "end_date", "end"}},
    {"date_precision", {"date_precision"}},
    {"place",
     {"place", "location", "place_name", "placename", "name", "locality", "settlement", "village",
      "site", "where_coordinates"}},
    {"admin1", {"admin1", "adm_1", "adm1", "region", "province", "oblast"}},
    {"country", {"country", "iso2", "iso_a2", "country_code", "cc"}},
    {"lon", {"lon", "lng", "long", "longitude", "x"}},
    {"lat", {"lat", "latitude", "y"}},
    {"geo_precision", {"geo_precision", "precision"}},
    {"event_type", {"event_type", "type", "category"}},
    {"actors", {"actors", "actor", "parties"}},
    {"killed", {"killed", "fatalities", "deaths", "dead"}},
    {"injured", {"injured", "wounded"}},
    {"claims", {"claims"}},
    {"sources", {"sources", "source", "url", "link"}},
    {"notes", {"notes", "description", "comment", "comments", "remarks", "details"}},
};

}  // namespace

// Our field -> the layer's field index.
FieldMap map_fields(OGRFeatureDefn& defn, const Options& o, const std::string& name) {
  FieldMap out;
  auto find = [&](const std::string& field) {
    for (int i = 0; i < defn.GetFieldCount(); ++i)
      if (lower(defn.GetFieldDefn(i)->GetNameRef()) == lower(field)) return i;
    return -1;
  };
  for (const auto& [ours, theirs] : o.field_map) {
    int i = find(theirs);
    if (i < 0) {
      std::string fields;
      for (int k = 0; k < defn.GetFieldCount(); ++k)
        fields += (k ? ", " : "") + std::string(defn.GetFieldDefn(k)->GetNameRef());
      throw UsageError("--map " + ours + "=" + theirs + ": " + name + " has no field '" + theirs +
                       "' — its fields are: " + fields);
    }
    out[ours] = i;
  }
  std::vector<bool> taken(static_cast<std::size_t>(defn.GetFieldCount()), false);
  for (const auto& [ours, i] : out) taken[static_cast<std::size_t>(i)] = true;
  for (const auto& ours : kMappableFields) {
    if (out.count(ours)) continue;
    auto it = kCommonNames.find(ours);
    if (it == kCommonNames.end()) continue;
    for (const auto& candidate : it->second) {
      int i = find(candidate);
      if (i >= 0 && !taken[static_cast<std::size_t>(i)]) {
        out[ours] = i;
        taken[static_cast<std::size_t>(i)] = true;
        break;
      }
    }
  }
  return out;
}

std::optional<std::string> OgrFields::typed_date(int i) const {
  OGRFieldType type = f_.GetFieldDefnRef(i)->GetType();
  if (type != OFTDate && type != OFTDateTime) return std::nullopt;
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, tz = 0;
  float s = 0;
  f_.GetFieldAsDateTime(i, &y, &mo, &d, &h, &mi, &s, &tz);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, mo, d);
  return std::string(buf);
}

std::string value(const Fields& f, const FieldMap& m, const char* key) {
  auto it = m.find(key);
  if (it == m.end() || !f.has(it->second)) return {};
  return trim(f.text(it->second));
}

Period date_value(const Fields& f, const FieldMap& m, const char* key) {
  auto it = m.find(key);
  if (it == m.end() || !f.has(it->second)) return {};
  if (auto day = f.typed_date(it->second)) return {*day, *day, ""};
  std::string text = trim(f.text(it->second));
  if (auto iso = parse_date(text)) return {*iso, *iso, ""};
  if (auto period = parse_period(text)) return *period;
  throw InputError("field '" + std::string(f.name(it->second)) + "' is '" + text +
                   "' — expected a date such as 2022-09-14 or 14.09.2022, a month (2022-09, "
                   "September 2022) or a year");
}

// Every field but those named as our schema's columns is kept under its
// own name, mapped or not: a `fatalities` read as a claim still comes out
// as `fatalities` in the exports (the user's column, the user's name).
// The same for every feature of a layer: computed once.
std::vector<bool> our_columns(OGRFeatureDefn& defn, const FieldMap& m) {
  std::vector<bool> ours(static_cast<std::size_t>(defn.GetFieldCount()), false);
  for (const auto& [field, i] : m)
    ours[static_cast<std::size_t>(i)] =
        std::find(kIncidentColumns.begin(), kIncidentColumns.end(),
                  lower(defn.GetFieldDefn(i)->GetNameRef())) != kIncidentColumns.end();
  return ours;
}

// A table without geometry is located only through its named columns: if
// none has a name we know, its first row is not a header (a title row above
// it, or no header at all) and every record would be rejected alike.
void require_known_field(OGRFeatureDefn& defn, const FieldMap& m, const std::string& name) {
  if (defn.GetGeomFieldCount() > 0 || defn.GetFieldCount() == 0) return;
  for (const char* key : {"id", "date", "place", "lon", "lat", "country"})
    if (m.count(key)) return;
  std::string first = defn.GetFieldDefn(0)->GetNameRef();
  if (lower(first).rfind("sep=", 0) == 0)
    throw InputError(name + ":1: the first line (" + first +
                     "…) is Excel's separator hint, not a header — delete that line (the "
                     "header must be the first line); ';' tables are read without it");
  std::string fields;
  for (int k = 0; k < defn.GetFieldCount() && k < 6; ++k)
    fields += (k ? ", " : "") + std::string(defn.GetFieldDefn(k)->GetNameRef());
  throw InputError(name + ": its first row (" + fields +
                   ") names none of the columns id, date, place, lon, lat, country — make the "
                   "first row the header (delete a title row above it), or give --map");
}

// The header as field names every export can write: a blank cell (a
// trailing delimiter) becomes column_N, a repeated name name_2, so no
// column's values are lost behind another's.
std::vector<std::string> field_names(const std::vector<std::string>& header) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (std::size_t k = 0; k < header.size(); ++k) {
    const std::string base = header[k].empty() ? "column_" + std::to_string(k + 1) : header[k];
    std::string n = base;
    for (int copy = 2; !seen.insert(lower(n)).second; ++copy) n = base + "_" + std::to_string(copy);
    out.push_back(n);
  }
  return out;
}

}  // namespace bm::ingest
