// Extraction on our own texts about other borders, with a small gazetteer:
// nothing in the rules may depend on the Kyrgyz–Tajik seeds.
#include <catch2/catch.hpp>

#include "core/geometry.hpp"
#include "extract/extractor.hpp"
#include "gazetteer/normalize.hpp"
#include "support.hpp"

using namespace bm;
using namespace bm::extract;

namespace {

Place place(const char* id, const char* name, const char* kind, const char* cc, double lon,
            double lat, long pop = 0) {
  Place p;
  p.id = id;
  p.name = name;
  p.kind = kind;
  p.country = cc;
  p.point = LonLat{lon, lat};
  p.population = pop;
  if (std::string(kind) == "region") p.coord_precision = GeoPrecision::region;
  return p;
}

Place with_square(Place p, double lon0, double lat0, double lon1, double lat1) {
  Polygon square;
  square.rings.push_back({{lon0, lat0}, {lon1, lat0}, {lon1, lat1}, {lon0, lat1}, {lon0, lat0}});
  p.area = std::make_shared<const MultiPolygon>(MultiPolygon{square});
  return p;
}

const Gazetteer& gazetteer() {
  static const Gazetteer g(
      {place("in_tawang", "Tawang", "town", "IN", 91.86, 27.59),
       place("in_arunachal", "Arunachal Pradesh", "region", "IN", 94.5, 28.0),
       place("cn_beijing", "Beijing", "city", "CN", 116.4, 39.9, 21000000),
       place("in_new_delhi", "New Delhi", "city", "IN", 77.2, 28.6, 300000),
       place("in_delhi", "Delhi", "city", "IN", 77.2, 28.65, 11000000),
       place("am_jermuk", "Jermuk", "town", "AM", 45.67, 39.84),
       place("am_goris", "Goris", "town", "AM", 46.34, 39.51),
       place("am_kapan", "Kapan", "town", "AM", 46.41, 39.21),
       with_square(place("am_syunik", "Syunik", "region", "AM", 46.0, 39.5), 45.8, 38.8, 46.8,
                   39.8),
       place("am_yerevan", "Yerevan", "city", "AM", 44.51, 40.18, 1000000),
       place("in_gawan", "Gawan", "town", "IN", 78.35, 28.42),
       place("country:AZ", "Azerbaijan", "country", "AZ", 47.7, 40.3),
       place("am_kechut_1", "Kechut", "village", "AM", 45.70, 39.86),
       place("am_kechut_2", "Kechut", "village", "AM", 44.00, 40.90),
       place("do_galvan", "Galvan", "city", "DO", -71.34, 18.50),
       place("am_verin_shorzha_1", "Verin Shorzha", "village", "AM", 45.4, 40.3),
       place("am_verin_shorzha_2", "Verin Shorzha", "village", "AM", 45.6, 40.1),
       place("am_kapan_post", "Kapan border post", "checkpoint", "AM", 46.45, 39.2),
       place("id_kapan", "Kapan", "village", "ID", 110.1, -7.5),
       place("pk_chaman", "Chaman", "town", "PK", 66.45, 30.92),
       place("af_spin_boldak", "Spin Boldak", "town", "AF", 66.39, 31.0),
       place("af_kandahar_prov", "Kandahar Province", "region", "AF", 65.7, 31.0),
       place("pk_islamabad", "Islamabad", "city", "PK", 73.05, 33.7, 1000000),
       place("fr_paris", "Paris", "city", "FR", 2.35, 48.85, 2100000)});
  return g;
}

const PlaceLookup& lookup() {
  static const PlaceLookup l(gazetteer(), {{normalize_name("India"), "IN"},
                                           {normalize_name("China"), "CN"},
                                           {normalize_name("Armenia"), "AM"},
                                           {normalize_name("Azerbaijan"), "AZ"},
                                           {normalize_name("Pakistan"), "PK"},
                                           {normalize_name("Afghanistan"), "AF"},
                                           {normalize_name("France"), "FR"}});
  return l;
}

DocExtraction run(const std::string& file, const std::string& date = {}) {
  return extract_document(load_document(test::data("extract/" + file)), lookup(), date);
}

const DraftIncident* incident_at(const DocExtraction& x, const std::string& place_id) {
  for (const auto& d : x.incidents)
    if (d.incident.place_id == place_id) return &d;
  return nullptr;
}

const ClaimMention* claim(const DocExtraction& x, const std::string& kind, long value) {
  for (const auto& c : x.claims)
    if (c.claim.kind == kind && (c.claim.low == value || c.claim.high == value)) return &c;
  return nullptr;
}

}  // namespace

