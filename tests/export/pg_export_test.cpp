// Export into a real PostGIS and read back; report from a PG: source. One
// throwaway cluster serves every case (tests/pg_cluster.hpp).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <fstream>
#include <memory>

#include "core/error.hpp"
#include "export/export.hpp"
#include "geodata/gdal.hpp"
#include "pg_cluster.hpp"
#include "pipeline/chain.hpp"
#include "report/report.hpp"

namespace {

bm::test::Cluster& cluster() {
  static std::unique_ptr<bm::test::Cluster> pg = [] {
    auto c = std::make_unique<bm::test::Cluster>();
    c->sql("CREATE EXTENSION postgis;");
    return c;
  }();
  return *pg;
}

// A password the trust-authenticated server ignores: it must appear nowhere.
std::string with_password() { return cluster().connection() + " password=s3cret-pw"; }

bm::ExportData chain_of(const std::string& name, const std::string& csv) {
  auto dir = bm::test::scratch("pg_export_" + name);
  std::ofstream(dir / "in.csv") << csv;
  bm::ChainOptions o;
  o.inputs = {(dir / "in.csv").string()};
  o.filter.border = "KG-TJ";
  return bm::run_chain(o).data;
}

const std::string kTable =
    "id,lon,lat,fatalities,label\n"
    "1,70.5,39.9,3,alpha\n"
    "2,71.2,40.1,0,beta\n"
    "3,70.62,39.98,1,gamma\n";

bm::ExportOptions prefixed(const std::string& prefix, bm::WriteMode mode = bm::WriteMode::create) {
  bm::ExportOptions o;
  o.table_prefix = prefix;
  o.mode = mode;
  return o;
}

std::string field_types(OGRLayer& l) {
  std::string s;
  OGRFeatureDefn* d = l.GetLayerDefn();
  for (int k = 0; k < d->GetFieldCount(); ++k)
    s += std::string(d->GetFieldDefn(k)->GetNameRef()) + ":" +
         OGRFieldDefn::GetFieldTypeName(d->GetFieldDefn(k)->GetType()) + " ";
  return s;
}

}  // namespace

TEST_CASE("export to PostGIS and back keeps every layer's counts and field types",
          "[export][postgis]") {
  if (!bm::test::postgis_installed()) return;
  bm::ExportData d = chain_of("roundtrip", kTable);
  auto dir = bm::test::scratch("pg_export_roundtrip_gpkg");
  bm::export_to((dir / "ref.gpkg").string(), d);
  auto written = bm::export_to(with_password(), d, prefixed("rt_"));
  REQUIRE(written.size() == 4);
  for (const auto& w : written) CHECK_THAT(w, !Catch::Contains("s3cret"));

  auto ref = bm::gdal::open_vector((dir / "ref.gpkg").string());
  auto back = bm::gdal::open_vector(cluster().connection());
  for (const char* layer : {"incidents", "border_segments", "links", "countries"}) {
    INFO(layer);
    OGRLayer* a = ref->GetLayerByName(layer);
    OGRLayer* b = back->GetLayerByName((std::string("rt_") + layer).c_str());
    REQUIRE(a);
    REQUIRE(b);
    CHECK(b->GetFeatureCount() == a->GetFeatureCount());
    CHECK(field_types(*b) == field_types(*a));
  }
  CHECK(cluster().query("SELECT label, fatalities FROM rt_incidents WHERE id = '1'") == "alpha|3");
  // Keys, index, comments and styles that make it a database, not a dump.
  CHECK(cluster().query("SELECT count(*) FROM pg_indexes WHERE tablename = 'rt_incidents' AND "
                        "indexdef LIKE '%USING gist%'") == "1");
  CHECK(cluster().query("SELECT count(*) FROM pg_constraint WHERE conrelid = "
                        "'rt_links'::regclass AND contype = 'f'") == "2");
  CHECK_THAT(cluster().query("SELECT obj_description('rt_incidents'::regclass)"),
             Catch::StartsWith("bordermap:"));
  CHECK(cluster().query("SELECT count(*) FROM layer_styles WHERE f_table_name LIKE 'rt_%' AND "
                        "useasdefault AND styleqml IS NOT NULL") == "4");
}

