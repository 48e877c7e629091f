#pragma once
// The time and place filters every step shares (--from/--to/--border/--bbox/
// --as-of). Incidents a filter removes are reported, never silently dropped.
#include <optional>
#include <string>
#include <vector>

#include "core/geometry.hpp"
#include "core/model.hpp"

namespace bm {

struct IncidentFilter {
  std::string from;    // ISO date, inclusive; empty = open
  std::string to;      // ISO date, inclusive; empty = open
  std::string border;  // "KG-TJ"; empty = chosen from the data
  std::string bbox;    // "min_lon,min_lat,max_lon,max_lat" as given
  std::string as_of;   // border status date for all; empty = each incident's own (pipeline/chain.hpp)
};

// Parses "--bbox" text; throws UsageError with the expected form.
std::optional<Bounds> parse_bbox(const std::string& text);
// Checks "YYYY-MM-DD"; throws UsageError naming the option.
void check_iso_date(const std::string& text, const std::string& option);

// Why `incident` falls outside the filter, or "" when it is kept. An
// incident without a location passes the bbox test (it is judged after the
// gazetteer has placed it). Date ranges are kept when they overlap.
std::string filtered_out(const Incident& incident, const IncidentFilter& filter);

// Removes the incidents the filter excludes, recording each as a Rejection
// marked `filtered` (its reason starts with "filtered out:").
void apply_filter(std::vector<Incident>& incidents, const IncidentFilter& filter,
                  const std::string& file, std::vector<Rejection>& rejected);

}  // namespace bm
