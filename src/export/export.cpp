#include "export/export.hpp"

#include <algorithm>
#include <filesystem>

#include "core/error.hpp"
#include "export/geojson.hpp"
#include "export/gpkg.hpp"

namespace bm {

namespace {

std::string extension_of(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

}  // namespace

void check_export_target(const std::string& path, const ExportOptions& options,
                         CsvFlavour flavour) {
  if (options.precision < 0 || options.precision > 15)
    throw UsageError("--precision " + std::to_string(options.precision) +
                     " — expected 0 to 15 decimal places");
  std::string ext = extension_of(path);
  if (ext != ".geojson" && ext != ".json" && ext != ".gpkg" && ext != ".csv")
    throw UsageError("'" + path + "' — the output must end in .geojson, .gpkg or .csv");
  if (flavour != CsvFlavour::bordermap && ext != ".csv")
    throw UsageError("--flavour applies to CSV output only (got '" + path + "')");
}

std::vector<std::string> export_to(const std::string& path, const ExportData& data,
                                   const ExportOptions& options, CsvFlavour flavour) {
  check_export_target(path, options, flavour);
  std::string ext = extension_of(path);
  if (ext == ".geojson" || ext == ".json") return write_geojson(path, data, options);
  if (ext == ".gpkg") {
    write_gpkg(path, data, options);
    return {path};
  }
  write_csv_file(path, data, flavour, options);
  return {path};
}

}  // namespace bm
