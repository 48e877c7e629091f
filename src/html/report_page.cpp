#include "html/report_page.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "core/error.hpp"
#include "html/map_svg.hpp"
#include "io/atomic.hpp"

namespace bm::html {
namespace {

// Up to this many stamped symbols stay in the page's map (10k: 1.3 MB of
// SVG, first paint well under 1 s); more are drawn by the page itself.
constexpr std::size_t kMaxStamps = 20000;

// The map drawn as SVG into a temporary file beside the page, read back.
std::string map_svg(const std::string& page_path, const MapData& data, const Style& style,
                    RenderOptions ro, RenderResult& drawn) {
  ro.path = temp_path_for(page_path) + ".svg";
  ro.format = "svg";
  drawn = render_map(data, style, ro);
  std::ifstream in(ro.path, std::ios::binary);
  std::string svg((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::error_code ignored;
  std::filesystem::remove(ro.path, ignored);
  if (svg.empty()) throw RenderError(ro.path + ": the map for the page came out empty");
  return svg;
}

// The incidents, links and border of a MapData in the shape the page reads.
ExportData linked_data(const MapData& data) {
  ExportData d;
  for (const auto& mi : data.incidents) {
    d.incidents.push_back(*mi.incident);
    if (mi.link) d.links.push_back(*mi.link);
  }
  d.segments = data.segments;
  d.as_of = data.as_of;
  return d;
}

}  // namespace

void write_report_html(const std::string& path, const MapData& data, const Style& style,
                       const RenderOptions& map, PageExtras extras) {
  RenderResult drawn;
  ExportData linked = linked_data(data);
  PageInput in;
  in.title = data.title;
  in.subtitle = data.subtitle;
  in.attribution = data.attribution;
  in.data = &linked;
  in.map_svg =
      drop_mass_stamps(map_svg(path, data, style, map, drawn), kMaxStamps, in.page_symbols);
  in.marks = std::move(drawn.marks);
  in.spread_marks = std::move(drawn.spread_marks);
  std::copy(std::begin(drawn.frame), std::end(drawn.frame), in.frame.begin());
  in.rejected = std::move(extras.rejected);
  in.manifest = std::move(extras.manifest);
  in.downloads = std::move(extras.downloads);
  in.period_kind = std::move(extras.period_kind);
  in.periods = std::move(extras.periods);
  write_page(path, in);
}

}  // namespace bm::html
