// Golden tests: the fixture map as PNG (pixels, with tolerance) and as SVG
// text (normalised: every <text> with its position rounded to 1 pt). Update
// after an intended change with BORDERMAP_UPDATE_GOLDEN=1 and look at the
// new PNG before committing it.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>

#include "pipeline/maps.hpp"
#include "render/compare.hpp"
#include "support.hpp"

namespace {

std::string golden(const std::string& name) { return bm::test::data("../render/golden/" + name); }

bool updating() {
  const char* u = std::getenv("BORDERMAP_UPDATE_GOLDEN");
  return u && std::string(u) == "1";
}

// One line per text element: rounded x, y, size, text.
std::string normalise_svg_text(const std::string& svg) {
  std::string out;
  std::regex re(
      R"re(<text x="([-0-9.]+)" y="([-0-9.]+)"[^>]*font-size="([0-9.]+)"[^>]*>([^<]*)</text>)re");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), re); it != std::sregex_iterator();
       ++it) {
    out += std::to_string(std::lround(std::stod((*it)[1]))) + " " +
           std::to_string(std::lround(std::stod((*it)[2]))) + " " + (*it)[3].str() + " " +
           (*it)[4].str() + "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("golden report map (PNG pixels and SVG text)", "[render][golden]") {
  auto dir = bm::test::scratch("render_golden");
  bm::MapRequest o;
  o.chain.inputs = {bm::test::data("../render/data/kgtj_render.csv")};
  bm::RenderOptions png, svg;
  png.path = (dir / "report.png").string();
  svg.path = (dir / "report.svg").string();
  o.maps = {png, svg};
  bm::draw_maps(o);
  std::string texts = normalise_svg_text(bm::test::slurp(svg.path));
  REQUIRE(!texts.empty());
  if (updating()) {
    std::filesystem::copy_file(png.path, golden("report.png"),
                               std::filesystem::copy_options::overwrite_existing);
    std::ofstream(golden("report_text.txt"), std::ios::binary) << texts;
    WARN("golden files updated in tests/render/golden/");
    return;
  }
  REQUIRE(std::filesystem::exists(golden("report.png")));
  CHECK(texts == bm::test::slurp(golden("report_text.txt")));
  bm::PngDiff d = bm::compare_png(png.path, golden("report.png"), 24);
  INFO("differing pixels: " << d.differing << " (" << d.fraction * 100 << " %)");
  CHECK(d.width_a == d.width_b);
  CHECK(d.height_a == d.height_b);
  CHECK(d.fraction < 0.002);
}

TEST_CASE("PNG comparison sees a changed map", "[render][golden]") {
  auto dir = bm::test::scratch("render_golden_neg");
  bm::MapRequest o;
  o.chain.inputs = {bm::test::data("../render/data/kgtj_render.csv")};
  o.style = "dark";
  bm::RenderOptions png;
  png.path = (dir / "dark.png").string();
  o.maps = {png};
  bm::draw_maps(o);
  REQUIRE(std::filesystem::exists(golden("report.png")));
  CHECK(bm::compare_png(png.path, golden("report.png"), 24).fraction > 0.3);
}
