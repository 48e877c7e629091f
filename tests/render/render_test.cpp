#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <cmath>
#include <cstdlib>
#include <regex>
#include <set>

#include "core/error.hpp"
#include "core/filter.hpp"
#include "core/geodesic.hpp"
#include "pipeline/maps.hpp"
#include "render/map.hpp"
#include "render/page.hpp"
#include "render/scale.hpp"
#include "render/style.hpp"
#include "support.hpp"

namespace {

std::string fixture() { return bm::test::data("../render/data/kgtj_render.csv"); }

// Renders the fixture into `dir` with one map per options entry.
bm::MapRequest fixture_report(const std::filesystem::path&, std::vector<bm::RenderOptions> maps) {
  bm::MapRequest o;
  o.chain.inputs = {fixture()};
  o.chain.filter.border = "KG-TJ";
  o.maps = std::move(maps);
  return o;
}

bool overlaps(const bm::DrawnBox& a, const bm::DrawnBox& b) {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

}  // namespace

TEST_CASE("bundled styles load and invalid styles fail with file:line", "[render][style]") {
  for (const char* name : {"report", "print", "dark"}) {
    bm::Style s = bm::load_style(name);
    CHECK(s.name == name);
  }
  CHECK(bm::load_style("dark").page.r < 0.2);
  CHECK_THROWS_WITH(
      bm::parse_style("[colors]\nbordr_disputed = \"#ff0000\"\n", "x.toml"),
      Catch::Contains("x.toml:2") && Catch::Contains("unknown key 'colors.bordr_disputed'"));
  CHECK_THROWS_WITH(bm::parse_style("[colors]\nland = \"red\"\n", "x.toml"),
                    Catch::Contains("colors.land") && Catch::Contains("#rrggbb"));
  CHECK_THROWS_WITH(bm::parse_style("[sizes]\nlabel = \"big\"\n", "x.toml"),
                    Catch::Contains("sizes.label must be a number"));
  CHECK_THROWS_WITH(bm::parse_style("[layers]\ninset = 1\n", "x.toml"),
                    Catch::Contains("layers.inset must be true or false"));
  CHECK_THROWS_WITH(bm::parse_style("colour = 1\n", "x.toml"),
                    Catch::Contains("unknown key 'colour'"));
  CHECK_THROWS_AS(bm::load_style("no_such_style"), bm::ConfigError);
}

TEST_CASE("scale bar is true ground distance at the map centre", "[render][scale]") {
  // Three projections, one with strong scale distortion (Web Mercator at 60N).
  struct Case {
    std::string crs;
    bm::Bounds extent;
  };
  for (const Case& k : {Case{"", {69.3, 39.6, 71.9, 40.4}}, Case{"EPSG:3857", {20, 59, 30, 61}},
                        Case{"EPSG:32642", {69.3, 39.6, 71.9, 40.4}}}) {
    bm::Projection proj(k.crs, k.extent);
    bm::Viewport view(proj, k.extent, 10, 20, 800, 600);
    bm::ScaleBar sb = bm::compute_scale_bar(view, 160);
    INFO(k.crs << " bar " << sb.metres << " m over " << sb.length << " pt");
    REQUIRE(sb.length > 0);
    CHECK(sb.length <= 160);
    CHECK(sb.length >= 160 / 2.5 - 1);  // 1-2-5 steps never waste more than that
    // Independent check: walk half the bar's ground length east and west of
    // the centre along geodesics (the direct problem), project, measure.
    bm::XY c{10 + 400, 20 + 300};
    bm::LonLat centre = proj.inverse(view.to_metres(c));
    bm::XY e = view.to_device(bm::geodesic_direct(centre, 90, sb.metres / 2));
    bm::XY w = view.to_device(bm::geodesic_direct(centre, 270, sb.metres / 2));
    double device = std::hypot(e.x - w.x, e.y - w.y);
    CHECK(device == Approx(sb.length).epsilon(0.01));
  }
  // Web Mercator at 60N stretches by ~2: the bar must be about twice as long
  // in projected metres as on the ground.
  bm::Bounds ext{20, 59.5, 30, 60.5};
  bm::Projection merc("EPSG:3857", ext);
  bm::Viewport view(merc, ext, 0, 0, 800, 600);
  bm::ScaleBar sb = bm::compute_scale_bar(view, 160);
  double projected_m = sb.length * view.metres_per_unit();
  CHECK(projected_m / sb.metres == Approx(2.0).epsilon(0.02));
}

TEST_CASE("scale bar ticks each stand for a true, round distance", "[render][scale]") {
  for (double m : {1.0, 2.0, 5.0, 20.0, 500.0, 1000.0, 2000.0, 5000.0, 10000.0, 50000.0}) {
    bm::ScaleBar bar{m, 150};
    auto ticks = bm::scale_ticks(bar);
    INFO("bar of " << m << " m");
    REQUIRE(ticks.size() >= 3);
    CHECK(ticks.front().label == "0");
    CHECK(ticks.back().at == Approx(150));
    const double unit = m >= 1000 ? 1000 : 1;
    CHECK(ticks.back().label.find(unit == 1000 ? " km" : " m") != std::string::npos);
    for (std::size_t k = 0; k < ticks.size(); ++k) {
      // The label's number is the tick's true distance, to the metre...
      double shown = std::stod(ticks[k].label) * unit;
      CHECK(shown == Approx(ticks[k].metres).margin(1e-6));
      CHECK(ticks[k].at / 150 == Approx(ticks[k].metres / m));
      // ...and a round one: a whole unit or a half.
      double halves = ticks[k].metres / unit * 2;
      CHECK(halves == Approx(std::round(halves)).margin(1e-9));
    }
  }
  std::vector<std::string> five;
  for (const auto& t : bm::scale_ticks({5000, 100})) five.push_back(t.label);
  CHECK(five == std::vector<std::string>{"0", "1", "2", "3", "4", "5 km"});  // never "3 km"
  std::vector<std::string> one;
  for (const auto& t : bm::scale_ticks({1000, 100})) one.push_back(t.label);
  CHECK(one == std::vector<std::string>{"0", "0.5", "1 km"});
}

TEST_CASE("page sizes, bbox parsing and PNG pixels", "[render][page]") {
  auto a4 = bm::page_size("A4", false);
  CHECK(a4.width == Approx(595.28).margin(0.01));
  CHECK(a4.height == Approx(841.89).margin(0.01));
  auto l = bm::page_size("letter", true);
  CHECK(l.width == 792);
  CHECK(l.height == 612);
  CHECK_THROWS_AS(bm::page_size("B5", false), bm::UsageError);
  CHECK(bm::png_pixels(1200, 150) == 2500);
  auto b = *bm::parse_bbox("69.5,39.7,71,40.3");
  CHECK(b.min_lon == 69.5);
  CHECK(b.max_lat == 40.3);
  CHECK_THROWS_AS(bm::parse_bbox("71,39.7,69.5,40.3"), bm::UsageError);
  CHECK_THROWS_AS(bm::parse_bbox("1,2,3"), bm::UsageError);
  CHECK_THROWS_AS(bm::parse_bbox("a,b,c,d"), bm::UsageError);
}

TEST_CASE("report map: real SVG text, no overlaps, legend from what is drawn", "[render][map]") {
  auto dir = bm::test::scratch("render_map");
  bm::RenderOptions svg;
  svg.path = (dir / "map.svg").string();
  auto r = bm::draw_maps(fixture_report(dir, {svg}));
  REQUIRE(r.written.size() == 1);
  std::string text = bm::test::slurp(dir / "map.svg");

  // Every located incident's place is selectable text in the SVG, Cyrillic too.
  std::set<std::string> texts;
  std::regex re("<text[^>]*>([^<]*)</text>");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator();
       ++it)
    texts.insert((*it)[1].str());
  auto has_text = [&](const std::string& s) {
    for (const auto& t : texts)
      if (t.find(s) != std::string::npos) return true;
    return false;
  };
  for (const char* place : {"Samarkandyk", "Ovchi Kalacha", "Исфана", "Batken", "Vorukh"})
    CHECK(has_text(place));
  CHECK(has_text("Natural Earth"));
  CHECK(has_text("GeoNames"));
  CHECK(has_text("true at the map centre"));
  // No glyph outlines: cairo's glyph symbols are replaced by text.
  CHECK(text.find("<symbol") == std::string::npos);

