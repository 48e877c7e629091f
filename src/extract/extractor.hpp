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

// Streams over article files: one article's text in memory at a time. With
// `keep_text` false each DocExtraction keeps only its dates, rejections and
// drafts (enough for CSV); the JSON evidence needs `keep_text`.
ExtractResult extract_files(const std::vector<std::string>& files, const PlaceLookup& lookup,
                            const std::string& default_date, bool keep_text);

}  // namespace bm::extract
