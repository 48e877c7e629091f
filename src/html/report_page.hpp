#pragma once
// report.html from what a map is drawn from: renders the map as SVG for the
// page and writes the page beside the other outputs. One call for any
// command that has a MapData (report, render -o x.html).
#include <string>
#include <vector>

#include "html/page.hpp"
#include "render/map.hpp"
#include "render/style.hpp"

namespace bm::html {

struct PageExtras {
  std::vector<Rejection> rejected;     // the not-mapped list
  nlohmann::json manifest;             // null: none
  std::vector<std::string> downloads;  // sibling files to link
  std::string period_kind;             // day | week, with `periods`
  std::vector<PeriodMap> periods;
};

// Writes the page to `path` atomically; `map` sets the map's size and extent
// (its path and format are ignored: the map is drawn as SVG).
void write_report_html(const std::string& path, const MapData& data, const Style& style,
                       const RenderOptions& map, PageExtras extras);

}  // namespace bm::html
