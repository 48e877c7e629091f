#pragma once
// The whole chain: read incidents, resolve places, link to the border,
// render the map and export the data into one output directory.
#include <string>
#include <vector>

#include "core/model.hpp"
#include "render/map.hpp"

namespace bm {

struct ReportOptions {
  std::vector<std::string> inputs;  // empty: the bundled September 2022 incidents
  std::string out_dir = "out";
  std::string border;  // "KG-TJ"; empty: the two countries most incidents name
  std::string style = "report";
  std::string as_of;  // border status date; empty: the incidents' first date
  std::string title;
  std::vector<std::string> formats = {"svg", "png"};
  // When set, only these maps are written (bordermap render), not the data.
  std::vector<RenderOptions> maps;
};

struct ReportResult {
  std::vector<std::string> written;  // paths
  std::vector<RenderResult> maps;    // what each map drew (labels, legend, scale bar)
  std::vector<Rejection> rejected;
  std::size_t incidents_read = 0;
  std::size_t incidents_mapped = 0;
};

std::string default_incidents_path();
ReportResult run_report(const ReportOptions& options);

}  // namespace bm
