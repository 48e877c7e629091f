#pragma once
// What every painter gets: the Cairo context, the viewport and the style,
// plus text helpers over Pango. Painters save/restore around their work.
#include <cairo.h>

#include <string>
#include <vector>

#include "render/projection.hpp"
#include "render/style.hpp"

namespace bm {

struct Box {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  bool overlaps(const Box& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
  bool inside(const Box& o) const { return x0 >= o.x0 && y0 >= o.y0 && x1 <= o.x1 && y1 <= o.y1; }
};

struct Canvas {
  cairo_t* cr;
  const Viewport& view;
  const Style& style;
  Box frame;                        // the map frame in device units
  std::vector<Box> obstacles;       // what labels must not cover
  std::vector<Box> furniture = {};  // of those, what leader lines must not cross either
};

// RAII cairo_save/cairo_restore so no state leaks between layers.
class SavedState {
 public:
  explicit SavedState(cairo_t* cr) : cr_(cr) { cairo_save(cr_); }
  ~SavedState() { cairo_restore(cr_); }
  SavedState(const SavedState&) = delete;
  SavedState& operator=(const SavedState&) = delete;

 private:
  cairo_t* cr_;
};

void set_color(cairo_t* cr, const Color& c);
void fill_box(cairo_t* cr, const Box& b, const Color& colour);

// SVG output keeps text as <text> elements (selectable, searchable): while a
// TextSink is attached to a context, draw_text records the text in device
// units instead of drawing glyph outlines.
struct TextRecord {
  double x = 0, baseline = 0;  // device units
  double size = 0;
  std::string text, font;  // font: the family only
  bool bold = false, italic = false;
  Color color;
  bool has_halo = false;
  Color halo;
  double halo_width = 0;
};
struct TextSink {
  std::vector<TextRecord> items;
};
void attach_text_sink(cairo_t* cr, TextSink* sink);

struct TextSize {
  double width = 0, height = 0;  // the logical extent (line height, advance widths)
  Box ink;                       // what the glyphs cover, from the layout's top-left corner
};

TextSize measure_text(cairo_t* cr, const std::string& font, double size, const std::string& text,
                      bool bold = false);
// Draws text with its top-left corner at (x, y), optionally with a halo.
void draw_text(cairo_t* cr, const std::string& font, double size, const std::string& text, double x,
               double y, const Color& color, const Color* halo = nullptr, bool bold = false);

// Greedy word wrap to `width` (measured with Pango); one string per line.
std::vector<std::string> wrap_text(cairo_t* cr, const std::string& font, double size,
                                   const std::string& text, double width, bool bold = false);

}  // namespace bm
