#pragma once
// `bordermap render` without own layers: the chain, then one or more maps of
// the linked data set.
#include <string>
#include <vector>

#include "pipeline/chain.hpp"
#include "pipeline/map_data.hpp"
#include "render/map.hpp"

namespace bm {

struct MapRequest {
  ChainOptions chain;
  MapText text;
  std::string style = "report";     // name or .toml path
  std::vector<RenderOptions> maps;  // one per output file
};

struct MapsResult {
  std::vector<RenderResult> maps;  // what each map drew (labels, legend, scale bar)
  std::vector<std::string> written;
  std::vector<Rejection> rejected;
  std::size_t incidents_read = 0;
  std::size_t incidents_mapped = 0;
};

MapsResult draw_maps(const MapRequest& request);

}  // namespace bm
