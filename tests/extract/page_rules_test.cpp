// Rules over a whole page, each on a fixture in our own words: links to
// other stories, increments of a toll, sub-events, day-first date ranges,
// borders and named lines as places.
#include <catch2/catch.hpp>

#include "extract/no_places.hpp"

#include "extract/borders.hpp"
#include "extract/dates.hpp"
#include "extract/draft.hpp"
#include "extract/related.hpp"
#include "gazetteer/normalize.hpp"

using namespace bm;
using namespace bm::extract;

namespace {

using bm::test::no_places;

DocExtraction extract_text(const std::string& text, const std::string& date = "2024-05-10") {
  return extract_document(Document{"fixture.txt", text, false, {}}, no_places(), date);
}

// One invented village, so a sentence can name a place that resolves.
const PlaceLookup& one_village() {
  static const Gazetteer g = [] {
    Place p;
    p.id = "xx_westford";
    p.name = "Westford";
    p.kind = "village";
    p.country = "KG";
    p.point = LonLat{70.5, 40.0};
    return Gazetteer(std::vector<Place>{p});
  }();
  static const PlaceLookup l(g, {});
  return l;
}

const ClaimMention* claim(const DocExtraction& x, const std::string& kind, long low) {
  for (const auto& c : x.claims)
    if (c.claim.kind == kind && c.claim.low == low) return &c;
  return nullptr;
}

std::vector<DateMention> dates(const std::string& text, const std::string& anchor) {
  auto toks = tokenize(text);
  return find_dates(text, toks, 0, toks.size(), anchor);
}

std::vector<PlaceMention> borders(const std::string& text) {
  auto toks = tokenize(text);
  return find_borders(text, toks, split_sentences(text, toks));
}

}  // namespace

TEST_CASE("a link to another story is dropped and reported", "[extract][page]") {
  std::string text =
      "Talks resume after shelling\n\nTwo guards were wounded on Tuesday, officials said.\n\n"
      "READ MORE: Nine killed as fighting spreads to second valley\n\n"
      "Related: Forty evacuated from hill village\n";
  auto toks = tokenize(text);
  auto sents = split_sentences(text, toks);
  auto dropped = drop_related_headlines(text, toks, sents);
  REQUIRE(dropped.size() == 2);
  CHECK(dropped[0].starts_with("READ MORE"));
  DocExtraction x = extract_text(text);
  CHECK(claim(x, "injured", 2));
  CHECK_FALSE(claim(x, "killed", 9));
  CHECK_FALSE(claim(x, "evacuated", 40));
}

TEST_CASE("a related word inside a sentence is not a link", "[extract][page]") {
  DocExtraction x = extract_text("More than 40 people were evacuated, related officials said.");
  CHECK(claim(x, "evacuated", 40));
}

TEST_CASE("an increment of a toll is not a toll", "[extract][page]") {
  DocExtraction x = extract_text(
      "Officials said on Friday that eight more people had died, taking the toll to 27.");
  const ClaimMention* more = claim(x, "killed", 8);
  REQUIRE(more);
  CHECK(more->claim.scope == "increment");
  const ClaimMention* toll = claim(x, "killed", 27);
  REQUIRE(toll);
  CHECK(toll->claim.scope == "conflict");
  for (const auto& d : x.incidents)
    for (const auto& c : d.incident.claims) CHECK(c.low != 8);
}

TEST_CASE("'more' in a list of kinds is not an increment", "[extract][page]") {
  DocExtraction x = extract_text("One soldier was killed and four more were wounded, it said.");
  const ClaimMention* more = claim(x, "injured", 4);
  REQUIRE(more);
  CHECK(more->claim.scope != "increment");
}

TEST_CASE("a sub-event with no named place is a draft of its own, unlocated", "[extract][page]") {
  DocExtraction x = extract_text(
      "Officials said 22 people were killed on Monday, including 9 at a bus station hit by a "
      "rocket.");
  const ClaimMention* part = claim(x, "killed", 9);
  REQUIRE(part);
  CHECK(part->subevent == "a bus station hit by a rocket");
  const DraftIncident* sub = nullptr;
  for (const auto& d : x.incidents)
    if (d.incident.place == "a bus station hit by a rocket") sub = &d;
  REQUIRE(sub);
  CHECK_FALSE(sub->incident.location);
  CHECK(sub->incident.notes.find("no place named") != std::string::npos);
  CHECK(sub->incident.date.start == "2024-05-06");
  REQUIRE(sub->incident.claims.size() == 1);
  CHECK(sub->incident.claims[0].low == 9);
}

