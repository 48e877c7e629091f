#include "html/map_svg.hpp"

#include <fmt/format.h>

#include <map>
#include <regex>

#include "core/error.hpp"
#include "html/text.hpp"

namespace bm::html {
namespace {

// The root element without its fixed size (the page scales it) and with an
// id and an accessible name.
std::string open_tag(std::string tag) {
  tag = std::regex_replace(tag, std::regex(R"re(\s(width|height)="[^"]*")re"), "");
  return tag.substr(0, 4) + R"( id="bm-svg" role="img" aria-label="Map of the incidents")" +
         tag.substr(4);
}

std::string mark(const DrawnBox& m, const Incident* i, int number) {
  std::string id = m.what.substr(9);
  std::string name =
      i ? fmt::format("No. {}: {} {}, {}", number, i->date.start,
                      i->resolved_name.empty() ? i->place : i->resolved_name, i->event_type)
        : id;
  return fmt::format(
      "<circle class=\"bm-mark\" data-id=\"{}\" cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"9\" "
      "tabindex=\"0\" role=\"button\" aria-label=\"{}\"><title>{}</title></circle>",
      escape(id), m.x0, m.y0, escape(name), escape(name));
}

}  // namespace

std::string inline_map_svg(const std::string& svg, const std::vector<DrawnBox>& marks,
                           const std::vector<Incident>& incidents) {
  std::size_t open = svg.find("<svg");
  std::size_t open_end = open == std::string::npos ? open : svg.find('>', open);
  std::size_t close = svg.rfind("</svg>");
  if (open_end == std::string::npos || close == std::string::npos || close < open_end)
    throw RenderError("the map's SVG has no <svg> element to put in the page");
  std::map<std::string, std::pair<const Incident*, int>> by_id;
  int n = 0;
  for (const auto& i : incidents) by_id[i.id] = {&i, ++n};
  std::string out = open_tag(svg.substr(open, open_end - open)) + ">";
  out.append(svg, open_end + 1, close - open_end - 1);
  out += "<g id=\"bm-marks\">";
  for (const auto& m : marks) {
    if (!m.what.starts_with("incident:")) continue;
    auto it = by_id.find(m.what.substr(9));
    out += it == by_id.end() ? mark(m, nullptr, 0) : mark(m, it->second.first, it->second.second);
  }
  out += "</g></svg>";
  return out;
}

}  // namespace bm::html
