// SVG backend: Cairo's SVG surface, with text kept as <text> elements.
#include <cairo-svg.h>
#include <cerrno>

#include <cctype>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>

#include "core/error.hpp"
#include "core/strings.hpp"
#include "io/atomic.hpp"
#include "render/backend.hpp"
#include "render/canvas.hpp"

namespace bm {
namespace {

std::string rgb(const Color& c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", static_cast<int>(std::lround(c.r * 255)),
                static_cast<int>(std::lround(c.g * 255)), static_cast<int>(std::lround(c.b * 255)));
  return buf;
}

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

// Cairo numbers SVG surfaces with a process-wide counter; renumber them in
// order of appearance so the same map gives the same file.
std::string renumber_surfaces(const std::string& svg) {
  // A plain scan: std::regex is slow on the multi-megabyte SVGs of dense maps.
  std::map<std::string, std::string> ids;
  std::string out;
  out.reserve(svg.size());
  const std::string word = "surface";
  std::size_t last = 0;
  for (std::size_t pos = svg.find(word); pos != std::string::npos; pos = svg.find(word, pos)) {
    std::size_t digits = pos + word.size(), end = digits;
    while (end < svg.size() && std::isdigit(static_cast<unsigned char>(svg[end]))) ++end;
    if (end == digits) {
      pos = end;
      continue;
    }
    auto [it, fresh] =
        ids.try_emplace(svg.substr(digits, end - digits), std::to_string(ids.size() + 1));
    out.append(svg, last, digits - last);
    out += it->second;
    last = pos = end;
  }
  out.append(svg, last, std::string::npos);
  return out;
}

// Cairo writes glyph outlines; replace them by real text appended on top
// (text is always the top layer of a report map).
void append_svg_text(const std::string& path, const TextSink& sink) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buf;
  buf << in.rdbuf();
  std::string svg = renumber_surfaces(buf.str());
  std::size_t end = svg.rfind("</svg>");
  if (end == std::string::npos) throw RenderError(path + ": cairo wrote no </svg>");
  std::string text = "<g id=\"text\" xml:space=\"preserve\">\n";
  for (const auto& t : sink.items) {
    text += "<text x=\"" + num(t.x) + "\" y=\"" + num(t.baseline) + "\" font-family=\"" +
            xml_escape(t.font) + ", sans-serif\" font-size=\"" + num(t.size) + "\"" +
            (t.bold ? " font-weight=\"bold\"" : "") + (t.italic ? " font-style=\"italic\"" : "") +
            " fill=\"" + rgb(t.color) + "\"";
    if (t.color.a < 1) text += " fill-opacity=\"" + num(t.color.a) + "\"";
    if (t.has_halo)
      text += " stroke=\"" + rgb(t.halo) + "\" stroke-opacity=\"" + num(t.halo.a) +
              "\" stroke-width=\"" + num(t.halo_width) +
              "\" stroke-linejoin=\"round\" paint-order=\"stroke\"";
    text += ">" + xml_escape(t.text) + "</text>\n";
  }
  text += "</g>\n";
  svg.insert(end, text);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << svg;
  out.close();
  if (!out) throw_write_error(path, errno ? errno : EIO);
}

class SvgBackend : public SurfaceBackend {
 public:
  std::string format() const override { return "svg"; }
  void write(const std::string& tmp, const std::string& path, PageSize page, double,
             const DrawFn& draw) const override {
    SurfacePtr surface(cairo_svg_surface_create(tmp.c_str(), page.width, page.height));
    check_cairo(cairo_surface_status(surface.get()), path);
    cairo_svg_surface_restrict_to_version(surface.get(), CAIRO_SVG_VERSION_1_2);
    cairo_svg_surface_set_document_unit(surface.get(), CAIRO_SVG_UNIT_PT);
    TextSink sink;
    {
      ContextPtr cr(cairo_create(surface.get()));
      attach_text_sink(cr.get(), &sink);
      draw(cr.get(), true);
      check_cairo(cairo_status(cr.get()), path);
    }
    cairo_surface_finish(surface.get());
    check_cairo(cairo_surface_status(surface.get()), path);
    surface.reset();
    append_svg_text(tmp, sink);
  }
};

}  // namespace

std::unique_ptr<SurfaceBackend> make_svg_backend() { return std::make_unique<SvgBackend>(); }

}  // namespace bm
