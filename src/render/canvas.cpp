#include "render/canvas.hpp"

#include <pango/pangocairo.h>

#include <cmath>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace bm {
namespace {

// One PangoLayout per Cairo context, reused for every string: a layout
// (with its own Pango context) per string is costly on maps with a thousand
// labels. The font description is replaced only when it changes.
struct CachedLayout {
  PangoLayout* layout = nullptr;
  std::string font;
  double size = 0;
  bool bold = false;
  ~CachedLayout() {
    if (layout) g_object_unref(layout);
  }
};

cairo_user_data_key_t layout_key;

PangoLayout* make_layout(cairo_t* cr, const std::string& font, double size, const std::string& text,
                         bool bold) {
  auto* cached = static_cast<CachedLayout*>(cairo_get_user_data(cr, &layout_key));
  if (!cached) {
    cached = new CachedLayout;
    cached->layout = pango_cairo_create_layout(cr);
    cairo_set_user_data(cr, &layout_key, cached,
                        [](void* p) { delete static_cast<CachedLayout*>(p); });
  } else {
    pango_cairo_update_layout(cr, cached->layout);  // the CTM or font options may differ
  }
  if (cached->size != size || cached->bold != bold || cached->font != font) {
    PangoFontDescription* desc = pango_font_description_from_string(font.c_str());
    pango_font_description_set_absolute_size(desc, size * PANGO_SCALE);
    if (bold) pango_font_description_set_weight(desc, PANGO_WEIGHT_BOLD);
    pango_layout_set_font_description(cached->layout, desc);
    pango_font_description_free(desc);
    cached->font = font, cached->size = size, cached->bold = bold;
  }
  pango_layout_set_text(cached->layout, text.c_str(), static_cast<int>(text.size()));
  return cached->layout;
}

// Text sizes remembered for the process: small multiples measure the same
// place names on every map (Pango's shaping was a tenth of report --by day).
// A size depends on everything Pango reads from the context: the font, the
// text, the transformation and the surface's font options (hinting).
class MeasuredTexts {
 public:
  std::optional<TextSize> find(const std::string& key) {
    std::lock_guard lock(mutex_);
    auto it = sizes_.find(key);
    if (it == sizes_.end()) return std::nullopt;
    return it->second;
  }
  void keep(const std::string& key, TextSize t) {
    std::lock_guard lock(mutex_);
    if (sizes_.size() > 200'000) sizes_.clear();  // bounded: a long test run measures a lot
    sizes_.emplace(key, t);
  }

 private:
  std::mutex mutex_;
  std::unordered_map<std::string, TextSize> sizes_;
};

MeasuredTexts& measured() {
  static MeasuredTexts m;
  return m;
}

std::string measure_key(cairo_t* cr, const std::string& font, double size, const std::string& text,
                        bool bold) {
  cairo_matrix_t m;
  cairo_get_matrix(cr, &m);
  cairo_surface_t* target = cairo_get_target(cr);
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_surface_get_font_options(target, options);
  cairo_font_options_t* own = cairo_font_options_create();
  cairo_get_font_options(cr, own);
  cairo_font_options_merge(options, own);
  const unsigned long hinting = cairo_font_options_hash(options);
  cairo_font_options_destroy(own);
  cairo_font_options_destroy(options);
  const double numbers[] = {size, m.xx, m.yx, m.xy, m.yy, m.x0, m.y0};
  std::string key(reinterpret_cast<const char*>(numbers), sizeof numbers);
  key += static_cast<char>(cairo_surface_get_type(target));
  key += bold ? 'b' : 'r';
  key.append(reinterpret_cast<const char*>(&hinting), sizeof hinting);
  key += font;
  key += '\0';
  key += text;
  return key;
}

cairo_user_data_key_t sink_key;

// A one-line layout's glyphs as Cairo glyph runs, placed as Pango's own
// renderer places them (line at its logical x and baseline, each glyph at
// its advance plus offset), so drawing them equals drawing the layout.
struct GlyphRun {
  cairo_scaled_font_t* font;
  std::vector<cairo_glyph_t> glyphs;
};

bool glyph_runs(PangoLayout* layout, std::vector<GlyphRun>& out) {
  if (pango_layout_get_line_count(layout) != 1) return false;
  PangoLayoutIter* iter = pango_layout_get_iter(layout);
  PangoRectangle logical;
  pango_layout_iter_get_line_extents(iter, nullptr, &logical);
  const int baseline = pango_layout_iter_get_baseline(iter);
  pango_layout_iter_free(iter);
  PangoLayoutLine* line = pango_layout_get_line_readonly(layout, 0);
  for (GSList* l = line->runs; l; l = l->next) {
    auto* run = static_cast<PangoGlyphItem*>(l->data);
    auto* font = PANGO_CAIRO_FONT(run->item->analysis.font);
    cairo_scaled_font_t* scaled = font ? pango_cairo_font_get_scaled_font(font) : nullptr;
    if (!scaled) return false;
    GlyphRun g{scaled, {}};
    const double y = static_cast<double>(baseline - run->y_offset) / PANGO_SCALE;
    int x = logical.x;
    for (int i = 0; i < run->glyphs->num_glyphs; ++i) {
      const PangoGlyphInfo& gi = run->glyphs->glyphs[i];
      if (gi.glyph & PANGO_GLYPH_UNKNOWN_FLAG) return false;  // Pango draws a hex box
      if (gi.glyph != PANGO_GLYPH_EMPTY)
        g.glyphs.push_back({gi.glyph, static_cast<double>(x + gi.geometry.x_offset) / PANGO_SCALE,
                            gi.geometry.y_offset == 0
                                ? y
                                : y + static_cast<double>(gi.geometry.y_offset) / PANGO_SCALE});
      x += gi.geometry.width;
    }
    logical.x = x;
    out.push_back(std::move(g));
  }
  return true;
}

// Draws the layout with its top-left at (x, y): from its glyph runs when
// it has them, else through Pango.
void show_at(cairo_t* cr, PangoLayout* layout, const std::vector<GlyphRun>* runs, double x,
             double y) {
  if (!runs) {
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, layout);
    return;
  }
  for (const GlyphRun& r : *runs) {
    std::vector<cairo_glyph_t> moved = r.glyphs;
    for (auto& g : moved) g.x += x, g.y += y;
    cairo_set_scaled_font(cr, r.font);
    cairo_show_glyphs(cr, moved.data(), static_cast<int>(moved.size()));
  }
}

// The halo is the text drawn in the halo colour at 8 (wide halos in device
// pixels: 16) offsets around it, composited as one group so a translucent
// halo keeps its alpha. Stroking every glyph outline instead was most of the
// drawing time of a PNG with a thousand labels, and most of a PDF's bytes;
// the offsets differ from a round dilation by under a tenth of the radius.
// The layout is turned into glyphs once and the glyphs shown at each offset.
void draw_halo(cairo_t* cr, PangoLayout* layout, double x, double y, double radius,
               const Color& halo) {
  PangoRectangle ink;
  pango_layout_get_pixel_extents(layout, &ink, nullptr);
  SavedState guard(cr);
  cairo_rectangle(cr, x + ink.x - radius - 1, y + ink.y - radius - 1, ink.width + 2 * radius + 2,
                  ink.height + 2 * radius + 2);
  cairo_clip(cr);  // keeps the group small
  const bool group = halo.a < 1;
  if (group) cairo_push_group(cr);
  cairo_set_source_rgb(cr, halo.r, halo.g, halo.b);
  std::vector<GlyphRun> runs;
  const bool glyphs = glyph_runs(layout, runs);
  double dx = radius, dy = radius;
  cairo_user_to_device_distance(cr, &dx, &dy);
  const int rings = std::abs(dx) > 2 ? 2 : 1;
  for (int ring = 1; ring <= rings; ++ring) {
    const double r = radius * ring / rings;
    for (int k = 0; k < 8; ++k) {
      const double a = k * M_PI / 4;
      show_at(cr, layout, glyphs ? &runs : nullptr, x + r * std::cos(a), y + r * std::sin(a));
    }
  }
  if (group) {
    cairo_pop_group_to_source(cr);
    cairo_paint_with_alpha(cr, halo.a);
  }
}

}  // namespace

