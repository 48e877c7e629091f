#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "gazetteer/index.hpp"
#include "gazetteer/normalize.hpp"
#include "gazetteer/resolution_json.hpp"
#include "gazetteer/world.hpp"

using bm::test::world_gazetteer;

TEST_CASE("normalised keys fold scripts, diacritics and separators", "[gazetteer]") {
  CHECK(bm::normalize_name("Kök-Tash") == "kok tash");
  CHECK(bm::normalize_name("Кёк-Таш") == "kyok tash");
  CHECK(bm::normalize_name("Кӯлканд") == "kulkand");
  CHECK(bm::normalize_name("Хуҷанд") == "khujand");
  CHECK(bm::normalize_name("Oʻsh") == "osh");
  CHECK(bm::normalize_name("  Khojai  A'lo ") == "khojai alo");
  // The ASCII fast path gives what ICU gives.
  for (const char* s : {"Batken Region", "O'sh", "Kok--Tash", "ISFARA"}) {
    std::string via_icu = bm::normalize_name(std::string(s) + "\xC3\xA9");  // force ICU with é
    CHECK(via_icu == bm::normalize_name(std::string(s) + "e"));
  }
}

TEST_CASE("sound keys make the news spellings equal and keep different names apart",
          "[gazetteer]") {
  auto same = [](const char* a, const char* b) {
    return bm::sound_key(bm::normalize_name(a)) == bm::sound_key(bm::normalize_name(b));
  };
  CHECK(same("Kolkand", "Kulkand"));
  CHECK(same("Samarkandek", "Samarkandyk"));
  CHECK(same("Sughd", "Soghd"));
  CHECK(same("Sogd", "Sughd"));
  CHECK(same("Vorukh", "Voruh"));
  CHECK(same("Jermuk", "Dzhermuk"));
  CHECK(same("Kyok-Tash", "Kok Tash"));
  CHECK(same("Lakkon", "Lakon"));
  CHECK_FALSE(same("Osh", "Ash"));
  CHECK_FALSE(same("Batken", "Bishkek"));
  CHECK(bm::edit_distance("kulkand", "kulkanda") == 1);
  CHECK(bm::edit_distance("ab", "ba") == 1);
}

TEST_CASE(
    "an unlocated reference place resolves to its parent area, never to invented "
    "coordinates",
    "[gazetteer]") {
  auto r = world_gazetteer().resolve("Kulkand", {"TJ", ""});
  REQUIRE(r.place != nullptr);
  CHECK(r.place->id == "tj_kulkand");
  CHECK_FALSE(r.place->point.has_value());
  REQUIRE(r.parent != nullptr);
  REQUIRE(r.location.has_value());
  REQUIRE(r.parent->point.has_value());
  CHECK(r.location->lon == r.parent->point->lon);
  CHECK(r.location->lat == r.parent->point->lat);
  CHECK((r.precision == bm::GeoPrecision::near || r.precision == bm::GeoPrecision::region));
  CHECK(r.uncertainty_m >= 10000);
  CHECK(r.note.find("no cited coordinate") != std::string::npos);
}

TEST_CASE("regions carry their area and precision 3; towns precision 1", "[gazetteer]") {
  auto region = world_gazetteer().resolve("Batken region");
  REQUIRE(region.place != nullptr);
  CHECK(region.place->area != nullptr);
  CHECK(region.precision == bm::GeoPrecision::region);
  auto town = world_gazetteer().resolve("Batken");
  REQUIRE(town.place != nullptr);
  CHECK(town.precision == bm::GeoPrecision::settlement);
  CHECK(town.match == "exact");
  // The runners-up of the town are the district and the region of the same
  // name, listed apart: a district is never merged into its region.
  std::vector<std::string> ids;
  for (const bm::Place* c : town.candidates) ids.push_back(c->id);
  CHECK(std::find(ids.begin(), ids.end(), region.place->id) != ids.end());
  CHECK(std::find(ids.begin(), ids.end(), "kg_batken_district") != ids.end());
  auto district = world_gazetteer().resolve("Batken District");
  REQUIRE(district.place != nullptr);
  CHECK(district.place->id == "kg_batken_district");
}

TEST_CASE("abstaining lists the nearest suggestions", "[gazetteer]") {
  auto r = world_gazetteer().resolve("Dostuk");
  CHECK(r.place == nullptr);
  REQUIRE(r.candidates.size() >= 2);
  auto json = bm::to_json(r);
  CHECK(json["match"] == "unresolved");
  CHECK(json["suggestions"].size() >= 2);
}

TEST_CASE("proximity to other places of the text decides between namesakes", "[gazetteer]") {
  bm::ResolveHints near_batken;
  near_batken.near.push_back({70.82, 40.05});
  auto r = world_gazetteer().resolve("Kulundu", near_batken);
  REQUIRE(r.place != nullptr);
  CHECK(r.place->country == "KG");
}

