#include "html/periods.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <future>
#include <map>
#include <optional>

#include "core/error.hpp"
#include "core/geometry.hpp"
#include "html/text.hpp"
#include "io/atomic.hpp"
#include "render/base_layers.hpp"
#include "render/batch.hpp"
#include "render/sheet.hpp"

namespace bm::html {
namespace {

std::optional<std::chrono::sys_days> parse_day(const std::string& iso) {
  int y = 0;
  unsigned m = 0, d = 0;
  if (iso.size() < 10 || std::sscanf(iso.c_str(), "%4d-%2u-%2u", &y, &m, &d) != 3) return {};
  std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
  if (!ymd.ok()) return {};
  return std::chrono::sys_days{ymd};
}

std::string iso(std::chrono::sys_days day) {
  std::chrono::year_month_day ymd{day};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

// (sort key, label) of the period an incident's start date falls in.
std::pair<std::string, std::string> period_of(const Incident& i, const std::string& by) {
  auto day = parse_day(i.date.start);
  if (!day) return {"undated", "undated"};
  if (by == "day") return {iso(*day), iso(*day)};
  using namespace std::chrono;
  sys_days monday = *day - (weekday{*day} - Monday);
  return {iso(monday), "week of " + iso(monday)};
}

// The period's map as a data: URI for the page: the PNG or SVG just written,
// or (PDF only) a PNG drawn for the page alone.
std::string page_image(const MapData& one, const Style& style, RenderOptions ro,
                       const std::string& written) {
  if (!written.empty())
    return data_uri(written, written.ends_with(".png") ? "image/png" : "image/svg+xml");
  ro.path = temp_path_for(ro.path) + ".png";
  render_map(one, style, ro);
  std::string uri = data_uri(ro.path, "image/png");
  std::error_code ignored;
  std::filesystem::remove(ro.path, ignored);
  return uri;
}

}  // namespace

std::vector<Period> split_periods(const std::vector<MapIncident>& incidents,
                                  const std::string& by) {
  if (by != "day" && by != "week") throw UsageError("--by '" + by + "' — expected day or week");
  std::map<std::string, Period> periods;  // "undated" sorts after every digit
  for (const auto& mi : incidents) {
    auto [key, label] = period_of(*mi.incident, by);
    Period& p = periods[key];
    p.key = key, p.label = label;
    p.incidents.push_back(mi);
  }
  std::vector<Period> out;
  for (auto& [key, p] : periods) out.push_back(std::move(p));
  return out;
}

Bounds shared_extent(const MapData& data) {
  Bounds b;
  for (const auto& mi : data.incidents)
    if (mi.incident->location) b.add(*mi.incident->location);
  if (b.empty())
    for (const auto& s : data.segments) b.add(bounds_of(s.lines));
  if (b.empty()) return b;
  double pad_lon = std::max(0.25, (b.max_lon - b.min_lon) * 0.12);
  double pad_lat = std::max(0.18, (b.max_lat - b.min_lat) * 0.12);
  return {b.min_lon - pad_lon, b.min_lat - pad_lat, b.max_lon + pad_lon, b.max_lat + pad_lat};
}

namespace {

MapData period_data(const MapData& data, const Period& p) {
  MapData one = data;
  one.incidents = p.incidents;
  one.subtitle = p.label + " · " + std::to_string(p.incidents.size()) +
                 (p.incidents.size() == 1 ? " incident" : " incidents") +
                 " that began then · border status as of " + data.as_of;
  return one;
}

// One page with every period's map: a small map each (its period as its
// title, the shared legend in its frame, no claims panel or locator).
void write_sheet(const std::vector<MapData>& periods, const MapData& data, const Style& style,
                 const RenderOptions& ro, const std::string& path) {
  std::vector<MapData> cells = periods;
  for (auto& c : cells) {
    std::size_t dot = c.subtitle.find(" · ");
    c.title = c.subtitle.substr(0, dot);
    c.subtitle = c.subtitle.substr(dot + 4);  // past " · "
  }
  Style small = style;
  small.show_claims_panel = false;
  small.show_inset = false;
  SheetOptions so;
  so.path = path;
  so.title = data.title + " — " + std::to_string(cells.size()) + " periods, one extent";
  render_sheet(cells, small, ro, so);
}

}  // namespace

std::vector<PeriodMap> write_period_maps(const MapData& data, const Style& style,
                                         const std::string& by, const std::string& out_dir,
                                         const std::vector<std::string>& formats,
                                         std::vector<std::string>& written,
                                         std::future<void>* sheets) {
  auto dir = std::filesystem::path(out_dir) / ("by-" + by);
  std::filesystem::create_directories(dir);
  RenderOptions ro;
  ro.width = 760, ro.height = 520;
  ro.bbox = shared_extent(data);
  ro.legend_from = &data;  // one legend on every period's map
  // Every period's map and sheet cell has the same base layers: drawn once per size.
  ro.base_layers = std::make_shared<BaseLayers>();
  // Every period's files drawn first, two at a time (render_maps), then
  // listed in period order.
  const std::vector<Period> split = split_periods(data.incidents, by);
  std::vector<MapData> periods;
  for (const Period& p : split) periods.push_back(period_data(data, p));
  std::vector<MapJob> jobs;
  for (std::size_t k = 0; k < split.size(); ++k)
    for (const auto& f : formats) {
      jobs.push_back({&periods[k], ro});
      jobs.back().options.path = (dir / (split[k].key + "." + f)).string();
    }
  const std::vector<RenderResult> drawn = render_maps(jobs, style);
  std::vector<PeriodMap> maps;
  for (std::size_t k = 0, job = 0; k < split.size(); ++k) {
    std::string image;
    RenderResult last;
    for (const auto& f : formats) {
      const std::string& path = jobs[job].options.path;
      written.push_back(path);
      if (f == "png" || (f == "svg" && image.empty())) image = path;
      last = drawn[job++];
    }
    maps.push_back({split[k].label, page_image(periods[k], style, jobs[job - 1].options, image),
                    split[k].incidents.size(), last.projection, last.scale_bar_points,
                    last.legend});
  }
  std::vector<std::string> sheet_paths;
  for (const auto& f : formats)
    sheet_paths.push_back((std::filesystem::path(out_dir) / ("by-" + by + "." + f)).string());
  written.insert(written.end(), sheet_paths.begin(), sheet_paths.end());
  auto draw_sheets = [&data, &style, ro, sheet_paths, periods = std::move(periods)] {
    for (const auto& path : sheet_paths) write_sheet(periods, data, style, ro, path);
  };
  if (sheets)
    *sheets = std::async(std::launch::async, std::move(draw_sheets));
  else
    draw_sheets();
  return maps;
}

}  // namespace bm::html
