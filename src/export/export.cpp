#include "export/export.hpp"

#include "core/error.hpp"
#include "export/formats.hpp"

namespace bm {

void check_export_target(const std::string& path, const ExportOptions& options,
                         CsvFlavour flavour) {
  if (options.precision < 0 || options.precision > 15)
    throw UsageError("--precision " + std::to_string(options.precision) +
                     " — expected 0 to 15 decimal places");
  const ExportFormat& format = export_format_for(path);
  if (flavour != CsvFlavour::bordermap && std::string(format.name) != "csv")
    throw UsageError("--flavour applies to CSV output only (got '" + path + "')");
  bool database = std::string(format.name) == "postgis";
  if (!database && (!options.table_prefix.empty() || options.mode != WriteMode::create))
    throw UsageError("--table-prefix, --append and --overwrite apply to PG: outputs only (got '" +
                     path + "')");
  if (format.check) format.check(path, options);
}

std::vector<std::string> export_to(const std::string& path, const ExportData& data,
                                   const ExportOptions& options, CsvFlavour flavour) {
  check_export_target(path, options, flavour);
  ExportOptions o = options;
  o.flavour = flavour;
  return export_format_for(path).write(path, data, o);
}

}  // namespace bm
