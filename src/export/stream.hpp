#pragma once
// Streaming export: the incidents layer written block by block while the
// input is still being read and linked, so memory does not grow with the
// row count; the small layers (segments, countries) are written at the end
// from what the whole run found (the border drawn, its status date).
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "export/layers.hpp"
#include "export/user_fields.hpp"

namespace bm {

class ExportStream {
 public:
  virtual ~ExportStream() = default;
  // One block of incidents and their links: links[k] belongs to the k-th
  // incident that has a location (the unlocated ones are skipped).
  virtual void write(std::span<const Incident> incidents, std::span<const Link> links) = 0;
  // Writes the other layers from `rest` (segments, countries, as_of, focus;
  // its incidents and links are not used), commits every output and
  // returns the paths written.
  virtual std::vector<std::string> finish(const ExportData& rest) = 0;
};

// Whether `target` with `options` can be streamed: GeoJSON and GeoPackage
// with the incidents layer. The links wait in a temporary file (their
// segment status needs the run's status date) and are written at the end.
bool can_stream(const std::string& target, const ExportOptions& options);

// Opens the outputs (in staging; nothing replaces the target before finish).
// `user`: the user's columns with their types, from the first block;
// `country_names`: for the ACLED-flavour CSV (options.flavour).
std::unique_ptr<ExportStream> open_export_stream(const std::string& target,
                                                 const ExportOptions& options,
                                                 std::vector<UserField> user,
                                                 CountryNames country_names = {});

}  // namespace bm
