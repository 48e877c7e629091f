// Linking without --border against the OSM-derived world segments
// (geodata/borders.gpkg): the stretch, its cited status and the side.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>

#include "geodata/world_borders.hpp"
#include "link/linker.hpp"
#include "link/segments_near.hpp"
#include "pipeline/chain.hpp"

namespace {

std::string data(const std::string& name) {
  return std::string(BORDERMAP_SOURCE_DIR) + "/tests/data/" + name;
}

const bm::BorderSegment* segment(const std::vector<bm::BorderSegment>& all, const std::string& id,
                                 const std::string& date) {
  for (const auto& s : all)
    if (s.id == id && bm::active_on(s, date)) return &s;
  return nullptr;
}

}  // namespace

TEST_CASE("an Armenia-Azerbaijan report without --border names the stretch and its cited status",
          "[link][borders]") {
  bm::ChainOptions o;
  o.inputs = {data("incidents_am_az.csv")};
  bm::Chain chain = bm::run_chain(o);
  CHECK(chain.a == "AM");
  CHECK(chain.b == "AZ");
  REQUIRE(chain.data.links.size() == 2);
  for (const auto& l : chain.data.links) {
    INFO(l.incident_id << " -> " << l.segment_id);
    CHECK(l.segment_id.rfind("AM-AZ", 0) == 0);
    CHECK(l.country == "AM");
    const bm::BorderSegment* s = segment(chain.data.segments, l.segment_id, "2023-04-11");
    REQUIRE(s != nullptr);
    CHECK_FALSE(s->name.empty());
    CHECK_FALSE(s->source.empty());  // cited: the contested_stretches.csv row
  }
  // Near Noyemberyan (April 2023): the Tavush-Gazakh stretch, disputed until
  // the delimitation of 24 May 2024, is cut to its cited 12.7 km between
  // the proxies, so the town lies by an undemarcated piece north of it and
  // links to the stretch as its nearest disputed one.
  auto tavush = std::find_if(chain.data.links.begin(), chain.data.links.end(),
                             [](const auto& l) { return l.incident_id == "amaz-test-2"; });
  REQUIRE(tavush != chain.data.links.end());
  CHECK(tavush->disputed_segment_id == "AM-AZ-tavush-gazakh");
  CHECK(tavush->segment_status == bm::SegmentStatus::undemarcated);
  const bm::BorderSegment* stretch =
      segment(chain.data.segments, "AM-AZ-tavush-gazakh", "2023-04-11");
  REQUIRE(stretch != nullptr);
  CHECK(stretch->status == bm::SegmentStatus::disputed);
}

TEST_CASE("a China-India report without --border links to the disputed LAC", "[link][borders]") {
  bm::ChainOptions o;
  o.inputs = {data("incidents_cn_in.csv")};
  bm::Chain chain = bm::run_chain(o);
  CHECK(chain.a == "CN");
  CHECK(chain.b == "IN");
  REQUIRE(chain.data.links.size() == 1);
  for (const auto& l : chain.data.links) {
    INFO(l.incident_id << " -> " << l.segment_id);
    CHECK(l.segment_id.rfind("CN-IN", 0) == 0);
    CHECK(l.segment_status == bm::SegmentStatus::disputed);
    CHECK(l.country == "IN");
  }
}

TEST_CASE("Kok-Tash and Samarkandyk are Kyrgyz and on the upper Isfara stretch",
          "[link][borders]") {
  bm::Bundle bundle;
  REQUIRE(bm::has_world_borders(bundle));
  // Reference rows kg_kok_tash and kg_samarkandyk (fact sheet coordinates).
  const bm::LonLat kok_tash{70.53583, 39.94972}, samarkandyk{70.54194, 39.99639};
  bm::Bounds area;
  area.add(kok_tash);
  area.add(samarkandyk);
  auto near = bm::segments_near(bundle, area);
  bm::LinkOptions options;
  options.a_left = near.a_left;
  bm::Linker linker(std::move(near.segments), bundle.countries({69, 39, 72, 41}), options);
  for (bm::LonLat p : {kok_tash, samarkandyk}) {
    bm::PointLink l = linker.link_point(p, "2022-09-16");
    INFO(p.lon << "," << p.lat << " nearest "
               << linker.segments()[static_cast<std::size_t>(l.segment)].id << " at "
               << l.distance_m << " m; countries " << linker.countries().size());
    REQUIRE(l.country >= 0);
    CHECK(linker.countries()[static_cast<std::size_t>(l.country)].iso2 == "KG");
    REQUIRE(l.disputed >= 0);
    CHECK(linker.segments()[static_cast<std::size_t>(l.disputed)].id == "kg-tj-upper-isfara");
  }
}

