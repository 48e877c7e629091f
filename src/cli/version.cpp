#include "cli/version.hpp"

#include <cairo.h>
#include <gdal.h>
#include <geos_c.h>
#include <pango/pango.h>
#include <proj.h>

#include <sstream>

#include "geodata/bundle.hpp"
#include "geodata/bundle_info.hpp"
#include "geodata/bundle_sum.hpp"

// The build sets it from git (cmake/Install.cmake); a tarball has none.
#ifndef BORDERMAP_COMMIT
#define BORDERMAP_COMMIT "unknown"
#endif

namespace bm::cli {
namespace {

std::string libraries() {
  std::ostringstream s;
  s << "GDAL " << GDALVersionInfo("RELEASE_NAME") << ", PROJ " << proj_info().version << ", GEOS "
    << GEOSversion() << ", Cairo " << cairo_version_string() << ", Pango "
    << pango_version_string();
  return s.str();
}

// The data folder and what the bundle says of its sources; a broken or
// missing bundle is reported here, not thrown: --version must always work.
std::string data_lines() {
  std::ostringstream s;
  s << "data: " << data_root() << " (" << data_root_origin() << ")\n";
  const std::string gpkg = default_bundle_path();
  try {
    s << "  bordermap.gpkg sha256 " << bundle_checksum(gpkg).substr(0, 16) << '\n';
    const nlohmann::json info = describe_bundle(gpkg);  // kept: the loop reads into it
    for (const auto& l : info["layers"])
      if (l.contains("version"))
        s << "  " << l["name"].get<std::string>() << ": " << l["version"].get<std::string>()
          << '\n';
  } catch (const std::exception& e) {
    s << "  bundle not usable: " << e.what() << '\n';
  }
  return s.str();
}

}  // namespace

std::string version_text() {
  std::string text = std::string("bordermap ") + BORDERMAP_VERSION + " (commit " +
                     BORDERMAP_COMMIT + ")\n" + libraries() + "\n" + data_lines();
  if (!text.empty() && text.back() == '\n') text.pop_back();  // CLI11 adds one
  return text;
}

}  // namespace bm::cli
