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
  return "unknown";
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

}  // namespace bm
