#include <catch2/catch.hpp>

#include <algorithm>
#include <mutex>
#include <random>
#include <stdexcept>

#include "geodata/bundle.hpp"
#include "link/linker.hpp"
#include "link/point_order.hpp"

namespace {

struct Fixture {
  bm::Bundle bundle;
  std::vector<bm::Country> countries = bundle.countries({66, 36, 78, 44});
  std::vector<bm::BorderSegment> segments = bm::border_segments(bundle, "KG", "TJ", countries);
  bm::Linker linker{segments, countries, bm::LinkOptions{5000, "", 2}};
};

const Fixture& fixture() {
  static const Fixture f;
  return f;
}

// Points scattered over the Fergana valley in no spatial order.
std::vector<bm::LonLat> scattered(std::size_t n) {
  std::mt19937 rnd(15);
  std::uniform_real_distribution<double> lon(69.0, 73.5), lat(39.2, 41.2);
  std::vector<bm::LonLat> pts(n);
  for (auto& p : pts) p = {lon(rnd), lat(rnd)};
  return pts;
}

}  // namespace

TEST_CASE("the spatial order is a permutation that keeps each cell's points together",
          "[link][order]") {
  std::vector<bm::LonLat> pts = scattered(5000);
  pts.push_back({NAN, NAN});  // taken to a cell like any point
  pts.push_back({200, 95});
  bm::SpatialOrder order(pts.size());
  order.sort(pts);
  REQUIRE(order.size() == pts.size());
  std::vector<std::uint32_t> seen;
  for (std::size_t k = 0; k < order.size(); ++k) seen.push_back(order[k]);
  std::sort(seen.begin(), seen.end());
  for (std::size_t k = 0; k < seen.size(); ++k) REQUIRE(seen[k] == k);
  // Consecutive points are near: the mean step along the order is a small
  // part of the mean distance between points taken in input order.
  double along = 0, input = 0;
  for (std::size_t k = 1; k < 5000; ++k) {
    const bm::LonLat a = pts[order[k - 1]], b = pts[order[k]];
    if (std::isnan(a.lon) || std::isnan(b.lon) || a.lon > 180 || b.lon > 180) continue;
    along += std::hypot(a.lon - b.lon, a.lat - b.lat);
    input += std::hypot(pts[k - 1].lon - pts[k].lon, pts[k - 1].lat - pts[k].lat);
  }
  CHECK(along < input / 10);
}

TEST_CASE("streaming over several batches gives each point its own link, in input order",
          "[link][order]") {
  const auto& f = fixture();
  const std::size_t n = 2 * bm::Linker::kBatch + 1234;
  const std::vector<bm::LonLat> pts = scattered(n);
  std::vector<bm::PointLink> got(n);
  std::vector<int> written(n, 0);
  std::mutex m;
  f.linker.stream_points(pts, {}, [&](std::span<const bm::PointLink> block, std::size_t lo) {
    const std::lock_guard<std::mutex> lock(m);
    REQUIRE(lo % bm::Linker::kBlock == 0);
    REQUIRE(block.size() <= bm::Linker::kBlock);
    for (std::size_t k = 0; k < block.size(); ++k) {
      got[lo + k] = block[k];
      ++written[lo + k];
    }
  });
  CHECK(std::count(written.begin(), written.end(), 1) == static_cast<std::ptrdiff_t>(n));
  for (std::size_t i = 0; i < n; i += 997) {
    const bm::PointLink one = f.linker.link_point(pts[i], "");
    REQUIRE(got[i].segment == one.segment);
    REQUIRE(got[i].distance_m == one.distance_m);
    REQUIRE(got[i].disputed == one.disputed);
    REQUIRE(got[i].country == one.country);
  }
}

TEST_CASE("a sink that fails stops the stream with its error", "[link][order]") {
  const auto& f = fixture();
  const std::vector<bm::LonLat> pts = scattered(bm::Linker::kBatch + 5000);
  auto failing = [&](std::span<const bm::PointLink>, std::size_t lo) {
    if (lo >= bm::Linker::kBatch) throw std::runtime_error("disk full");
  };
  CHECK_THROWS_WITH(f.linker.stream_points(pts, {}, failing), "disk full");
}
