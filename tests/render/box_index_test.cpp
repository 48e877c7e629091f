#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <random>

#include "render/box_index.hpp"

namespace {

bool brute_hits(const std::vector<bm::Box>& added, const bm::Box& b) {
  for (const auto& o : added)
    if (o.overlaps(b)) return true;
  return false;
}

}  // namespace

TEST_CASE("BoxIndex answers exactly as testing every box", "[render][labels]") {
  const bm::Box frame{12.5, 30.25, 412.5, 330.25};
  bm::BoxIndex index(frame, 32);
  std::vector<bm::Box> added;
  std::mt19937 rng(7);
  // Fractional corners, boxes partly or wholly off the frame, thin ones.
  std::uniform_real_distribution<double> x(-40, 460), y(-20, 380), w(0.3, 70), h(0.3, 16);
  auto random_box = [&] {
    double x0 = x(rng), y0 = y(rng);
    return bm::Box{x0, y0, x0 + w(rng), y0 + h(rng)};
  };
  std::size_t taken = 0, free = 0;
  for (int round = 0; round < 400; ++round) {
    for (int k = 0; k < 25; ++k) {
      bm::Box probe = random_box();
      bool expect = brute_hits(added, probe);
      REQUIRE(index.hits(probe) == expect);
      expect ? ++taken : ++free;
    }
    // Touching edges only is not an overlap; whole-number edges are the
    // bitmap's boundary cases.
    bm::Box b = random_box();
    if (round % 3 == 0) b = {std::round(b.x0), std::round(b.y0), std::round(b.x1) + 1, b.y1};
    if (round % 5 == 0 && !added.empty())
      b = {added.back().x1, added.back().y0, added.back().x1 + 5, added.back().y1};
    index.add(b);
    added.push_back(b);
  }
  // Both answers were exercised, on an empty and on a crowded frame.
  CHECK(taken > 1000);
  CHECK(free > 1000);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  CHECK(index.hits(bm::Box{nan, 50, nan, 60}) == brute_hits(added, bm::Box{nan, 50, nan, 60}));
}
