// An incident on a named stretch of a border ("the Upper Isfara stretch", a
// curated segment's id, "the X section of the A–B border") is drawn as that
// stretch's line highlighted, like a whole-border toll; names that match no
// segment, or several, stay in the rejected list.
#include <catch2/catch.hpp>

#include <algorithm>

#include "geodata/bundle.hpp"
#include "pipeline/border_places.hpp"
#include "pipeline/chain.hpp"
#include "pipeline/map_data.hpp"
#include "render/map.hpp"
#include "render/style.hpp"
#include "support.hpp"

TEST_CASE("a stretch is named by its words and a keyword, or by a segment id",
          "[pipeline][stretch]") {
  auto s = bm::stretch_name("the Upper Isfara stretch");
  REQUIRE(s);
  CHECK(s->words == "upper isfara");
  s = bm::stretch_name("the Tavush–Gazakh section of the Armenia–Azerbaijan border");
  REQUIRE(s);
  CHECK(s->words == "tavush gazakh");
  CHECK(s->border == "the Armenia–Azerbaijan border");
  s = bm::stretch_name("kg-tj-upper-isfara");
  REQUIRE(s);
  CHECK(s->id == "kg-tj-upper-isfara");
  CHECK(bm::id_countries(s->id)->second == "TJ");
  CHECK_FALSE(bm::stretch_name("Vorukh"));
  CHECK_FALSE(bm::stretch_name("a stretch of road near Isfara"));
  CHECK_FALSE(bm::stretch_name("Stretchville"));
}

TEST_CASE("a stretch's words pick one bundled segment, or none when several",
          "[pipeline][stretch]") {
  bm::Bundle bundle;
  const auto segments = bundle.segments();
  auto ids = [&](const std::string& place) {
    std::vector<std::string> out;
    for (const auto* seg : bm::named_segments(*bm::stretch_name(place), segments))
      if (std::find(out.begin(), out.end(), seg->id) == out.end()) out.push_back(seg->id);
    return out;
  };
  CHECK(ids("the Upper Isfara stretch") == std::vector<std::string>{"kg-tj-upper-isfara"});
  CHECK(ids("Golovnoi water intake section") == std::vector<std::string>{"kg-tj-upper-isfara"});
  CHECK(ids("the Kyzyl-Bel crossing stretch") == std::vector<std::string>{"kg-tj-kyzyl-bel"});
  CHECK(ids("KG-TJ-VORUKH-ENCLAVE") == std::vector<std::string>{"kg-tj-vorukh-enclave"});
  CHECK(ids("Isfara stretch").empty());  // two names hold "Isfara"
  CHECK(ids("the Nowhere stretch").empty());
}

TEST_CASE("an incident on a named stretch is drawn as that stretch's line", "[pipeline][stretch]") {
  bm::ChainOptions o;
  o.inputs = {bm::test::data("incidents_stretches.csv")};
  bm::Chain chain = bm::run_chain(o);
  REQUIRE(chain.border_lines.count("st1"));
  CHECK(chain.border_lines.at("st1").name == "Upper Isfara / Golovnoi water intake");
  REQUIRE(chain.border_lines.count("st2"));
  CHECK(chain.border_lines.at("st2").name.starts_with("Vorukh enclave perimeter"));
  REQUIRE(chain.border_lines.count("st3"));  // another border, from the world's segments
  CHECK(chain.border_lines.at("st3").a == "AM");
  CHECK_FALSE(chain.border_lines.count("st4"));
  CHECK_FALSE(chain.border_lines.count("st5"));
  // Drawn ones leave the rejected list; the others stay, with the reason.
  auto rejected = bm::not_drawn(chain.rejected, chain.border_lines);
  auto listed = [&](const std::string& id) {
    return std::any_of(rejected.begin(), rejected.end(),
                       [&](const bm::Rejection& r) { return r.record == id; });
  };
  CHECK_FALSE(listed("st1"));
  CHECK(listed("st4"));
  CHECK(listed("st5"));

  // The map: the stretch's line, labelled with its name and callout; the
  // legend explains the highlighted line.
  bm::MapData map = bm::report_map_data(chain, bm::MapText{});
  auto dir = bm::test::scratch("pipeline_stretch");
  bm::RenderOptions ro;
  ro.path = (dir / "stretch.png").string();
  bm::RenderResult r = bm::render_map(map, bm::load_style("report"), ro);
  auto labelled = [&](const std::string& part) {
    return std::any_of(r.labels.begin(), r.labels.end(), [&](const bm::DrawnBox& b) {
      return b.what.find(part) != std::string::npos;
    });
  };
  CHECK(labelled("Upper Isfara / Golovnoi water intake"));
  CHECK(labelled("Vorukh enclave perimeter"));
  CHECK(std::any_of(r.legend.begin(), r.legend.end(), [](const std::string& l) {
    return l.find("named stretch") != std::string::npos;
  }));
  std::size_t line_marks = 0;
  for (const auto& m : r.spread_marks) line_marks += m.area ? 0 : m.ids.size();
  CHECK(line_marks == 2);  // st1 and st2; the AM–AZ stretch is off this map
}