TEST_CASE("beyond the free end of a border line the country comes from the polygons, not a side",
          "[link][borders]") {
  // Angle Inlet (Northwest Angle, Minnesota; US in the OSM polygons and in
  // Natural Earth) lies 3.5 km past the end of CA-US-408 where the land
  // border meets the Lake of the Woods; the last edge's half-plane said CA.
  bm::Bundle bundle;
  REQUIRE(bm::has_world_borders(bundle));
  const bm::LonLat angle_inlet{-95.0647, 49.3453};
  bm::Bounds area;
  area.add(angle_inlet);
  auto near = bm::segments_near(bundle, area);
  bm::LinkOptions options;
  options.a_left = near.a_left;
  bm::Linker linker(std::move(near.segments), bundle.countries({-97, 48, -93, 51}), options);
  const bm::PointLink l = linker.link_point(angle_inlet, "");
  REQUIRE(l.segment >= 0);
  INFO("nearest " << linker.segments()[static_cast<std::size_t>(l.segment)].id << " at "
                  << l.distance_m << " m");
  REQUIRE(l.country >= 0);
  CHECK(linker.countries()[static_cast<std::size_t>(l.country)].iso2 == "US");
}

TEST_CASE("enclave rings carry the names a cited table gives, never the nearest town's",
          "[link][borders][enclaves]") {
  bm::Bundle bundle;
  std::map<std::string, std::string> named;                                      // name -> country
  for (const auto& p : bm::world_enclave_names(bundle, {70, 39.5, 72.5, 40.5}))  // Fergana valley
    named[p.name] = p.country;
  CHECK(named["Sokh"] == "UZ");  // the ring holding Ravon, Sokh's capital
  CHECK(named["Shakhimardan"] == "UZ");
  CHECK(named["Vorukh"] == "TJ");
  CHECK(named.count("Ravon") == 0);
  for (const auto& p : bm::world_enclave_names(bundle, {}))
    CHECK_FALSE(p.source.empty());  // every name cites its source
}

TEST_CASE("the nearest disputed stretch is found however far it lies from the incidents",
          "[link][borders]") {
  // Points hundreds of km from any disputed line (Herat, Lhasa, Tbilisi,
  // Windhoek): what the chain loads must give the same nearest disputed
  // segment as all the world's segments.
  bm::Bundle bundle;
  REQUIRE(bm::has_world_borders(bundle));
  const std::vector<bm::LonLat> points{{62.2, 34.35}, {91.1, 29.65}, {44.8, 41.7}, {17.08, -22.56}};
  auto disputed_id = [](const bm::Linker& linker, bm::LonLat p) {
    bm::PointLink l = linker.link_point(p, "2022-09-16");
    return l.disputed < 0 ? std::string("none")
                          : linker.segments()[static_cast<std::size_t>(l.disputed)].id;
  };
  bm::LinkOptions options;
  options.a_left = true;
  const bm::Linker everything(bm::world_segments(bundle, bm::Bounds{}), {}, options);
  for (bm::LonLat p : points) {
    bm::Bounds area;
    area.add(p);
    const bm::Linker loaded(bm::segments_near(bundle, area).segments, {}, options);
    INFO(p.lon << "," << p.lat);
    CHECK(disputed_id(loaded, p) == disputed_id(everything, p));
  }
}
