#include "report/report.hpp"

#include <filesystem>
#include <future>

#include "core/checksum.hpp"
#include "export/blocks.hpp"
#include "export/export.hpp"
#include "html/periods.hpp"
#include "html/report_page.hpp"
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

// The maps, and with --by one small map per period (for the page too).
std::vector<html::PeriodMap> write_maps(const ReportOptions& o, const MapData& data,
                                        const Style& style, ReportResult& result,
                                        std::future<void>& sheets) {
  for (std::size_t k = 0; k < o.formats.size(); ++k) {
    report_progress(o.progress, "render", k, o.formats.size());
    RenderOptions ro = o.map;
    ro.path = in_dir(o, "report." + o.formats[k]);
    render_map(data, style, ro);
    result.written.push_back(ro.path);
  }
  std::vector<html::PeriodMap> periods;
  if (!o.by.empty())
    periods =
        html::write_period_maps(data, style, o.by, o.out_dir, o.formats, result.written, &sheets);
  report_progress(o.progress, "render", o.formats.size(), o.formats.size());
  return periods;
}

// report.html: the page shows the manifest of everything written before it
// and links the files beside it; manifest.json then lists the page too.
void write_page(const ReportOptions& o, const Chain& chain, const MapData& data, const Style& style,
                std::vector<html::PeriodMap> periods, ReportResult& result, FileChecksums& sums) {
  std::vector<std::string> downloads;
  for (const auto& w : result.written)
    if (auto rel = std::filesystem::path(w).lexically_relative(o.out_dir);
        !rel.empty() && !rel.has_parent_path())
      downloads.push_back(rel.string());
  html::PageExtras extras{
      result.rejected,
      make_manifest(o, result, chain.inputs, chain.bundle_path, chain.digests, &sums), downloads,
      o.by, std::move(periods)};
  result.written.push_back(in_dir(o, "report.html"));
  html::write_report_html(result.written.back(), data, style, RenderOptions{}, std::move(extras));
}

// The data behind the map, styled for QGIS: GeoJSON (+ .qml), GeoPackage, CSV.
void write_data(const ReportOptions& o, const Chain& chain, ReportResult& result) {
  const std::vector<std::string> exports = {"incidents.geojson", "bordermap.gpkg", "incidents.csv"};
  for (std::size_t k = 0; k < exports.size(); ++k) {
    report_progress(o.progress, "export", k, exports.size());
    for (auto& p : export_in_blocks(in_dir(o, exports[k]), chain.data)) result.written.push_back(p);
  }
  if (!o.to.empty())  // --to-db: the same layers as database tables
    for (auto& t : export_to(o.to, chain.data, o.to_options)) result.written.push_back(t);
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
  prepare_output_folder(o.out_dir);  // a file there or a read-only folder: exit 2, before work
  Chain chain = run_chain(ChainOptions{o.inputs, o.filter, 5000, o.progress});
  ReportResult result;
  result.incidents_read = chain.incidents_read;
  result.rejected = not_drawn(chain.rejected, chain.border_lines);  // what the maps leave out
  result.incidents_mapped = incidents_mapped(chain);
  result.border = chain.a + "-" + chain.b;
  result.as_of = chain.data.as_of;
  MapData data = report_map_data(chain, MapText{o.title, o.attribution});
  Style style = load_style(o.style);
  // The --by sheets (one big image each, drawn and compressed mostly on one
  // core) are drawn while the data files are written; the page's manifest
  // sums them, so they are waited for first.
  std::future<void> sheets;
  auto periods = write_maps(o, data, style, result, sheets);
  write_data(o, chain, result);
  if (sheets.valid()) sheets.get();
  FileChecksums sums;  // the files before the page are summed once for both manifests
  write_page(o, chain, data, style, std::move(periods), result, sums);
  std::string manifest = in_dir(o, "manifest.json");
  write_manifest(manifest,
                 make_manifest(o, result, chain.inputs, chain.bundle_path, chain.digests, &sums));
  result.written.push_back(manifest);
  return result;
}

}  // namespace bm
