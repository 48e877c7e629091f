// A wire story whose only name for one side is a demonym ("Afghan"): the
// drafts still name places in words and take the dateline's date.
#include <catch2/catch.hpp>

#include "extract/extractor.hpp"
#include "geodata/bundle.hpp"
#include "support.hpp"

TEST_CASE("wire story: dateline date, countries named in words, never as codes",
          "[extract][wire]") {
  bm::Bundle bundle;
  bm::Gazetteer gaz = bm::Gazetteer::from_bundle(bundle);
  bm::extract::PlaceLookup lookup{gaz, bm::extract::country_names(bundle)};
  auto r = bm::extract::extract_all(
      {bm::extract::load_document(bm::test::data("extract/chaman_wire.txt"))}, lookup, "");
  REQUIRE_FALSE(r.drafts.empty());
  bool chaman = false, afghan = false;
  for (const auto& d : r.drafts) {
    const bm::Incident& i = d.incident;
    INFO(i.id << " " << i.place);
    CHECK(i.place.size() > 2);  // "AF" would be a code, not a place as written
    if (i.place == "Chaman") {
      chaman = true;
      CHECK(i.country == "PK");
      CHECK(i.date.start == "2022-12-11");
    }
    // "one Afghan fighter was killed and ten were injured": both Afghan,
    // reported for the country written out in full.
    if (i.place == "Afghanistan") {
      afghan = true;
      for (const auto& c : i.claims) CHECK(c.side == "AF");
    }
  }
  CHECK(chaman);
  CHECK(afghan);
}

TEST_CASE("wire story: the dateline does not date the events; a hospital town is no scene",
          "[extract][wire]") {
  bm::Bundle bundle;
  bm::Gazetteer gaz = bm::Gazetteer::from_bundle(bundle);
  bm::extract::PlaceLookup lookup{gaz, bm::extract::country_names(bundle)};
  auto r = bm::extract::extract_all(
      {bm::extract::load_document(bm::test::data("extract/tawang_wire.txt"))}, lookup, "");
  bool tawang = false;
  for (const auto& d : r.drafts) {
    const bm::Incident& i = d.incident;
    INFO(i.id << " " << i.place);
    CHECK(i.place != "Guwahati");  // "taken to hospital in Guwahati"
    if (i.place == "Tawang sector") {
      tawang = true;
      // "clashed last week", in an article dated Monday 12 December 2022
      CHECK(i.date.start == "2022-12-05");
      CHECK(i.date.end == "2022-12-11");
    }
  }
  CHECK(tawang);
}

TEST_CASE("undated paragraphs take the date of the article's lead", "[extract][wire]") {
  bm::Bundle bundle;
  bm::Gazetteer gaz = bm::Gazetteer::from_bundle(bundle);
  bm::extract::PlaceLookup lookup{gaz, bm::extract::country_names(bundle)};
  // "YEREVAN, Sept 13 (Reuters)" has no year: the analyst gives --date.
  auto r = bm::extract::extract_all(
      {bm::extract::load_document(bm::test::data("extract/armenia_wire_undated.txt"))}, lookup,
      "2022-09-13");
  int towns = 0;
  for (const auto& d : r.drafts) {
    const bm::Incident& i = d.incident;
    if (i.place != "Jermuk" && i.place != "Goris" && i.place != "Vardenis") continue;
    INFO(i.place);
    ++towns;
    CHECK(i.country == "AM");
    CHECK(i.event_type == "shelling");
    // the lead: "killed overnight ... told parliament on Tuesday" (13 September)
    CHECK(i.date.start == "2022-09-12");
    CHECK(i.date.end == "2022-09-13");
  }
  CHECK(towns == 3);
}

TEST_CASE("a place that only locates another is context, not a scene", "[extract][wire]") {
  bm::Bundle bundle;
  bm::Gazetteer gaz = bm::Gazetteer::from_bundle(bundle);
  bm::extract::PlaceLookup lookup{gaz, bm::extract::country_names(bundle)};
  auto r = bm::extract::extract_all(
      {bm::extract::load_document(bm::test::data("extract/kgtj_2021_wire.txt"))}, lookup, "");
  bool kok_tash = false;
  for (const auto& d : r.drafts) {
    const bm::Incident& i = d.incident;
    INFO(i.id << " " << i.place);
    CHECK(i.place != "Vorukh");  // "near ... Kok-Tash ..., close to the Tajik enclave of Vorukh"
    if (i.place == "Kok-Tash") {
      kok_tash = true;
      CHECK(i.date.start == "2021-04-29");  // "erupted on Thursday", dateline Friday 30 April
      CHECK(i.country == "KG");
    }
  }
  CHECK(kok_tash);
}
