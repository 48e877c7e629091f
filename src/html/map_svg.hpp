#pragma once
// The renderer's SVG made ready to sit inside the page: no XML prolog, sized
// by the page's CSS, an empty group for the incident marks page.js draws.
#include <string>

namespace bm::html {

std::string inline_map_svg(const std::string& svg);

}  // namespace bm::html
