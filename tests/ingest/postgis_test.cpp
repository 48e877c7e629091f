// Reads incidents from a real PostGIS table. The test starts its own
// throwaway PostgreSQL 15 cluster on a free loopback port (as the
// `postgres` user when run as root) and stops it at the end; it is skipped
// only when the PostgreSQL or PostGIS binaries are not installed.
#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "ingest/ingest.hpp"
#include "support.hpp"

namespace fs = std::filesystem;

namespace {

const std::string kBin = "/usr/lib/postgresql/15/bin";
const std::string kPostgis = "/usr/share/postgresql/15/extension/postgis.control";

int free_port() {
  int s = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = 0;
  socklen_t len = sizeof a;
  int port = -1;
  if (::bind(s, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0 &&
      ::getsockname(s, reinterpret_cast<sockaddr*>(&a), &len) == 0)
    port = ntohs(a.sin_port);
  ::close(s);
  return port;
}

// A PostgreSQL cluster in a temporary directory, stopped and removed when
// the test ends (also when it fails).
class Cluster {
 public:
  Cluster() {
    char tmpl[] = "/tmp/bordermap-pg-XXXXXX";
    REQUIRE(::mkdtemp(tmpl));
    dir_ = tmpl;
    log_ = dir_ + "/commands.log";
    as_postgres_ = ::geteuid() == 0;
    if (as_postgres_) {
      const passwd* pw = ::getpwnam("postgres");
      REQUIRE(pw);
      REQUIRE(::chown(dir_.c_str(), pw->pw_uid, pw->pw_gid) == 0);
    }
    port_ = free_port();
    REQUIRE(port_ > 0);
    run(kBin + "/initdb -D " + dir_ + "/data -U postgres --auth=trust --encoding=UTF8 --no-locale");
    run(kBin + "/pg_ctl -D " + dir_ + "/data -l " + dir_ + "/server.log -w -t 60 -o \"-p " +
        std::to_string(port_) + " -k " + dir_ + " -c listen_addresses=127.0.0.1\" start");
    started_ = true;
  }
  ~Cluster() {
    if (started_)
      std::system(as(kBin + "/pg_ctl -D " + dir_ + "/data -m fast -w stop")
                      .append(" >/dev/null 2>&1")
                      .c_str());
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  Cluster(const Cluster&) = delete;
  Cluster& operator=(const Cluster&) = delete;

  void sql(const std::string& text) {
    std::string file = dir_ + "/load.sql";
    std::ofstream(file) << text;
    run("psql -v ON_ERROR_STOP=1 -q -h 127.0.0.1 -p " + std::to_string(port_) +
        " -U postgres -d postgres -f " + file);
  }
  std::string connection() const {
    return "PG:host=127.0.0.1 port=" + std::to_string(port_) + " user=postgres dbname=postgres";
  }

 private:
  std::string as(const std::string& cmd) const {
    return as_postgres_ ? "runuser -u postgres -- " + cmd : cmd;
  }
  void run(const std::string& cmd) {
    int rc = std::system((as(cmd) + " >>" + log_ + " 2>&1").c_str());
    if (rc != 0) {
      std::string server = bm::test::slurp(dir_ + "/server.log");
      FAIL("command failed (" << rc << "): " << cmd << "\n" << bm::test::slurp(log_) << server);
    }
  }

  std::string dir_, log_;
  bool as_postgres_ = false;
  bool started_ = false;
  int port_ = -1;
};

}  // namespace

TEST_CASE("incidents are read from a PostGIS table through a PG: connection string",
          "[ingest][ogr][postgis]") {
  for (const auto& needed : {kBin + "/initdb", kBin + "/pg_ctl", kPostgis}) {
    if (!fs::exists(needed)) {
      // CI sets BORDERMAP_REQUIRE_SERVICES: there a missing server is a failure.
      if (std::getenv("BORDERMAP_REQUIRE_SERVICES"))
        FAIL(needed << " is not installed but BORDERMAP_REQUIRE_SERVICES is set");
      WARN("SKIPPED: "
           << needed
           << " is not installed (apt-get install postgresql-15 postgresql-15-postgis-3)");
      return;
    }
  }
  Cluster pg;
  pg.sql(R"(
CREATE EXTENSION postgis;
CREATE TABLE incidents (
  gid serial PRIMARY KEY,
  event_id text,
  event_date date,
  place text,
  fatalities integer,
  notes text,
  geom geometry(Point, 4326));
INSERT INTO incidents (event_id, event_date, place, fatalities, notes, geom) VALUES
  ('pg-1', '2022-09-14', 'Кёк-Таш', 2, 'shots, "heavy"' || chr(10) || 'at dawn',
   ST_SetSRID(ST_MakePoint(70.53583, 39.94972), 4326)),
  ('pg-2', '2022-09-16', 'Batken', NULL, NULL, NULL),
  ('pg-3', '2022-09-17', NULL, NULL, 'no place, no point', NULL);
)");
  bm::ingest::Options o;
  o.layer = "incidents";
  auto in = bm::ingest::open_input(pg.connection());
  CHECK(std::string(bm::ingest::detect_format(in).name) == "ogr");
  auto t = bm::ingest::read(pg.connection(), o);
  REQUIRE(t.incidents.size() == 2);
  const auto& a = t.incidents[0];
  CHECK(a.id == "pg-1");
  CHECK(a.date.start == "2022-09-14");
  CHECK(a.place == "Кёк-Таш");
  REQUIRE(a.location);
  CHECK(a.location->lon == Approx(70.53583));
  CHECK(a.location->lat == Approx(39.94972));
  CHECK(a.notes == "shots, \"heavy\"\nat dawn");
  CHECK(*a.claims.at(0).low == 2);
  CHECK(a.claims.at(0).claimant == "PostGIS incidents");
  CHECK(t.incidents[1].place == "Batken");
  CHECK_FALSE(t.incidents[1].location);
  REQUIRE(t.rejected.size() == 1);
  CHECK(t.rejected[0].record == "pg-3");
  CHECK_THAT(t.rejected[0].reason, Catch::Contains("cannot be located"));
}
