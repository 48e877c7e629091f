#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <regex>
#include <set>

#include "pipeline/own_layers_map.hpp"
#include "render/map.hpp"
#include "render/style.hpp"
#include "support.hpp"

namespace {

std::string fixture(const std::string& name) { return bm::test::data("render/" + name); }

bm::MapInputOptions own_layers(const std::string& points) {
  bm::MapInputOptions o;
  o.inputs = {fixture(points)};
  o.countries_file = fixture("countries.geojson");
  o.segments_file = fixture("segments.geojson");
  o.label_field = "label";
  return o;
}

std::pair<std::uint32_t, std::uint32_t> png_size(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  unsigned char h[24] = {};
  in.read(reinterpret_cast<char*>(h), sizeof h);
  REQUIRE(in.gcount() == 24);
  REQUIRE(std::string(reinterpret_cast<char*>(h + 12), 4) == "IHDR");
  auto be = [&](int at) {
    return (std::uint32_t{h[at]} << 24) | (std::uint32_t{h[at + 1]} << 16) |
           (std::uint32_t{h[at + 2]} << 8) | h[at + 3];
  };
  return {be(16), be(20)};
}

std::size_t overlapping(const std::vector<bm::DrawnBox>& boxes) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < boxes.size(); ++i)
    for (std::size_t j = i + 1; j < boxes.size(); ++j)
      n += boxes[i].x0 < boxes[j].x1 && boxes[j].x0 < boxes[i].x1 && boxes[i].y0 < boxes[j].y1 &&
           boxes[j].y0 < boxes[i].y1;
  return n;
}

}  // namespace

TEST_CASE(
    "own layers: a plain id,lon,lat,fatalities,label table on the user's countries and "
    "segments",
    "[render][own_layers]") {
  auto in = bm::read_map_inputs(own_layers("points.csv"));
  REQUIRE(in->read == 60);
  REQUIRE(in->rejected.empty());
  REQUIRE(in->data.incidents.size() == 60);
  REQUIRE(in->data.countries.size() == 2);
  CHECK(in->data.countries[0].name == "Westland");
  REQUIRE(in->data.segments.size() == 2);
  CHECK(in->data.segments[0].status == bm::SegmentStatus::disputed);
  CHECK(in->data.incidents[4].label == "Site 5");

  auto dir = bm::test::scratch("render_own_layers");
  bm::RenderOptions o;
  o.path = (dir / "map.png").string();
  o.width = 900, o.height = 600, o.dpi = 144;
  o.crs = "EPSG:32642";
  o.bbox = {69.5, 39.5, 71.5, 40.5};
  o.margin = 0.02;
  o.label_max = 30;
  bm::RenderResult r = bm::render_map(in->data, bm::load_style("report"), o);

  // Pixels = points x dpi / 72.
  CHECK(png_size(dir / "map.png") == std::make_pair(std::uint32_t{1800}, std::uint32_t{1200}));
  // Exactly the first 30 rows are labelled, by their own text; a loose grid
  // has room for nearly all (the legend covers the bottom-left corner).
  CHECK(r.incident_labels_requested == 30);
  CHECK(r.incident_labels_placed >= 27);
  CHECK(r.incident_labels_placed + r.unplaced.size() >= 30);
  std::set<std::string> texts;
  for (const auto& b : r.labels) texts.insert(b.what);
  CHECK(texts.count("label:Site 15"));
  CHECK(texts.count("label:Site 30"));
  CHECK_FALSE(texts.count("label:Site 31"));
  CHECK(texts.count("label:Westland"));
  // Only labelled incidents' symbols block labels.
  std::size_t symbols = 0;
  for (const auto& b : r.obstacles) symbols += b.what.rfind("symbol:", 0) == 0;
  CHECK(symbols == 30);
  // No claims panel without callout numbers: the frame takes the page width
  // less the margins.
  CHECK(r.frame[2] - r.frame[0] > 900 - 2 * 24 - 1);
  CHECK(overlapping(r.labels) == 0);
  for (const auto& b : r.labels) {
    CHECK(b.x0 >= r.frame[0]);
    CHECK(b.x1 <= r.frame[2]);
    CHECK(b.y0 >= r.frame[1]);
    CHECK(b.y1 <= r.frame[3]);
  }
}

