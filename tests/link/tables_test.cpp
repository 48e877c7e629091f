#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/error.hpp"
#include "link/points_csv.hpp"
#include "pipeline/link_table.hpp"
#include "link/segments_file.hpp"
#include "link/summary.hpp"

namespace {

std::string tmp_dir() {
  const char* t = std::getenv("BORDERMAP_TMP");
  std::filesystem::path p = t ? t : std::filesystem::temp_directory_path() / "bordermap_link_test";
  std::filesystem::create_directories(p);
  return p.string();
}

std::string read_all(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bm::Claim killed(long low, std::optional<long> high, const std::string& side,
                 const std::string& scope = "event") {
  bm::Claim c;
  c.kind = "killed";
  c.low = low;
  c.high = high;
  c.side = side;
  c.scope = scope;
  return c;
}

}  // namespace

TEST_CASE("point tables: coordinates read, unusable rows rejected with their line", "[link][csv]") {
  auto t = bm::parse_point_table(
      "id,lon,lat,date,fatalities\n1,70.5,40.1,2022-09-16,3\n2,,40,2022-09-17,1\n"
      "\"3\",71,39.9,2022-09-18T10:00,\n4,200,40,2022-09-18,0\n",
      "t.csv");
  REQUIRE(t.ids.size() == 2);
  CHECK(t.ids[1] == "3");
  CHECK(t.points[0].lon == 70.5);
  CHECK(t.dates[1] == "2022-09-18");
  CHECK(t.fatalities[0] == 3);
  CHECK(t.fatalities[1] == -1);
  REQUIRE(t.rejected.size() == 2);
  CHECK(t.rejected[0].line == 3);
  CHECK(t.rejected[0].record == "2");
  CHECK(t.rejected[1].line == 5);
  CHECK_THROWS_AS(bm::parse_point_table("name,x\n", "bad.csv"), bm::InputError);
}

TEST_CASE("killed ranges: alternatives for one side, sides add up", "[link][summary]") {
  auto r = bm::killed_range({killed(24, 24, "KG"), killed(36, 59, "KG"),
                             killed(41, std::nullopt, "TJ"), killed(100, 100, "both", "conflict")});
  CHECK(r.low == 24 + 41);
  CHECK(r.high < 0);  // TJ gave only "at least 41"
  auto s = bm::killed_range({killed(2, 3, "KG"), killed(1, 1, "TJ")});
  CHECK(s.low == 3);
  CHECK(s.high == 4);
  CHECK(bm::killed_range({}).low < 0);
  bm::Claim up_to = killed(0, 99, "both");
  up_to.low.reset();  // "up to 99"
  auto u = bm::killed_range({up_to});
  CHECK(u.low == 0);
  CHECK(u.high == 99);
}

TEST_CASE("distances on the command line", "[link][cli]") {
  CHECK(bm::parse_distance_m("5km") == 5000);
  CHECK(bm::parse_distance_m("500m") == 500);
  CHECK(bm::parse_distance_m("2.5 km") == 2500);
  CHECK(bm::parse_distance_m("750") == 750);
  CHECK_THROWS_AS(bm::parse_distance_m("five"), bm::UsageError);
}

TEST_CASE("user segment files: status field read, links and summary written", "[link][cli]") {
  const std::string dir = tmp_dir();
  const std::string seg = dir + "/segs.geojson";
  {
    std::ofstream out(seg);
    out << R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"id":"a","name":"A","status":"disputed"},
 "geometry":{"type":"LineString","coordinates":[[70.0,40.0],[70.2,40.0]]}},
{"type":"Feature","properties":{"id":"b","name":"B","status":"delimited"},
 "geometry":{"type":"LineString","coordinates":[[70.5,40.0],[70.7,40.0]]}},
{"type":"Feature","properties":{"id":"c","name":"C","status":"delimited"},"geometry":null}]})";
  }
  auto f = bm::read_segments_file(seg);
  REQUIRE(f.segments.size() == 2);
  CHECK(f.segments[0].status == bm::SegmentStatus::disputed);
  CHECK(f.rejected.size() == 1);

  const std::string in = dir + "/pts.csv";
  {
    std::ofstream out(in);
    out << "id,lon,lat,date,fatalities\np1,70.1,40.01,2022-09-16,2\np2,70.6,40.02,2022-09-17,1\n"
           "p3,70.6,40.5,2022-09-18,5\nbad,x,y,2022-09-18,0\n";
  }
  bm::LinkRunOptions o;
  o.input = in;
  o.out = dir + "/links.csv";
  o.segments_file = seg;
  o.summary = dir + "/summary.csv";
  bm::LinkRunResult r = bm::run_link(o);
  CHECK(r.linked == 3);
  CHECK(r.rejected.size() == 2);  // the null geometry and the row without coordinates
  const std::string links = read_all(o.out);
  CHECK(links.rfind("incident_id,segment_id,dist_m,", 0) == 0);
  CHECK(links.find("\np1,a,11") != std::string::npos);
  CHECK(links.find("\np2,b,") != std::string::npos);
  const std::string summary = read_all(o.summary);
  CHECK(summary.find("\na,A,1,1,2,2,2022-09-16,2022-09-16") != std::string::npos);
  CHECK(summary.find("\nb,B,1,0,1,1,2022-09-17,2022-09-17") !=
        std::string::npos);  // p3 outside 5 km
}

