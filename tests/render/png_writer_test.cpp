#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <vector>

#include "core/error.hpp"
#include "pipeline/own_layers_map.hpp"
#include "render/compare.hpp"
#include "render/map.hpp"
#include "render/style.hpp"
#include "support.hpp"

namespace {

int png_colour_type(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char h[26] = {};
  in.read(h, sizeof h);
  REQUIRE(in.gcount() == 26);
  return static_cast<unsigned char>(h[25]);
}

}  // namespace

TEST_CASE("PNG writer: opaque maps are RGB, a transparent page RGBA, both decode",
          "[render][png]") {
  auto dir = bm::test::scratch("png_writer");
  bm::MapInputOptions in;
  in.inputs = {bm::test::data("render/points.csv")};
  in.countries_file = bm::test::data("render/countries.geojson");
  auto data = bm::read_map_inputs(in);
  {
    std::ofstream style(dir / "clear.toml");
    style << "[colors]\npage = \"#ffffff00\"\n";
  }
  for (bool opaque : {true, false}) {
    bm::RenderOptions o;
    o.path = (dir / (opaque ? "opaque.png" : "clear.png")).string();
    o.width = 400, o.height = 300, o.dpi = 72;
    bm::render_map(data->data, bm::load_style(opaque ? "report" : (dir / "clear.toml").string()),
                   o);
    INFO(o.path);
    CHECK(png_colour_type(o.path) == (opaque ? 2 : 6));  // RGB / RGBA
    // cairo's reader (libpng) decodes it: an independent decoder.
    bm::PngDiff same = bm::compare_png(o.path, o.path, 0);
    CHECK(same.width_a == 400);
    CHECK(same.height_a == 300);
    CHECK(same.differing == 0);
  }
  // The transparent page differs from the white one; the map frame (a good
  // quarter of the page here) does not.
  bm::PngDiff d = bm::compare_png((dir / "opaque.png").string(), (dir / "clear.png").string(), 24);
  CHECK(d.fraction > 0.01);
  CHECK(d.fraction < 0.75);
}

TEST_CASE("a PNG drawn in two bands on two threads equals the one-pass drawing", "[render][png]") {
  auto dir = bm::test::scratch("png_bands");
  bm::MapInputOptions in;
  in.inputs = {bm::test::data("render/points_dense.csv")};
  in.countries_file = bm::test::data("render/countries.geojson");
  in.segments_file = bm::test::data("render/segments.geojson");
  in.label_field = "label";
  auto data = bm::read_map_inputs(in);
  std::vector<bm::RenderResult> results;
  for (const char* bands : {"0", "1"}) {
    setenv("BORDERMAP_PNG_BANDS", bands, 1);
    bm::RenderOptions o;
    o.path = (dir / (std::string("bands") + bands + ".png")).string();
    o.width = 700, o.height = 500, o.dpi = 150;  // 1458 x 1042 px: split at row 521
    o.crs = "EPSG:32642";
    results.push_back(bm::render_map(data->data, bm::load_style("report"), o));
  }
  unsetenv("BORDERMAP_PNG_BANDS");
  CHECK(bm::test::slurp(dir / "bands0.png") == bm::test::slurp(dir / "bands1.png"));
  CHECK(results[0].incident_labels_placed == results[1].incident_labels_placed);
  CHECK(results[0].labels.size() == results[1].labels.size());
  CHECK(results[1].incident_labels_placed > 20);
}
