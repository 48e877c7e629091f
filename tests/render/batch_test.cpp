#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "core/error.hpp"
#include "pipeline/own_layers_map.hpp"
#include "render/base_layers.hpp"
#include "render/batch.hpp"
#include "render/projection.hpp"
#include "render/style.hpp"
#include "support.hpp"

namespace {

std::string bytes_of(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::unique_ptr<bm::MapInputs> dense_points() {
  bm::MapInputOptions o;
  o.inputs = {bm::test::data("render/points_dense.csv")};
  o.countries_file = bm::test::data("render/countries.geojson");
  o.segments_file = bm::test::data("render/segments.geojson");
  o.label_field = "label";
  return bm::read_map_inputs(o);
}

}  // namespace

TEST_CASE("maps drawn two at a time equal the same maps drawn one by one", "[render][batch]") {
  auto in = dense_points();
  REQUIRE(in->data.incidents.size() == 150);
  // Three maps of different subsets, in PNG and SVG (the page's formats).
  std::vector<bm::MapData> sets(3, in->data);
  sets[1].incidents.resize(40);
  sets[2].incidents.erase(sets[2].incidents.begin(), sets[2].incidents.begin() + 100);
  auto dir = bm::test::scratch("render_batch");
  const bm::Style style = bm::load_style("report");
  // Drawn together, they share their base layers (one image per page
  // size); drawn alone, each draws its own. PNGs in one pass and in bands.
  const std::string bands = GENERATE("0", "1");
  setenv("BORDERMAP_PNG_BANDS", bands.c_str(), 1);
  INFO("BORDERMAP_PNG_BANDS=" << bands);
  auto shared = std::make_shared<bm::BaseLayers>();
  std::vector<bm::MapJob> jobs;
  for (std::size_t k = 0; k < sets.size(); ++k)
    for (const char* ext : {".png", ".svg"}) {
      bm::RenderOptions o;
      o.width = 600, o.height = 450;
      o.bbox = {69.5, 39.5, 71.5, 40.5};
      o.path = (dir / (std::to_string(k) + "_batch" + ext)).string();
      o.base_layers = shared;
      jobs.push_back({&sets[k], o});
    }
  auto together = bm::render_maps(jobs, style, 2);
  CHECK(shared->images() == 1);  // three PNGs of one size: drawn once
  REQUIRE(together.size() == jobs.size());
  for (std::size_t j = 0; j < jobs.size(); ++j) {
    bm::RenderOptions alone = jobs[j].options;
    alone.base_layers = nullptr;
    alone.path = (dir / (std::to_string(j) + "_alone" +
                         std::filesystem::path(alone.path).extension().string()))
                     .string();
    auto one = bm::render_map(*jobs[j].data, style, alone);
    INFO(jobs[j].options.path);
    // Results come back in job order: each matches its own map's labels.
    CHECK(together[j].incident_labels_requested == one.incident_labels_requested);
    CHECK(together[j].incident_labels_placed == one.incident_labels_placed);
    CHECK(together[j].labels.size() == one.labels.size());
    CHECK(bytes_of(jobs[j].options.path) == bytes_of(alone.path));
  }
  CHECK(together[2].incident_labels_requested == 40);
  unsetenv("BORDERMAP_PNG_BANDS");
}

TEST_CASE("a failing map among several is reported once the others end", "[render][batch]") {
  auto in = dense_points();
  auto dir = bm::test::scratch("render_batch_fail");
  std::vector<bm::MapJob> jobs(4);
  for (std::size_t k = 0; k < jobs.size(); ++k) {
    jobs[k].data = &in->data;
    jobs[k].options.width = 400, jobs[k].options.height = 300;
    jobs[k].options.path = (dir / (std::to_string(k) + "_m.svg")).string();
  }
  jobs[1].options.path = (dir / "m1.tiff").string();  // no such format
  CHECK_THROWS_AS(bm::render_maps(jobs, bm::load_style("report"), 2), bm::UsageError);
  CHECK_FALSE(std::filesystem::exists(dir / "m1.tiff"));
}

TEST_CASE("a projected line is the projection of each densified point, remembered",
          "[render][batch]") {
  bm::Projection p("", {69, 39, 72, 41});
  const bm::Line line{{69.0, 39.0}, {69.01, 39.02}, {71.5, 40.9}};
  auto plain = p.project_line(line, 0);
  REQUIRE(plain->size() == 3);
  for (std::size_t k = 0; k < line.size(); ++k) {
    CHECK((*plain)[k].x == p.forward(line[k]).x);
    CHECK((*plain)[k].y == p.forward(line[k]).y);
  }
  // 0.05 degrees: the short edge stays one step, the long one (2.49 degrees
  // of longitude, 1.88 of latitude) is split into 50.
  auto dense = p.project_line(line, 0.05);
  REQUIRE(dense->size() == 1 + 1 + 50);
  CHECK(dense->back().x == p.forward(line.back()).x);
  bm::LonLat mid{69.01 + 0.5 * (71.5 - 69.01), 39.02 + 0.5 * (40.9 - 39.02)};
  CHECK((*dense)[1 + 25].x == p.forward(mid).x);
  // Another Projection of the same definition gets the same points, remembered.
  bm::Projection again("", {69, 39, 72, 41});
  CHECK(again.project_line(line, 0.05) == dense);
  // A different line with the same length is not mistaken for it.
  bm::Line other = line;
  other[2].lat = 40.8;
  auto moved = again.project_line(other, 0.05);
  CHECK(moved != dense);
  CHECK(moved->back().y == p.forward(other.back()).y);
}

TEST_CASE("a projection of a definition seen before is the same transformation, checked alike",
          "[render][batch]") {
  // The second of each is cloned from the first (no database lookup).
  for (const std::string crs : {"", "EPSG:32642", "+proj=merc +datum=WGS84"}) {
    bm::Projection first(crs, {69, 39, 72, 41});
    bm::Projection second(crs, {69, 39, 72, 41});
    for (bm::LonLat q : {bm::LonLat{70.1, 39.9}, bm::LonLat{71.7, 40.8}}) {
      CHECK(second.forward(q).x == first.forward(q).x);
      CHECK(second.forward(q).y == first.forward(q).y);
      CHECK(second.inverse(first.forward(q)).lon == Approx(q.lon).margin(1e-9));
    }
  }
  // A refused CRS is refused every time: nothing of it was kept.
  CHECK_THROWS_AS(bm::Projection("EPSG:4978", {69, 39, 72, 41}), bm::UsageError);
  CHECK_THROWS_AS(bm::Projection("EPSG:4978", {69, 39, 72, 41}), bm::UsageError);
  CHECK_THROWS_AS(bm::Projection("foo", {69, 39, 72, 41}), bm::UsageError);
  CHECK_THROWS_AS(bm::Projection("foo", {69, 39, 72, 41}), bm::UsageError);
}
