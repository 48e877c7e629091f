// A curated stretch that lists villages (geodata/build_geodata.py STRETCHES,
// on the 10 m line in borders.gpkg) must be the stretch those villages link
// to: their nearest segment and their nearest disputed one (issue 15).
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <set>

#include "core/strings.hpp"
#include "geodata/bundle.hpp"
#include "geodata/gdal.hpp"
#include "geodata/world_borders.hpp"
#include "io/csv.hpp"
#include "link/linker.hpp"
#include "link/segments_near.hpp"

namespace {

// The drawn date of the September 2022 fighting: every stretch disputed.
const char* kDate = "2022-09-14";
// A village farther than this from the line is not "on" a stretch: the
// build grows a stretch only to listed villages within this reach.
constexpr double kReachM = 10000;

// Village id -> the curated stretches that list it.
std::map<std::string, std::set<std::string>> listed_by() {
  bm::Bundle bundle;
  const std::string path = bm::borders_path(bundle);
  auto ds = bm::gdal::open_vector(path);
  OGRLayer& l = bm::gdal::layer(*ds, "land_borders", path);
  l.SetAttributeFilter("segment_id GLOB 'kg-tj-*'");  // curated ids: lower case
  std::map<std::string, std::set<std::string>> out;
  for (auto& f : l)
    for (const char* field : {"places_a", "places_b"})
      for (const auto& id : bm::split(bm::gdal::field_string(*f, field), '|'))
        if (!id.empty()) out[id].insert(bm::gdal::field_string(*f, "segment_id"));
  return out;
}

std::map<std::string, bm::LonLat> located_villages() {
  const std::string file = "kgtj_places.csv";
  std::ifstream in(std::string(BORDERMAP_SOURCE_DIR) + "/geodata/reference/" + file);
  bm::csv::Table t(in, file);
  std::map<std::string, bm::LonLat> out;
  while (t.next())
    if (!t.get("lon").empty() && t.get("feature") != "district" && t.get("feature") != "region")
      out[t.get("id")] = {std::stod(t.get("lon")), std::stod(t.get("lat"))};
  return out;
}

// Listed villages no stretch cut can honour (docs/borders.md): id -> why.
const std::map<std::string, std::string> kConflicts = {
    {"kg_tortgul",
     "listed by upper Isfara, but its nearest boundary point lies inside the Kyzyl-Bel stretch's "
     "own cut (Isfara-Batken proxies): the two curated lists overlap there"},
    {"tj_shurab",
     "listed by Kyzyl-Bel, but nearest to another line of the pair (a branch meeting the "
     "Kyzyl-Bel line at a junction), which a stretch cut on one line cannot reach"},
};

}  // namespace

TEST_CASE("villages a curated stretch lists link to that stretch, nearest and nearest disputed",
          "[link][borders][curated]") {
  auto lists = listed_by();
  REQUIRE(lists.count("kg_kok_tash"));
  auto where = located_villages();
  bm::Bundle bundle;
  bm::Bounds area;
  for (const auto& [id, p] : where) area.add(p);
  auto near = bm::segments_near(bundle, area);
  bm::LinkOptions o;
  o.a_left = near.a_left;
  bm::Linker linker(near.segments, bundle.countries(area), o);
  int checked = 0;
  for (const auto& [village, stretches] : lists) {
    auto at = where.find(village);
    if (at == where.end() || kConflicts.count(village)) continue;  // no cited coordinate
    bm::Link l = linker.to_link(village, linker.link_point(at->second, kDate));
    std::string listing;
    for (const auto& s : stretches) listing += s + " ";
    INFO(village << " listed by: " << listing << "; nearest " << l.segment_id << " at "
                 << l.distance_m << " m, nearest disputed " << l.disputed_segment_id << " at "
                 << l.disputed_distance_m << " m");
    if (l.disputed_distance_m > kReachM) continue;
    CHECK(stretches.count(l.disputed_segment_id) == 1);
    CHECK(stretches.count(l.segment_id) == 1);
    ++checked;
  }
  CHECK(checked >= 10);
}
