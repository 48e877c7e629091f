#pragma once
// report.html: one self-contained page (no network) with the map as inline
// SVG, a timeline, the claims table, the not-mapped list, sources, the
// manifest and links to the sibling data files. Written from the linked data
// set and an SVG of the map, so any command that has both can write it.
#include <nlohmann/json.hpp>

#include <array>
#include <string>
#include <vector>

#include "core/model.hpp"
#include "export/layers.hpp"
#include "render/map.hpp"

namespace bm::html {

// One small map of a period (report --by day|week), embedded as an image.
struct PeriodMap {
  std::string label;      // "2022-09-16", "week of 2022-09-12"
  std::string image_uri;  // data: URI of its PNG or SVG
  std::size_t incidents = 0;
  // As drawn: maps of one page share the projection and the scale bar.
  std::string projection = {};
  double scale_bar_points = 0;
  std::vector<std::string> legend = {};  // its legend entries: the whole set's
};

struct PageInput {
  std::string title;
  std::string subtitle;
  std::string attribution;
  const ExportData* data = nullptr;      // incidents (all, mapped or not), links, segments
  std::vector<Rejection> rejected;       // the not-mapped list
  std::string map_svg;                   // the map as rendered (Cairo's SVG text)
  bool page_symbols = false;             // point symbols left to the page (drop_mass_stamps)
  std::vector<DrawnBox> marks;           // RenderResult::marks: where each incident was drawn
  std::vector<SpreadMark> spread_marks;  // RenderResult::spread_marks: areas and lines drawn
  std::array<double, 4> frame = {};      // map frame x0 y0 x1 y1: clips those outlines
  nlohmann::json manifest;               // null: no manifest section
  std::vector<std::string> downloads;    // sibling file names linked from the page
  std::string period_kind;               // "day" or "week" when periods are given
  std::vector<PeriodMap> periods;
};

// The page's data as JSON (what page.js reads): incidents with their claims,
// links and mark positions.
nlohmann::json page_data(const PageInput& input);

// The whole page as text.
std::string build_page(const PageInput& input);

// Writes the page atomically.
void write_page(const std::string& path, const PageInput& input);

}  // namespace bm::html
