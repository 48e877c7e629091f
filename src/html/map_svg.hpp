#pragma once
// The renderer's SVG made ready to sit inside the page: no XML prolog, sized
// by the page's CSS, and one focusable mark per incident over its symbol.
#include <string>
#include <vector>

#include "core/model.hpp"
#include "render/map.hpp"

namespace bm::html {

// `marks` are RenderResult::marks; `incidents` give each mark its label.
std::string inline_map_svg(const std::string& svg, const std::vector<DrawnBox>& marks,
                           const std::vector<Incident>& incidents);

}  // namespace bm::html