void attach_text_sink(cairo_t* cr, TextSink* sink) {
  cairo_set_user_data(cr, &sink_key, sink, nullptr);
}

void set_color(cairo_t* cr, const Color& c) { cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a); }

void fill_box(cairo_t* cr, const Box& b, const Color& colour) {
  set_color(cr, colour);
  cairo_rectangle(cr, b.x0, b.y0, b.x1 - b.x0, b.y1 - b.y0);
  cairo_fill(cr);
}

TextSize measure_text(cairo_t* cr, const std::string& font, double size, const std::string& text,
                      bool bold) {
  const std::string key = measure_key(cr, font, size, text, bold);
  if (auto known = measured().find(key)) return *known;
  PangoLayout* layout = make_layout(cr, font, size, text, bold);
  PangoRectangle ink, logical;
  pango_layout_get_extents(layout, &ink, &logical);
  auto units = [](int v) { return static_cast<double>(v) / PANGO_SCALE; };
  TextSize t{units(logical.width),
             units(logical.height),
             {units(ink.x), units(ink.y), units(ink.x + ink.width), units(ink.y + ink.height)}};
  measured().keep(key, t);
  return t;
}

void draw_text(cairo_t* cr, const std::string& font, double size, const std::string& text, double x,
               double y, const Color& color, const Color* halo, bool bold) {
  SavedState guard(cr);
  PangoLayout* layout = make_layout(cr, font, size, text, bold);
  if (auto* sink = static_cast<TextSink*>(cairo_get_user_data(cr, &sink_key))) {
    double bx = x, by = y + static_cast<double>(pango_layout_get_baseline(layout)) / PANGO_SCALE;
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
  if (halo) draw_halo(cr, layout, x, y, size / 7, *halo);
  cairo_move_to(cr, x, y);
  set_color(cr, color);
  pango_cairo_show_layout(cr, layout);
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