TEST_CASE("own layers: a crowded cluster drops labels rather than overlap them",
          "[render][own_layers]") {
  auto in = bm::read_map_inputs(own_layers("points_dense.csv"));
  REQUIRE(in->data.incidents.size() == 150);
  auto dir = bm::test::scratch("render_own_layers_dense");
  std::size_t svg_placed = 0;
  for (const char* name : {"dense.svg", "dense.pdf"}) {
    bm::RenderOptions o;
    o.path = (dir / name).string();
    o.width = 600, o.height = 450;
    o.bbox = {69.5, 39.5, 71.5, 40.5};
    bm::RenderResult r = bm::render_map(in->data, bm::load_style("report"), o);
    INFO(name);
    // Incidents less than a point apart share one label: ~150 spots.
    CHECK(r.incident_labels_requested <= 150);
    CHECK(r.incident_labels_requested >= 145);
    CHECK(r.incident_labels_placed > 20);
    CHECK(r.incident_labels_placed < 150);  // 150 labels cannot fit in ~1/25 of the map
    CHECK(r.incident_labels_placed + r.unplaced.size() >= r.incident_labels_requested);
    if (std::string(name) == "dense.svg") svg_placed = r.incident_labels_placed;
    CHECK(overlapping(r.labels) == 0);
    CHECK(!r.leaders.empty());  // crowded: some labels moved out on a leader line
    for (const auto& l : r.leaders)
      for (const auto& f : r.obstacles) {
        if (f.what.rfind("symbol:", 0) == 0) continue;  // furniture only
        // Sampled along the line: no point of it inside the legend, scale bar...
        for (int k = 0; k <= 50; ++k) {
          double x = l.x0 + (l.x1 - l.x0) * k / 50, y = l.y0 + (l.y1 - l.y0) * k / 50;
          bool inside = x > f.x0 && x < f.x1 && y > f.y0 && y < f.y1;
          CHECK_FALSE(inside);
        }
      }
    for (const auto& b : r.labels)
      for (const auto& s : r.obstacles) {
        bool hit = b.x0 < s.x1 && s.x0 < b.x1 && b.y0 < s.y1 && s.y0 < b.y1;
        CHECK_FALSE(hit);
      }
  }
  std::string svg = bm::test::slurp(dir / "dense.svg");
  // Each placed label is real SVG text, and only those.
  std::size_t texts = 0;
  for (auto at = svg.find(">Dense "); at != std::string::npos; at = svg.find(">Dense ", at + 1))
    ++texts;
  CHECK(texts == svg_placed);
  CHECK(bm::test::slurp(dir / "dense.pdf").rfind("%PDF-", 0) == 0);
}

TEST_CASE("own layers: a label column that is missing keeps the callout labels",
          "[render][own_layers]") {
  auto o = own_layers("points.csv");
  o.label_field = "no_such_column";
  auto in = bm::read_map_inputs(o);
  REQUIRE(!in->data.incidents.empty());
  CHECK(in->data.incidents[0].label.empty());
  CHECK(bm::incident_field(*in->data.incidents[0].incident, "id") == "1");
}

