#include "report/report.hpp"

#include <filesystem>

#include "export/export.hpp"
#include "io/atomic.hpp"
#include "io/csv.hpp"
#include "pipeline/chain.hpp"
#include "pipeline/map_data.hpp"
#include "render/map.hpp"
#include "report/link_tables.hpp"
#include "report/manifest.hpp"

namespace bm {
namespace {

void write_rejected(const std::string& path, const std::vector<Rejection>& rejected) {
  write_file(path, [&](std::ostream& out) {
    csv::write_row(out, {"file", "line", "record", "reason"});
    for (const auto& r : rejected)
      csv::write_row(out, {r.file, r.line ? std::to_string(r.line) : "", r.record, r.reason});
  });
}

std::string in_dir(const ReportOptions& o, const std::string& name) {
  return (std::filesystem::path(o.out_dir) / name).string();
}

void write_maps(const ReportOptions& o, const Chain& chain, ReportResult& result) {
  MapData data = report_map_data(chain, MapText{o.title, o.attribution});
  Style style = load_style(o.style);
  for (std::size_t k = 0; k < o.formats.size(); ++k) {
    report_progress(o.progress, "render", k, o.formats.size());
    RenderOptions ro = o.map;
    ro.path = in_dir(o, "report." + o.formats[k]);
    render_map(data, style, ro);
    result.written.push_back(ro.path);
  }
  report_progress(o.progress, "render", o.formats.size(), o.formats.size());
}

// The data behind the map, styled for QGIS: GeoJSON (+ .qml), GeoPackage, CSV.
void write_data(const ReportOptions& o, const Chain& chain, ReportResult& result) {
  const std::vector<std::string> exports = {"incidents.geojson", "bordermap.gpkg", "incidents.csv"};
  for (std::size_t k = 0; k < exports.size(); ++k) {
    report_progress(o.progress, "export", k, exports.size());
    for (auto& p : export_to(in_dir(o, exports[k]), chain.data)) result.written.push_back(p);
  }
  report_progress(o.progress, "export", exports.size(), exports.size());
  const auto& d = chain.data;
  result.written.push_back(in_dir(o, "links.csv"));
  write_links_table(result.written.back(), d.links);
  result.written.push_back(in_dir(o, "segments_summary.csv"));
  write_segments_summary(result.written.back(), d.segments, d.incidents, d.links);
  result.written.push_back(in_dir(o, "rejected.csv"));
  write_rejected(result.written.back(), result.rejected);
}

}  // namespace

ReportResult run_report(const ReportOptions& o) {
  Chain chain = run_chain(ChainOptions{o.inputs, o.filter, 5000, o.progress});
  ReportResult result;
  result.incidents_read = chain.incidents_read;
  result.rejected = chain.rejected;
  result.incidents_mapped = chain.data.links.size();
  result.border = chain.a + "-" + chain.b;
  result.as_of = chain.data.as_of;
  std::filesystem::create_directories(o.out_dir);
  write_maps(o, chain, result);
  write_data(o, chain, result);
  std::string manifest = in_dir(o, "manifest.json");
  write_manifest(manifest, make_manifest(o, result, chain.inputs, chain.bundle_path));
  result.written.push_back(manifest);
  return result;
}

}  // namespace bm
