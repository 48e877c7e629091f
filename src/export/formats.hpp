#pragma once
// Export formats as backends behind one interface, like ingest's formats:
// each backend is one file that defines its ExportFormat, and formats.cpp
// lists them. Adding a format is that file plus one line in the list.
#include <string>
#include <vector>

#include "export/layers.hpp"

namespace bm {

struct ExportFormat {
  const char* name;     // "geojson"
  const char* summary;  // one line for --help and error messages
  // Whether `target` (a path or a connection string) is this format's.
  bool (*accepts)(const std::string& target);
  // Throws UsageError for options this format cannot honour; called
  // before the (long) chain runs.
  void (*check)(const std::string& target, const ExportOptions& options);
  // Writes every layer in options.layers; returns what was written (paths,
  // or "PG:… table" names without the password).
  std::vector<std::string> (*write)(const std::string& target, const ExportData& data,
                                    const ExportOptions& options);
};

const std::vector<ExportFormat>& export_formats();

// The backend for `target`; throws UsageError listing the known ones.
const ExportFormat& export_format_for(const std::string& target);

// Lower-cased extension of a path (".geojson"), empty for connection strings.
std::string extension_of(const std::string& path);

// Backend definitions, one per file.
ExportFormat geojson_format();
ExportFormat gpkg_format();
ExportFormat csv_format();
ExportFormat pg_format();

}  // namespace bm
