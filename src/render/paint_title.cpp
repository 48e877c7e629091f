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

double credit_size(const Style& style) { return style.label_size - 1.5; }

double credit_line_height(const Style& style) { return credit_size(style) * 1.3; }

namespace {

// "<prefix>Incidents: a; b; c … (n more in the data)" with as many sources
// as fit in `width` after `prefix`.
std::string with_sources(cairo_t* cr, const Style& style, const std::string& prefix,
                         const std::vector<std::string>& sources, double width) {
  auto fits = [&](const std::string& t) {
    return measure_text(cr, style.font, credit_size(style), t).width <= width;
  };
  std::string text = prefix;
  for (std::size_t k = 0; k < sources.size(); ++k) {
    std::string next = text + (k ? "; " : "Incidents: ") + sources[k];
    // Room for the note on the sources left out after this one, if any.
    const std::size_t left = sources.size() - k - 1;
    if (fits(left ? next + " … (" + std::to_string(left) + " more in the data)" : next)) {
      text = next;
      continue;
    }
    return k ? text + " … (" + std::to_string(sources.size() - k) + " more in the data)"
             : prefix + "Incidents: " + std::to_string(sources.size()) +
                   (sources.size() == 1 ? " source" : " sources") + ", cited in the data";
  }
  return text;
}

}  // namespace

std::vector<std::string> credit_lines(cairo_t* cr, const Style& style, const MapData& data,
                                      double width) {
  // The incident sources are credited too, as many as fit.
  std::vector<std::string> sources;
  for (const auto& mi : data.incidents)
    for (const auto& src : mi.incident->sources) {
      std::string head = credit_name(src);
      if (!head.empty() && std::find(sources.begin(), sources.end(), head) == sources.end())
        sources.push_back(head);
    }
  const std::string sep = sources.empty() ? "" : " · ";
  std::string one = with_sources(cr, style, data.attribution + sep, sources, width);
  if (measure_text(cr, style.font, credit_size(style), one).width <= width) return {one};
  // Narrower than the base credit (a period map, a sheet's cell): the
  // licences wrap, read whole, and the sources take a line of their own.
  auto lines = wrap_text(cr, style.font, credit_size(style), data.attribution, width);
  if (!sources.empty()) lines.push_back(with_sources(cr, style, "", sources, width));
  return lines;
}

void paint_credit(cairo_t* cr, const Style& style, const std::vector<std::string>& lines, double x,
                  double y) {
  for (const auto& line : lines) {
    draw_text(cr, style.font, credit_size(style), line, x, y, style.muted_text);
    y += credit_line_height(style);
  }
}

}  // namespace bm