TEST_CASE("day-first ranges are intervals", "[extract][dates]") {
  auto a = dates("Fighting on 3–5 June 2023 ended in a truce.", "");
  REQUIRE(a.size() == 1);
  CHECK(a[0].range.start == "2023-06-03");
  CHECK(a[0].range.end == "2023-06-05");
  CHECK(a[0].range.precision == "range");
  auto b = dates("The clashes from 28 to 30 April left homes burnt.", "2021-05-02");
  REQUIRE(b.size() == 1);
  CHECK(b[0].range.start == "2021-04-28");
  CHECK(b[0].range.end == "2021-04-30");
  auto c = dates("Shelling on 8 and 9 July damaged a school.", "2023-07-10");
  REQUIRE(c.size() == 1);
  CHECK(c[0].range.end == "2023-07-09");
  // Not a range: the second day is before the first.
  auto d = dates("On 9 and 3 July nothing.", "2023-07-10");
  for (const auto& m : d) CHECK(m.range.precision != "range");
}

TEST_CASE("borders and named lines are places of two countries", "[extract][borders]") {
  auto a = borders(
      "Guards met on the Uzbek–Kyrgyz border and later on the Armenia-Azerbaijan "
      "frontier.");
  REQUIRE(a.size() == 2);
  CHECK(a[0].text == "Uzbek\xE2\x80\x93Kyrgyz border");
  CHECK(a[0].border == "KG-UZ");
  CHECK(a[1].border == "AM-AZ");
  auto b = borders("Patrols along the Line of Actual Control (LAC) and the Durand Line.");
  REQUIRE(b.size() == 3);
  CHECK(b[0].line);
  CHECK(b[0].border == "CN-IN");
  CHECK(b[1].text == "LAC");
  CHECK(b[2].border == "AF-PK");
  // An acronym in lower case is a word, not a line.
  CHECK(borders("the loc was quiet").empty());
}

TEST_CASE("a border is listed as the border, never as one of its countries", "[extract][borders]") {
  DocExtraction x = extract_text("Shots were fired across the Thai-Cambodian border on Sunday.");
  bool border = false;
  for (const auto& p : x.places) {
    CHECK_FALSE(p.is_country);
    border = border || p.border == "KH-TH";
  }
  CHECK(border);
}

TEST_CASE("leaving homes is displacement", "[extract][page]") {
  DocExtraction x = extract_text(
      "About 3,400 people were forced to leave their homes on Monday, the governor said.");
  CHECK(claim(x, "displaced", 3400));
  DocExtraction y = extract_text("A further 650 residents had left their villages by Tuesday.");
  CHECK(claim(y, "displaced", 650));
  // Leaving a meeting is not leaving a home.
  DocExtraction z = extract_text("The 12 delegates left the talks early.");
  CHECK_FALSE(claim(z, "displaced", 12));
}

TEST_CASE("a breakdown in parentheses gives one figure per place", "[extract][page]") {
  DocExtraction x = extract_text(
      "Officials said 5,000 people were evacuated on 2 May 2024 (Northfield 3,100 people, "
      "Eastbrook 1,900).");
  const ClaimMention* a = claim(x, "evacuated", 3100);
  REQUIRE(a);
  CHECK(a->subevent == "Northfield");
  const ClaimMention* b = claim(x, "evacuated", 1900);
  REQUIRE(b);
  CHECK(b->subevent == "Eastbrook");
  CHECK(claim(x, "evacuated", 5000));
  int drafts = 0;
  for (const auto& d : x.incidents)
    drafts += d.incident.place == "Northfield" || d.incident.place == "Eastbrook";
  CHECK(drafts == 2);
  // Not a breakdown: an acronym in parentheses.
  DocExtraction y = extract_text("Some 700 people were evacuated, the ministry (MoES) said.");
  CHECK(claim(y, "evacuated", 700));
  CHECK(y.claims.size() == 1);
}

TEST_CASE("'between A and B' is one figure with a range", "[extract][page]") {
  DocExtraction x = extract_text("Between 20 and 26 farmers were injured, the mayor said.");
  REQUIRE(x.claims.size() == 1);
  CHECK(x.claims[0].claim.low == 20);
  CHECK(x.claims[0].claim.high == 26);
  CHECK(x.claims[0].claim.kind == "injured");
}