TEST_CASE("India-China: dateline, weekday, sector, claimant", "[extract][e2e]") {
  DocExtraction x = run("india_china.txt");
  CHECK(x.publication_date == "2022-12-13");
  CHECK(x.date_from == "text");
  const DraftIncident* d = incident_at(x, "in_tawang");
  REQUIRE(d);
  CHECK(d->incident.date.start == "2022-12-09");  // "on Friday"
  CHECK(d->incident.date.precision == "day");
  CHECK(d->incident.event_type == "armed_clash");
  const ClaimMention* c = claim(x, "injured", 6);
  REQUIRE(c);
  CHECK(c->claim.low == 6);
  CHECK(!c->claim.high);
  CHECK(c->claim.side == "IN");
  CHECK(c->claim.group == "soldiers");
  CHECK(c->claim.claimant == "army officials");
  // "no Indian soldier was killed" is no figure; Beijing hosts talks, no incident there.
  CHECK_FALSE(claim(x, "killed", 0));
  CHECK_FALSE(incident_at(x, "cn_beijing"));
}

TEST_CASE("Armenia-Azerbaijan HTML: offsets into the extracted text, sides, list of towns",
          "[extract][e2e]") {
  DocExtraction x = run("armenia_azerbaijan.html");
  CHECK(x.doc.was_html);
  CHECK(x.doc.text.find("var ads") == std::string::npos);  // scripts are not text
  CHECK(x.publication_date == "2022-09-14");
  for (const char* id : {"am_jermuk", "am_goris", "am_kapan"}) {
    const DraftIncident* d = incident_at(x, id);
    INFO(id);
    REQUIRE(d);
    CHECK(d->incident.date.start == "2022-09-13");  // "on Tuesday"
    CHECK(d->incident.event_type == "shelling");
    CHECK(d->incident.country == "AM");
  }
  for (const auto& p : x.places) {
    // Every span points at the words it came from.
    CHECK(x.doc.text.substr(p.begin, p.end - p.begin) == p.text);
  }
  const ClaimMention* am = claim(x, "killed", 49);
  REQUIRE(am);
  CHECK(am->claim.side == "AM");
  CHECK(am->claim.claimant == "Armenia");
  CHECK(x.doc.text.substr(am->quote_begin, am->quote_end - am->quote_begin) == am->claim.quote);
  const ClaimMention* az = claim(x, "killed", 50);
  REQUIRE(az);
  CHECK(az->claim.side == "AZ");
  CHECK(az->claim.group == "soldiers");
  const ClaimMention* ev = claim(x, "evacuated", 2750);
  REQUIRE(ev);
  CHECK(ev->claim.approx);
  CHECK(ev->claim.claimant == "Armenian officials");
  CHECK_FALSE(claim(x, "killed", 999));
}

TEST_CASE("Afghanistan-Pakistan: --date, chained figures, summit venue is no incident",
          "[extract][e2e]") {
  DocExtraction x = run("afghanistan_pakistan.txt", "2023-02-20");  // a Monday
  CHECK(x.date_from == "option");
  const DraftIncident* d = incident_at(x, "pk_chaman");
  REQUIRE(d);
  CHECK(d->incident.date.start == "2023-02-19");
  const ClaimMention* k = claim(x, "killed", 6);
  REQUIRE(k);
  CHECK(k->claim.side == "PK");
  CHECK(k->claim.group == "civilians");
  CHECK(k->claim.claimant == "Pakistan's military");
  const ClaimMention* w = claim(x, "injured", 17);
  REQUIRE(w);
  CHECK(w->claim.side == "PK");
  CHECK(incident_at(x, "af_spin_boldak"));
  CHECK_FALSE(incident_at(x, "af_kandahar_prov"));  // locates Spin Boldak only
  CHECK_FALSE(incident_at(x, "pk_islamabad"));
  bool venue = false;
  for (const auto& p : x.places)
    venue = venue || (p.place && p.place->id == "pk_islamabad" && p.role == "venue");
  CHECK(venue);
}

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

TEST_CASE("HTML: publication date from meta, navigation and asides are not text",
          "[extract][html]") {
  DocExtraction x = run("page_with_meta.html");
  CHECK(x.date_from == "html_meta");
  CHECK(x.publication_date == "2023-02-20");
  CHECK(x.doc.text.find("unrelated") == std::string::npos);
  CHECK(x.doc.text.find("floods") == std::string::npos);
  CHECK(x.doc.text.find("Border crossing shut after clash") == 0);  // the title leads
  const DraftIncident* d = incident_at(x, "pk_chaman");
  REQUIRE(d);
  CHECK(d->incident.date.start == "2023-02-19");
  REQUIRE(claim(x, "killed", 2));
  CHECK(claim(x, "killed", 2)->claim.side == "PK");
  CHECK_FALSE(claim(x, "killed", 10));
  CHECK_FALSE(claim(x, "killed", 300));
}

