#pragma once
// Expectations for extraction fixtures, read from JSON next to the articles
// (tests/data/extract/<article>.expect.json): what the drafts, claims and
// places of one article must hold. The schema is in tests/data/extract/README.md.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "extract/extractor.hpp"

namespace bm::test {

// One article's extraction: the document's mentions and the merged drafts.
struct FixtureRun {
  extract::DocExtraction doc;
  std::vector<extract::DraftIncident> drafts;
};

// Each returns the failures (empty when the expectation holds), so the
// runner can report every one with the fixture's name.
std::vector<std::string> check_document(const FixtureRun& run, const nlohmann::json& expect);
std::vector<std::string> check_incidents(const FixtureRun& run, const nlohmann::json& expect);
std::vector<std::string> check_claims(const FixtureRun& run, const nlohmann::json& expect);
std::vector<std::string> check_places(const FixtureRun& run, const nlohmann::json& expect);

}  // namespace bm::test
