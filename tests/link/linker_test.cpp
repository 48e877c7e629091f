#include <catch2/catch.hpp>

#include <algorithm>

#include "core/geodesic.hpp"
#include "geodata/bundle.hpp"
#include "link/geodesic_edge.hpp"
#include "link/linker.hpp"
#include "link/summary.hpp"

namespace {

bm::Incident at(double lon, double lat, const std::string& date = "2022-09-16") {
  bm::Incident i;
  i.id = "x";
  i.location = bm::LonLat{lon, lat};
  i.date = {date, date, "day"};
  return i;
}

struct Fixture {
  bm::Bundle bundle;
  std::vector<bm::Country> countries = bundle.countries({66, 36, 78, 44});
  std::vector<bm::BorderSegment> segments = bm::border_segments(bundle, "KG", "TJ", countries);
  bm::Linker linker{segments, countries};
};

const Fixture& fixture() {
  static const Fixture f;
  return f;
}

// Independent reference: every edge of the segments in force on `date`
// walked in 20 m steps along its geodesic, then the edges whose coarse
// minimum is within 15 m of the best refined in 1 cm steps.
double brute_force(bm::LonLat p, const std::string& date) {
  struct Coarse {
    bm::LonLat a;
    double az, len, s, d;
  };
  std::vector<Coarse> coarse;
  double best = 1e18;
  for (const auto& seg : fixture().segments) {
    if (!bm::active_on(seg, date)) continue;
    for (const auto& line : seg.lines)
      for (std::size_t i = 1; i < line.size(); ++i) {
        Coarse c{line[i - 1], 0, 0, 0, 1e18};
        c.len = bm::geodesic_inverse(line[i - 1], line[i], &c.az);
        for (double s = 0; s < c.len + 20; s += 20) {
          const double at_s = std::min(s, c.len);
          const double d = bm::geodesic_distance(p, bm::geodesic_direct(c.a, c.az, at_s));
          if (d < c.d) c.d = d, c.s = at_s;
        }
        best = std::min(best, c.d);
        coarse.push_back(c);
      }
  }
  double fine = best;
  for (const auto& c : coarse) {
    if (c.d > best + 15) continue;
    for (double s = std::max(0.0, c.s - 20); s <= std::min(c.len, c.s + 20); s += 0.01)
      fine = std::min(fine, bm::geodesic_distance(p, bm::geodesic_direct(c.a, c.az, s)));
  }
  return fine;
}

}  // namespace

TEST_CASE("the link distance is the geodesic distance to the nearest border point", "[link]") {
  // Batken town, a point 10 km into Kyrgyzstan, one near the Uzbek tri-point.
  for (bm::LonLat p :
       {bm::LonLat{70.81667, 40.05}, bm::LonLat{71.9, 39.75}, bm::LonLat{70.93, 40.25}}) {
    bm::Link l = fixture().linker.link(at(p.lon, p.lat));
    INFO(p.lon << "," << p.lat << " -> " << l.segment_id);
    REQUIRE_FALSE(l.segment_id.empty());
    CHECK(l.distance_m == Approx(bm::geodesic_distance(p, l.nearest)).margin(0.001));
    CHECK(l.distance_m == Approx(brute_force(p, "2022-09-16")).margin(0.01));
  }
}

TEST_CASE("a point well inside Kyrgyzstan is about 10 km from the border", "[link]") {
  // 10 km due north of a border vertex on the easternmost stretch (the
  // Alay valley); the border there runs roughly east-west, so the nearest
  // point is ~10 km away.
  const auto& segs = fixture().segments;
  auto east = [](const bm::BorderSegment& s) {
    return s.lines.empty() ? -1e9 : s.lines[0][s.lines[0].size() / 2].lon;
  };
  auto it = std::max_element(segs.begin(), segs.end(),
                             [&](const auto& x, const auto& y) { return east(x) < east(y); });
  REQUIRE(it != segs.end());
  REQUIRE_FALSE(it->lines.empty());
  const bm::LonLat v = it->lines[0][it->lines[0].size() / 2];
  const bm::LonLat p = bm::geodesic_direct(v, 0, 10000);
  bm::Link l = fixture().linker.link(at(p.lon, p.lat));
  CHECK(l.distance_m <= 10000 + 1e-6);
  CHECK(l.distance_m == Approx(brute_force(p, "2022-09-16")).margin(0.01));
  CHECK_FALSE(l.within_zone);  // default zone is 5 km
  CHECK(l.distance_m > 5000);  // the border does not double back within 5 km
  CHECK(l.country == "KG");    // north of the eastern border lies Kyrgyzstan (Alay valley)
}