TEST_CASE("appending twice (--append) adds only the rows whose id is new", "[export][postgis]") {
  if (!bm::test::postgis_installed()) return;
  bm::ExportData first = chain_of("append1", kTable);
  bm::export_to(cluster().connection(), first, prefixed("ap_"));
  bm::ExportData more = chain_of("append2",
                                 "id,lon,lat,fatalities,label,reporter\n"
                                 "3,70.62,39.98,1,gamma,x\n"
                                 "4,70.7,40.0,2,delta,y\n");
  CHECK_THROWS_AS(bm::export_to(cluster().connection(), more, prefixed("ap_")), bm::UsageError);
  for (int run = 0; run < 2; ++run)
    bm::export_to(cluster().connection(), more, prefixed("ap_", bm::WriteMode::append));
  CHECK(cluster().query("SELECT count(*), count(DISTINCT id) FROM ap_incidents") == "4|4");
  CHECK(cluster().query("SELECT reporter FROM ap_incidents WHERE id = '4'") == "y");
  CHECK(cluster().query("SELECT count(*) FROM ap_links WHERE incident_id = '4'") != "0");
  CHECK(cluster().query("SELECT count(*) FROM pg_tables WHERE tablename LIKE 'bordermap_stage%'") ==
        "0");
  CHECK(cluster().query("SELECT count(*) FROM layer_styles WHERE f_table_name = 'ap_incidents'") ==
        "1");
}

TEST_CASE("a constraint violation mid-write leaves no table behind", "[export][postgis]") {
  if (!bm::test::postgis_installed()) return;
  // Two incidents with one id: the unique key fails after the rows are copied.
  // (Readers reject a repeated id, so the second is added past them.)
  bm::ExportData d = chain_of("violation", "id,lon,lat\n9,70.5,39.9\n");
  REQUIRE(d.incidents.size() == 1);
  d.incidents.push_back(d.incidents.front());
  CHECK_THROWS_WITH(bm::export_to(with_password(), d, prefixed("bad_")),
                    Catch::Contains("is duplicated") && !Catch::Contains("s3cret"));
  CHECK(cluster().query("SELECT count(*) FROM pg_tables WHERE tablename LIKE 'bad_%' OR "
                        "tablename LIKE 'bordermap_stage%'") == "0");
  // layer_styles exists only if an earlier case committed; either way no row of ours.
  if (cluster().query("SELECT count(*) FROM pg_tables WHERE tablename = 'layer_styles'") == "1")
    CHECK(cluster().query("SELECT count(*) FROM layer_styles WHERE f_table_name LIKE 'bad_%'") ==
          "0");
}

TEST_CASE("report reads PG: and its manifest names the database without the password",
          "[report][postgis]") {
  if (!bm::test::postgis_installed()) return;
  cluster().sql(R"(
CREATE TABLE src (event_id text PRIMARY KEY, event_date date, fatalities int, reporter text,
                  geom geometry(Point, 4326));
INSERT INTO src VALUES ('s1', '2022-09-14', 2, 'r1', ST_SetSRID(ST_MakePoint(70.5, 39.9), 4326)),
                       ('s2', '2022-09-16', 0, 'r2', ST_SetSRID(ST_MakePoint(71.2, 40.1), 4326));
)");
  auto dir = bm::test::scratch("pg_report");
  bm::ReportOptions o;
  o.inputs = {with_password() + " tables=src"};
  o.out_dir = dir.string();
  o.formats = {"svg"};
  o.filter.border = "KG-TJ";
  bm::ReportResult r = bm::run_report(o);
  CHECK(r.incidents_mapped == 2);
  std::string text = bm::test::slurp(dir / "manifest.json");
  CHECK_THAT(text, !Catch::Contains("s3cret"));
  auto m = nlohmann::json::parse(text);
  const auto& in = m["inputs"].at(0);
  CHECK(in["database"] == "postgres");
  CHECK(in["host"] == "127.0.0.1");
  CHECK(in["tables"] == "src");
  CHECK(in["rows"] == 2);
  CHECK(in["rows_sha256"].get<std::string>().size() == 64);
  for (const auto& e : std::filesystem::directory_iterator(dir))
    CHECK_THAT(bm::test::slurp(e.path()), !Catch::Contains("s3cret"));
  CHECK_THAT(bm::test::slurp(dir / "incidents.csv"), Catch::Contains("r2"));  // user column kept
}

TEST_CASE("a refused connection names host, port and database, never the password",
          "[export][postgis]") {
  std::string conn = "PG:host=127.0.0.1 port=1 dbname=nowhere user=u password=s3cret-pw";
  bm::ExportData d;
  try {
    bm::export_to(conn, d);
    FAIL("exported to a closed port");
  } catch (const bm::ExportError& e) {
    std::string msg = e.what();
    CHECK_THAT(msg, Catch::Contains("host 127.0.0.1, port 1, database nowhere"));
    CHECK_THAT(msg, Catch::Contains("pg_isready"));
    CHECK_THAT(msg, !Catch::Contains("s3cret"));
  }
}
