// Inner parts of linking, per incident: the geodesic refinement of one edge,
// the nearest-segment search over the bundled KG-TJ segments, and the whole
// link (both searches, country, enclave). Random points in lon 69-74,
// lat 39-41.5, like the peer benchmark's incidents.
#include <benchmark/benchmark.h>

#include <random>

#include "geodata/bundle.hpp"
#include "link/geodesic_edge.hpp"
#include "link/linker.hpp"

namespace {

std::vector<bm::LonLat> points(std::size_t n) {
  std::mt19937 rng(20240601);
  std::uniform_real_distribution<double> lon(69, 74), lat(39, 41.5);
  std::vector<bm::LonLat> out(n);
  for (auto& p : out) p = {lon(rng), lat(rng)};
  return out;
}

const bm::Linker& linker() {
  static const bm::Linker l = [] {
    bm::Bundle b;
    auto countries = b.countries({66, 36, 78, 44});
    auto segs = bm::border_segments(b, "KG", "TJ", countries);
    return bm::Linker(segs, countries, bm::LinkOptions{5000, "", 1});
  }();
  return l;
}

void edge_refinement(benchmark::State& state) {
  const bm::GeoEdge e = bm::make_edge({70.5, 39.9}, {70.62, 39.97});
  auto pts = points(1024);
  std::size_t i = 0;
  for (auto _ : state) {
    const bm::LonLat p = pts[i++ & 1023];
    benchmark::DoNotOptimize(bm::nearest_on_edge(p, bm::ecef(p), e));
  }
}
BENCHMARK(edge_refinement);

void link_point(benchmark::State& state) {
  auto pts = points(4096);
  const std::string date = "2022-09-16";
  std::size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(linker().link_point(pts[i++ & 4095], date));
}
BENCHMARK(link_point);

}  // namespace

BENCHMARK_MAIN();
