// On a zoomed map the fills are cut from the 10 m line; where it and the
// generalised line part, small slivers fall to one country. Only the 10 m
// enclave rings are enclaves: the Armenia–Azerbaijan map holds three
// (Artsvashen for Armenia, two Azerbaijani exclaves in Tavush) and no
// sliver along the Armenia–Turkey river line may be labelled as one.
#include <catch2/catch.hpp>

#include <fstream>

#include "core/filter.hpp"
#include "pipeline/maps.hpp"
#include "support.hpp"

namespace {

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("a zoomed map labels the 10 m enclave rings and no sliver", "[render][enclave]") {
  auto dir = bm::test::scratch("zoomed_enclaves");
  bm::MapRequest o;
  o.chain.inputs = {bm::test::data("incidents_am_az.csv")};
  bm::RenderOptions svg;
  svg.path = (dir / "map.svg").string();
  o.maps = {svg};
  bm::draw_maps(o);
  std::string text = bm::test::slurp(svg.path);
  CHECK(count(text, ">Armenia enclave<") == 1);
  CHECK(count(text, ">Azerbaijan enclave<") == 2);
}

TEST_CASE("a country's islands are not labelled enclaves", "[render][enclave]") {
  // A Kazakhstan–Russia map reaching the Arctic coast: Russia's small parts
  // there are islands; none is surrounded by another country.
  auto dir = bm::test::scratch("island_enclaves");
  std::ofstream(dir / "in.csv") << "id,date,lon,lat,event_type\n"
                                   "south,2024-05-01,61.0,51.0,shelling\n"
                                   "north,2024-05-02,72.0,66.5,shelling\n";
  bm::MapRequest o;
  o.chain.inputs = {(dir / "in.csv").string()};
  bm::RenderOptions svg;
  svg.path = (dir / "map.svg").string();
  o.maps = {svg};
  bm::draw_maps(o);
  std::string text = bm::test::slurp(svg.path);
  CHECK(text.find("Kazakhstan") != std::string::npos);
  CHECK(count(text, " enclave<") == 0);
}

TEST_CASE("many unnamed enclaves of one country get one label, not one each", "[render][enclave]") {
  // Baarle-Hertog: two dozen Belgian enclaves in the Netherlands, unnamed in
  // the 10 m data. The map shows them all (fill and outline) and labels the
  // largest once.
  auto dir = bm::test::scratch("baarle_enclaves");
  std::ofstream(dir / "in.csv") << "id,date,lon,lat\nb1,2025-03-01,4.9286,51.4408\n";
  bm::MapRequest o;
  o.chain.inputs = {(dir / "in.csv").string()};
  o.chain.filter.bbox = "4.86,51.40,5.00,51.48";
  bm::RenderOptions svg;
  svg.path = (dir / "map.svg").string();
  svg.bbox = *bm::parse_bbox(o.chain.filter.bbox);
  o.maps = {svg};
  bm::draw_maps(o);
  std::string text = bm::test::slurp(svg.path);
  CHECK(count(text, ">Belgium enclave<") == 1);
}
