#pragma once
// A throwaway PostgreSQL 15 + PostGIS cluster for tests: started on a free
// loopback port in a temporary directory (as the `postgres` user when run
// as root), stopped and removed when the test ends, also when it fails.
#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "support.hpp"

namespace bm::test {

namespace fs = std::filesystem;

inline const std::string kBin = "/usr/lib/postgresql/15/bin";
inline const std::string kPostgis = "/usr/share/postgresql/15/extension/postgis.control";

inline int free_port() {
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
  // The rows of a query as psql -At prints them (| between columns).
  std::string query(const std::string& text) {
    std::string file = dir_ + "/query.sql", out = dir_ + "/query.out";
    std::ofstream(file) << text;
    run("psql -v ON_ERROR_STOP=1 -Atq -h 127.0.0.1 -p " + std::to_string(port_) +
        " -U postgres -d postgres -f " + file + " -o " + out);
    std::string rows = bm::test::slurp(out);
    while (!rows.empty() && rows.back() == '\n') rows.pop_back();
    return rows;
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

// False (with a WARN) when PostgreSQL/PostGIS are not installed, unless CI
// set BORDERMAP_REQUIRE_SERVICES, where a missing server fails the test.
inline bool postgis_installed() {
  for (const auto& needed : {kBin + "/initdb", kBin + "/pg_ctl", kPostgis}) {
    if (!fs::exists(needed)) {
      if (std::getenv("BORDERMAP_REQUIRE_SERVICES"))
        FAIL(needed << " is not installed but BORDERMAP_REQUIRE_SERVICES is set");
      WARN("SKIPPED: " << needed
                       << " is not installed (apt-get install postgresql-15 "
                          "postgresql-15-postgis-3)");
      return false;
    }
  }
  return true;
}

}  // namespace bm::test
