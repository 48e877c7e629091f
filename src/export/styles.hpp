#pragma once
// The QGIS styles of the export layers: styles/qgis/<layer>.qml (and .sld),
// written by styles/qgis/make_styles.py and committed.
#include <string>

#include "export/layers.hpp"

namespace bm {

// The text of styles/qgis/<layer>.<ext> under data_root(); ext is "qml" or
// "sld". Throws ExportError naming the file when it is missing.
std::string qgis_style(ExportLayer layer, const std::string& ext);

// Writes <path without extension>.qml: the sidecar QGIS loads with a file.
std::string write_qml_sidecar(const std::string& data_path, ExportLayer layer);

}  // namespace bm
