#pragma once
// Runs the extraction over several articles with one gazetteer.
#include <string>
#include <vector>

#include "extract/draft.hpp"

namespace bm {
class Bundle;
}

namespace bm::extract {

struct ExtractResult {
  std::vector<DocExtraction> docs;
  std::vector<DraftIncident> drafts;
};

// Country names (normalized) -> ISO2 from the bundle's countries layer.
std::map<std::string, std::string> country_names(const Bundle& bundle);

ExtractResult extract_all(const std::vector<Document>& docs, const PlaceLookup& lookup,
                          const std::string& default_date);

}  // namespace bm::extract