TEST_CASE("a point on the border is at distance zero and within the zone", "[link]") {
  const auto& s = fixture().segments.front();
  REQUIRE_FALSE(s.lines.empty());
  const bm::LonLat v = s.lines[0][1];
  bm::Link l = fixture().linker.link(at(v.lon, v.lat));
  CHECK(l.distance_m < 1e-6);
  CHECK(l.within_zone);
}

TEST_CASE("the disputed status follows the incident's date (treaty of 2025-03-13)", "[link]") {
  // 200 m off the middle of the upper Isfara stretch (the Golovnoi water
  // intake area), disputed until the treaty.
  const auto& segs = fixture().segments;
  auto it = std::find_if(segs.begin(), segs.end(),
                         [](const auto& s) { return s.id == "kg-tj-upper-isfara"; });
  REQUIRE(it != segs.end());
  REQUIRE_FALSE(it->lines.empty());
  const bm::LonLat p = bm::geodesic_direct(it->lines[0][it->lines[0].size() / 2], 90, 200);
  bm::Link before = fixture().linker.link(at(p.lon, p.lat, "2022-09-16"));
  CHECK(before.segment_id == "kg-tj-upper-isfara");
  CHECK(before.segment_status == bm::SegmentStatus::disputed);
  CHECK(before.disputed_segment_id == "kg-tj-upper-isfara");
  CHECK(before.disputed_distance_m == Approx(before.distance_m).margin(0.001));

  bm::Link eve = fixture().linker.link(at(p.lon, p.lat, "2025-03-12"));
  CHECK(eve.segment_status == bm::SegmentStatus::disputed);

  bm::Link treaty = fixture().linker.link(at(p.lon, p.lat, "2025-03-13"));
  CHECK(treaty.segment_id == "kg-tj-upper-isfara");
  CHECK(treaty.segment_status == bm::SegmentStatus::delimited);
  CHECK(treaty.disputed_segment_id.empty());
  CHECK(treaty.disputed_distance_m < 0);
  CHECK(treaty.distance_m == Approx(before.distance_m).margin(0.001));

  bm::Link later = fixture().linker.link(at(p.lon, p.lat, "2026-01-01"));
  CHECK(later.disputed_segment_id.empty());

  SECTION("--as-of overrides the incident's own date") {
    bm::Linker as_of(fixture().segments, fixture().countries, bm::LinkOptions{5000, "2026-01-01"});
    CHECK(as_of.link(at(p.lon, p.lat, "2022-09-16")).disputed_segment_id.empty());
  }
}

TEST_CASE("a point in Vorukh lies in Tajikistan, in an enclave", "[link]") {
  bm::Link l = fixture().linker.link(at(70.57694, 39.85333));
  CHECK(l.country == "TJ");
  CHECK(l.in_enclave);
  CHECK(l.segment_id == "kg-tj-vorukh-enclave");
  bm::Link batken = fixture().linker.link(at(70.81667, 40.05));
  CHECK(batken.country == "KG");
  CHECK_FALSE(batken.in_enclave);
}

TEST_CASE("a region-precision incident is linked to the segments along the region", "[link]") {
  auto regions = fixture().bundle.regions({66, 36, 78, 44});
  auto it = std::find_if(regions.begin(), regions.end(),
                         [](const bm::Region& r) { return r.name == "Batken Region"; });
  REQUIRE(it != regions.end());
  bm::Incident i = at(70.81667, 40.05);
  i.precision = bm::GeoPrecision::region;
  bm::Link l = fixture().linker.link(i, &it->area);
  CHECK(l.distance_m == 0);  // the region touches the border
  CHECK(l.distance_max_m > 20000);
  CHECK(l.distance_max_m < 300000);
  CHECK(l.bounding_segment_ids.size() >= 3);
  CHECK(std::find(l.bounding_segment_ids.begin(), l.bounding_segment_ids.end(),
                  "kg-tj-vorukh-enclave") != l.bounding_segment_ids.end());
  SECTION("a point incident at the same place gets a single distance") {
    bm::Link p = fixture().linker.link(at(70.81667, 40.05), &it->area);
    CHECK(p.distance_max_m < 0);
    CHECK(p.bounding_segment_ids.empty());
  }
}

