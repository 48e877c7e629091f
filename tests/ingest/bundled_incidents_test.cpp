#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <regex>
#include <set>

#include "ingest/ingest.hpp"
#include "io/incidents_csv.hpp"
#include "pipeline/chain.hpp"

namespace {

// The figure as the articles print it: "137,000" as well as "137000".
std::vector<std::string> spellings(long n) {
  std::string plain = std::to_string(n), grouped;
  for (std::size_t i = 0; i < plain.size(); ++i) {
    if (i > 0 && (plain.size() - i) % 3 == 0) grouped += ',';
    grouped += plain[i];
  }
  return {plain, grouped};
}

// The words just before the figure in the quote, lower-cased; empty when the
// figure itself is not in the quote (a sum, or "more than 100" read as 101).
std::string words_before(const std::string& quote, long n) {
  for (const auto& s : spellings(n)) {
    static const std::string digits = "0123456789,";
    for (auto at = quote.find(s); at != std::string::npos; at = quote.find(s, at + 1)) {
      bool whole =
          (at == 0 || digits.find(quote[at - 1]) == std::string::npos) &&
          (at + s.size() == quote.size() || digits.find(quote[at + s.size()]) == std::string::npos);
      if (!whole) continue;
      std::string before = quote.substr(at >= 12 ? at - 12 : 0, at >= 12 ? 12 : at);
      std::transform(before.begin(), before.end(), before.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      return before;
    }
  }
  return {};
}

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

}  // namespace

TEST_CASE("the bundled Sep 2022 incident table is complete, sourced and keeps conflicting claims",
          "[ingest]") {
  auto t = bm::ingest::read(bm::default_incidents_path(), {});
  for (const auto& r : t.rejected) FAIL_CHECK(r.file << ":" << r.line << ": " << r.reason);
  REQUIRE(t.rejected.empty());
  REQUIRE(t.incidents.size() >= 10);

  const std::set<std::string> event_types = {
      "armed_clash",          "shelling",  "drone_strike", "air_strike", "attack_on_civilians",
      "property_destruction", "ceasefire", "talks",        "evacuation", "casualty_report"};
  const std::regex seed_source(R"(\d{3}_[0-9a-f]{16}\.txt \(.+\))");
  std::set<std::string> ids;
  // Sides for which one incident holds killed figures that differ between
  // claimants (e.g. one side's toll as its officials and as others give it).
  std::set<std::string> disputed_sides;

  for (const auto& i : t.incidents) {
    INFO("incident " << i.id);
    CHECK(ids.insert(i.id).second);
    CHECK_FALSE(i.place.empty());
    CHECK(event_types.count(i.event_type) == 1);
    // Coordinates come from the gazetteer, never typed into the table.
    CHECK_FALSE(i.location.has_value());
    CHECK(i.date.start >= "2022-09-01");
    CHECK(i.date.end <= "2022-09-30");
    CHECK(i.date.start <= i.date.end);
    CHECK((i.date.start == i.date.end) == (i.date.precision == "day"));
    REQUIRE_FALSE(i.sources.empty());
    for (const auto& s : i.sources) CHECK(std::regex_match(s, seed_source));

    std::map<std::string, std::vector<std::pair<std::string, long>>> killed;  // side -> claims
    for (const auto& c : i.claims) {
      INFO("claim " << c.kind << " by " << c.claimant << ": " << c.quote);
      CHECK_FALSE(c.claimant.empty());
      CHECK_FALSE(c.quote.empty());
      CHECK(std::find(i.sources.begin(), i.sources.end(), c.source) != i.sources.end());
      CHECK(std::set<std::string>{"KG", "TJ", "both", "unknown"}.count(c.side) == 1);
      CHECK(std::set<std::string>{"event", "conflict"}.count(c.scope) == 1);
      // Range semantics follow the quote's own words.
      for (const auto& bound : {c.low, c.high}) {
        if (!bound) continue;
        std::string before = words_before(c.quote, *bound);
        if (ends_with(before, "at least ")) CHECK_FALSE(c.high.has_value());
        if (ends_with(before, "about ") || ends_with(before, "around ") ||
            ends_with(before, "nearly "))
          CHECK(c.approx);
        if (!before.empty() && !ends_with(before, "at least ") && c.low == bound)
          CHECK(c.high == c.low);  // an exact figure is low == high
      }
      if (c.kind == "killed") killed[c.side].push_back({c.claimant, c.high.value_or(*c.low)});
    }
    for (const auto& [side, claims] : killed)
      for (const auto& a : claims)
        for (const auto& b : claims)
          if (a.first != b.first && a.second != b.second) disputed_sides.insert(side);
  }

  // Conflicting figures stay side by side, not merged into one.
  CHECK(disputed_sides.count("KG") == 1);
  CHECK(disputed_sides.count("TJ") == 1);
}
