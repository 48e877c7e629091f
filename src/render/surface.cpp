#include "render/surface.hpp"

#include <cairo-pdf.h>
#include <cairo-svg.h>

#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <thread>

#include "core/error.hpp"
#include "io/atomic.hpp"
#include "render/canvas.hpp"
#include "render/png_writer.hpp"

namespace bm {
namespace {

struct SurfaceDeleter {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct ContextDeleter {
  void operator()(cairo_t* c) const { cairo_destroy(c); }
};

void check(cairo_status_t st, const std::string& path) {
  // Cairo's stdio writer leaves the failed write's errno ("no space left").
  if (st == CAIRO_STATUS_WRITE_ERROR) throw_write_error(path, errno ? errno : EIO);
  if (st != CAIRO_STATUS_SUCCESS)
    throw RenderError(path + ": cairo: " + cairo_status_to_string(st));
}

std::string xml_escape(const std::string& s) {
  std::string out;
  for (char ch : s) {
    switch (ch) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += ch;
    }
  }
  return out;
}

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

}  // namespace

std::string format_from_path(const std::string& path, const std::string& explicit_format) {
  std::string f = explicit_format;
  if (f.empty()) {
    f = std::filesystem::path(path).extension().string();
    if (!f.empty()) f.erase(0, 1);
  }
  for (auto& c : f) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (f != "svg" && f != "png" && f != "pdf")
    throw UsageError(path + ": cannot tell the map format — name the file .svg, .png or .pdf");
  return f;
}

PageSize page_size(const std::string& name, bool landscape) {
  std::string n = name;
  for (auto& c : n) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  PageSize p;
  const double mm = 72.0 / 25.4;
  if (n == "a4")
    p = {210 * mm, 297 * mm};
  else if (n == "a3")
    p = {297 * mm, 420 * mm};
  else if (n == "letter")
    p = {612, 792};
  else
    throw UsageError("--page '" + name + "' — expected A4, A3 or Letter");
  if (landscape) std::swap(p.width, p.height);
  return p;
}

int png_pixels(double points, double dpi) {
  return static_cast<int>(std::lround(points * dpi / 72.0));
}

namespace {

// A large PNG is drawn in two horizontal bands at once, each by its own
// context on its own surface over its rows of one buffer: the same drawing
// code runs twice (label placement is deterministic, so both place the
// same labels) and rasterisation, most of the time, is shared between two
// cores. Bands meet on a pixel row, so the image equals a one-pass drawing.
void draw_png_bands(cairo_surface_t* image, double dpi,
                    const std::function<void(cairo_t*, bool)>& draw, const std::string& path) {
  const int w = cairo_image_surface_get_width(image), h = cairo_image_surface_get_height(image);
  const int stride = cairo_image_surface_get_stride(image);
  unsigned char* data = cairo_image_surface_get_data(image);
  cairo_surface_flush(image);
  // Only with a core to spare: the second band repeats the placement and
  // the symbol stamps, which on a busy machine costs more than it saves.
  const unsigned cores = std::thread::hardware_concurrency();
  double load = 0;
  const bool spare = cores >= 2 && getloadavg(&load, 1) == 1 && load < cores - 0.5;
  // BORDERMAP_PNG_BANDS=1 or 0 forces it on or off (the tests compare both).
  const char* force = std::getenv("BORDERMAP_PNG_BANDS");
  const bool split = h >= 600 && (force ? std::string(force) == "1" : spare);
  const int cut = split ? h / 2 : h;
  auto draw_band = [&](int y0, int y1, bool primary) {
    std::unique_ptr<cairo_surface_t, SurfaceDeleter> band(cairo_image_surface_create_for_data(
        data + static_cast<std::ptrdiff_t>(y0) * stride, CAIRO_FORMAT_ARGB32, w, y1 - y0, stride));
    cairo_surface_set_device_offset(band.get(), 0, -y0);
    std::unique_ptr<cairo_t, ContextDeleter> cr(cairo_create(band.get()));
    cairo_scale(cr.get(), dpi / 72.0, dpi / 72.0);
    draw(cr.get(), primary);
    check(cairo_status(cr.get()), path);
    cr.reset();
    cairo_surface_finish(band.get());
  };
  std::exception_ptr failed;
  std::thread second;
  if (split)
    second = std::thread([&] {
      try {
        draw_band(cut, h, false);
      } catch (...) {
        failed = std::current_exception();
      }
    });
  try {
    draw_band(0, cut, true);
  } catch (...) {
    if (second.joinable()) second.join();
    throw;
  }
  if (second.joinable()) second.join();
  if (failed) std::rethrow_exception(failed);
  cairo_surface_mark_dirty(image);
}

}  // namespace

void draw_to_file(const std::string& path, const std::string& format, PageSize page, double dpi,
                  const std::function<void(cairo_t*, bool)>& draw) {
  if (format == "png" && (dpi < 10 || dpi > 1200))
    throw UsageError("--dpi " + std::to_string(dpi) + " — expected 10..1200");
  // Drawn into a private staging folder beside `path`, renamed when whole.
  StagedFile staged(path);
  const std::string& tmp = staged.path();
  std::unique_ptr<cairo_surface_t, SurfaceDeleter> surface;
  if (format == "svg") {
    surface.reset(cairo_svg_surface_create(tmp.c_str(), page.width, page.height));
    cairo_svg_surface_restrict_to_version(surface.get(), CAIRO_SVG_VERSION_1_2);
    cairo_svg_surface_set_document_unit(surface.get(), CAIRO_SVG_UNIT_PT);
  } else if (format == "pdf") {
    surface.reset(cairo_pdf_surface_create(tmp.c_str(), page.width, page.height));
    // Deterministic output: no creation date in the document info.
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE, "");
  } else {
    surface.reset(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, png_pixels(page.width, dpi),
                                             png_pixels(page.height, dpi)));
  }
  check(cairo_surface_status(surface.get()), path);
  TextSink sink;
  if (format == "png") {
    draw_png_bands(surface.get(), dpi, draw, path);
  } else {
    std::unique_ptr<cairo_t, ContextDeleter> cr(cairo_create(surface.get()));
    if (format == "svg") attach_text_sink(cr.get(), &sink);
    draw(cr.get(), true);
    check(cairo_status(cr.get()), path);
  }
  if (format == "png") write_png(surface.get(), tmp);
  cairo_surface_finish(surface.get());
  check(cairo_surface_status(surface.get()), path);
  surface.reset();
  if (format == "svg") append_svg_text(tmp, sink);
  staged.commit();
}

}  // namespace bm
