#include <catch2/catch.hpp>

#include "core/geodesic.hpp"
#include "link/segment_index.hpp"

namespace {

bm::BorderSegment segment(const std::string& id, bm::Line line) {
  bm::BorderSegment s;
  s.id = id;
  s.lines = {std::move(line)};
  return s;
}

bm::SegmentHit nearest(const std::vector<bm::BorderSegment>& segs, bm::LonLat p) {
  std::vector<const bm::BorderSegment*> ptrs;
  std::vector<std::ptrdiff_t> ids;
  for (std::size_t i = 0; i < segs.size(); ++i) {
    ptrs.push_back(&segs[i]);
    ids.push_back(static_cast<std::ptrdiff_t>(i));
  }
  return bm::SegmentIndex(ptrs, ids).nearest(p);
}

}  // namespace

TEST_CASE("the nearest segment is the geodesically nearest, not the nearest in degrees",
          "[link][index]") {
  // At 60 N a degree of longitude is half a degree of latitude: segment "east"
  // is 0.15 deg of longitude away (~8.4 km), "north" 0.1 deg of latitude (~11 km).
  // In planar degrees "north" would win.
  std::vector<bm::BorderSegment> segs = {
      segment("north", {{9.9, 60.1}, {10.1, 60.1}}),
      segment("east", {{10.15, 59.9}, {10.15, 60.05}}),
  };
  bm::SegmentHit h = nearest(segs, {10.0, 60.0});
  CHECK(h.segment == 1);
  CHECK(h.distance_m == Approx(bm::geodesic_distance({10.0, 60.0}, h.point)).margin(1e-6));
  CHECK(h.distance_m == Approx(8370).margin(60));
}

TEST_CASE("equidistant segments: the one listed first wins", "[link][index]") {
  // Two meridian segments mirrored about lon 70.1: exactly equidistant.
  std::vector<bm::BorderSegment> segs = {
      segment("west", {{70.0, 39.9}, {70.0, 40.1}}),
      segment("east", {{70.2, 39.9}, {70.2, 40.1}}),
  };
  bm::SegmentHit h = nearest(segs, {70.1, 40.0});
  CHECK(h.segment == 0);
  std::swap(segs[0], segs[1]);
  bm::SegmentHit h2 = nearest(segs, {70.1, 40.0});
  CHECK(h2.segment == 0);  // now "east", listed first
  CHECK(segs[0].id == "east");
  CHECK(h.distance_m == Approx(h2.distance_m).margin(1e-6));
}

TEST_CASE("a segment's interior beats its far vertices", "[link][index]") {
  std::vector<bm::BorderSegment> segs = {
      segment("long", {{70.0, 40.0}, {70.5, 40.0}}),
      segment("short", {{70.25, 40.2}, {70.26, 40.2}}),
  };
  bm::SegmentHit h = nearest(segs, {70.25, 40.05});
  CHECK(h.segment == 0);
  CHECK(h.distance_m == Approx(5550).margin(30));
}

TEST_CASE("an index without edges finds nothing", "[link][index]") {
  std::vector<bm::BorderSegment> segs = {segment("empty", {})};
  segs[0].lines.clear();
  CHECK(nearest(segs, {70, 40}).segment == -1);
}

TEST_CASE("at the vertex where a ring closes, the side comes from the edges in and out of it",
          "[link][index]") {
  // A counter-clockwise triangle (left = inside) starting at its west
  // corner. A point west of that corner is nearest to the closing vertex;
  // its first edge alone (going east) would put it on the left, yet it lies
  // outside the ring: right.
  std::vector<bm::BorderSegment> segs = {
      segment("ring", {{70.0, 40.0}, {70.1, 40.0}, {70.05, 40.05}, {70.0, 40.0}}),
  };
  const bm::SegmentHit out = nearest(segs, {69.98, 40.001});
  CHECK(out.point.lon == 70.0);
  CHECK(out.point.lat == 40.0);
  CHECK(out.side == -1);
  CHECK(nearest(segs, {70.05, 40.01}).side == 1);  // inside
}

TEST_CASE("the cell cache gives the answers of a plain search, ties included", "[link][index]") {
  // Segments meeting at shared vertices (ties of equal distance), points
  // dense enough that cells are built while others still walk the grid.
  std::vector<bm::BorderSegment> segs = {
      segment("a", {{70.0, 40.0}, {70.02, 40.01}, {70.04, 40.0}}),
      segment("b", {{70.04, 40.0}, {70.06, 40.02}, {70.08, 40.0}}),
      segment("c", {{70.04, 40.0}, {70.04, 39.98}}),
  };
  std::vector<const bm::BorderSegment*> ptrs;
  for (const auto& s : segs) ptrs.push_back(&s);
  const bm::SegmentIndex cached(ptrs, {0, 1, 2}), plain(ptrs, {0, 1, 2});
  for (int round = 0; round < 40; ++round)
    for (int k = 0; k < 200; ++k) {
      const bm::LonLat p{69.99 + 0.0005 * k, 39.97 + 0.0015 * round};
      const bm::SegmentHit x = cached.nearest(p), y = plain.nearest(p, nullptr, false);
      REQUIRE(x.segment == y.segment);
      REQUIRE(x.distance_m == y.distance_m);
      REQUIRE(x.side == y.side);
    }
}

TEST_CASE("past the free end of a line a point is on neither side; beside it, on one",
          "[link][index]") {
  // A line running south that ends at (10, 50): a point south-east of the
  // end, past it, has no side; one east of the last edge is on its left.
  std::vector<bm::BorderSegment> segs = {segment("end", {{10.0, 50.2}, {10.0, 50.0}})};
  CHECK(nearest(segs, {10.02, 49.97}).side == 0);
  CHECK(nearest(segs, {10.02, 50.1}).side == 1);
  CHECK(nearest(segs, {9.98, 50.1}).side == -1);
  // Where another segment's line goes on from the end, the end is no free end.
  segs.push_back(segment("next", {{10.0, 50.0}, {10.1, 49.8}}));
  CHECK(nearest(segs, {10.0, 49.97}).side != 0);
}

namespace {

bm::BorderSegment pair_segment(const std::string& id, bm::Line line) {
  bm::BorderSegment s = segment(id, std::move(line));
  s.country_a = "AA";
  s.country_b = "BB";
  return s;
}

}  // namespace

TEST_CASE("across a gap between two lines of one border, the chord between them tells the side",
          "[link][index]") {
  // The border runs north, breaks at (10, 50) where a river opens, and goes
  // on from (10, 50.006) (670 m on): a point in the gap beside it, west of
  // the chord, is on the left, as on the lines themselves.
  std::vector<bm::BorderSegment> segs = {pair_segment("south", {{10.0, 49.9}, {10.0, 50.0}}),
                                         pair_segment("north", {{10.0, 50.006}, {10.0, 50.1}})};
  const bm::SegmentHit west = nearest(segs, {9.997, 50.002});
  CHECK(west.segment == 0);
  CHECK(west.side == 1);
  CHECK(nearest(segs, {10.003, 50.002}).side == -1);
  // Farther than FreeEnds::kReachM from the end the chord is no guide.
  CHECK(nearest(segs, {9.985, 50.002}).side == 0);
  // A border of two other countries is no partner: the end stays free.
  segs[1].country_b = "CC";
  CHECK(nearest(segs, {9.997, 50.002}).side == 0);
}
