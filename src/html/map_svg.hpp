#pragma once
// The renderer's SVG made ready to sit inside the page: no XML prolog, sized
// by the page's CSS, an empty group for the incident marks page.js draws.
#include <cstddef>
#include <string>

namespace bm::html {

std::string inline_map_svg(const std::string& svg);

// A symbol stamped more than `max_stamps` times in all (a map of 100k
// incidents) is left out of the SVG, and `dropped` set: Chromium takes tens
// of seconds to lay out 100k <use> elements. The page then draws those
// incidents itself (counted clusters, dots when zoomed in).
std::string drop_mass_stamps(const std::string& svg, std::size_t max_stamps, bool& dropped);

}  // namespace bm::html
