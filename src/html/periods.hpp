#pragma once
// report --by day|week: one small map per period, all with the same extent,
// each with the incidents that began in it (an incident over a date range
// counts in the period it began, so no figure is drawn twice).
#include <future>
#include <string>
#include <vector>

#include "html/page.hpp"
#include "render/map.hpp"
#include "render/style.hpp"

namespace bm::html {

struct Period {
  std::string key;    // file name: 2022-09-16, 2022-W37, undated
  std::string label;  // 2022-09-16, week of 2022-09-12
  std::vector<MapIncident> incidents;
};

// Incidents grouped by the day (or ISO week, Monday first) their date starts;
// in date order, undated last. Throws UsageError for any other `by`.
std::vector<Period> split_periods(const std::vector<MapIncident>& incidents, const std::string& by);

// The extent every period's map shares: the located incidents, padded.
Bounds shared_extent(const MapData& data);

// Writes <out_dir>/by-<by>/<key>.<format> for each period and format, all
// with the legend of the whole set, and the sheet of all of them,
// <out_dir>/by-<by>.<format>; returns
// the maps for the page (PNG when written, else SVG) and appends the paths to
// `written`. With `sheets`, the sheets are drawn on another thread (the
// caller does other work meanwhile; `data` and `style` must outlive it) and
// exist once `sheets->get()` returns, which rethrows their failure.
std::vector<PeriodMap> write_period_maps(const MapData& data, const Style& style,
                                         const std::string& by, const std::string& out_dir,
                                         const std::vector<std::string>& formats,
                                         std::vector<std::string>& written,
                                         std::future<void>* sheets = nullptr);

}  // namespace bm::html
