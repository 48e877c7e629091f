#pragma once
// `link --engine postgis`: the link computed where the incidents are.
#include <string>

namespace bm::cli {

struct PgLinkRequest {
  std::string input;        // "PG:… [tables=…]"
  std::string table;        // incidents table; empty: the connection's tables=, else "incidents"
  std::string segments;     // segments table in the same database
  std::string countries;    // countries table (id, geom); empty: no country column
  std::string periods;      // status periods table; empty: found beside the segments
  std::string regions;      // regions table (id, name, alt_names, geom); empty: found beside
  std::string date_column;  // empty: date, event_date or incident_date when present
  std::string as_of;        // one status date for every incident
  std::string into;         // create this table with the links; empty: CSV to `out`
  std::string out = "-";
  std::string within = "5km";
  bool stage_cache = true;  // keep the staged tables in schema bordermap_cache
};

// Whether the postgis engine applies to `input` by itself: a PG: input whose
// database holds the segments table.
bool postgis_link_possible(const std::string& input, const std::string& segments);

// Returns the number of incidents linked.
std::size_t run_postgis_link(const PgLinkRequest& request);

}  // namespace bm::cli
