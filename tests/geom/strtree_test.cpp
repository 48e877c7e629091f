#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <thread>

#include "geom/strtree.hpp"

TEST_CASE("the box tree returns the boxes meeting a query box", "[geom][strtree]") {
  std::vector<bm::Bounds> boxes;
  for (int i = 0; i < 100; ++i)
    boxes.push_back({i * 1.0, 0.0, i + 0.5, 0.5});  // a row of half-degree boxes
  bm::geos::BoxTree tree(boxes);
  std::vector<std::size_t> hits;
  tree.query({10.2, 0.1, 12.7, 0.2}, hits);
  std::sort(hits.begin(), hits.end());
  CHECK(hits == std::vector<std::size_t>{10, 11, 12});
  hits.clear();
  tree.query({10.6, 0.1, 10.9, 0.2}, hits);  // between two boxes
  CHECK(hits.empty());
}

TEST_CASE("the box tree's nearest uses the caller's distance", "[geom][strtree]") {
  std::vector<bm::Bounds> boxes = {{0, 0, 1, 1}, {5, 5, 6, 6}, {2, 0, 3, 1}};
  bm::geos::BoxTree tree(boxes);
  auto centre_distance = [&](std::size_t i) {
    const double cx = (boxes[i].min_lon + boxes[i].max_lon) / 2 - 2.4;
    const double cy = (boxes[i].min_lat + boxes[i].max_lat) / 2 - 0.5;
    return std::sqrt(cx * cx + cy * cy);
  };
  CHECK(tree.nearest({2.4, 0.5}, centre_distance) == 2);
}

TEST_CASE("the box tree answers from several threads at once", "[geom][strtree]") {
  std::vector<bm::Bounds> boxes;
  for (int i = 0; i < 1000; ++i) boxes.push_back({i * 0.1, 0.0, i * 0.1 + 0.05, 0.05});
  bm::geos::BoxTree tree(boxes);
  std::vector<std::size_t> found(4, 0);
  std::vector<std::thread> pool;
  for (std::size_t t = 0; t < 4; ++t)
    pool.emplace_back([&, t] {
      std::vector<std::size_t> hits;
      for (int i = 0; i < 1000; ++i) {
        hits.clear();
        tree.query({i * 0.1 + 0.01, 0.01, i * 0.1 + 0.02, 0.02}, hits);
        found[t] += hits.size();
      }
    });
  for (auto& th : pool) th.join();
  CHECK(found == std::vector<std::size_t>(4, 1000));
}
