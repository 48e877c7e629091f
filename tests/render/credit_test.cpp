#include <cairo.h>
#include <catch2/catch.hpp>

#include <sstream>

#include "pipeline/own_layers_map.hpp"
#include "render/backend.hpp"
#include "render/canvas.hpp"
#include "render/furniture.hpp"
#include "render/style.hpp"
#include "support.hpp"

namespace {

std::unique_ptr<bm::MapInputs> dense_points() {
  bm::MapInputOptions o;
  o.inputs = {bm::test::data("render/points_dense.csv")};
  o.countries_file = bm::test::data("render/countries.geojson");
  o.label_field = "label";
  return bm::read_map_inputs(o);
}

// Words of `text`, in order, separated by single spaces.
std::string words(const std::string& text) {
  std::istringstream in(text);
  std::string w, out;
  while (in >> w) out += (out.empty() ? "" : " ") + w;
  return out;
}

}  // namespace

TEST_CASE("the credit wraps on a narrow map instead of being cut", "[render][credit]") {
  auto in = dense_points();
  REQUIRE(!in->data.attribution.empty());
  const bm::Style style = bm::load_style("report");
  bm::SurfacePtr s(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1));
  bm::ContextPtr cr(cairo_create(s.get()));
  const double size = style.label_size - 1.5;

  auto wide = bm::credit_lines(cr.get(), style, in->data, 5000);
  REQUIRE(wide.size() == 1);
  CHECK(wide[0] == in->data.attribution + " · Incidents: points_dense.csv");

  for (double width : {180.0, 260.0, 400.0}) {
    INFO("width " << width);
    auto lines = bm::credit_lines(cr.get(), style, in->data, width);
    CHECK(lines.size() >= 2);
    std::string all;
    for (const auto& l : lines) {
      CHECK(bm::measure_text(cr.get(), style.font, size, l).width <= width);
      all += (all.empty() ? "" : " ") + l;
    }
    // Every word of the licences, in order, then the sources on their own line.
    CHECK(words(all).rfind(words(in->data.attribution), 0) == 0);
    CHECK(lines.back() == "Incidents: points_dense.csv");
  }
}

TEST_CASE("claims conflict only when no one number fits them all", "[render][claims]") {
  auto claim = [](std::optional<long> low, std::optional<long> high, bool approx = false) {
    bm::Claim c;
    c.kind = "killed";
    c.low = low;
    c.high = high;
    c.approx = approx;
    return c;
  };
  auto conflict = [](std::vector<bm::Claim> cs) {
    std::vector<const bm::Claim*> ptrs;
    for (const auto& c : cs) ptrs.push_back(&c);
    return bm::figures_conflict(ptrs);
  };
  CHECK_FALSE(conflict({claim(15, std::nullopt), claim(15, 15)}));  // "at least 15" and "15"
  CHECK(conflict({claim(15, 15), claim(12, 12)}));
  CHECK_FALSE(conflict({claim(10, 20), claim(12, 12)}));              // a range holding the other
  CHECK(conflict({claim(std::nullopt, 5), claim(8, std::nullopt)}));  // "up to 5" vs "at least 8"
  CHECK_FALSE(conflict({claim(137000, 137000, true), claim(136000, 136000)}));  // "about"
  CHECK(conflict({claim(137000, 137000), claim(136000, 136000)}));
}
