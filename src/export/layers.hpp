#pragma once
// The export layers (incidents, border_segments, links, countries) written into
// any OGR dataset, so GeoJSON and GeoPackage share one field list.
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "core/model.hpp"
#include "geodata/bundle.hpp"

class GDALDataset;

namespace bm {

using CountryNames = std::map<std::string, std::string>;  // ISO2 -> name

// Everything an export needs: the linked incidents and the border drawn.
struct ExportData {
  std::vector<Incident> incidents;
  std::vector<Link> links;
  std::vector<BorderSegment> segments;  // all periods; the layer keeps those active on as_of
  std::string as_of;                    // date of the border status exported
  CountryNames country_names;           // ISO2 -> name (ACLED CSV)
  std::vector<Country> countries;       // land drawn under the data (the map's countries)
  std::vector<std::string> focus;       // ISO2 of the border's two countries
};

enum class ExportLayer { incidents, border_segments, links, countries };
const char* layer_name(ExportLayer l);
constexpr ExportLayer kExportLayers[] = {ExportLayer::incidents, ExportLayer::border_segments,
                                         ExportLayer::links, ExportLayer::countries};

enum class CsvFlavour { bordermap, acled };
// What a database output does with tables that exist already.
enum class WriteMode { create, append, overwrite };

struct ExportOptions {
  int precision = 6;  // decimal places of coordinates
  // The layers written, incidents first (`--layers`); CSV has incidents only.
  std::vector<ExportLayer> layers{std::begin(kExportLayers), std::end(kExportLayers)};
  CsvFlavour flavour = CsvFlavour::bordermap;
  std::string table_prefix;  // database outputs: prefix of every table name
  WriteMode mode = WriteMode::create;
  // GeoJSON moves `id` to the feature's top-level id: keep it as a property too.
  bool id_property = false;
};

// "incidents,links" -> those layers in our order; throws UsageError naming
// an unknown one and listing the known ones.
std::vector<ExportLayer> parse_layers(const std::string& list);
bool has_layer(const ExportOptions& options, ExportLayer layer);

// Our fields of the incidents layer, in order (user columns come after).
const std::vector<std::string>& incident_field_names();

// Creates `layer` in `ds` and writes its features. `layer_options` are the
// driver's creation options (NULL-terminated). Returns the feature count.
long write_layer(GDALDataset& ds, ExportLayer layer, const ExportData& data,
                 const ExportOptions& options, char** layer_options);

// Summary fields of the claims: lowest low and highest high per kind.
struct ClaimSummary {
  std::optional<long> low;
  std::optional<long> high;
};
ClaimSummary summarize(const std::vector<Claim>& claims, const std::string& kind);

// The claim kinds flattened into <kind>_low / <kind>_high fields.
extern const std::vector<std::string> kSummaryKinds;

double round_to(double v, int decimals);

}  // namespace bm