TEST_CASE("find_mentions returns spans, area phrases and the text's own hints", "[gazetteer]") {
  const std::string text =
      "Talks began in the village of Kolkand in the Sughd region of Tajikistan. "
      "Shelling hit Batken's airport, and the Batken region declared an emergency. "
      "President Vladimir Putin called. Residents of Кёк-Таш left.";
  auto ms = world_gazetteer().find_mentions(text, {});
  auto find = [&](const std::string& name) -> const bm::Mention* {
    for (const auto& m : ms)
      if (m.name == name) return &m;
    return nullptr;
  };
  const bm::Mention* kolkand = find("Kolkand");
  REQUIRE(kolkand != nullptr);
  CHECK(text.substr(kolkand->begin, kolkand->end - kolkand->begin) == "Kolkand");
  REQUIRE(kolkand->resolution.place != nullptr);
  CHECK(kolkand->resolution.place->id == "tj_kulkand");
  const bm::Mention* sughd = find("Sughd");
  REQUIRE(sughd != nullptr);
  CHECK(sughd->area_phrase);
  CHECK(sughd->text == "Sughd region");
  const bm::Mention* batken = find("Batken");  // the possessive "'s" is not part of the name
  REQUIRE(batken != nullptr);
  CHECK(batken->resolution.place != nullptr);
  CHECK(batken->resolution.precision == bm::GeoPrecision::settlement);
  bool region_found = false;
  for (const auto& m : ms)
    if (m.name == "Batken" && m.area_phrase && m.resolution.place &&
        m.resolution.precision == bm::GeoPrecision::region)
      region_found = true;
  CHECK(region_found);
  const bm::Mention* koktash = find("Кёк-Таш");
  REQUIRE(koktash != nullptr);
  CHECK(koktash->resolution.place != nullptr);
  CHECK(find("Putin") == nullptr);
  CHECK(find("Vladimir") == nullptr);
}

TEST_CASE("the index cache round-trips and is refused for another GeoPackage", "[gazetteer]") {
  namespace fs = std::filesystem;
  const std::string gpkg = bm::default_bundle_path();
  bm::Gazetteer::Index fresh;
  REQUIRE(bm::read_cache(gpkg, fresh));  // world_gazetteer() wrote or validated it
  CHECK(fresh.size() == world_gazetteer().size());
  // The cache is named by the bundle's checksum, outside the data folder.
  const std::string cache = bm::cache_path_for(gpkg);
  CHECK(fs::path(cache).parent_path() != fs::path(gpkg).parent_path());
  // The cache copied to the name another file's checksum gives is refused:
  // its header records the bundle it was built from.
  fs::path dir = fs::temp_directory_path() / "bm_gaz_cache_test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  fs::path other = dir / "other.gpkg";
  { std::ofstream(other) << "not the same"; }
  CHECK(bm::cache_path_for(other.string()) != cache);
  fs::copy_file(cache, bm::cache_path_for(other.string()), fs::copy_options::overwrite_existing);
  bm::Gazetteer::Index stale;
  CHECK_FALSE(bm::read_cache(other.string(), stale));
  fs::remove(bm::cache_path_for(other.string()));
  fs::remove_all(dir);
}

TEST_CASE("find_mentions uses the text's country words as soft hints", "[gazetteer]") {
  const std::string text =
      "Kyrgyz guards said Tajik troops fired at Samarkandyk. In Armenia, Azerbaijani shells hit "
      "Jermuk. Chinese President Xi Jinping and Russian President Vladimir Putin met.";
  auto ms = world_gazetteer().find_mentions(text, {});
  std::vector<std::string> ids;
  for (const auto& m : ms)
    if (m.resolution.place) ids.push_back(m.resolution.place->id);
  CHECK(std::find(ids.begin(), ids.end(), "kg_samarkandyk") != ids.end());
  bool jermuk = false;
  for (const auto& m : ms)
    if (m.name == "Jermuk" && m.resolution.place) jermuk = m.resolution.place->country == "AM";
  CHECK(jermuk);
  for (const auto& m : ms) {
    INFO(m.text);
    CHECK(m.name != "Xi");
    CHECK(m.name != "Vladimir");
    CHECK(m.name != "Putin");
    CHECK(m.name != "Armenia");  // country words are hints, not settlements
  }
}

TEST_CASE("the two Kök-Tash villages in text: district phrases decide, nothing else guesses",
          "[gazetteer]") {
  auto ids_of = [](const std::vector<bm::Mention>& ms) {
    std::vector<std::string> ids;
    for (const auto& m : ms) ids.push_back(m.resolution.place ? m.resolution.place->id : "-");
    return ids;
  };
  auto leilek = world_gazetteer().find_mentions("Shelling hit Kök-Tash in the Leilek district.");
  REQUIRE_FALSE(leilek.empty());
  CHECK(ids_of(leilek).front() == "kg_kok_tash_leilek");
  auto batken = world_gazetteer().find_mentions("Kok-Tash in Batken District was quiet.");
  REQUIRE_FALSE(batken.empty());
  CHECK(ids_of(batken).front() == "kg_kok_tash");
  // Alone, the name is reported (a curated toponym) but not resolved: both listed.
  auto alone = world_gazetteer().find_mentions("Residents of Kök-Tash left their homes.");
  REQUIRE(alone.size() == 1);
  CHECK(alone[0].resolution.place == nullptr);
  std::vector<std::string> listed;
  for (const bm::Place* c : alone[0].resolution.candidates) listed.push_back(c->id);
  CHECK(std::find(listed.begin(), listed.end(), "kg_kok_tash") != listed.end());
  CHECK(std::find(listed.begin(), listed.end(), "kg_kok_tash_leilek") != listed.end());
}