  // Deterministic: the same input gives the same bytes.
  bm::RenderOptions svg2 = svg;
  svg2.path = (dir / "again.svg").string();
  bm::draw_maps(fixture_report(dir, {svg2}));
  CHECK(bm::test::slurp(dir / "again.svg") == text);
}

TEST_CASE("label placement: zero overlaps, inside the frame, incidents all labelled",
          "[render][labels]") {
  auto dir = bm::test::scratch("render_labels");
  // A wide layout and a portrait A4 page (panel below the map).
  for (const char* page : {"", "A4"}) {
    bm::RenderOptions o;
    o.path = (dir / (std::string("map") + page + ".png")).string();
    o.page = page;
    bm::MapRequest ro = fixture_report(dir, {o});
    auto r = bm::draw_maps(ro);
    REQUIRE(r.written.size() == 1);
    REQUIRE(r.maps.size() == 1);
    const bm::RenderResult& m = r.maps[0];
    INFO("page " << page);
    REQUIRE(m.labels.size() > 10);
    CHECK(m.unplaced.empty());
    for (std::size_t i = 0; i < m.labels.size(); ++i) {
      const auto& a = m.labels[i];
      CHECK(a.x0 >= m.frame[0]);
      CHECK(a.y0 >= m.frame[1]);
      CHECK(a.x1 <= m.frame[2]);
      CHECK(a.y1 <= m.frame[3]);
      for (std::size_t j = i + 1; j < m.labels.size(); ++j) {
        INFO(a.what << " vs " << m.labels[j].what);
        CHECK_FALSE(overlaps(a, m.labels[j]));
      }
      for (const auto& ob : m.obstacles) {
        INFO(a.what << " vs " << ob.what);
        CHECK_FALSE(overlaps(a, ob));
      }
    }
    // Incidents with a location all carry their number on the map (or in
    // its detail inset, which labels a tight cluster).
    std::set<std::string> numbers;
    std::vector<bm::DrawnBox> all = m.labels;
    all.insert(all.end(), m.detail_labels.begin(), m.detail_labels.end());
    for (const auto& l : all) {
      std::string s = l.what;
      std::regex num("([0-9]+)");
      for (auto it = std::sregex_iterator(s.begin(), s.end(), num); it != std::sregex_iterator();
           ++it)
        numbers.insert((*it)[1].str());
    }
    for (int n = 1; n <= 14; ++n) CHECK(numbers.count(std::to_string(n)));
  }
}

