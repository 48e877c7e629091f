#include "render/canvas.hpp"

#include <pango/pangocairo.h>

#include <memory>

namespace bm {
namespace {

struct LayoutDeleter {
  void operator()(PangoLayout* l) const { g_object_unref(l); }
};
using Layout = std::unique_ptr<PangoLayout, LayoutDeleter>;

Layout make_layout(cairo_t* cr, const std::string& font, double size, const std::string& text,
                   bool bold) {
  Layout layout(pango_cairo_create_layout(cr));
  PangoFontDescription* desc = pango_font_description_from_string(font.c_str());
  pango_font_description_set_absolute_size(desc, size * PANGO_SCALE);
  if (bold) pango_font_description_set_weight(desc, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description(layout.get(), desc);
  pango_font_description_free(desc);
  pango_layout_set_text(layout.get(), text.c_str(), static_cast<int>(text.size()));
  return layout;
}

cairo_user_data_key_t sink_key;

}  // namespace

void attach_text_sink(cairo_t* cr, TextSink* sink) {
  cairo_set_user_data(cr, &sink_key, sink, nullptr);
}

void set_color(cairo_t* cr, const Color& c) { cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a); }

TextSize measure_text(cairo_t* cr, const std::string& font, double size, const std::string& text,
                      bool bold) {
  Layout layout = make_layout(cr, font, size, text, bold);
  int w = 0, h = 0;
  pango_layout_get_size(layout.get(), &w, &h);
  return {static_cast<double>(w) / PANGO_SCALE, static_cast<double>(h) / PANGO_SCALE};
}

void draw_text(cairo_t* cr, const std::string& font, double size, const std::string& text, double x,
               double y, const Color& color, const Color* halo, bool bold) {
  SavedState guard(cr);
  Layout layout = make_layout(cr, font, size, text, bold);
  if (auto* sink = static_cast<TextSink*>(cairo_get_user_data(cr, &sink_key))) {
    double bx = x,
           by = y + static_cast<double>(pango_layout_get_baseline(layout.get())) / PANGO_SCALE;
    cairo_user_to_device(cr, &bx, &by);
    TextRecord r;
    r.x = bx, r.baseline = by, r.size = size, r.text = text, r.bold = bold;
    PangoFontDescription* desc = pango_font_description_from_string(font.c_str());
    const char* family = pango_font_description_get_family(desc);
    r.font = family ? family : font;
    r.italic = pango_font_description_get_style(desc) != PANGO_STYLE_NORMAL;
    r.bold = bold || pango_font_description_get_weight(desc) >= PANGO_WEIGHT_BOLD;
    pango_font_description_free(desc);
    r.color = color;
    if (halo) r.has_halo = true, r.halo = *halo, r.halo_width = size / 3.5;
    sink->items.push_back(std::move(r));
    return;
  }
  cairo_move_to(cr, x, y);
  if (halo) {
    pango_cairo_layout_path(cr, layout.get());
    set_color(cr, *halo);
    cairo_set_line_width(cr, size / 3.5);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_stroke(cr);
    cairo_move_to(cr, x, y);
  }
  set_color(cr, color);
  pango_cairo_show_layout(cr, layout.get());
}

std::vector<std::string> wrap_text(cairo_t* cr, const std::string& font, double size,
                                   const std::string& text, double width, bool bold) {
  std::vector<std::string> lines;
  std::string line, word;
  auto flush_word = [&] {
    if (word.empty()) return;
    std::string candidate = line.empty() ? word : line + " " + word;
    if (!line.empty() && measure_text(cr, font, size, candidate, bold).width > width) {
      lines.push_back(line);
      line = word;
    } else {
      line = candidate;
    }
    word.clear();
  };
  for (char ch : text) {
    if (ch == ' ')
      flush_word();
    else
      word += ch;
  }
  flush_word();
  if (!line.empty()) lines.push_back(line);
  return lines;
}

}  // namespace bm
