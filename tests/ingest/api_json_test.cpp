#include <catch2/catch.hpp>

#include <fstream>

#include "ingest/backends.hpp"
#include "support.hpp"

// The API fixtures hold the same records as the CSV fixtures (laid out as
// the APIs answer: ACLED's values as strings, UCDP's numbers as numbers).
namespace {

bm::IncidentTable read_csv(const std::string& name, bool acled) {
  std::string path = bm::test::data("ingest/" + name);
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  return acled ? bm::ingest::read_acled(in, path) : bm::ingest::read_ucdp(in, path);
}

bm::IncidentTable read_api(const std::string& name) {
  auto in = bm::ingest::open_input(bm::test::data("ingest/" + name));
  REQUIRE(std::string(bm::ingest::detect_format(in).name) == "api-json");
  return bm::ingest::read_api_json(in, {});
}

void require_same(const bm::IncidentTable& api, const bm::IncidentTable& csv) {
  REQUIRE(api.incidents.size() == csv.incidents.size());
  for (std::size_t k = 0; k < api.incidents.size(); ++k) {
    const auto &a = api.incidents[k], &c = csv.incidents[k];
    CHECK(a.id == c.id);
    CHECK(a.date.start == c.date.start);
    CHECK(a.date.end == c.date.end);
    CHECK(a.place == c.place);
    REQUIRE(a.location.has_value() == c.location.has_value());
    if (a.location) CHECK(a.location->lon == Approx(c.location->lon).margin(1e-9));
    CHECK(a.claims.size() == c.claims.size());
    CHECK(a.notes == c.notes);
  }
}

}  // namespace

TEST_CASE("ACLED's API JSON reads as the same events as the CSV export", "[ingest][api-json]") {
  auto api = read_api("acled_api.json");
  auto csv = read_csv("acled_2023.csv", true);
  require_same(api, csv);
  // Rejections name the record's place in the data list, not a CSV line.
  REQUIRE(api.rejected.size() == 2);
  CHECK(api.rejected[0].record == "KGZ9004");
  CHECK(api.rejected[0].line == 5);
  CHECK(api.rejected[1].line == 6);
  CHECK_THAT(api.rejected[0].reason, Catch::Contains("'event_date' is '2022-13-40'"));
}

TEST_CASE("UCDP's API JSON reads as the same events as the GED CSV", "[ingest][api-json]") {
  auto api = read_api("ucdp_api.json");
  auto csv = read_csv("ucdp_ged.csv", false);
  require_same(api, csv);
  REQUIRE(api.rejected.size() == 1);
  CHECK(api.rejected[0].record == "990004");
  CHECK(api.rejected[0].line == 4);
}

TEST_CASE("an API answer with no records or cut short says so", "[ingest][api-json]") {
  auto dir = bm::test::scratch("api_json");
  auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(dir / name) << text;
    return bm::ingest::open_input((dir / name).string());
  };
  auto empty = write("empty.json", R"({"status":200,"count":0,"data":[],"event_id_cnty":0})");
  CHECK_THROWS_WITH(bm::ingest::read_api_json(empty, {}), Catch::Contains("matched no events"));
  auto cut = write("cut.json", R"({"data":[{"event_id_cnty":"X1","event_date":"2022-09-1)");
  CHECK_THROWS_WITH(bm::ingest::read_api_json(cut, {}), Catch::Contains("not valid JSON"));
}
