#pragma once
// A fast reader for point tables (id, lon, lat and optional date,
// fatalities, precision, admin1): ACLED/UCDP-style exports and the
// benchmark inputs. Millions of rows in well under a second, ~60 B a row.
#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"

namespace bm {

struct PointTable {
  std::vector<std::string> ids;
  std::vector<LonLat> points;
  std::vector<std::string> dates;       // empty when the table has no date column
  std::vector<long> fatalities;         // -1: unknown; empty without the column
  std::vector<GeoPrecision> precision;  // empty without the column
  std::vector<std::string> admin1;      // empty without the column
  std::vector<Rejection> rejected;
};

// Columns (by header name): id; lon|longitude|x; lat|latitude|y;
// date_start|date|event_date; fatalities|killed; geo_precision; admin1.
// Rows without usable coordinates go to `rejected` with their line. Big
// tables are parsed on `threads` threads (0: every core); the result is the
// same for any number.
// Whether a header (unquoted names) has the columns this reader needs.
bool is_point_header(const std::vector<std::string>& header);

PointTable read_point_table(const std::string& path, unsigned threads = 0);
PointTable parse_point_table(std::string_view text, const std::string& name, unsigned threads = 0);

}  // namespace bm
