// Table-driven: tests/data/gazetteer/cases.csv lists a name as written, the
// hints, and the place id expected ("a|b" when two rows are the same place)
// or "unresolved" when the gazetteer must abstain.
#include <catch2/catch.hpp>

#include <fstream>

#include "gazetteer/world.hpp"
#include "io/csv.hpp"
#include "support.hpp"

TEST_CASE("gazetteer resolves the spellings of cases.csv", "[gazetteer]") {
  const std::string path = bm::test::data("gazetteer/cases.csv");
  std::ifstream in(path);
  REQUIRE(in);
  bm::csv::Table t(in, path);
  int n = 0, resolved = 0, abstained = 0;
  while (t.next()) {
    ++n;
    bm::ResolveHints hints(t.get("country"), t.get("region"));
    const std::string& expected = t.get("expected");
    bm::Resolution r = bm::test::world_gazetteer().resolve(t.get("query"), hints);
    INFO(path << ":" << t.line() << ": " << t.get("query") << " [" << t.get("country") << "/"
              << t.get("region") << "] expected " << expected << " (" << t.get("why") << "); got "
              << (r.place ? r.place->id : "unresolved") << " " << r.match << " " << r.confidence
              << " " << r.note);
    if (expected == "unresolved") {
      ++abstained;
      CHECK(r.place == nullptr);
      CHECK(r.match == "unresolved");
      continue;
    }
    ++resolved;
    REQUIRE(r.place != nullptr);
    bool ok = false;
    for (const auto& id : bm::split(expected, '|')) ok = ok || r.place->id == id;
    CHECK(ok);
    CHECK(r.confidence > 0.4);
    CHECK(r.confidence <= 1.0);
    CHECK(r.match != "unresolved");
    CHECK(r.location.has_value());
    CHECK(r.precision != bm::GeoPrecision::unknown);
  }
  CHECK(n >= 60);
  CHECK(abstained >= 6);
  CHECK(resolved >= 50);
}
