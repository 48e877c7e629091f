#include <catch2/catch.hpp>

#include "extract/no_places.hpp"

#include "extract/events.hpp"
#include "extract/figures.hpp"

using namespace bm;
using namespace bm::extract;

namespace {

using bm::test::no_places;

struct Parsed {
  Attribution who;
  std::vector<ClaimMention> claims;
};

Parsed parse(const std::string& text, const Attribution& previous = {}) {
  auto toks = tokenize(text);
  auto sents = split_sentences(text, toks);
  REQUIRE(sents.size() == 1);
  Parsed p;
  p.who = find_attribution(text, toks, sents[0], previous, no_places());
  p.claims = find_claims(text, toks, sents[0], 0, p.who, std::vector<bool>(toks.size(), false));
  return p;
}

SentenceEvents events(const std::string& text) {
  auto toks = tokenize(text);
  return find_events(toks, 0, toks.size());
}

}  // namespace

TEST_CASE("claimant: according to, said, citing, as per, pronouns", "[extract][claims]") {
  Parsed a = parse("According to Tajik border guards, three civilians were killed.");
  CHECK(a.who.claimant == "Tajik border guards");
  CHECK(a.who.how == "according_to");
  REQUIRE(a.claims.size() == 1);
  CHECK(a.claims[0].claim.low == 3);
  CHECK(a.claims[0].claim.group == "civilians");
  CHECK(a.claims[0].claim.side == "TJ");
  CHECK(a.claims[0].side_inferred);

  Parsed b = parse("Two soldiers died in the firing, the Indian army said.");
  CHECK(b.who.claimant == "the Indian army");
  REQUIRE(b.claims.size() == 1);
  CHECK(b.claims[0].claim.kind == "killed");
  CHECK(b.claims[0].claim.side == "IN");

  Parsed c = parse("Local media, citing official sources, reported that 12 people were wounded.");
  CHECK(c.who.claimant == "Local media (citing official sources)");
  REQUIRE(c.claims.size() == 1);
  CHECK(c.claims[0].claim.kind == "injured");

  Parsed w = parse(
      "A Pakistani security official, who spoke on condition of anonymity, said two "
      "soldiers were wounded.");
  CHECK(w.who.claimant == "A Pakistani security official");
  REQUIRE(w.claims.size() == 1);
  CHECK(w.claims[0].claim.side == "PK");

  Parsed d = parse("At least 10 people were killed, as per Reuters.");
  CHECK(d.who.claimant == "Reuters");
  REQUIRE(d.claims.size() == 1);
  CHECK(d.claims[0].claim.low == 10);
  CHECK(!d.claims[0].claim.high);
  CHECK(d.claims[0].claim.side == "unknown");  // abstain: nobody says whose people

  Attribution prev;
  prev.claimant = "The Afghan defence ministry";
  prev.country = "AF";
  Parsed e = parse("It said four were injured.", prev);
  CHECK(e.who.claimant == "The Afghan defence ministry");
  CHECK(e.who.how == "pronoun");
  REQUIRE(e.claims.size() == 1);
  CHECK(e.claims[0].claim.side == "AF");
}

TEST_CASE("figures: kinds, sides written in the text, totals, non-figures", "[extract][claims]") {
  Parsed a = parse(
      "Shelling killed a dozen Armenian soldiers and wounded dozens of civilians on the "
      "Azerbaijani side.");
  REQUIRE(a.claims.size() == 2);
  CHECK(a.claims[0].claim.kind == "killed");
  CHECK(a.claims[0].claim.low == 12);
  CHECK(a.claims[0].claim.side == "AM");
  CHECK(a.claims[1].claim.kind == "injured");
  CHECK(a.claims[1].claim.low == 24);
  CHECK(a.claims[1].claim.approx);
  CHECK(a.claims[1].claim.group == "civilians");

  Parsed b = parse("The total death toll rose to 59, officials said.");
  REQUIRE(b.claims.size() == 1);
  CHECK(b.claims[0].claim.low == 59);
  CHECK(b.claims[0].total);

  // Houses destroyed are a figure of their own kind (issue 19), not people.
  Parsed c = parse("Some 5,000 residents were displaced and 40 houses destroyed.");
  REQUIRE(c.claims.size() == 2);
  CHECK(c.claims[0].claim.kind == "displaced");
  CHECK(c.claims[0].claim.low == 5000);
  CHECK(c.claims[0].claim.approx);
  CHECK(c.claims[1].claim.kind == "houses_destroyed");
  CHECK(c.claims[1].claim.low == 40);

  // Numbers that count no people, or no casualties.
  CHECK(parse("The two countries share a 970 km border that has killed many.").claims.empty());
  CHECK(parse("Around 30,000 people live in the town.").claims.empty());
}

TEST_CASE("events typed into README's event types, weapons listed", "[extract][events]") {
  SentenceEvents a = events("Azerbaijani forces shelled the villages with artillery and drones.");
  CHECK(a.main_type() == "shelling");
  CHECK(a.weapons == std::vector<std::string>{"artillery", "drones"});
  CHECK(a.violent());
  CHECK(events("A drone struck a border checkpoint.").main_type() == "drone_strike");
  CHECK(events("Soldiers opened fire on the post.").main_type() == "armed_clash");
  SentenceEvents c = events("The two sides agreed to a ceasefire.");
  CHECK(c.main_type() == "ceasefire");
  CHECK_FALSE(c.violent());
  CHECK(events("Talks were held in the capital.").main_type() == "talks");
  CHECK(events("Over 2,000 people were evacuated.").main_type() == "evacuation");
  CHECK(events("The minister visited a school.").main_type().empty());
  CHECK(events("They used rocket launchers and tanks.").weapons ==
        std::vector<std::string>{"rocket artillery", "tanks"});
}

TEST_CASE("claimant: 'the country said' is the country that spoke before; a figure is no speaker",
          "[extract][claims]") {
  Attribution before;
  before.claimant = "Uzbekistan";
  before.country = "UZ";
  Parsed a = parse("The country also said 40 people were injured.", before);
  REQUIRE(a.claims.size() == 1);
  CHECK(a.claims[0].claim.claimant == "Uzbekistan");
  CHECK(a.claims[0].claim.side == "UZ");
  Parsed b = parse("Clashes in 2019 left 30 deaths and raised fears of war.");
  REQUIRE(b.claims.size() == 1);
  CHECK(b.claims[0].claim.claimant.empty());
}
