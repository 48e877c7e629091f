#pragma once
// The whole chain: read incidents, resolve places, link to the border,
// render the map and export the data into one output directory.
#include <map>
#include <string>
#include <vector>

#include "core/filter.hpp"
#include "core/model.hpp"
#include "core/progress.hpp"
#include "export/layers.hpp"
#include "geodata/bundle.hpp"
#include "render/map.hpp"

namespace bm {

struct ReportOptions {
  std::vector<std::string> inputs;  // empty: the bundled September 2022 incidents
  std::string out_dir = "out";
  IncidentFilter filter;  // dates, border, bbox, status date
  std::string style = "report";
  std::string title;
  std::string attribution;  // extra credit line, e.g. the organisation's
  std::vector<std::string> formats = {"svg", "png", "pdf"};
  // When set, only these maps are written (bordermap render), not the data.
  std::vector<RenderOptions> maps;
  // Also export the data into this database ("PG:…"), as `export -o` does.
  std::string to;
  ExportOptions to_options;
  ProgressFn progress;  // optional: stages read, resolve, link, render, export
};

struct ReportResult {
  std::vector<std::string> written;  // paths
  std::vector<RenderResult> maps;    // what each map drew (labels, legend, scale bar)
  std::vector<Rejection> rejected;
  std::size_t incidents_read = 0;
  std::size_t incidents_mapped = 0;
  std::string border;  // "KG-TJ"
  std::string as_of;   // the border status date used
};

// What was read from a source that is not a file (a database table or
// query): the manifest records it by its rows, since there are no bytes to hash.
struct RowsDigest {
  std::size_t rows = 0;  // records read, kept or rejected
  std::string sha256;    // of the rows in our canonical CSV form, rejections after
};

// The chain without drawing: incidents read, places resolved, border linked.
// `bordermap export` uses it; run_report draws and exports what it returns.
struct Chain {
  ExportData data;  // incidents, links, segments, as_of, country names
  std::vector<Country> countries;
  std::string a, b;  // the border's two ISO2 codes
  std::vector<Rejection> rejected;
  std::size_t incidents_read = 0;
  std::vector<std::string> inputs;            // the files read (the bundled table when none given)
  std::map<std::string, RowsDigest> digests;  // by input, for database sources
  std::string bundle_path;
};
Chain run_chain(const ReportOptions& options);

std::string default_incidents_path();
ReportResult run_report(const ReportOptions& options);

}  // namespace bm
