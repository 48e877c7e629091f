// A cluster of incidents too tight to read at the main scale gets a detail
// inset: magnified, with its own scale bar, boxed on the main map, placed
// where it hides no incident. Sparse maps get none.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "geodata/bundle.hpp"
#include "geodata/world_borders.hpp"
#include "link/linker.hpp"
#include "render/compare.hpp"
#include "render/map.hpp"
#include "render/style.hpp"
#include "support.hpp"

namespace {

// Five villages within about 2 km of each other and three incidents tens of
// km apart along the border, which set the frame at a regional scale.
struct Fixture {
  std::vector<bm::Incident> incidents;
  bm::MapData data;
};

std::unique_ptr<Fixture> make_fixture(double cluster_spread) {
  auto f = std::make_unique<Fixture>();
  bm::Bundle bundle;
  const bm::Bounds near{68.5, 38.8, 73.0, 41.2};
  f->data.countries = bundle.countries(near);
  for (const auto& p : bm::world_enclaves(bundle, near))  // which small parts are enclaves
    if (p.point) f->data.enclave_points.push_back(*p.point);
  f->data.focus = {"KG", "TJ"};
  f->data.segments = bm::border_segments(bundle, "KG", "TJ", bundle.countries());
  f->data.as_of = "2022-09-16";
  f->data.title = "A tight cluster";
  const bm::LonLat centre{70.58, 39.86};
  const double dx[] = {0, 1, -1, 0.5, -0.4}, dy[] = {0, 0.3, 0.5, -0.8, -0.6};
  for (int k = 0; k < 5; ++k) f->incidents.push_back({});
  for (int k = 0; k < 5; ++k)
    f->incidents[static_cast<std::size_t>(k)].location =
        bm::LonLat{centre.lon + dx[k] * cluster_spread, centre.lat + dy[k] * cluster_spread};
  for (bm::LonLat far : {bm::LonLat{69.6, 39.6}, bm::LonLat{71.6, 40.1}, bm::LonLat{70.9, 40.4}}) {
    f->incidents.push_back({});
    f->incidents.back().location = far;
  }
  int n = 0;
  for (auto& i : f->incidents) {
    i.id = "d" + std::to_string(++n);
    i.place = "Place " + std::to_string(n);
    i.precision = bm::GeoPrecision::settlement;
    i.event_type = n % 2 ? "shelling" : "armed_clash";
    i.date = {"2022-09-16", "2022-09-16", "day"};
  }
  n = 0;
  for (const auto& i : f->incidents) f->data.incidents.push_back({&i, nullptr, ++n});
  return f;
}

bool inside(const bm::DrawnBox& b, double x, double y) {
  return x >= b.x0 && x <= b.x1 && y >= b.y0 && y <= b.y1;
}

bool overlaps(const bm::DrawnBox& a, const bm::DrawnBox& b) {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

std::string golden(const std::string& name) { return bm::test::data("../render/golden/" + name); }

}  // namespace

TEST_CASE("a cluster too tight to read gets a detail inset that hides no incident",
          "[render][detail]") {
  auto dir = bm::test::scratch("render_detail");
  auto f = make_fixture(0.012);  // about 1 km between neighbours
  bm::RenderOptions o;
  o.path = (dir / "detail.png").string();
  bm::RenderResult r = bm::render_map(f->data, bm::load_style("report"), o);
  REQUIRE(r.detail.what == "detail");
  CHECK(r.detail_numbers == std::vector<int>{1, 2, 3, 4, 5});
  // The inset covers no incident's mark; the box on the map holds the cluster's.
  for (const auto& m : r.marks) CHECK_FALSE(inside(r.detail, m.x0, m.y0));
  int boxed = 0;
  for (const auto& m : r.marks) boxed += inside(r.detail_area, m.x0, m.y0);
  CHECK(boxed == 5);
  CHECK_FALSE(overlaps(r.detail, r.detail_area));
  // Inside the frame, clear of the other furniture.
  CHECK(r.detail.x0 >= r.frame[0]);
  CHECK(r.detail.y1 <= r.frame[3]);
  for (const auto& b : r.obstacles)
    if (b.what != "detail" && b.what.rfind("symbol:", 0) != 0) CHECK_FALSE(overlaps(r.detail, b));
  // The cluster's labels are in the inset, not crowded on the main map.
  for (const auto& l : r.labels)
    for (int n = 1; n <= 5; ++n)
      CHECK(l.what.find("Place " + std::to_string(n) + " ") == std::string::npos);
  int in_inset = 0;
  for (const auto& l : r.detail_labels) {
    in_inset += l.what.find("Place ") != std::string::npos;
    CHECK(l.x0 >= r.detail.x0);
    CHECK(l.y1 <= r.detail.y1);
  }
  CHECK(in_inset == 5);
  // Its own, finer scale bar.
  CHECK(r.detail_scale_bar_metres > 0);
  CHECK(r.detail_scale_bar_metres * 2.5 <= r.scale_bar_metres);

  if (std::getenv("BORDERMAP_UPDATE_GOLDEN") &&
      std::string(std::getenv("BORDERMAP_UPDATE_GOLDEN")) == "1") {
    std::filesystem::copy_file(dir / "detail.png", golden("detail.png"),
                               std::filesystem::copy_options::overwrite_existing);
    WARN("golden detail.png updated");
    return;
  }
  REQUIRE(std::filesystem::exists(golden("detail.png")));
  bm::PngDiff g = bm::compare_png((dir / "detail.png").string(), golden("detail.png"), 24);
  INFO("differing from the golden: " << g.fraction * 100 << " %");
  CHECK(g.width_a == g.width_b);
  CHECK(g.fraction < 0.002);
}

TEST_CASE("incidents far enough apart to read get no detail inset", "[render][detail]") {
  auto dir = bm::test::scratch("render_detail_sparse");
  auto f = make_fixture(0.15);  // about 13 km between neighbours
  bm::RenderOptions o;
  o.path = (dir / "sparse.svg").string();
  bm::RenderResult r = bm::render_map(f->data, bm::load_style("report"), o);
  CHECK(r.detail.what.empty());
  CHECK(r.detail_numbers.empty());
}
