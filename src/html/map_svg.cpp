#include "html/map_svg.hpp"

#include <regex>

#include "core/error.hpp"

namespace bm::html {
namespace {

// The root element without its fixed size (the page scales it) and with an
// id and an accessible name.
std::string open_tag(std::string tag) {
  tag = std::regex_replace(tag, std::regex(R"re(\s(width|height)="[^"]*")re"), "");
  return tag.substr(0, 4) + R"( id="bm-svg" role="img" aria-label="Map of the incidents")" +
         tag.substr(4);
}

}  // namespace

std::string inline_map_svg(const std::string& svg) {
  std::size_t open = svg.find("<svg");
  std::size_t open_end = open == std::string::npos ? open : svg.find('>', open);
  std::size_t close = svg.rfind("</svg>");
  if (open_end == std::string::npos || close == std::string::npos || close < open_end)
    throw RenderError("the map's SVG has no <svg> element to put in the page");
  std::string out = open_tag(svg.substr(open, open_end - open)) + ">";
  out.append(svg, open_end + 1, close - open_end - 1);
  // page.js fills this with one mark per incident from the data's positions
  // (10k marks written out would be 1.5 MB of the page).
  out += "<g id=\"bm-marks\"></g></svg>";
  return out;
}

}  // namespace bm::html
