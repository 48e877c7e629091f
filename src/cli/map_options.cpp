#include "cli/map_options.hpp"

#include <stdexcept>

#include "core/error.hpp"

namespace bm::cli {

void add_map_options(CLI::App& app, MapOptionArgs& a) {
  app.add_option("--crs", a.map.crs,
                 "Projection: EPSG:xxxx or a PROJ string (default: Lambert azimuthal "
                 "equal-area centred on the data)");
  app.add_option("--dpi", a.map.dpi, "PNG resolution; pixels = points x dpi / 72")
      ->capture_default_str();
  app.add_option("--size", a.size, "Layout size WxH in points when no --page (default 1200x820)");
  app.add_option("--page", a.map.page, "Page size: A4, A3 or Letter (portrait unless --landscape)");
  app.add_flag("--landscape", a.map.landscape, "Landscape page (with --page)");
  app.add_option("--label-script", a.map.label_script,
                 "Script of place labels: latn, cyrl, or source (the script the source "
                 "wrote the place in); default: the gazetteer's name")
      ->check(CLI::IsMember({"latn", "cyrl", "source"}));
  app.add_option("--label-max", a.map.label_max,
                 "Label at most N incidents, the first N in table order (order = priority)")
      ->check([](const std::string& v) {
        return v.rfind('-', 0) == 0 ? std::string("expected a count, 0 or more") : std::string();
      });
}

void finish_map_options(MapOptionArgs& a) {
  if (!a.size.empty()) {
    auto x = a.size.find('x');
    try {
      if (x == std::string::npos) throw std::invalid_argument("no x");
      a.map.width = std::stod(a.size.substr(0, x));
      a.map.height = std::stod(a.size.substr(x + 1));
    } catch (const std::exception&) {
      throw UsageError("--size '" + a.size + "' — expected WIDTHxHEIGHT in points, e.g. 1200x820");
    }
  }
  // 14400 pt (200 in) is PDF's largest page; a NaN fails the test too.
  if (!a.size.empty() && !(a.map.width <= 14400 && a.map.height <= 14400))
    throw UsageError("--size '" + a.size + "' — at most 14400x14400 points (PDF's largest page)");
  if (a.map.landscape && a.map.page.empty())
    throw UsageError("--landscape needs --page A4, A3 or Letter");
}

}  // namespace bm::cli
