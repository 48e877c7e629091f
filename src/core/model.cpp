#include "core/model.hpp"

namespace bm {

std::string to_string(SegmentStatus s) {
  switch (s) {
    case SegmentStatus::disputed:
      return "disputed";
    case SegmentStatus::undemarcated:
      return "undemarcated";
    case SegmentStatus::delimited:
      return "delimited";
    case SegmentStatus::unknown:
      break;
  }
  return "not recorded";  // no cited source says (never guessed)
}

SegmentStatus segment_status_from(const std::string& s) {
  if (s == "disputed") return SegmentStatus::disputed;
  if (s == "undemarcated") return SegmentStatus::undemarcated;
  if (s == "delimited") return SegmentStatus::delimited;
  return SegmentStatus::unknown;
}

// ISO dates compare correctly as strings; empty bounds are open.
bool active_on(const BorderSegment& s, const std::string& iso_date) {
  if (iso_date.empty()) return s.valid_to.empty();
  if (!s.valid_from.empty() && iso_date < s.valid_from) return false;
  if (!s.valid_to.empty() && iso_date >= s.valid_to) return false;
  return true;
}

// "2022-09-14 to 2022-09-19" (one date when all are the same day), for
// map subtitles.
std::string date_span(const std::vector<Incident>& incidents) {
  std::string lo, hi;
  for (const auto& i : incidents) {
    if (i.date.start.empty()) continue;
    if (lo.empty() || i.date.start < lo) lo = i.date.start;
    std::string end = i.date.end.empty() ? i.date.start : i.date.end;
    if (hi.empty() || end > hi) hi = end;
  }
  return lo == hi ? lo : lo + " to " + hi;
}

}  // namespace bm