TEST_CASE("the day a figure was said does not date the event told later", "[extract][page]") {
  DocExtraction x = extract_document(
      Document{"fixture.txt",
               "Guards said on Friday that three herders were killed in Westford.\n\n"
               "The attack took place on 7 May.",
               false,
               {}},
      one_village(), "2024-05-10");
  bool dated = false;
  for (const auto& d : x.incidents)
    for (const auto& c : d.incident.claims)
      if (c.low == 3) dated = d.incident.date.start == "2024-05-07";
  CHECK(dated);
}

TEST_CASE("official country names of several words are countries", "[extract][places]") {
  static const Gazetteer g(std::vector<Place>{});
  static const PlaceLookup l(g, {{normalize_name("Kyrgyz Republic"), "KG"},
                                 {normalize_name("Republic of Tajikistan"), "TJ"},
                                 {normalize_name("United States"), "US"}});
  DocExtraction x = extract_document(
      Document{"fixture.txt",
               "Envoys of the Kyrgyz Republic, the Republic of Tajikistan and the United States "
               "met.",
               false,
               {}},
      l, "2024-05-10");
  std::vector<std::string> found;
  for (const auto& p : x.places)
    if (p.is_country) found.push_back(p.text + "=" + p.country);
  CHECK(found == std::vector<std::string>{"Kyrgyz Republic=KG", "Republic of Tajikistan=TJ",
                                          "United States=US"});
}

TEST_CASE("houses destroyed or damaged are figures of their own kind", "[extract][page]") {
  DocExtraction x = extract_text("Shelling damaged 31 houses in the valley, the governor said.");
  CHECK(claim(x, "houses_damaged", 31));
  DocExtraction y = extract_text("In the village 9 homes were burnt to the ground.");
  CHECK(claim(y, "houses_destroyed", 9));
  DocExtraction z = extract_text("В селе повреждены 14 домов, сообщили власти.");
  CHECK(claim(z, "houses_damaged", 14));
}

TEST_CASE("moved to shelters is an evacuation", "[extract][page]") {
  DocExtraction x =
      extract_text("More than 2,600 residents were moved to temporary shelters overnight.");
  CHECK(claim(x, "evacuated", 2600));
}

TEST_CASE("'killing one and capturing six' are two counts", "[extract][page]") {
  DocExtraction x = extract_text(
      "Officials accused the other side of an attack, killing one guard and capturing "
      "six.");
  CHECK(claim(x, "killed", 1));
  CHECK(claim(x, "detained", 6));
}

TEST_CASE("'the society said' is the society named before", "[extract][page]") {
  DocExtraction x = extract_text(
      "The Red Crescent Society of Narnia said 400 people were displaced. The society said that "
      "30 houses had been destroyed.");
  const ClaimMention* h = claim(x, "houses_destroyed", 30);
  REQUIRE(h);
  CHECK(h->claim.claimant == "The Red Crescent Society of Narnia");
}

TEST_CASE("'wounded people died' counts the dead", "[extract][page]") {
  DocExtraction x = extract_text("Four wounded soldiers died in hospital on Monday, doctors said.");
  CHECK(claim(x, "killed", 4));
  CHECK_FALSE(claim(x, "injured", 4));
  // The adjective alone still counts the wounded.
  DocExtraction y = extract_text("Four wounded soldiers were flown to the capital.");
  CHECK(claim(y, "injured", 4));
}

TEST_CASE("a country over a list gives the side of its figures", "[extract][page]") {
  DocExtraction x = extract_text(
      "Losses reported by each side\n\nUzbekistan:\n- killed: 4\n- injured: 19\n\nKazakh side:\n"
      "- injured: 8\n\nBoth governments gave the figures on Friday.\n\n12 more were hurt.");
  const ClaimMention* a = claim(x, "killed", 4);
  REQUIRE(a);
  CHECK(a->claim.side == "UZ");
  const ClaimMention* b = claim(x, "injured", 19);
  REQUIRE(b);
  CHECK(b->claim.side == "UZ");
  const ClaimMention* c = claim(x, "injured", 8);
  REQUIRE(c);
  CHECK(c->claim.side == "KZ");
  // Prose after the list ends it.
  const ClaimMention* d = claim(x, "injured", 12);
  REQUIRE(d);
  CHECK(d->claim.side == "unknown");
}

TEST_CASE("without a publication date, relative dates read against the first full date",
          "[extract][dates]") {
  DocExtraction x = extract_text(
      "Talks were held in the capital on 12 March 2024.\n\n"
      "Two guards were wounded in Westford on Sunday, officials said.",
      "");
  CHECK(x.publication_date.empty());
  bool sunday = false;
  for (const auto& d : x.dates)
    sunday = sunday || (d.text == "Sunday" && d.range.start == "2024-03-10");
  CHECK(sunday);
}
