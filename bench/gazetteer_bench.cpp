// Gazetteer speed: load (cache), exact, variant and fuzzy lookups, mentions.
// Run: build/bench/bench/gazetteer_bench (see README, "Gazetteer").
#include <benchmark/benchmark.h>

#include "gazetteer/gazetteer.hpp"
#include "geodata/bundle.hpp"

namespace {

const bm::Gazetteer& gaz() {
  static const bm::Gazetteer g = bm::Gazetteer::from_bundle(bm::Bundle());
  return g;
}

void BM_LoadFromCache(benchmark::State& state) {
  gaz();  // make sure the cache exists
  for (auto _ : state) {
    auto g = bm::Gazetteer::from_bundle(bm::Bundle());
    benchmark::DoNotOptimize(g.size());
  }
}
BENCHMARK(BM_LoadFromCache)->Unit(benchmark::kMillisecond);

void run(benchmark::State& state, const std::vector<const char*>& names, bm::ResolveHints h) {
  const auto& g = gaz();
  std::size_t i = 0;
  for (auto _ : state) {
    auto r = g.resolve(names[i++ % names.size()], h);
    benchmark::DoNotOptimize(r.place);
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_Exact(benchmark::State& s) {
  run(s, {"Batken", "Isfara", "Vorukh", "Jermuk", "Chaman", "Khujand"}, {});
}
BENCHMARK(BM_Exact);

void BM_ExactCyrillic(benchmark::State& s) { run(s, {"Ворух", "Кӯлканд", "Кёк-Таш"}, {}); }
BENCHMARK(BM_ExactCyrillic);

void BM_Variant(benchmark::State& s) { run(s, {"Voruh", "Hudjand", "Samarkandik"}, {}); }
BENCHMARK(BM_Variant);

void BM_Fuzzy(benchmark::State& s) {
  run(s, {"Kolkanda", "Isfarra", "Batkenn", "Vorukhe"}, {"TJ", ""});
}
BENCHMARK(BM_Fuzzy);

void BM_Mentions(benchmark::State& s) {
  const std::string text =
      "Talks began in the village of Kolkand in the Sughd region of Tajikistan. Shelling hit "
      "Batken's airport and the Batken region declared an emergency; Koktosh and Samarkandek "
      "border posts were fired on, President Vladimir Putin said.";
  for (auto _ : s) benchmark::DoNotOptimize(gaz().find_mentions(text, {}).size());
}
BENCHMARK(BM_Mentions)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
