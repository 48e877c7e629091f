// Painter: border segments, coloured and dashed by status on the map date.
#include "render/layers.hpp"

namespace bm {

const Color& status_color(const Style& style, SegmentStatus status) {
  switch (status) {
    case SegmentStatus::disputed:
      return style.border_disputed;
    case SegmentStatus::undemarcated:
      return style.border_undemarcated;
    case SegmentStatus::delimited:
      return style.border_delimited;
    case SegmentStatus::unknown:
      break;
  }
  return style.border_unknown;
}

void paint_segments(Canvas& c, const MapData& data) {
  SavedState guard(c.cr);
  clip_to_frame(c);
  cairo_set_line_cap(c.cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_line_join(c.cr, CAIRO_LINE_JOIN_ROUND);
  for (const auto& s : data.segments) {
    if (!active_on(s, data.as_of)) continue;
    bool disputed = s.status == SegmentStatus::disputed;
    set_color(c.cr, status_color(c.style, s.status));
    cairo_set_line_width(c.cr, disputed ? c.style.border_width * 1.4 : c.style.border_width);
    if (disputed) {
      const double dash[] = {6.0, 3.0};
      cairo_set_dash(c.cr, dash, 2, 0);
    } else {
      cairo_set_dash(c.cr, nullptr, 0, 0);
    }
    for (const auto& line : s.lines) {
      cairo_new_path(c.cr);
      trace_line(c.cr, c.view, line);
      cairo_stroke(c.cr);
    }
  }
}

}  // namespace bm
