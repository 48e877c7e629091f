// Throughput of `bordermap extract` on article text (target: >= 5 MB/s on
// one core). Articles are the bundled test texts repeated; the gazetteer is
// the bundled one, built once outside the timed loop.
#include <benchmark/benchmark.h>

#include <filesystem>

#include "extract/extractor.hpp"
#include "geodata/bundle.hpp"

namespace {

using namespace bm;
using namespace bm::extract;

std::vector<Document> corpus() {
  std::vector<Document> docs;
  std::string dir = std::string(BORDERMAP_SOURCE_DIR) + "/tests/data/extract";
  for (const auto& e : std::filesystem::directory_iterator(dir))
    docs.push_back(load_document(e.path().string()));
  return docs;
}

void BM_Extract(benchmark::State& state) {
  static Bundle bundle;
  static Gazetteer gaz = Gazetteer::from_bundle(bundle);
  static PlaceLookup lookup(gaz, country_names(bundle));
  std::vector<Document> base = corpus();
  // One long article made of many: realistic sentence mix, enough bytes.
  Document big;
  big.source = "bench";
  while (big.text.size() < static_cast<std::size_t>(state.range(0)))
    for (const auto& d : base) big.text += d.text + "\n\n";
  for (auto _ : state) {
    ExtractResult r = extract_all({big}, lookup, "2022-09-18");
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(big.text.size()));
}

}  // namespace

BENCHMARK(BM_Extract)->Arg(1 << 20)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
