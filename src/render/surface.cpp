// The output registry and the one entry point: a map goes to its format's
// backend and reaches its path through a temporary file.
#include "render/surface.hpp"

#include <cctype>
#include <cerrno>
#include <cmath>
#include <filesystem>

#include "core/error.hpp"
#include "io/atomic.hpp"
#include "render/backend.hpp"

namespace bm {

const std::vector<std::unique_ptr<SurfaceBackend>>& backends() {
  static const std::vector<std::unique_ptr<SurfaceBackend>> all = [] {
    std::vector<std::unique_ptr<SurfaceBackend>> v;
    v.push_back(make_svg_backend());
    v.push_back(make_png_backend());
    v.push_back(make_pdf_backend());
    return v;
  }();
  return all;
}

const SurfaceBackend* find_backend(const std::string& format) {
  for (const auto& b : backends())
    if (b->format() == format) return b.get();
  return nullptr;
}

void check_cairo(cairo_status_t st, const std::string& path) {
  // Cairo's stdio writer leaves the failed write's errno ("no space left").
  if (st == CAIRO_STATUS_WRITE_ERROR) throw_write_error(path, errno ? errno : EIO);
  if (st != CAIRO_STATUS_SUCCESS)
    throw RenderError(path + ": cairo: " + cairo_status_to_string(st));
}

namespace {

// ".svg, .png or .pdf", from the registry.
std::string format_list() {
  std::string out;
  const auto& all = backends();
  for (std::size_t k = 0; k < all.size(); ++k)
    out += (k == 0 ? "" : k + 1 == all.size() ? " or " : ", ") + ("." + all[k]->format());
  return out;
}

}  // namespace

std::string format_from_path(const std::string& path, const std::string& explicit_format) {
  std::string f = explicit_format;
  if (f.empty()) {
    f = std::filesystem::path(path).extension().string();
    if (!f.empty()) f.erase(0, 1);
  }
  for (auto& c : f) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (!find_backend(f))
    throw UsageError(path + ": cannot tell the map format — name the file " + format_list());
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

void draw_to_file(const std::string& path, const std::string& format, PageSize page, double dpi,
                  const std::function<void(cairo_t*, bool)>& draw) {
  const SurfaceBackend* backend = find_backend(format);
  if (!backend) throw RenderError(path + ": no backend for the format '" + format + "'");
  // Drawn into a private staging folder beside `path`, renamed when whole.
  StagedFile staged(path);
  backend->write(staged.path(), path, page, dpi, draw);
  staged.commit();
}

}  // namespace bm
