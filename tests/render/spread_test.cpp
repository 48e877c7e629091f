// Incidents known only to an area are drawn as that area (hatched outline,
// labelled), incidents on "the border" as that line highlighted; the legend
// says how to read each. Built from the bundled regions and border.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "geodata/bundle.hpp"
#include "geodata/world_borders.hpp"
#include "golden/golden_support.hpp"
#include "link/linker.hpp"
#include "render/compare.hpp"
#include "render/map.hpp"
#include "render/style.hpp"
#include "support.hpp"

namespace {

struct SpreadFixture {
  std::vector<bm::Incident> incidents;
  bm::MapData data;
};

const bm::Region& region_named(const std::vector<bm::Region>& regions, const std::string& name) {
  auto it = std::find_if(regions.begin(), regions.end(),
                         [&](const bm::Region& r) { return r.name == name; });
  REQUIRE(it != regions.end());
  return *it;
}

// Two shellings known only to Batken Region, a toll "on the border", and
// one village incident; `spread` false draws the old way (points only).
std::unique_ptr<SpreadFixture> make_fixture(bool spread) {
  auto f = std::make_unique<SpreadFixture>();
  bm::Bundle bundle;
  const bm::Bounds near{68.5, 38.8, 73.0, 41.2};
  f->data.countries = bundle.countries(near);
  f->data.regions = bundle.regions(near);
  for (const auto& p : bm::world_enclaves(bundle, near))  // which small parts are enclaves
    if (p.point) f->data.enclave_points.push_back(*p.point);
  f->data.focus = {"KG", "TJ"};
  // The KG–TJ border only: the bundle holds every land border of the world.
  f->data.segments = bm::border_segments(bundle, "KG", "TJ", bundle.countries());
  f->data.as_of = "2022-09-16";
  f->data.title = "Areas drawn as areas";
  const bm::Region& batken = region_named(f->data.regions, "Batken Region");
  bm::Bounds b = bm::bounds_of(batken.area);
  auto incident = [&](std::string id, std::string place, bm::GeoPrecision p) {
    bm::Incident i;
    i.id = std::move(id);
    i.place = std::move(place);
    i.precision = p;
    i.event_type = "shelling";
    i.date = {"2022-09-16", "2022-09-16", "day"};
    return i;
  };
  f->incidents.push_back(incident("a1", "Batken Region", bm::GeoPrecision::region));
  f->incidents.push_back(incident("a2", "Batken Region", bm::GeoPrecision::region));
  f->incidents.push_back(incident("b1", "Kyrgyzstan–Tajikistan border", bm::GeoPrecision::unknown));
  f->incidents.push_back(incident("v1", "Vorukh", bm::GeoPrecision::settlement));
  for (std::size_t k : {0u, 1u})
    f->incidents[k].location = bm::LonLat{(b.min_lon + b.max_lon) / 2, (b.min_lat + b.max_lat) / 2};
  f->incidents[2].event_type = "armed_clash";
  f->incidents[3].location = bm::LonLat{70.586, 39.853};
  auto area = std::make_shared<const bm::MultiPolygon>(batken.area);
  std::vector<bm::Line> border;
  for (const auto& s : f->data.segments)
    for (const auto& l : s.lines) border.push_back(l);
  int n = 0;
  for (const auto& i : f->incidents) {
    bm::MapIncident mi{&i, nullptr, ++n};
    if (spread && i.precision == bm::GeoPrecision::region) {
      mi.area = area;
      mi.area_name = "Batken Region";
    }
    if (i.id == "b1") {
      if (!spread) continue;  // today's chain rejects it: not on the map at all
      mi.lines = border;
    }
    f->data.incidents.push_back(mi);
  }
  return f;
}

bool has(const std::vector<std::string>& v, const std::string& part) {
  return std::any_of(v.begin(), v.end(),
                     [&](const std::string& s) { return s.find(part) != std::string::npos; });
}

bool has_box(const std::vector<bm::DrawnBox>& v, const std::string& what) {
  return std::any_of(v.begin(), v.end(), [&](const bm::DrawnBox& b) { return b.what == what; });
}

std::string golden(const std::string& name) { return bm::test::data("../render/golden/" + name); }

}  // namespace

