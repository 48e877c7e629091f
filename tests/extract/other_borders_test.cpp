// Extraction rules on short texts of our own about other borders, with the
// small invented gazetteer (tests/data/extract/small_gazetteer.json): nothing
// in the rules may depend on the Kyrgyz–Tajik seeds. Whole fixture articles
// are held to their expect.json by fixture_runner_test.cpp.
#include <catch2/catch.hpp>

#include "core/geometry.hpp"
#include "extract/extractor.hpp"
#include "extract/fixture_gazetteers.hpp"
#include "gazetteer/normalize.hpp"

using namespace bm;
using namespace bm::extract;

namespace {

const PlaceLookup& lookup() { return test::small_lookup(); }

const DraftIncident* incident_at(const DocExtraction& x, const std::string& place_id) {
  for (const auto& d : x.incidents)
    if (d.incident.place_id == place_id) return &d;
  return nullptr;
}

Place village(const char* id, const char* name, const char* cc, double lon, double lat) {
  Place p;
  p.id = id;
  p.name = name;
  p.kind = "village";
  p.country = cc;
  p.point = LonLat{lon, lat};
  return p;
}

}  // namespace

TEST_CASE("a place in a country the article never names is left unresolved", "[extract][places]") {
  Document doc = make_document("t", "Armenian forces said troops clashed near Kapan on Monday.");
  DocExtraction x = extract_document(doc, lookup(), "2022-09-14");
  const DraftIncident* d = incident_at(x, "am_kapan");
  REQUIRE(d);  // the Armenian Kapan, not the Indonesian one
  Document doc2 = make_document("t", "Police said a brawl broke out near Paris on Monday.");
  DocExtraction y = extract_document(doc2, lookup(), "2022-09-14");
  // Paris is big enough to be kept even though France is not named.
  CHECK(incident_at(y, "fr_paris"));
  Document doc3 = make_document("t", "Troops clashed near Goris on Monday, officials said.");
  DocExtraction z = extract_document(doc3, lookup(), "2022-09-14");
  CHECK_FALSE(incident_at(z, "am_goris"));
  REQUIRE_FALSE(z.rejected.empty());
  // A local outlet names only the other side: Goris lies within 800 km of
  // Azerbaijan, so the spelling's own answer stands.
  Document doc4 = make_document("t", "Azerbaijani forces shelled Goris on Monday, officials said.");
  DocExtraction w = extract_document(doc4, lookup(), "2022-09-14");
  CHECK(incident_at(w, "am_goris"));
  // ... but not a place far from every country the article names.
  Document doc5 = make_document("t", "Azerbaijani forces shelled Spin Boldak on Monday.");
  DocExtraction v = extract_document(doc5, lookup(), "2022-09-14");
  CHECK_FALSE(incident_at(v, "af_spin_boldak"));
}

TEST_CASE("Cyrillic names are candidates too", "[extract][places]") {
  static const Gazetteer g({[] {
    Place p = village("tj_vorukh", "Vorukh", "TJ", 70.58, 39.85);
    p.alt_names = {"Ворух"};
    return p;
  }()});
  PlaceLookup l(g, {{normalize_name("Tajikistan"), "TJ"}});
  Document doc = make_document("t", "Tajik officials said mortar fire hit Ворух on Monday.");
  DocExtraction x = extract_document(doc, l, "2021-04-30");
  REQUIRE(x.places.size() == 1);
  CHECK(x.places[0].text == "Ворух");
  REQUIRE(x.places[0].place);
  CHECK(x.places[0].place->id == "tj_vorukh");
  CHECK(x.places[0].role == "incident");
  REQUIRE(x.incidents.size() == 1);
  CHECK(x.incidents[0].incident.date.start == "2021-04-26");
  CHECK(x.incidents[0].incident.event_type == "shelling");
}

TEST_CASE("an undated sentence takes its paragraph's date, not the next paragraph's",
          "[extract][dates]") {
  Document doc = make_document("t",
                               "Armenian officials said fighting broke out on Tuesday near Goris. "
                               "Shelling also hit Jermuk, they said.\n\n"
                               "Troops were seen near Kapan.\n");
  DocExtraction x = extract_document(doc, lookup(), "2022-09-14");
  const DraftIncident* j = incident_at(x, "am_jermuk");
  REQUIRE(j);
  CHECK(j->incident.date.start == "2022-09-13");
  CHECK(j->incident.notes.find("earlier sentence") != std::string::npos);
  // "seen near" is no event: Kapan is only mentioned.
  CHECK_FALSE(incident_at(x, "am_kapan"));
}

TEST_CASE("a place that was shelled is an incident place; weapons go to notes",
          "[extract][places]") {
  Document doc = make_document(
      "t", "Goris was shelled on Monday with mortars and tanks, Armenian officials said.");
  ExtractResult r = extract_all({doc}, lookup(), "2022-09-14");
  REQUIRE(r.drafts.size() == 1);
  const Incident& i = r.drafts[0].incident;
  CHECK(i.place == "Goris");
  CHECK(i.date.start == "2022-09-12");
  CHECK(i.event_type == "shelling");
  CHECK(i.notes.find("weapons: mortars, tanks") != std::string::npos);
  CHECK(i.actors.empty());
}

TEST_CASE("a name two villages share: the one near the article's other places",
          "[extract][places]") {
  Document doc = make_document(
      "t",
      "Azerbaijani forces shelled Jermuk on Tuesday. Shells also hit the village of Kechut "
      "on Tuesday, Armenian officials said.");
  DocExtraction x = extract_document(doc, lookup(), "2022-09-14");
  CHECK(incident_at(x, "am_jermuk"));
  CHECK(incident_at(x, "am_kechut_1"));  // 3 km from Jermuk
  CHECK_FALSE(incident_at(x, "am_kechut_2"));
}

TEST_CASE("a country written in capitals in a dateline does not name the border", "[extract]") {
  Document doc = make_document(
      "t",
      "Surin (THAILAND), July 25: Thai and Cambodian troops clashed along the border.\n\n"
      "Thailand said 12 people had been killed so far in the fighting with Cambodia.");
  DocExtraction x = extract_document(doc, test::bundle_lookup(), "2025-07-25");
  bool border = false;
  for (const DraftIncident& d : x.incidents) {
    CHECK(d.incident.place.find("THAILAND") == std::string::npos);
    border = border || d.incident.place.find("Thailand border") != std::string::npos ||
             d.incident.place.find("-Thailand") != std::string::npos ||
             d.incident.place.find("Thailand-") != std::string::npos;
  }
  CHECK(border);
}

TEST_CASE("a title's abbreviation and the name after it are no place", "[extract][places]") {
  Document doc = make_document(
      "t",
      "Cambodian forces shelled the area, said Gen. Khov Ly, an army spokesman. Gen. Khov Ly "
      "said two soldiers were killed near the border with Thailand.");
  DocExtraction x = extract_document(doc, test::bundle_lookup(), "2025-07-25");
  for (const PlaceMention& m : x.places) {
    CHECK(m.text != "Gen");
    CHECK(m.text.find("Khov") == std::string::npos);
  }
  for (const Rejection& r : x.rejected) CHECK(r.record.find("Khov") == std::string::npos);
}
