// The page's clickable outlines of incidents drawn as an area or a line:
// the same tracing as the painters, read back from Cairo as SVG path data.
#include <cmath>
#include <cstdio>

#include "render/spread.hpp"

namespace bm {
namespace {

// The current Cairo path as SVG path data at 0.1 pt, dropping points closer
// than half a point to the last one kept (a mark is a click target, not a
// drawing); the path is cleared.
std::string path_data(cairo_t* cr) {
  cairo_path_t* path = cairo_copy_path_flat(cr);
  std::string d;
  double lx = 0, ly = 0;
  char buf[64];
  for (int k = 0; k < path->num_data; k += path->data[k].header.length) {
    const cairo_path_data_t& h = path->data[k];
    if (h.header.type == CAIRO_PATH_CLOSE_PATH) {
      d += 'Z';
      continue;
    }
    const double x = path->data[k + 1].point.x, y = path->data[k + 1].point.y;
    const bool move = h.header.type == CAIRO_PATH_MOVE_TO;
    if (!move && std::abs(x - lx) < 0.5 && std::abs(y - ly) < 0.5) continue;
    std::snprintf(buf, sizeof buf, "%c%.1f %.1f", move ? 'M' : 'L', x, y);
    d += buf;
    lx = x, ly = y;
  }
  cairo_path_destroy(path);
  cairo_new_path(cr);
  return d;
}

std::vector<std::string> ids_of(const std::vector<const MapIncident*>& group) {
  std::vector<std::string> ids;
  for (const auto* mi : group) ids.push_back(mi->incident->id);
  return ids;
}

}  // namespace

std::vector<SpreadMark> spread_marks(Canvas& c, const MapData& data) {
  SavedState guard(c.cr);
  std::vector<SpreadMark> out;
  for (const auto& group : area_groups(data)) {
    trace_area(c, *group.front()->area);
    out.push_back({ids_of(group), path_data(c.cr), true});
  }
  for (const auto& group : line_groups(data)) {
    cairo_new_path(c.cr);
    for (const auto& line : group.front()->lines) trace_line(c.cr, c.view, line);
    out.push_back({ids_of(group), path_data(c.cr), false});
  }
  return out;
}

}  // namespace bm