TEST_CASE("bordermap link: region-precision rows get a distance range", "[link][cli]") {
  const std::string dir = tmp_dir();
  const std::string in = dir + "/regions.csv";
  {
    std::ofstream out(in);
    out << "id,lon,lat,date,geo_precision,admin1\n"
           "r1,70.81667,40.05,2022-09-16,3,Batken\n"
           "r2,70.81667,40.05,2022-09-16,1,Batken\n"
           "r3,70.81667,40.05,2022-09-16,3,Narnia\n";
  }
  bm::LinkRunOptions o;
  o.input = in;
  o.out = dir + "/region_links.csv";
  bm::LinkRunResult r = bm::run_link(o);
  CHECK(r.linked == 3);
  REQUIRE(r.rejected.size() == 1);  // Narnia: linked as a point, and said so
  CHECK(r.rejected[0].record == "r3");
  std::istringstream rows(read_all(o.out));
  std::string header, r1, r2, r3;
  std::getline(rows, header);
  std::getline(rows, r1);
  std::getline(rows, r2);
  std::getline(rows, r3);
  // incident_id,segment_id,dist_m,dist_max_m,...
  auto field = [](const std::string& row, int n) {
    std::istringstream s(row);
    std::string f;
    for (int i = 0; i <= n; ++i) std::getline(s, f, ',');
    return f;
  };
  CHECK(field(r1, 2) == "0.000");
  CHECK(std::stod(field(r1, 3)) > 20000);
  CHECK(r1.find("kg-tj-vorukh-enclave") != std::string::npos);
  CHECK(std::stod(field(r2, 2)) > 1000);  // a point: one distance, no range
  CHECK(field(r2, 3).empty());
  CHECK(field(r3, 3).empty());
}

TEST_CASE("bordermap link --verbose: each step's time is reported", "[link][cli]") {
  const std::string dir = tmp_dir();
  const std::string in = dir + "/timed.csv";
  {
    std::ofstream out(in);
    out << "id,lon,lat\n1,70.5,40.1\n";
  }
  bm::LinkRunOptions o;
  o.input = in;
  o.out = dir + "/timed_links.csv";
  std::vector<std::string> steps;
  o.timing = [&](const std::string& m) { steps.push_back(m); };
  bm::run_link(o);
  REQUIRE(steps.size() == 4);
  CHECK(steps[0].rfind("link: read", 0) == 0);
  CHECK(steps[2].rfind("link: link", 0) == 0);
  CHECK(steps[3].rfind("link: write", 0) == 0);
}

TEST_CASE("bordermap link: an output that cannot be created is an error, no partial file",
          "[link][cli]") {
  const std::string dir = tmp_dir();
  const std::string in = dir + "/few.csv";
  {
    std::ofstream out(in);
    out << "id,lon,lat\n1,70.5,40.1\n2,71,40.2\n";
  }
  bm::LinkRunOptions o;
  o.input = in;
  o.out = dir + "/no_such_dir/links.csv";
  CHECK_THROWS_AS(bm::run_link(o), bm::UsageError);
  CHECK_FALSE(std::filesystem::exists(dir + "/no_such_dir"));
  o.out = dir + "/streamed.csv";
  bm::run_link(o);
  const std::string links = read_all(o.out);
  CHECK(links.rfind("incident_id,", 0) == 0);
  CHECK(links.find("\n1,") != std::string::npos);
  CHECK(links.find("\n2,") != std::string::npos);
  for (const auto& e : std::filesystem::directory_iterator(dir))
    CHECK(e.path().filename().string().rfind(".tmp-", 0) != 0);  // no temporary file left
}
