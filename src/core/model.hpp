#pragma once
// The domain model shared by every stage: places, incidents, claims, border
// segments and links. Plain data; the stages own the behaviour.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace bm {

struct LonLat {
  double lon = 0;
  double lat = 0;
};

struct Polygon;
using MultiPolygon = std::vector<Polygon>;

// ACLED-style geo precision: how exactly the location is known.
enum class GeoPrecision : int { unknown = 0, settlement = 1, near = 2, region = 3 };

struct Place {
  std::string id;
  std::string name;
  std::vector<std::string> alt_names;
  std::string kind;     // city, town, village, region, district, enclave, ...
  std::string country;  // ISO2
  std::string admin1;
  std::string admin2;
  std::optional<LonLat> point;               // empty when no cited coordinate exists
  std::shared_ptr<const MultiPolygon> area;  // regions and countries
  long population = 0;
  GeoPrecision coord_precision = GeoPrecision::settlement;
  double uncertainty_m = 0;
  std::string source;
};

// One reported figure. "at least 24" is low=24, high unset.
struct Claim {
  std::string kind;  // killed, injured, evacuated, displaced, missing
  std::optional<long> low;
  std::optional<long> high;
  bool approx = false;
  std::string side;      // whose people: KG, TJ, both, unknown
  std::string group;     // civilians, border guards, ...
  std::string claimant;  // who said it
  std::string source;    // which article or dataset
  std::string quote;     // the words it came from
  std::string scope;     // event | conflict
  // A dataset's best estimate inside low..high (UCDP GED's "best"); unset
  // when the source gives none. Last, with a default, so existing
  // brace-initialisers still compile warning-free.
  std::optional<long> best = std::nullopt;
};

struct DateRange {
  std::string start;  // ISO 8601 date
  std::string end;
  std::string precision;  // day, range, week, month, year
};

struct Incident {
  std::string id;
  DateRange date;
  std::string place;    // as written in the source
  std::string admin1;   // region hint as written
  std::string country;  // ISO2 hint
  std::optional<LonLat> location;
  GeoPrecision precision = GeoPrecision::unknown;
  std::string event_type;
  std::vector<std::string> actors;
  std::vector<Claim> claims;
  std::vector<std::string> sources;
  std::string notes;
  // The source's own fields and codes that our model maps onto coarser
  // values (ACLED's time_precision, UCDP's where_prec, unmapped OGR fields),
  // keyed "acled.geo_precision", "ucdp.date_prec", "ogr.FIELD": kept so
  // nothing the source said is lost.
  std::map<std::string, std::string> source_fields;
  long line = 0;  // where it was read (CSV line, OGR feature id) for messages
  // Filled by the gazetteer.
  std::string place_id;
  std::string resolved_name;
  std::string resolve_note;
  double uncertainty_m = 0;  // how far the true place may be from `location`
};

enum class SegmentStatus { disputed, undemarcated, delimited, unknown };

struct BorderSegment {
  std::string id;
  std::string name;
  std::string country_a;
  std::string country_b;
  SegmentStatus status = SegmentStatus::unknown;
  std::string valid_from;  // ISO date, empty = open
  std::string valid_to;    // exclusive, empty = open
  std::vector<std::vector<LonLat>> lines;
  std::string source;
};

struct Link {
  std::string incident_id;
  std::string segment_id;
  double distance_m = 0;
  LonLat nearest;
  std::string disputed_segment_id;
  double disputed_distance_m = -1;  // negative: no disputed segment
  LonLat disputed_nearest;
  std::string country;  // ISO2 of the country the incident lies in
  bool in_enclave = false;
  bool within_zone = false;
  // Region-precision incidents: the distance is a range, distance_m (nearest
  // point of the region) to distance_max_m (its farthest boundary point);
  // negative for point incidents. bounding_segment_ids: segments along the region.
  double distance_max_m = -1;
  std::vector<std::string> bounding_segment_ids;
  SegmentStatus segment_status = SegmentStatus::unknown;  // of segment_id, as of the date
};

// An input record that could not be used, and why. Nothing is dropped
// silently: every rejection reaches stderr and the report's rejected list.
struct Rejection {
  std::string file;
  long line = 0;
  std::string record;  // id or name of what was rejected
  std::string reason;
  // The record itself is unusable (malformed, impossible value, bad
  // encoding): input rejected, exit 1 unless --allow-partial. A record only
  // not mapped (unknown place, filtered out) is kept and is not this.
  bool malformed = false;
  // Set by the filters: a record the user's --from/--to/--bbox left out, as
  // opposed to one that could not be used. Code branches on this, never on
  // the wording of `reason`.
  bool filtered = false;
};

std::string to_string(SegmentStatus s);
SegmentStatus segment_status_from(const std::string& s);
bool active_on(const BorderSegment& s, const std::string& iso_date);
// The dates the incidents span: "2022-09-14 to 2022-09-19".
std::string date_span(const std::vector<Incident>& incidents);

}  // namespace bm
