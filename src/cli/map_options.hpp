#pragma once
// The map layout options render and report share (--crs, --dpi, --size,
// --page, --landscape, --label-max, --label-script): declared once so both
// commands parse and check them alike.
#include <CLI/CLI.hpp>

#include <string>

#include "render/map.hpp"

namespace bm::cli {

struct MapOptionArgs {
  RenderOptions map;  // path and format are set per output
  std::string size;   // WxH in points, parsed by finish_map_options
};

void add_map_options(CLI::App& app, MapOptionArgs& args);
// Parses --size and checks combinations; throws UsageError.
void finish_map_options(MapOptionArgs& args);

}  // namespace bm::cli