TEST_CASE("incidents without a location are linked to nothing", "[link]") {
  bm::Incident i;
  i.id = "nowhere";
  bm::Link l = fixture().linker.link(i);
  CHECK(l.segment_id.empty());
}

TEST_CASE("linking on several threads gives the same result as one", "[link]") {
  std::vector<bm::LonLat> pts;
  for (int i = 0; i < 3000; ++i) pts.push_back({69.5 + (i % 60) * 0.07, 39.3 + (i / 60) * 0.04});
  bm::Linker one(fixture().segments, fixture().countries, bm::LinkOptions{5000, "", 1});
  bm::Linker two(fixture().segments, fixture().countries, bm::LinkOptions{5000, "", 2});
  auto a = one.link_points(pts, {});
  auto b = two.link_points(pts, {});
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].segment == b[i].segment);
    CHECK(a[i].distance_m == b[i].distance_m);
    CHECK(a[i].country == b[i].country);
  }
}

TEST_CASE("any pair of countries has named segments with no recorded status", "[link]") {
  const auto& f = fixture();
  auto segs = bm::border_segments(f.bundle, "KG", "UZ", f.countries);
  REQUIRE(segs.size() > 20);  // ~1,300 km in ~15 km stretches
  CHECK(segs[0].status == bm::SegmentStatus::unknown);
  CHECK(segs[0].id.rfind("KG-UZ-", 0) == 0);
  REQUIRE_FALSE(segs[0].lines.empty());
  bm::Linker kg_uz(segs, f.countries);
  const bm::LonLat osh{72.8, 40.53};  // Osh, a few km from the Uzbek border
  bm::Link l = kg_uz.link(at(osh.lon, osh.lat));
  CHECK(l.segment_id.rfind("KG-UZ-", 0) == 0);
  CHECK(l.country == "KG");
  CHECK(l.disputed_segment_id.empty());
  double nearest_vertex = 1e18;
  for (const auto& seg : segs)
    for (const auto& line : seg.lines)
      for (const auto& v : line)
        nearest_vertex = std::min(nearest_vertex, bm::geodesic_distance(osh, v));
  CHECK(l.distance_m <= nearest_vertex + 1e-6);
  CHECK(l.distance_m > 0);
  CHECK(l.distance_m < 20000);
  CHECK(bm::border_segments(f.bundle, "KG", "AF", f.countries).empty());
}

TEST_CASE("hot segments from full links count incidents and killed ranges", "[link][summary]") {
  bm::Incident a = at(70.57694, 39.85333, "2022-09-16");  // Vorukh, 0.9 km from its ring
  bm::Claim c;
  c.kind = "killed";
  c.low = 3;
  c.high = 5;
  c.side = "TJ";
  c.scope = "event";
  a.claims = {c};
  bm::Incident b = at(70.57694, 39.85333, "2022-09-14");
  bm::Incident far = at(71.9, 39.75, "2022-09-20");  // > 5 km from the border
  std::vector<const bm::Incident*> incidents{&a, &b, &far};
  std::vector<bm::Link> links;
  for (const auto* i : incidents) links.push_back(fixture().linker.link(*i));
  auto rows = bm::summarize_links(fixture().segments, incidents, links);
  REQUIRE_FALSE(rows.empty());
  CHECK(rows[0].segment_id == "kg-tj-vorukh-enclave");
  CHECK(rows[0].incidents == 2);
  CHECK(rows[0].while_disputed == 2);
  CHECK(rows[0].killed_low == 3);
  CHECK(rows[0].killed_high == 5);
  CHECK(rows[0].first_date == "2022-09-14");
  CHECK(rows[0].last_date == "2022-09-16");
  std::size_t total = 0;
  for (const auto& r : rows) total += r.incidents;
  CHECK(total == 2);  // the far incident is outside the zone
}
