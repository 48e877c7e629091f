#include "pipeline/maps.hpp"

#include "html/report_page.hpp"

namespace bm {

MapsResult draw_maps(const MapRequest& request) {
  Chain chain = run_chain(request.chain);
  const MapData base = report_map_data(chain, request.text);
  Style style = load_style(request.style);
  MapsResult result;
  std::vector<Rejection> rejected = not_drawn(chain.rejected, chain.border_lines);
  for (const auto& ro : request.maps) {
    MapData data = base;
    if (!ro.bbox.empty()) {  // fills for this map's own area
      data.countries = chain.data.countries;
      data.locator.clear();
      use_village_fills(data, chain.bundle_path, ro.bbox);
    }
    if (ro.path.ends_with(".html"))  // the page, with the map drawn for it
      html::write_report_html(ro.path, data, style, ro, {rejected, {}, {}, {}, {}});
    else
      result.maps.push_back(render_map(data, style, ro));
    result.written.push_back(ro.path);
  }
  result.rejected = std::move(rejected);
  result.incidents_read = chain.incidents_read;
  result.incidents_mapped = incidents_mapped(chain);
  return result;
}

}  // namespace bm
