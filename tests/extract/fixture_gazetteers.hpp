#pragma once
// Gazetteers for extraction tests: a small invented one read from
// tests/data/extract/small_gazetteer.json (so no rule leans on the bundle),
// and the bundle's own.
#include <filesystem>
#include <nlohmann/json.hpp>

#include "extract/place_lookup.hpp"

namespace bm::test {

nlohmann::json read_json(const std::filesystem::path& path);
const extract::PlaceLookup& small_lookup();
const extract::PlaceLookup& bundle_lookup();

}  // namespace bm::test
