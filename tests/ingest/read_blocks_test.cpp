#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "ingest/ingest.hpp"
#include "support.hpp"

namespace {

struct Blocks {
  std::size_t count = 0;
  std::vector<std::string> ids;  // incidents, in the order handed over
  std::vector<long> rejected;    // lines
};

Blocks read_in_blocks(const std::string& path, std::size_t rows) {
  Blocks b;
  bm::ingest::read_blocks(path, {}, rows, [&](bm::IncidentTable& t) {
    if (t.incidents.empty() && t.rejected.empty()) return;
    ++b.count;
    CHECK(t.incidents.size() + t.rejected.size() <= rows);
    for (const auto& i : t.incidents) b.ids.push_back(i.id);
    for (const auto& r : t.rejected) b.rejected.push_back(r.line);
  });
  return b;
}

}  // namespace

// ACLED, UCDP and our own CSV read in blocks as the plain-CSV and OGR
// backends do, so `export` streams them; the blocks hold the whole table.
TEST_CASE("CSV backends hand their rows over in blocks", "[ingest][stream]") {
  for (const char* name : {"ingest/acled_2023.csv", "ingest/ucdp_ged.csv", "incidents_small.csv"}) {
    INFO(name);
    const std::string path = bm::test::data(name);
    bm::IncidentTable whole = bm::ingest::read(path, {});
    Blocks b = read_in_blocks(path, 2);
    const std::size_t records = whole.incidents.size() + whole.rejected.size();
    CHECK(b.count == (records + 1) / 2);
    REQUIRE(b.ids.size() == whole.incidents.size());
    for (std::size_t k = 0; k < b.ids.size(); ++k) CHECK(b.ids[k] == whole.incidents[k].id);
    CHECK(b.rejected.size() == whole.rejected.size());
  }
}
