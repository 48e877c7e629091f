#include "html/map_svg.hpp"

#include <map>
#include <regex>
#include <vector>

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

// Each `<use xlink:href="#id" …/>` element: where it starts and ends, and id.
struct Use {
  std::size_t from, to;
  std::string href;
};

std::vector<Use> uses_in(const std::string& svg) {
  std::vector<Use> out;
  const std::string head = "<use xlink:href=\"#";
  for (std::size_t at = svg.find(head); at != std::string::npos; at = svg.find(head, at + 1)) {
    std::size_t id = at + head.size(), id_end = svg.find('"', id), end = svg.find("/>", id);
    if (id_end == std::string::npos || end == std::string::npos) break;
    out.push_back({at, end + 2, svg.substr(id, id_end - id)});
  }
  return out;
}

}  // namespace

std::string drop_mass_stamps(const std::string& svg, std::size_t max_stamps, bool& dropped) {
  std::vector<Use> uses = uses_in(svg);
  dropped = uses.size() > max_stamps;
  if (!dropped) return svg;
  // The incident symbols are the ids stamped over and over; anything used
  // a few times (a pattern, a glyph) stays.
  std::map<std::string, std::size_t> count;
  for (const auto& u : uses) ++count[u.href];
  std::string out;
  out.reserve(svg.size() / 2);
  std::size_t kept = 0;
  for (const auto& u : uses) {
    if (count[u.href] * 100 < uses.size()) continue;
    out.append(svg, kept, u.from - kept);
    kept = u.to;
  }
  out.append(svg, kept, std::string::npos);
  return out;
}

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
