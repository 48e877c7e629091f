#include <catch2/catch.hpp>

#include <atomic>
#include <cmath>

#include "geodata/bundle.hpp"
#include "link/area_grid.hpp"
#include "link/linker.hpp"

TEST_CASE("area grid: free cells answer without the exact test, edges ask it", "[link][grid]") {
  // A square with a square hole; the exact test is a plain rectangle check.
  const bm::MultiPolygon square{bm::Polygon{
      {{{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}}, {{4, 4}, {6, 4}, {6, 6}, {4, 6}, {4, 4}}}}};
  std::atomic<int> calls{0};
  auto exact = [&](bm::LonLat p) {
    ++calls;
    const bool in_shell = p.lon > 0 && p.lon < 10 && p.lat > 0 && p.lat < 10;
    const bool in_hole = p.lon >= 4 && p.lon <= 6 && p.lat >= 4 && p.lat <= 6;
    return bm::AreaHit{in_shell && !in_hole ? 0 : -1, false};
  };
  bm::AreaGrid grid({&square}, bm::Bounds{-2, -2, 12, 12}, exact, 10000);
  CHECK(grid.near_share() > 0);
  CHECK(grid.near_share() < 0.2);
  const int setup_calls = calls.load();
  int wrong = 0, asked = 0;
  for (int i = 0; i <= 1400; ++i)
    for (int j = 0; j <= 140; ++j) {
      const bm::LonLat p{-2 + i * 0.01, -2 + j * 0.1 + 0.0003};
      const int before = calls.load();
      if (grid.locate(p).area != exact(p).area) ++wrong;
      asked += calls.load() - before - 1;
    }
  CHECK(wrong == 0);
  CHECK(asked > 0);               // points by an edge went to the exact test
  CHECK(asked < 1401 * 141 / 4);  // most did not
  CHECK(setup_calls < 2000);
  CHECK(grid.locate({50, 50}).area == -1);  // outside the grid: exact test
}

TEST_CASE("area grid: many points get the same country and enclave as one by one", "[link][grid]") {
  bm::Bundle bundle;
  const auto countries = bundle.countries({66, 36, 78, 44});
  const auto segments = bm::border_segments(bundle, "KG", "TJ", countries);
  bm::Linker linker(segments, countries, bm::LinkOptions{5000, "", 2});
  // A dense lattice over the Fergana valley's enclaves (Vorukh, Sokh,
  // Shakhimardan) and a coarse one around: more than the grid threshold.
  std::vector<bm::LonLat> pts;
  for (int i = 0; i < 200; ++i)
    for (int j = 0; j < 100; ++j) pts.push_back({70.4 + i * 0.0047, 39.85 + j * 0.0043});
  for (int i = 0; i < 100; ++i)
    for (int j = 0; j < 50; ++j) pts.push_back({68 + i * 0.06, 38.5 + j * 0.07});
  const auto many = linker.link_points(pts, {});
  std::size_t enclaves = 0, wrong = 0;
  std::vector<std::size_t> per_country(countries.size());
  for (std::size_t i = 0; i < pts.size(); ++i) {
    const bm::PointLink one = linker.link_point(pts[i], "");
    if (one.country != many[i].country || one.in_enclave != many[i].in_enclave) ++wrong;
    if (one.in_enclave) ++enclaves;
    if (one.country >= 0) ++per_country[static_cast<std::size_t>(one.country)];
  }
  CHECK(wrong == 0);
  CHECK(enclaves > 100);
  for (std::size_t c = 0; c < countries.size(); ++c)
    if (countries[c].iso2 == "KG" || countries[c].iso2 == "TJ" || countries[c].iso2 == "UZ")
      CHECK(per_country[c] > 1000);
}

TEST_CASE("area grid: more areas than a cell's byte can name, answers as the exact test",
          "[link][grid]") {
  // 400 unit squares (area k at column k % 20, row k / 20): more than the
  // 127 slots a cell holds, so cells of the later-met squares ask the
  // exact test and every answer stays the exact one.
  std::vector<bm::MultiPolygon> squares;
  for (int k = 0; k < 400; ++k) {
    const double x = k % 20, y = k / 20;
    squares.push_back(
        {bm::Polygon{{{{x, y}, {x + 0.9, y}, {x + 0.9, y + 0.9}, {x, y + 0.9}, {x, y}}}}});
  }
  std::vector<const bm::MultiPolygon*> areas;
  for (const auto& s : squares) areas.push_back(&s);
  auto exact = [](bm::LonLat p) {
    const double fx = std::floor(p.lon), fy = std::floor(p.lat);
    const bool in =
        fx >= 0 && fx < 20 && fy >= 0 && fy < 20 && p.lon - fx < 0.9 && p.lat - fy < 0.9;
    return bm::AreaHit{in ? static_cast<std::int32_t>(fy * 20 + fx) : -1, false};
  };
  bm::AreaGrid grid(areas, bm::Bounds{-1, -1, 21, 21}, exact, 200000);
  CHECK(grid.near_share() < 0.9);  // a grid was built
  int wrong = 0, far_slots = 0;
  for (int i = 0; i < 2200; ++i)
    for (int j = 0; j < 220; ++j) {
      const bm::LonLat p{-1 + i * 0.01 + 0.0003, -1 + j * 0.1 + 0.0007};
      const bm::AreaHit want = exact(p);
      if (grid.locate(p).area != want.area) ++wrong;
      if (want.area >= 127) ++far_slots;
    }
  CHECK(wrong == 0);
  CHECK(far_slots > 0);
}
