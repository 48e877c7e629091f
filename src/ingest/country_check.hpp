#pragma once
// A row's coordinates and its stated country should agree. When the point
// lies in another country the row is kept as it is (never moved: the
// coordinates may be right and the country hint wrong, or the base data
// coarse near the border) and flagged for the analyst.
#include <string>
#include <vector>

#include "core/model.hpp"

namespace bm {
class Bundle;
}

namespace bm::ingest {

struct CountryWarning {
  std::string incident_id;
  std::string stated;   // ISO2 the row gives
  std::string located;  // ISO2 the point lies in; "" = in the sea
  long line = 0;        // the row's line in its file
  std::string reason;   // what the analyst reads, with "lat/lon swapped?" when it fits
};

// Checks every incident with both a location and a country; flags a
// mismatch in source_fields["bordermap.country_check"] and returns it.
std::vector<CountryWarning> check_countries(std::vector<Incident>& incidents, const Bundle& bundle);

// The check every step runs on a table it reads (ingest::read): each
// mismatch flagged as above and sent to io::warn as "file:line: id: reason".
// Without bundled country data it warns once that the check was skipped.
void warn_countries(std::vector<Incident>& incidents, const std::string& file);

}  // namespace bm::ingest
