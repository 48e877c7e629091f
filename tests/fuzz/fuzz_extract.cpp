// libFuzzer target: the article extractor over arbitrary text or HTML,
// with the bundled gazetteer.
#include <cstdint>
#include <string>

#include "core/error.hpp"
#include "extract/document.hpp"
#include "extract/extractor.hpp"
#include "geodata/bundle.hpp"

namespace {

struct Fixture {
  bm::Bundle bundle;
  bm::Gazetteer gaz = bm::Gazetteer::from_bundle(bundle);
  bm::extract::PlaceLookup lookup{gaz, bm::extract::country_names(bundle)};
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static Fixture f;
  std::string raw(reinterpret_cast<const char*>(data), size);
  try {
    std::vector<bm::extract::Document> docs{bm::extract::make_document("fuzz.txt", raw)};
    bm::extract::extract_all(docs, f.lookup, "2022-09-18");
  } catch (const bm::Error&) {
  }
  return 0;
}
