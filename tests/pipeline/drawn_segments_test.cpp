// Which border stretches a report map draws: the focus border's, and another
// border's only where a point incident lies near it. A far venue's nearest
// segment stays in the data (links, segments layer) but is not drawn.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>

#include "pipeline/chain.hpp"
#include "pipeline/link_table.hpp"
#include "pipeline/map_data.hpp"
#include "support.hpp"

namespace {

const bm::Link& link_of(const bm::Chain& chain, const std::string& id) {
  auto it = std::find_if(chain.data.links.begin(), chain.data.links.end(),
                         [&](const bm::Link& l) { return l.incident_id == id; });
  REQUIRE(it != chain.data.links.end());
  return *it;
}

bool drawn(const bm::MapData& map, const std::string& segment_id) {
  return std::any_of(map.segments.begin(), map.segments.end(),
                     [&](const bm::BorderSegment& s) { return s.id == segment_id; });
}

}  // namespace

TEST_CASE("a map draws another border's stretch only near a point incident", "[pipeline]") {
  auto path = bm::test::scratch("drawn_segments") / "incidents.csv";
  std::ofstream(path) << "id,date_start,event_type,lon,lat\n"
                         "koktash,2022-09-17,shelling,70.5358,39.9500\n"
                         "samarkandyk,2022-09-17,shelling,70.5419,39.9791\n"
                         "osh,2022-09-18,protest,72.7985,40.5283\n"       // ~2 km from KG-UZ
                         "venue,2022-09-16,ceasefire,66.9645,39.6547\n";  // ~40 km from TJ-UZ
  bm::ChainOptions o;
  o.inputs = {path.string()};
  bm::Chain chain = bm::run_chain(o);
  REQUIRE(chain.a + "-" + chain.b == "KG-TJ");
  bm::MapData map = bm::report_map_data(chain, {});

  const bm::Link& osh = link_of(chain, "osh");
  CHECK(osh.distance_m < 25000);
  CHECK(drawn(map, osh.segment_id));

  const bm::Link& venue = link_of(chain, "venue");
  CHECK(venue.distance_m > 25000);
  CHECK_FALSE(drawn(map, venue.segment_id));
  CHECK(std::any_of(chain.data.segments.begin(), chain.data.segments.end(),
                    [&](const bm::BorderSegment& s) { return s.id == venue.segment_id; }));

  for (const auto& s : chain.data.segments)
    if (s.country_a == "KG" && s.country_b == "TJ") CHECK(drawn(map, s.id));
}

TEST_CASE("a table spread over continents links each incident as `link` does", "[pipeline]") {
  // Two points far out in the Barents Sea and one by Vorukh: the area near
  // them all spans Kazakhstan, whose border with Russia was once the sea
  // points' answer although Norway–Russia's ends 350 km from them.
  auto dir = bm::test::scratch("spread_links");
  std::ofstream(dir / "incidents.csv") << "id,lon,lat\nsea1,39.9,70.5\nvorukh,70.5,39.9\n"
                                          "sea2,40.2,71.0\n";
  bm::ChainOptions o;
  o.inputs = {(dir / "incidents.csv").string()};
  bm::Chain chain = bm::run_chain(o);
  bm::LinkRunOptions lo;
  lo.input = (dir / "incidents.csv").string();
  lo.out = (dir / "links.csv").string();
  bm::run_link(lo);
  std::ifstream in(dir / "links.csv");
  std::string line;
  std::getline(in, line);  // header
  std::size_t checked = 0;
  while (std::getline(in, line)) {
    const std::string id = line.substr(0, line.find(','));
    const std::string rest = line.substr(id.size() + 1);
    CHECK(link_of(chain, id).segment_id == rest.substr(0, rest.find(',')));
    ++checked;
  }
  CHECK(checked == 3);
  CHECK(link_of(chain, "sea1").segment_id.rfind("NO-RU", 0) == 0);
  CHECK(chain.a + "-" + chain.b == "NO-RU");
  // Undated incidents: the subtitle says no status date it does not have.
  const bm::MapData map = bm::report_map_data(chain, {});
  CHECK(map.subtitle.find("as of") == std::string::npos);
}
