#include <catch2/catch.hpp>

#include "db/pg_connection.hpp"
#include "db/pg_sql.hpp"

TEST_CASE("a PG: string is taken apart and shown without its password", "[db]") {
  auto c = bm::db::parse_pg(
      "PG:host=db.example port=6543 dbname='my archive' user=ann "
      "password='p w\\'d' tables=acled");
  CHECK(c.host() == "db.example");
  CHECK(c.port() == "6543");
  CHECK(c.database() == "my archive");
  CHECK(c.get("password") == "p w'd");
  CHECK(c.get("tables") == "acled");
  std::string shown = c.redacted();
  CHECK_THAT(shown, !Catch::Contains("p w"));
  CHECK_THAT(shown, Catch::Contains("dbname='my archive'"));
  CHECK(c.where() == "host db.example, port 6543, database my archive");
  CHECK_THAT(bm::db::connection_advice(c), Catch::Contains("pg_isready -h db.example -p 6543"));
}

TEST_CASE("passwords are masked in any text that quotes a connection string", "[db]") {
  CHECK(bm::db::without_password("cannot open PG:dbname=x password=hunter2 user=u") ==
        "cannot open PG:dbname=x password=*** user=u");
  CHECK(bm::db::without_password("PG:password='two words' dbname=x") == "PG:password=*** dbname=x");
}

TEST_CASE("SQL identifiers and literals are quoted, quotes doubled", "[db]") {
  CHECK(bm::db::quote_ident("a\"b") == "\"a\"\"b\"");
  CHECK(bm::db::quote_ident("Incidents 2022") == "\"Incidents 2022\"");
  CHECK(bm::db::quote_literal("it's") == "'it''s'");
  CHECK(bm::db::quote_literal("x'; DROP TABLE t; --") == "'x''; DROP TABLE t; --'");
}
