#include <algorithm>
#include <initializer_list>
#include <istream>

#include "core/error.hpp"
#include "ingest/backends.hpp"

namespace bm::ingest {
namespace {

bool has_all(const Input& in, std::initializer_list<const char*> columns) {
  return std::all_of(columns.begin(), columns.end(), [&](const char* c) {
    return std::find(in.csv_header.begin(), in.csv_header.end(), c) != in.csv_header.end();
  });
}

}  // namespace

// Adding a format is one backend file and one line here.
const std::vector<Format>& formats() {
  static const std::vector<Format> all = {
      {"bordermap", "bordermap's own incident CSV (README, \"Incident CSV\")", detect_bordermap_csv,
       read_bordermap_csv},
      {"acled", "ACLED export CSV (event_id_cnty, event_date, ...)", detect_acled, read_acled},
      {"ucdp", "UCDP GED CSV (id, date_start, date_prec, where_prec, best, ...)", detect_ucdp,
       read_ucdp},
      {"api-json", "ACLED or UCDP API answer in JSON ({\"data\": [...]}, {\"Result\": [...]})",
       detect_api_json, read_api_json},
      {"ogr",
       "any vector source GDAL opens: GeoJSON, GPKG, Shapefile, FlatGeobuf, KML, "
       "PG:connection, other CSV (fields by --map or common names)",
       detect_ogr, read_ogr},
  };
  return all;
}

int detect_bordermap_csv(const Input& in) {
  if (!has_all(in, {"id", "place"})) return 0;
  // A column of the user's own (a `date`, a `killed`, a `label`) is read,
  // and kept, only by the other-CSV reader; this one would drop it.
  for (const auto& c : in.csv_header)
    if (!is_our_incident_column(c)) return 0;
  return has_all(in, {"date_start", "claims"}) ? 90 : 40;
}

IncidentTable read_bordermap_csv(const Input& in, const Options& o) {
  if (!o.field_map.empty())
    throw UsageError("--map applies to OGR sources; " + in.name +
                     " is a bordermap CSV whose columns are fixed");
  auto stream = open_stream(in);
  return read_incidents_csv(*stream, in.name, flusher(o));
}

int detect_acled(const Input& in) { return has_all(in, {"event_id_cnty", "event_date"}) ? 100 : 0; }

int detect_ucdp(const Input& in) {
  if (has_all(in, {"date_prec", "where_prec", "best"})) return 100;
  return has_all(in, {"date_start", "date_end", "deaths_a", "deaths_b"}) ? 80 : 0;
}

}  // namespace bm::ingest