TEST_CASE("own layers: SVG symbols are drawn once each and placed by <use>, whole",
          "[render][own_layers]") {
  auto in = bm::read_map_inputs(own_layers("points.csv"));
  auto dir = bm::test::scratch("render_own_layers_svg");
  bm::RenderOptions o;
  o.path = (dir / "map.svg").string();
  o.width = 500, o.height = 400;
  bm::render_map(in->data, bm::load_style("report"), o);
  std::string svg = bm::test::slurp(dir / "map.svg");
  std::size_t uses = 0;
  for (auto at = svg.find("<use xlink:href=\"#surface"); at != std::string::npos;
       at = svg.find("<use xlink:href=\"#surface", at + 1))
    ++uses;
  CHECK(uses == 60);  // one per incident
  // Each symbol definition lies inside its clip rectangle (Cairo 1.16
  // clipped recordings with negative extents to a quarter symbol).
  std::regex def(
      "<clipPath id=\"(clip[0-9]+)\">\\s*<rect x=\"0\" y=\"0\" width=\"([0-9.]+)\" "
      "height=\"([0-9.]+)\"/>\\s*</clipPath>\\s*<g id=\"surface[0-9]+\" "
      "clip-path=\"url\\(#\\1\\)\">([^]*?)</g>");
  std::regex number("-?[0-9]+(\\.[0-9]+)?");
  std::size_t defs = 0;
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), def); it != std::sregex_iterator();
       ++it) {
    ++defs;
    double side = std::min(std::stod((*it)[2]), std::stod((*it)[3]));
    std::string body = (*it)[4];
    auto d = body.find(" d=\"");
    REQUIRE(d != std::string::npos);
    std::string path = body.substr(d + 4, body.find('"', d + 4) - d - 4);
    for (auto n = std::sregex_iterator(path.begin(), path.end(), number);
         n != std::sregex_iterator(); ++n) {
      double v = std::stod(n->str());
      CHECK(v >= 0);
      CHECK(v <= side);
    }
  }
  CHECK(defs >= 2);     // several tolls, several symbols
  CHECK(defs <= uses);  // ... but shared between incidents
}

TEST_CASE("bordermap render --json reports the incident labels placed", "[render][own_layers]") {
  auto dir = bm::test::scratch("render_own_layers_cli");
  std::string cmd = std::string(BORDERMAP_BINARY) + " --json -q render " +
                    fixture("points_dense.csv") + " --countries " + fixture("countries.geojson") +
                    " --segments " + fixture("segments.geojson") +
                    " --label-field label --label-max 40 --size 600x450 --dpi 72 -o " +
                    (dir / "map.png").string();
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p);
  std::string out;
  char buf[4096];
  while (std::size_t n = std::fread(buf, 1, sizeof buf, p)) out.append(buf, n);
  REQUIRE(pclose(p) == 0);
  auto j = nlohmann::json::parse(out);
  CHECK(j["incidents_read"] == 150);
  CHECK(j["incidents_mapped"] == 150);
  CHECK(j["labels"]["requested"] == 40);
  CHECK(j["labels"]["placed"].get<int>() > 10);
  CHECK(j["labels"]["placed"].get<int>() <= 40);
  CHECK(j["labels"]["overlapping"] == 0);
}

TEST_CASE("own layers: rows without lon/lat are placed by the gazetteer or listed, not dropped",
          "[render][own_layers]") {
  bm::MapInputOptions o;
  o.inputs = {fixture("mixed.csv")};
  o.countries_file = fixture("countries.geojson");
  auto in = bm::read_map_inputs(o);
  CHECK(in->read == 3);
  REQUIRE(in->incidents.size() == 2);
  CHECK(in->incidents[0].id == "m1");
  CHECK(in->incidents[1].id == "m2");  // Vorukh, from the gazetteer
  REQUIRE(in->incidents[1].location);
  CHECK(in->incidents[1].location->lon == Approx(70.58).margin(0.05));
  CHECK(in->incidents[1].location->lat == Approx(39.85).margin(0.05));
  REQUIRE(in->rejected.size() == 1);
  CHECK(in->rejected[0].record == "m3");
  CHECK(in->rejected[0].line == 4);
  CHECK_THAT(in->rejected[0].reason, Catch::Contains("add lon/lat"));
}
