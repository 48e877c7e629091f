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
