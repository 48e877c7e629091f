// Which border stretches a report map draws: the focus border's, and another
// border's only where a point incident lies near it. A far venue's nearest
// segment stays in the data (links, segments layer) but is not drawn.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>

#include "pipeline/chain.hpp"
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
