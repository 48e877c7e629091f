#include "export/geojson_links.hpp"

#include "export/layers.hpp"
#include "export/link_spool.hpp"

namespace bm {

GeoJsonLinks::GeoJsonLinks(const std::string& staged_path,
                           const std::vector<BorderSegment>& segments, const std::string& as_of,
                           int precision)
    : out_(staged_path, precision),
      segment_of_(segments_by_id(segments, as_of)),
      precision_(precision) {}

void GeoJsonLinks::write(const Link& k, const Incident& i) {
  if (!k.segment_id.empty()) add(k, i, "nearest", k.segment_id, k.distance_m, k.nearest);
  if (!k.disputed_segment_id.empty() && k.disputed_distance_m >= 0 &&
      k.disputed_segment_id != k.segment_id)
    add(k, i, "disputed", k.disputed_segment_id, k.disputed_distance_m, k.disputed_nearest);
}

void GeoJsonLinks::add(const Link& k, const Incident& i, const char* kind,
                       const std::string& segment, double distance, LonLat to) {
  out_.begin_feature(k.incident_id + ":" + kind);
  out_.text("incident_id", k.incident_id);
  out_.text("kind", kind);
  out_.text("segment_id", segment);
  if (auto it = segment_of_.find(segment); it != segment_of_.end())
    out_.text("segment_status", to_string(it->second->status));
  else
    out_.null("segment_status");
  out_.real("distance_m", round_to(distance, 1));
  out_.real("distance_km", round_to(distance / 1000.0, 2));
  if (i.date.start.empty())
    out_.null("date_start");
  else
    out_.text("date_start", i.date.start);
  const auto p = [&](LonLat q) {
    return LonLat{round_to(q.lon, precision_), round_to(q.lat, precision_)};
  };
  out_.line({p(*i.location), p(to)});
}

}  // namespace bm
