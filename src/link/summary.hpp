#pragma once
// The "hot segments" table: per border segment, the incidents linked to it
// inside the zone, the fatalities they report (as a range over the claims)
// and the first and last dates.
#include <string>
#include <vector>

#include "core/model.hpp"
#include "link/linker.hpp"

namespace bm {

// Killed, as a range over one incident's claims: claims about the same
// side's people are alternatives (min low .. max high), sides add up.
// high < 0: no upper figure. low < 0: no claim at all.
struct KilledRange {
  long low = -1;
  long high = -1;
};
KilledRange killed_range(const std::vector<Claim>& claims);

struct SegmentSummary {
  std::string segment_id;
  std::string name;
  std::size_t incidents = 0;
  std::size_t while_disputed = 0;  // incidents when the segment was disputed
  long killed_low = 0;
  long killed_high = 0;
  bool killed_high_open = false;  // some claim gave only a lower figure
  std::string first_date, last_date;
};

// Rows sorted by incidents (most first), then segment id. `dates` and
// `killed` are empty or one per link; region links count for every segment
// in `bounding` (one list per link, may be empty).
std::vector<SegmentSummary> summarize_segments(
    const Linker& linker, const std::vector<PointLink>& links,
    const std::vector<std::string>& dates, const std::vector<KilledRange>& killed,
    const std::vector<std::vector<std::string>>& bounding = {});

// The same from full Links (as `report` holds them): incidents[i] is the
// incident of links[i]; its claims give the killed range.
std::vector<SegmentSummary> summarize_links(const std::vector<BorderSegment>& segments,
                                            const std::vector<const Incident*>& incidents,
                                            const std::vector<Link>& links);

void write_summary_csv(const std::string& path, const std::vector<SegmentSummary>& rows);

}  // namespace bm
