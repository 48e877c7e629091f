#pragma once
// The one chain every command runs: read → filter → resolve → link.
//
// Border status, the one rule: each incident's status is taken on its own
// date, unless --as-of gives one date for every incident. The map draws the
// border as of --as-of or, without it, the first incident's date, and marks
// each incident whose own status differs from the border drawn (see
// map_data.hpp), so map and link columns agree for every incident.
#include <cstddef>
#include <map>
#include <memory>

#include <string>
#include <utility>
#include <vector>

#include "core/filter.hpp"
#include "core/geometry.hpp"
#include "core/model.hpp"
#include "core/progress.hpp"
#include "export/layers.hpp"
#include "geodata/bundle.hpp"
#include "io/incidents_csv.hpp"
#include "pipeline/border_places.hpp"

namespace bm {

struct ChainOptions {
  std::vector<std::string> inputs;  // empty: the bundled September 2022 incidents
  IncidentFilter filter;            // dates, border, bbox, status date
  double within_m = 5000;           // the zone flagged as within_zone
  ProgressFn progress;              // optional: stages resolve, link
};

// What was read from a source that is not a file (a database table or
// query): the manifest records it by its rows, since there are no bytes to hash.
struct RowsDigest {
  std::size_t rows = 0;  // records read, kept or rejected
  std::string sha256;    // of the rows in our canonical CSV form, rejections after
};
RowsDigest digest_rows(const IncidentTable& table);

// One linked data set: what report, render, export and link write.
struct Chain {
  ExportData data;  // incidents, links, segments, map date, countries near the border
  std::vector<Country> countries;  // every bundled country
  std::string a, b;                // the border's two ISO2 codes
  std::vector<Rejection> rejected;
  std::size_t incidents_read = 0;
  std::vector<std::string> inputs;            // the files read (the bundled table when none given)
  std::map<std::string, RowsDigest> digests;  // by input, for database sources
  std::string bundle_path;
  // The areas of incidents known only to a region or district, by incident
  // id: the map draws those areas instead of a point.
  std::map<std::string, std::shared_ptr<const MultiPolygon>> region_areas;
  // The lines of incidents reported on a whole border, by incident id: they
  // stay in `rejected` (no point, so not in the point layers) and the map
  // draws them as that border's line (not_drawn() gives a map's rejections).
  BorderLines border_lines;
};
Chain run_chain(const ChainOptions& options);

// What a map of `chain` shows: linked points, and incidents drawn as a border line.
std::size_t incidents_mapped(const Chain& chain);

std::string default_incidents_path();

// "KG-TJ" -> {"KG", "TJ"}; throws UsageError otherwise.
std::pair<std::string, std::string> parse_border(const std::string& text);

// Without --border, the border a run is about: the pair of countries most
// incidents link to; on a tie, the pair they lie nearer to in all (a
// one-article table often has one incident per border).
class PairVotes {
 public:
  void add(const std::pair<std::string, std::string>& pair, double distance_m);
  std::pair<std::string, std::string> winner() const;

 private:
  struct Votes {
    std::size_t n = 0;
    double sum_m = 0;
  };
  std::map<std::pair<std::string, std::string>, Votes> votes_;
};

// The date whose border status is drawn: --as-of, else the first incident's.
std::string map_status_date(const std::vector<Incident>& incidents, const std::string& as_of);

// The one "near" extent: the land shown around a border's segments, on the
// map and under the exported data.
Bounds near_extent(const std::vector<BorderSegment>& segments);

}  // namespace bm
