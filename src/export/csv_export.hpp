#pragma once
// CSV export, one row per incident (located or not): bordermap's own schema
// (README "Incident CSV", read back by ingest with nothing lost) followed by
// derived columns, or an ACLED-compatible column set.
#include <iosfwd>
#include <span>
#include <string>
#include <vector>

#include "export/layers.hpp"
#include "export/user_fields.hpp"

namespace bm {

CsvFlavour csv_flavour_from(const std::string& name);  // throws UsageError

// The columns after our schema's: gazetteer and linker results, claim summaries.
std::vector<std::string> derived_csv_columns();
extern const std::vector<std::string> kAcledColumns;

void write_csv(std::ostream& out, const ExportData& data, CsvFlavour flavour,
               const ExportOptions& options = {});
void write_csv_file(const std::string& path, const ExportData& data, CsvFlavour flavour,
                    const ExportOptions& options = {});

// The CSV block by block (the streaming export): the header, with the
// user's columns as the first block has them, then one row per incident,
// located or not; the same bytes as write_csv. The ACLED flavour names
// countries from `names` (ISO2 -> name, every country of the bundle, as
// the whole-table chain's country_names).
class CsvBlockWriter {
 public:
  CsvBlockWriter(std::ostream& out, int precision, CsvFlavour flavour = CsvFlavour::bordermap,
                 CountryNames names = {})
      : out_(out), precision_(precision), flavour_(flavour), names_(std::move(names)) {}
  // links[k] belongs to the k-th incident that has a location.
  void write(std::span<const Incident> incidents, std::span<const Link> links);

 private:
  std::ostream& out_;
  int precision_;
  CsvFlavour flavour_;
  CountryNames names_;
  bool started_ = false;
  std::vector<UserField> user_;
};

}  // namespace bm
