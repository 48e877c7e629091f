#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "export/geojson.hpp"
#include "support.hpp"

TEST_CASE("GeoJSON export follows RFC 7946", "[export][geojson]") {
  auto dir = bm::test::scratch("geojson_rfc7946");
  std::vector<bm::Incident> incidents(3);
  incidents[0].id = "a";
  incidents[0].location = bm::LonLat{70.816671234, 40.05};
  incidents[0].date = {"2022-09-16", "2022-09-16", "day"};
  incidents[0].claims.push_back(
      {"killed", 24, std::nullopt, false, "KG", "", "MoH", "s", "", "event"});
  incidents[0].claims.push_back({"killed", 36, 36, false, "KG", "", "MoH", "s2", "", "event"});
  incidents[1].id = "b";
  incidents[1].location = bm::LonLat{-70.5, -33.4};
  incidents[2].id = "unlocated";  // no location: not a feature
  auto path = dir / "i.geojson";
  bm::write_incidents_geojson(path.string(), incidents, {});
  auto j = nlohmann::json::parse(bm::test::slurp(path));

  CHECK(j["type"] == "FeatureCollection");
  CHECK_FALSE(j.contains("crs"));
  REQUIRE(j["features"].size() == 2);
  const auto& f = j["features"][0];
  CHECK(f["id"] == "a");
  // lon first, 6 decimals
  CHECK(f["geometry"]["coordinates"][0].get<double>() == Approx(70.816671).margin(1e-9));
  CHECK(f["geometry"]["coordinates"][1].get<double>() == Approx(40.05));
  CHECK(j["features"][1]["geometry"]["coordinates"][0].get<double>() == Approx(-70.5));
  CHECK(f["properties"]["date_start"] == "2022-09-16");
  CHECK(f["properties"]["claims"].is_array());
  CHECK(f["properties"]["killed_low"] == 24);
  CHECK(f["properties"]["killed_high"] == 36);
  CHECK(f["properties"]["n_claims"] == 2);
  // No partial or temporary file is left behind.
  int files = 0;
  for ([[maybe_unused]] auto& e : std::filesystem::directory_iterator(dir)) ++files;
  CHECK(files == 1);
}
