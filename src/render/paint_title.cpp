// Painters: the title block and the credit line.
#include "render/furniture.hpp"
#include "render/names.hpp"

#include <algorithm>

namespace bm {

Box paint_title(Canvas& c, const MapData& data, double x, double y, double width) {
  TextSize t = measure_text(c.cr, c.style.font, c.style.title_size, data.title, true);
  draw_text(c.cr, c.style.font, c.style.title_size, data.title, x, y, c.style.text, nullptr, true);
  TextSize s = measure_text(c.cr, c.style.font, c.style.label_size + 1, data.subtitle);
  draw_text(c.cr, c.style.font, c.style.label_size + 1, data.subtitle, x, y + t.height + 1,
            c.style.muted_text);
  return {x, y, x + std::max(width, std::max(t.width, s.width)), y + t.height + s.height + 2};
}

void paint_attribution(Canvas& c, const MapData& data, const Box& area) {
  // The incident sources are credited too, as many as fit on the line.
  std::vector<std::string> sources;
  for (const auto& mi : data.incidents)
    for (const auto& src : mi.incident->sources) {
      std::string head = credit_name(src);
      if (!head.empty() && std::find(sources.begin(), sources.end(), head) == sources.end())
        sources.push_back(head);
    }
  double size = c.style.label_size - 1.5, width = area.x1 - area.x0;
  std::string text = data.attribution;
  for (std::size_t k = 0; k < sources.size(); ++k) {
    std::string next = text + (k ? "; " : " · Incidents: ") + sources[k];
    std::string rest =
        k ? " … (" + std::to_string(sources.size() - k) + " more in the data)"
          : " · Incidents: " + std::to_string(sources.size()) + " sources, cited in the data";
    if (measure_text(c.cr, c.style.font, size, next + rest).width > width) {
      text += rest;
      break;
    }
    text = next;
  }
  draw_text(c.cr, c.style.font, size, text, area.x0, area.y0, c.style.muted_text);
}

}  // namespace bm
