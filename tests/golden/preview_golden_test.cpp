// The style previews in styles/previews/ are the render goldens: each is
// redrawn by the command that made it and compared pixel by pixel.
// Tolerance: a pixel differs when any channel differs by more than 24 (of
// 255: anti-aliasing and font hinting), and at most 0.2 % of the pixels may
// differ. BORDERMAP_UPDATE_GOLDEN=1 redraws the previews in place.
#include <catch2/catch.hpp>

#include <filesystem>

#include "golden/golden_support.hpp"
#include "render/compare.hpp"
#include "support.hpp"

namespace fs = std::filesystem;

namespace {

constexpr int channel_tolerance = 24;
constexpr double pixel_fraction = 0.002;

fs::path preview(const std::string& name) {
  return fs::path(BORDERMAP_SOURCE_DIR) / "styles/previews" / (name + ".png");
}

void compare_with_preview(const fs::path& drawn, const std::string& name) {
  if (bm::test::updating_goldens()) {
    fs::copy_file(drawn, preview(name), fs::copy_options::overwrite_existing);
    WARN("preview redrawn: " << preview(name).string() << " (look at it before committing)");
    return;
  }
  REQUIRE(fs::exists(preview(name)));
  bm::PngDiff d = bm::compare_png(drawn.string(), preview(name).string(), channel_tolerance);
  INFO(name << ": " << d.width_a << "x" << d.height_a << " drawn, " << d.width_b << "x"
            << d.height_b << " golden; " << d.differing << " pixels differ (" << d.fraction * 100
            << " %); drawn file kept at " << drawn.string());
  CHECK(d.width_a == d.width_b);
  CHECK(d.height_a == d.height_b);
  CHECK(d.fraction < pixel_fraction);
}

}  // namespace

TEST_CASE("golden previews: each style draws its preview", "[golden][render]") {
  const std::string style = GENERATE(as<std::string>{}, "report", "print", "dark");
  fs::path out = bm::test::scratch("golden_preview_" + style);
  fs::path png = out / (style + ".png");
  int rc = bm::test::run_cli("render " + bm::test::data("../render/data/kgtj_render.csv") + " -o " +
                                 png.string() + " --style " + style,
                             (out / "log.txt").string());
  INFO(bm::test::slurp(out / "log.txt"));
  REQUIRE(rc == 0);
  compare_with_preview(png, style);
}

TEST_CASE("golden previews: the default report", "[golden][render]") {
  fs::path out = bm::test::scratch("golden_preview_default");
  int rc =
      bm::test::run_cli("report -o " + out.string() + " --formats png", (out / "log.txt").string());
  INFO(bm::test::slurp(out / "log.txt"));
  REQUIRE(rc == 0);
  compare_with_preview(out / "report.png", "default_report");
}

TEST_CASE("golden previews: a different style does not pass as the preview", "[golden][render]") {
  fs::path out = bm::test::scratch("golden_preview_neg");
  fs::path png = out / "dark.png";
  REQUIRE(bm::test::run_cli("render " + bm::test::data("../render/data/kgtj_render.csv") + " -o " +
                                png.string() + " --style dark",
                            (out / "log.txt").string()) == 0);
  CHECK(bm::compare_png(png.string(), preview("report").string(), channel_tolerance).fraction >
        pixel_fraction);
}