TEST_CASE("legend entries match the categories drawn", "[render][legend]") {
  auto dir = bm::test::scratch("render_legend");
  bm::RenderOptions o;
  o.path = (dir / "map.svg").string();
  auto r = bm::draw_maps(fixture_report(dir, {o}));
  REQUIRE(r.maps.size() == 1);
  const auto& legend = r.maps[0].legend;
  auto has = [&](const std::string& s) {
    for (const auto& e : legend)
      if (e.find(s) != std::string::npos) return true;
    return false;
  };
  CHECK(has("Border disputed"));
  CHECK(has("Armed clash"));
  CHECK(has("Shelling"));
  CHECK(has("Drone strike"));
  CHECK(has("Attack on civilians"));
  CHECK(has("Evacuation"));
  CHECK(has("Located only to a region"));  // fixture r11 has geo_precision 3
  CHECK(has("Claims differ"));             // r1, r4, r12 have conflicting tolls
  CHECK(has("Killed"));
  CHECK_FALSE(has("Air strike"));   // not in the data: not in the legend
  CHECK_FALSE(has("Placed near"));  // every fixture row has its own point
}

TEST_CASE("a place known only by its district gets a ring as wide as its uncertainty",
          "[render][legend]") {
  auto dir = bm::test::scratch("render_near");
  bm::MapRequest o = fixture_report(dir, {});
  o.chain.inputs = {bm::test::data("incidents_near.csv")};
  bm::RenderOptions svg;
  svg.path = (dir / "map.svg").string();
  o.maps = {svg};
  auto r = bm::draw_maps(o);
  REQUIRE(r.maps.size() == 1);
  bool ring = false;
  for (const auto& e : r.maps[0].legend) ring = ring || e.find("Placed near") != std::string::npos;
  CHECK(ring);  // Kolkand stands at Isfara District's point, ±25 km
}

