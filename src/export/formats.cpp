#include "export/formats.hpp"

#include <algorithm>
#include <filesystem>

#include "core/error.hpp"

namespace bm {

const std::vector<ExportFormat>& export_formats() {
  static const std::vector<ExportFormat> all = {
      geojson_format(),
      gpkg_format(),
      csv_format(),
      pg_format(),
  };
  return all;
}

const ExportFormat& export_format_for(const std::string& target) {
  for (const auto& f : export_formats())
    if (f.accepts(target)) return f;
  std::string known;
  for (const auto& f : export_formats()) known += std::string("\n  ") + f.name + ": " + f.summary;
  throw UsageError("'" + target +
                   "' — no export format takes this output; the formats are:" + known);
}

std::string extension_of(const std::string& path) {
  if (path.rfind("PG:", 0) == 0) return {};
  std::string ext = std::filesystem::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

}  // namespace bm
