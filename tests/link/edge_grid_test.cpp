#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <random>

#include "link/edge_grid.hpp"

using namespace bm;

namespace {

// Ring k around (x, y) holds an item: brute force over the ring's cells.
bool ring_has_item(const EdgeGrid& g, std::ptrdiff_t x, std::ptrdiff_t y, std::ptrdiff_t k) {
  const auto nx = static_cast<std::ptrdiff_t>(g.nx()), ny = static_cast<std::ptrdiff_t>(g.ny());
  for (std::ptrdiff_t j = y - k; j <= y + k; ++j)
    for (std::ptrdiff_t i = x - k; i <= x + k; ++i) {
      if (std::max(std::abs(i - x), std::abs(j - y)) != k) continue;
      if (i >= 0 && j >= 0 && i < nx && j < ny && !g.cell(i, j).empty()) return true;
    }
  return false;
}

}  // namespace

TEST_CASE("a grid cell knows how many rings around it are empty", "[link][index]") {
  // A few small boxes scattered over a large extent: most cells are empty,
  // and the nearest occupied cell is many rings off for most.
  std::mt19937 rnd(21);
  std::uniform_real_distribution<double> lon(-60, 60), lat(-40, 40);
  std::vector<Bounds> boxes;
  for (int i = 0; i < 40; ++i) {
    const double x = lon(rnd), y = lat(rnd);
    boxes.push_back({x, y, x + 0.5, y + 0.3});
  }
  const EdgeGrid g(boxes);
  REQUIRE(g.nx() > 20);
  std::ptrdiff_t far = 0;
  for (std::ptrdiff_t y = 0; y < static_cast<std::ptrdiff_t>(g.ny()); ++y)
    for (std::ptrdiff_t x = 0; x < static_cast<std::ptrdiff_t>(g.nx()); ++x) {
      const std::ptrdiff_t k = g.empty_rings(x, y);
      for (std::ptrdiff_t r = 0; r < k; ++r) REQUIRE_FALSE(ring_has_item(g, x, y, r));
      if (k < 255) REQUIRE(ring_has_item(g, x, y, k));
      far = std::max(far, k);
    }
  CHECK(far >= 3);  // the walk has rings to skip
}
