#pragma once
#include <string>

namespace bm::cli {

// What `bordermap --version` prints: our version and commit, the versions of
// the libraries that decide the results (GDAL, PROJ, GEOS, Cairo, Pango) and
// of the data folder in use (where it is, the bundle's checksum, the
// sources' versions), so a bug report says everything in one paste.
std::string version_text();

}  // namespace bm::cli
