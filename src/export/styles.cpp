#include "export/styles.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/error.hpp"
#include "geodata/bundle.hpp"
#include "io/atomic.hpp"

namespace bm {

std::string qgis_style(ExportLayer layer, const std::string& ext) {
  std::string path = data_root() + "/styles/qgis/" + layer_name(layer) + "." + ext;
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw ExportError(path +
                      ": QGIS style missing — set BORDERMAP_HOME to the bordermap source tree, "
                      "or rerun styles/qgis/make_styles.py");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string write_qml_sidecar(const std::string& data_path, ExportLayer layer) {
  std::string path = std::filesystem::path(data_path).replace_extension(".qml").string();
  std::string text = qgis_style(layer, "qml");
  write_file(path, [&](std::ostream& out) { out << text; });
  return path;
}

}  // namespace bm