TEST_CASE("an area-only incident is its area hatched, a border toll its line highlighted",
          "[render][spread]") {
  auto dir = bm::test::scratch("render_spread");
  auto spread = make_fixture(true);
  auto points = make_fixture(false);
  bm::Style style = bm::load_style("report");
  bm::RenderOptions o;
  o.bbox = {69.2, 39.4, 72.2, 40.7};
  o.path = (dir / "spread.png").string();
  bm::RenderResult r = bm::render_map(spread->data, style, o);
  o.path = (dir / "points.png").string();
  bm::render_map(points->data, style, o);

  // One label for the area listing both incidents, one for the border line.
  std::vector<std::string> labels;
  for (const auto& l : r.labels) labels.push_back(l.what);
  CHECK(has(labels, "label:Batken Region 1,2"));
  CHECK(has(labels, "label:Kyrgyzstan–Tajikistan border 3"));
  CHECK(r.incident_labels_placed == r.incident_labels_requested);
  // No point symbol for what is not a point; the village keeps its symbol.
  CHECK_FALSE(has_box(r.obstacles, "symbol:1"));
  CHECK_FALSE(has_box(r.obstacles, "symbol:3"));
  CHECK(has_box(r.obstacles, "symbol:4"));
  // The legend explains both and no longer shows the region circle.
  CHECK(has(r.legend, "Known only to a region or district"));
  CHECK(has(r.legend, "Reported on the border"));
  CHECK_FALSE(has(r.legend, "Located only to a region"));
  // The hatched region and the highlighted border change far more of the
  // map than a 14 pt circle would (under 0.2 % of the page).
  bm::PngDiff d = bm::compare_png((dir / "spread.png").string(), (dir / "points.png").string(), 24);
  INFO("differing: " << d.fraction * 100 << " %");
  CHECK(d.fraction > 0.03);

  if (std::getenv("BORDERMAP_UPDATE_GOLDEN") &&
      std::string(std::getenv("BORDERMAP_UPDATE_GOLDEN")) == "1") {
    std::filesystem::copy_file(dir / "spread.png", golden("spread.png"),
                               std::filesystem::copy_options::overwrite_existing);
    WARN("golden spread.png updated");
    return;
  }
  REQUIRE(std::filesystem::exists(golden("spread.png")));
  bm::PngDiff g = bm::compare_png((dir / "spread.png").string(), golden("spread.png"), 24);
  INFO("differing from the golden: " << g.fraction * 100 << " %");
  CHECK(g.width_a == g.width_b);
  CHECK(g.fraction < 0.002);
}

TEST_CASE("a venue far from the border goes to the locator, not into the frame",
          "[render][extent]") {
  auto dir = bm::test::scratch("render_far");
  std::vector<bm::Incident> inc(3);
  std::vector<bm::Link> links(3);
  const bm::LonLat at[] = {{70.60, 39.95}, {70.65, 39.98}, {66.97, 39.65}};  // the last 300 km off
  for (std::size_t k = 0; k < 3; ++k) {
    inc[k].id = "i" + std::to_string(k);
    inc[k].place = "p" + std::to_string(k);
    inc[k].location = at[k];
    inc[k].precision = bm::GeoPrecision::settlement;
    inc[k].event_type = k < 2 ? "shelling" : "ceasefire";
    links[k].incident_id = inc[k].id;
    links[k].distance_m = k < 2 ? 1000 : 300000;
  }
  auto draw = [&](const std::string& name) {
    bm::MapData d;
    d.focus = {"KG", "TJ"};
    for (std::size_t k = 0; k < 3; ++k)
      d.incidents.push_back({&inc[k], &links[k], static_cast<int>(k) + 1});
    bm::RenderOptions o;
    o.path = (dir / name).string();
    return bm::render_map(d, bm::load_style("report"), o);
  };
  bm::RenderResult venue = draw("venue.svg");
  CHECK(has_box(venue.obstacles, "symbol:1"));
  CHECK_FALSE(has_box(venue.obstacles, "symbol:3"));  // outside the frame
  CHECK(venue.scale_bar_metres <= 5000);              // the frame fits the two near incidents
  CHECK(bm::test::slurp(dir / "venue.svg").find("(outside this map)") != std::string::npos);
  inc[2].event_type = "shelling";  // a violent incident far off is part of the story
  bm::RenderResult violent = draw("violent.svg");
  CHECK(has_box(violent.obstacles, "symbol:3"));
  CHECK(violent.scale_bar_metres >= 50000);
}

TEST_CASE("report draws its maps with render's layout options", "[render][report]") {
  auto dir = bm::test::scratch("render_report_options");
  int rc = bm::test::run_cli(
      "report -o " + dir.string() + " --formats png --page A4 --landscape --dpi 72 --label-max 3",
      (dir / "log.txt").string());
  INFO(bm::test::slurp(dir / "log.txt"));
  REQUIRE(rc == 0);
  std::string png = (dir / "report.png").string();
  bm::PngDiff d = bm::compare_png(png, png, 0);
  CHECK(d.width_a == 842);  // A4 landscape at 72 dpi
  CHECK(d.height_a == 595);
}

TEST_CASE("enclaves are labelled with the gazetteer's name, else their country's",
          "[render][enclave]") {
  auto dir = bm::test::scratch("render_enclave");
  std::string svg = (dir / "map.svg").string();
  REQUIRE(
      bm::test::run_cli("render " + bm::test::data("../render/data/kgtj_render.csv") + " -o " + svg,
                        (dir / "log.txt").string()) == 0);
  std::string text = bm::test::slurp(svg);
  CHECK(text.find(">Vorukh</text>") != std::string::npos);  // the enclave, not "Vorukh 14"
  CHECK(text.find(">Vorukh 14</text>") != std::string::npos);
}