TEST_CASE("PDF pages and PNG resolution are what was asked", "[render][formats]") {
  auto dir = bm::test::scratch("render_formats");
  bm::RenderOptions pdf;
  pdf.path = (dir / "map.pdf").string();
  pdf.page = "A4";
  pdf.landscape = true;
  bm::RenderOptions a3 = pdf;
  a3.path = (dir / "a3.pdf").string();
  a3.page = "A3";
  a3.landscape = false;
  bm::RenderOptions png;
  png.path = (dir / "map.png").string();
  png.dpi = 150;
  bm::draw_maps(fixture_report(dir, {pdf, a3, png}));
  auto media = [&](const std::string& file) {
    std::string s = bm::test::slurp(dir / file);
    std::smatch m;
    REQUIRE(std::regex_search(s, m, std::regex(R"(/MediaBox \[\s*0 0 ([0-9.]+) ([0-9.]+)\s*\])")));
    return std::make_pair(std::stod(m[1]), std::stod(m[2]));
  };
  auto [w, h] = media("map.pdf");
  CHECK(w == Approx(841.89).margin(0.5));
  CHECK(h == Approx(595.28).margin(0.5));
  auto [w3, h3] = media("a3.pdf");
  CHECK(w3 == Approx(841.89).margin(0.5));
  CHECK(h3 == Approx(1190.55).margin(0.5));
  std::string p = bm::test::slurp(dir / "map.png");
  REQUIRE(p.substr(1, 3) == "PNG");
  auto be32 = [&](std::size_t at) {
    return (static_cast<unsigned char>(p[at]) << 24) |
           (static_cast<unsigned char>(p[at + 1]) << 16) |
           (static_cast<unsigned char>(p[at + 2]) << 8) | static_cast<unsigned char>(p[at + 3]);
  };
  CHECK(be32(16) == 2500);  // 1200 pt at 150 dpi
  CHECK(be32(20) == 1708);  // 820 pt at 150 dpi
}

TEST_CASE("bordermap render: options and exit codes", "[render][cli]") {
  auto dir = bm::test::scratch("render_cli");
  auto run = [&](const std::string& args) {
    std::string cmd = std::string(BORDERMAP_BINARY) + " render " + fixture() + " " + args + " > " +
                      (dir / "out.txt").string() + " 2>&1";
    int rc = std::system(cmd.c_str());
    return WEXITSTATUS(rc);
  };
  std::string out = (dir / "m.pdf").string();
  CHECK(
      run("-o " + out +
          " --page Letter --landscape --style print --crs EPSG:32642 --bbox 69.3,39.6,71.9,40.4") ==
      0);
  CHECK(bm::test::slurp(out).substr(0, 5) == "%PDF-");
  CHECK(run("-o " + out + " --page B5") == 2);
  CHECK_THAT(bm::test::slurp(dir / "out.txt"), Catch::Contains("A4, A3 or Letter"));
  CHECK(run("-o " + (dir / "m.gif").string()) == 2);
  CHECK(run("-o " + out + " --bbox 1,2") == 2);
  CHECK(run("-o " + out + " --crs EPSG:99999") == 2);
  CHECK(run("-o " + out + " --style no_such_style") == 1);
  CHECK(run("-o " + out + " --landscape") == 2);
  // Options before the input: -o takes one value, the CSV stays an input.
  std::string cmd = std::string(BORDERMAP_BINARY) + " render -o " + (dir / "a.svg").string() +
                    " -o " + (dir / "a.png").string() + " " + fixture() + " > /dev/null 2>&1";
  CHECK(WEXITSTATUS(std::system(cmd.c_str())) == 0);
  CHECK(std::filesystem::exists(dir / "a.svg"));
  CHECK(std::filesystem::exists(dir / "a.png"));
}

TEST_CASE("print style tells border statuses apart in greyscale", "[render][style]") {
  bm::Style s = bm::load_style("print");
  auto luma = [](const bm::Color& c) { return 0.299 * c.r + 0.587 * c.g + 0.114 * c.b; };
  const bm::Color* status[] = {&s.border_disputed, &s.border_undemarcated, &s.border_delimited,
                               &s.border_unknown};
  for (int i = 0; i < 4; ++i)
    for (int j = i + 1; j < 4; ++j) {
      INFO("statuses " << i << " and " << j);
      CHECK(std::abs(luma(*status[i]) - luma(*status[j])) >= 0.12);
    }
  // Land, the focus countries and the outside differ in lightness too.
  CHECK(std::abs(luma(s.land) - luma(s.land_focus)) >= 0.08);
  CHECK(std::abs(luma(s.background) - luma(s.land_focus)) >= 0.08);
}
