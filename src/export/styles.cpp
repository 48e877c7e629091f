#include "export/styles.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/error.hpp"
#include "io/atomic.hpp"
#include "geodata/bundle.hpp"

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
  std::string tmp = temp_path_for(path);
  {
    std::ofstream out(tmp, std::ios::binary);
    out << text;
    if (!out) throw ExportError(path + ": cannot write");
  }
  commit_file(tmp, path);
  return path;
}

}  // namespace bm