TEST_CASE("Cyrillic names are candidates too", "[extract][places]") {
  static const Gazetteer g({[] {
    Place p = place("tj_vorukh", "Vorukh", "village", "TJ", 70.58, 39.85);
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

TEST_CASE("wire style: lists with an unknown name, dateline city, people skipped",
          "[extract][places]") {
  DocExtraction x = run("armenia_reuters_style.txt", "2022-09-13");
  const PlaceMention* sotk = nullptr;
  for (const auto& p : x.places)
    if (p.text == "Sotk") sotk = &p;
  REQUIRE(sotk);
  CHECK(sotk->place == nullptr);
  CHECK(sotk->role == "incident");
  CHECK(sotk->country == "AM");  // from the list it is in
  CHECK(incident_at(x, "am_goris"));
  CHECK(incident_at(x, "am_jermuk"));
  const ClaimMention* k = claim(x, "killed", 49);
  REQUIRE(k);
  CHECK(k->claim.claimant == "Armenia");  // not "- Armenia"
  CHECK(k->claim.side == "AM");
  const ClaimMention* old = claim(x, "killed", 6500);
  REQUIRE(old);
  CHECK(old->claim.scope == "background");
  for (const auto& p : x.places) CHECK(p.text != "Pashinyan");
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

TEST_CASE("Galwan: 'Published On', unknown valley kept, New Delhi not Delhi, asides",
          "[extract][e2e]") {
  DocExtraction x = run("india_china_galwan.txt");
  CHECK(x.publication_date == "2020-06-16");
  const PlaceMention* galwan = nullptr;
  const PlaceMention* delhi = nullptr;
  for (const auto& p : x.places) {
    if (p.text == "Galwan Valley") galwan = &p;
    if (p.place && (p.place->id == "in_new_delhi" || p.place->id == "in_delhi")) delhi = &p;
    CHECK(p.text != "Line");  // "Line of Actual Control"
  }
  REQUIRE(galwan);
  CHECK(galwan->place == nullptr);
  CHECK(galwan->role == "incident");
  REQUIRE(delhi);
  CHECK(delhi->text == "New Delhi");
  CHECK(delhi->place->id == "in_new_delhi");
  CHECK(delhi->role == "venue");
  const ClaimMention* three =
      claim(x, "killed", 3);  // "three soldiers, including an officer, died"
  REQUIRE(three);
  CHECK(three->claim.group == "soldiers");
  const ClaimMention* twenty = claim(x, "killed", 20);
  REQUIRE(twenty);
  CHECK(twenty->claim.side == "IN");
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

TEST_CASE("Torkham page: meta pubdate, unknown crossing kept once, exchanged fire",
          "[extract][html]") {
  DocExtraction x = run("torkham.html");
  CHECK(x.publication_date == "2023-09-07");
  const DraftIncident* t = nullptr;
  for (const auto& d : x.incidents)
    if (d.incident.place == "Torkham") t = &d;
  REQUIRE(t);
  CHECK(t->incident.date.start == "2023-09-06");  // "late on Wednesday"
  CHECK(t->incident.event_type == "armed_clash");
  CHECK_FALSE(t->incident.location);
  int torkham_notes = 0;
  for (const auto& r : x.rejected) torkham_notes += r.record == "Torkham";
  CHECK(torkham_notes == 1);
  const ClaimMention* k = claim(x, "killed", 1);
  REQUIRE(k);
  CHECK(k->claim.side == "AF");
  CHECK(k->claim.group == "border guards");
}

TEST_CASE("a publication stamp is no event date; a later sentence dates the lead's clash",
          "[extract][dates]") {
  DocExtraction x = run("india_china_stamp.txt");
  CHECK(x.publication_date == "2022-12-15");
  const DraftIncident* d = incident_at(x, "in_tawang");
  REQUIRE(d);
  // Not the stamp's 15 December: "the clash in the early hours of December 9".
  CHECK(d->incident.date.start == "2022-12-09");
  CHECK(d->incident.date.end == "2022-12-09");
  CHECK(d->incident.notes.find("December 9") != std::string::npos);
}

TEST_CASE("from-to ranges, passive figures, -ly adverbs, a border named by two demonyms",
          "[extract][places][claims]") {
  DocExtraction x = run("armenia_range.txt");
  // "from Jermuk all the way down to Goris and Kapan": both ends are scenes.
  CHECK(incident_at(x, "am_jermuk"));
  CHECK(incident_at(x, "am_goris"));
  CHECK(incident_at(x, "am_kapan"));
  // "49 soldiers have been confirmed killed": the subject is no claimant;
  // "according to" names who said it.
  const ClaimMention* killed = claim(x, "killed", 49);
  REQUIRE(killed);
  CHECK(killed->claim.claimant == "the defence ministry in Yerevan");
  const ClaimMention* az = claim(x, "killed", 50);  // "50 KIA"
  REQUIRE(az);
  CHECK(az->claim.claimant == "Azerbaijan");
  CHECK(az->claim.side == "AZ");
  const ClaimMention* hurt = claim(x, "injured", 3);
  REQUIRE(hurt);
  CHECK(hurt->claim.claimant.empty());
  // "X, a surgeon at ..., told": X is the claimant; "five among the wounded"
  // is part of the 12, no figure of its own.
  const ClaimMention* surgeon = claim(x, "injured", 12);
  REQUIRE(surgeon);
  CHECK(surgeon->claim.claimant == "Hovhannes Petrosyan");
  CHECK_FALSE(claim(x, "injured", 5));
  // "killed or seriously injured" counts both: casualties, not deaths.
  CHECK(claim(x, "casualties", 40));
  CHECK_FALSE(claim(x, "killed", 40));
  // "seized the Azerbaijani outpost \"Kapan\"": the seized post is a scene.
  bool seized = false;
  for (const auto& d : x.incidents)
    seized =
        seized || (d.incident.place_id == "am_kapan_post" && d.incident.date.start == "2022-09-07");
  CHECK(seized);
  bool border = false;
  for (const auto& d : x.incidents)
    if (d.incident.place == "Armenia-Azerbaijan border") {
      border = true;
      CHECK(d.incident.country.empty());
      CHECK_FALSE(d.incident.location);
    }
  CHECK(border);
}

TEST_CASE("a statement's date is not the event's; an outlet passing on a figure is named",
          "[extract][dates][claims]") {
  DocExtraction x = run("armenia_statement.txt");
  const ClaimMention* killed = claim(x, "killed", 15);
  REQUIRE(killed);
  CHECK(killed->claim.claimant == "Armenia (as reported by Reuters)");
  CHECK(killed->claim.side == "AM");
  // "said on September 14 that ... clashes, which started on September 12 near Jermuk"
  const DraftIncident* jermuk = incident_at(x, "am_jermuk");
  REQUIRE(jermuk);
  CHECK(jermuk->incident.date.start == "2022-09-12");
  // Syunik only says where Jermuk is ("in Armenia's southern Syunik region").
  CHECK_FALSE(incident_at(x, "am_syunik"));
  // The outlet's own report of Armenia's toll is dated by the statement.
  bool stated = false;
  for (const auto& d : x.incidents)
    for (const auto& c : d.incident.claims)
      if (c.kind == "killed" && c.low == 15) stated = d.incident.date.start == "2022-09-14";
  CHECK(stated);
  const ClaimMention* injured = claim(x, "injured", 30);
  REQUIRE(injured);
  CHECK(injured->claim.claimant == "The defence ministry");
}

TEST_CASE("a post named after a place: the post if the gazetteer has it, else only near the place",
          "[extract][places]") {
  DocExtraction x = run("armenia_posts.txt");
  // "the Armenian border outpost Yerevan": no such post is known, so the
  // capital stands in, but only as "near" (precision 2).
  const DraftIncident* yerevan = incident_at(x, "am_yerevan");
  REQUIRE(yerevan);
  CHECK(yerevan->incident.precision == GeoPrecision::near);
  // "the Kapan frontier post": the gazetteer's post, not the town.
  CHECK(incident_at(x, "am_kapan_post"));
  CHECK_FALSE(incident_at(x, "am_kapan"));
  // Two villages of one name and nothing to choose: kept, unlocated, both named.
  bool kept = false;
  for (const auto& d : x.incidents)
    if (d.incident.place == "Verin Shorzha") {
      kept = true;
      CHECK_FALSE(d.incident.location);
      CHECK(d.incident.resolve_note.find(
                "ambiguous between Verin Shorzha (AM), Verin Shorzha (AM)") != std::string::npos);
    }
  CHECK(kept);
}

TEST_CASE("dotted dates, a speaker after the verb, 'the source', participles, people's names",
          "[extract][dates][claims]") {
  DocExtraction x = run("armenia_ddmm.txt");
  CHECK(x.publication_date == "2022-09-14");  // "YEREVAN, 14.09.2022 (Armenpress) –"
  const DraftIncident* jermuk = incident_at(x, "am_jermuk");
  REQUIRE(jermuk);
  CHECK(jermuk->incident.date.start == "2022-09-14");  // "today"
  // "..., reports the Press Center of ..."; "the declared ceasefire" says nothing;
  // "According to the source" is that press centre again.
  const ClaimMention* hurt = claim(x, "injured", 4);
  REQUIRE(hurt);
  CHECK(hurt->claim.claimant == "the Press Center of the Ministry of Defence of Armenia");
  CHECK(hurt->claim.side == "AM");
  for (const auto& d : x.incidents) CHECK(d.incident.place != "Arsen Petrosyanov");
}

TEST_CASE("a region opening the sentence frames its places; a district known by its town",
          "[extract][places]") {
  DocExtraction x = run("armenia_frame.txt");
  // "In Armenia's Syunik province, ... in Yerevan": Yerevan is not in Syunik,
  // so this Yerevan is another one the gazetteer does not know.
  CHECK_FALSE(incident_at(x, "am_yerevan"));
  bool kept = false;
  for (const auto& d : x.incidents)
    if (d.incident.place == "Yerevan") {
      kept = true;
      CHECK_FALSE(d.incident.location);
      CHECK(d.incident.resolve_note.find("lies outside Syunik") != std::string::npos);
    }
  CHECK(kept);
  // "Kapan district": only the town is known, so the incident is near it (2).
  const DraftIncident* kapan = incident_at(x, "am_kapan");
  REQUIRE(kapan);
  CHECK(kapan->incident.precision == GeoPrecision::near);
  // "the two Southeast Asian nations" style compass words are no places.
  for (const auto& d : x.incidents) CHECK(d.incident.place != "Southeast");
}

TEST_CASE("a headline and its body repeating a figure make one claim, completed by both",
          "[extract][claims]") {
  DocExtraction x = run("armenia_repeat.txt");
  const DraftIncident* kapan = incident_at(x, "am_kapan");
  REQUIRE(kapan);
  // "Kapan Municipality" is known only by the town: near it, not at it.
  CHECK(kapan->incident.precision == GeoPrecision::near);
  int killed4 = 0;
  for (const auto& d : x.incidents)
    for (const auto& c : d.incident.claims)
      if (c.kind == "killed" && c.low == 4) {
        ++killed4;
        CHECK(c.side == "AM");                // from the headline's "Armenian"
        CHECK(c.claimant == "the ministry");  // from the body
      }
  CHECK(killed4 == 1);
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

TEST_CASE("'accused each other' names no claimant; 'with X saying' does", "[extract][claims]") {
  DocExtraction x = run("armenia_mutual.txt");
  const ClaimMention* killed = claim(x, "killed", 4);
  REQUIRE(killed);
  CHECK(killed->claim.claimant == "Yerevan");
}

TEST_CASE("a toll that 'had risen to' N; 'killed and injured'; a part 'among the wounded'",
          "[extract][claims]") {
  DocExtraction x = run("armenia_toll.txt");
  const ClaimMention* toll = claim(x, "killed", 155);
  REQUIRE(toll);
  CHECK(toll->claim.side == "both");
  CHECK(claim(x, "killed", 12));
  CHECK(claim(x, "injured", 30));
  CHECK_FALSE(claim(x, "injured", 3));  // three of the 30
  CHECK(claim(x, "casualties", 24));    // "dozens were killed and injured"
  CHECK_FALSE(claim(x, "killed", 24));
  // "two Azerbaijani officers killed and six soldiers and five civilians
  // injured": every count of the list, all Azerbaijani.
  for (long n : {6L, 5L}) {
    const ClaimMention* c = claim(x, "injured", n);
    REQUIRE(c);
    CHECK(c->claim.side == "AZ");
  }
  // "On the Armenian side, two soldiers and two civilians were reported injured."
  int armenian_two = 0;
  for (const auto& c : x.claims)
    if (c.claim.kind == "injured" && c.claim.low == 2 && c.claim.side == "AM") ++armenian_two;
  CHECK(armenian_two == 2);
}

TEST_CASE("a date on a line of its own dates the page; 'the ministry' is the ministry named before",
          "[extract][dates][claims]") {
  DocExtraction x = run("armenia_dateline.txt");
  CHECK(x.publication_date == "2022-09-14");
  const ClaimMention* hurt = claim(x, "injured", 30);
  REQUIRE(hurt);
  CHECK(hurt->claim.claimant == "The Armenian defence ministry");
  CHECK(hurt->claim.side == "AM");
}
