#pragma once
// `bordermap report`: the chain's linked data set written as one bundle —
// maps, GeoJSON/GeoPackage/CSV for QGIS, link tables, rejections, manifest.
// The chain itself is pipeline/chain.hpp; this folder only writes.
#include <string>
#include <vector>

#include "core/filter.hpp"
#include "core/model.hpp"
#include "core/progress.hpp"
#include "render/map.hpp"

#include "export/layers.hpp"

namespace bm {

struct ReportOptions {
  std::vector<std::string> inputs;  // empty: the bundled September 2022 incidents
  std::string out_dir = "out";
  IncidentFilter filter;  // dates, border, bbox, status date
  std::string style = "report";
  std::string title;
  std::string attribution;  // extra credit line, e.g. the organisation's
  std::vector<std::string> formats = {"svg", "png", "pdf"};
  // Layout of every map (page, size, dpi, crs, label limits and script);
  // path and format are set per format.
  RenderOptions map;
  // "day" or "week": also one small map per period, same extent (report --by).
  std::string by;
  // Also export the data into this database ("PG:…"), as `export -o` does.
  std::string to;
  ExportOptions to_options;
  ProgressFn progress;  // optional: stages resolve, link, render, export
};

struct ReportResult {
  std::vector<std::string> written;  // paths
  std::vector<Rejection> rejected;
  std::size_t incidents_read = 0;
  std::size_t incidents_mapped = 0;
  std::string border;  // "KG-TJ"
  std::string as_of;   // the date whose border status the map draws
};

ReportResult run_report(const ReportOptions& options);

}  // namespace bm
