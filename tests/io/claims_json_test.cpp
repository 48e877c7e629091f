// claims_to_json, built as text, against nlohmann's dump() of the same
// claims (the way it was built before): byte for byte on awkward strings,
// and still refusing invalid UTF-8 as dump() does.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <random>

#include "io/incidents_csv.hpp"

namespace {

std::string by_nlohmann(const std::vector<bm::Claim>& claims) {
  nlohmann::json arr = nlohmann::json::array();
  for (const auto& c : claims) {
    nlohmann::json j;
    j["kind"] = c.kind;
    j["low"] = c.low ? nlohmann::json(*c.low) : nlohmann::json(nullptr);
    j["high"] = c.high ? nlohmann::json(*c.high) : nlohmann::json(nullptr);
    if (c.best) j["best"] = *c.best;
    if (c.approx) j["approx"] = true;
    j["side"] = c.side;
    if (!c.group.empty()) j["group"] = c.group;
    j["claimant"] = c.claimant;
    j["source"] = c.source;
    if (!c.quote.empty()) j["quote"] = c.quote;
    if (!c.scope.empty()) j["scope"] = c.scope;
    arr.push_back(j);
  }
  return arr.dump();
}

std::string random_text(std::mt19937& r) {
  static const std::vector<std::string> pieces = {"a",
                                                  "Z",
                                                  " ",
                                                  "\"",
                                                  "\\",
                                                  "/",
                                                  "\b",
                                                  "\f",
                                                  "\n",
                                                  "\r",
                                                  "\t",
                                                  "\x01",
                                                  "\x1f",
                                                  "\x7f",
                                                  "\xD0\x90",
                                                  "\xE2\x80\x94",
                                                  "\xF0\x9F\x98\x80",
                                                  "{}",
                                                  "[1]",
                                                  ","};
  std::string s;
  for (int n = static_cast<int>(r() % 8); n > 0; --n) s += pieces[r() % pieces.size()];
  return s;
}

}  // namespace

TEST_CASE("claims JSON is what nlohmann prints, on awkward strings", "[io][claims]") {
  std::mt19937 r(21);
  CHECK(bm::claims_to_json({}) == "[]");
  for (int round = 0; round < 2000; ++round) {
    std::vector<bm::Claim> claims(r() % 3);
    for (auto& c : claims) {
      c.kind = random_text(r), c.side = random_text(r), c.group = random_text(r);
      c.claimant = random_text(r), c.source = random_text(r), c.quote = random_text(r);
      c.scope = random_text(r);
      if (r() % 3) c.low = static_cast<long>(r() % 100000) - (r() % 5 == 0 ? 100000 : 0);
      if (r() % 3) c.high = static_cast<long>(r());
      if (r() % 4 == 0) c.best = static_cast<long>(r() % 50);
      c.approx = r() % 2;
    }
    INFO(by_nlohmann(claims));
    REQUIRE(bm::claims_to_json(claims) == by_nlohmann(claims));
  }
}

TEST_CASE("claims JSON refuses invalid UTF-8 as nlohmann does", "[io][claims]") {
  bm::Claim c;
  c.kind = "killed", c.claimant = "bad \xC3";
  CHECK_THROWS(bm::claims_to_json({c}));
}
