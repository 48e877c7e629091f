#include "report/link_tables.hpp"

#include <fmt/format.h>

#include <fstream>
#include <map>

#include "core/error.hpp"
#include "io/atomic.hpp"
#include "io/csv.hpp"
#include "link/summary.hpp"

namespace bm {
namespace {

std::string metres(double m) { return m < 0 ? "" : fmt::format("{:.1f}", m); }
std::string degrees(double d) { return fmt::format("{:.6f}", d); }

}  // namespace

void write_links_table(const std::string& path, const std::vector<Link>& links) {
  write_file(path, [&](std::ostream& out) {
    csv::write_row(
        out, {"incident_id", "segment_id", "segment_status", "distance_m", "distance_max_m",
              "nearest_lon", "nearest_lat", "disputed_segment_id", "disputed_distance_m", "country",
              "in_enclave", "within_zone", "bounding_segment_ids"});
    for (const auto& l : links) {
      std::string bounding;
      for (const auto& id : l.bounding_segment_ids) bounding += (bounding.empty() ? "" : ";") + id;
      csv::write_row(
          out, {l.incident_id, l.segment_id, to_string(l.segment_status), metres(l.distance_m),
                metres(l.distance_max_m), degrees(l.nearest.lon), degrees(l.nearest.lat),
                l.disputed_segment_id, metres(l.disputed_distance_m), l.country,
                l.in_enclave ? "1" : "0", l.within_zone ? "1" : "0", bounding});
    }
  });
}

void write_segments_summary(const std::string& path, const std::vector<BorderSegment>& segments,
                            const std::vector<Incident>& incidents,
                            const std::vector<Link>& links) {
  std::map<std::string, const Incident*> by_id;
  for (const auto& i : incidents) by_id[i.id] = &i;
  std::vector<const Incident*> linked;  // parallel to links
  for (const auto& l : links) linked.push_back(by_id.at(l.incident_id));
  write_summary_csv(path, summarize_links(segments, linked, links));
}

}  // namespace bm
