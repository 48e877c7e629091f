// The flat index image and the bounded edit distance the fuzzy pass uses.
#include <catch2/catch.hpp>

#include <cstring>
#include <random>
#include <string>

#include "gazetteer/gazetteer.hpp"
#include "gazetteer/index.hpp"
#include "gazetteer/normalize.hpp"

TEST_CASE("edit_distance_within agrees with edit_distance up to the limit", "[gazetteer]") {
  std::mt19937 rng(7);
  auto word = [&](int max_len) {
    std::uniform_int_distribution<int> len(0, max_len), letter(0, 3);  // few letters: many edits
    std::string s(static_cast<std::size_t>(len(rng)), 'a');
    for (char& c : s) c = static_cast<char>('a' + letter(rng));
    return s;
  };
  int within = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string a = word(12), b = word(12);
    for (int limit = 0; limit <= 4; ++limit) {
      int full = bm::edit_distance(a, b);
      int banded = bm::edit_distance_within(a, b, limit);
      int bits = bm::EditPattern(a).distance_within(b, limit);
      INFO(a << " / " << b << " limit " << limit);
      if (full <= limit) {
        ++within;
        REQUIRE(banded == full);
        REQUIRE(bits == full);
      } else {
        REQUIRE(banded == limit + 1);
        REQUIRE(bits == limit + 1);
      }
    }
  }
  CHECK(within > 1000);
  CHECK(bm::edit_distance_within("kulkand", "kulkanda", 1) == 1);
  CHECK(bm::edit_distance_within("ab", "ba", 1) == 1);  // a transposition is one edit
  CHECK(bm::edit_distance_within("batkin", "bishkik", 1) == 2);
  // Longer than the banded table: falls back to the full one.
  std::string long_a(80, 'a'), long_b = long_a;
  long_b[40] = 'b';
  CHECK(bm::edit_distance_within(long_a, long_b, 2) == 1);
  CHECK(bm::EditPattern(long_a).distance_within(long_b, 2) == 1);
  // 64 bytes: the whole pattern in one word.
  const std::string a64 = std::string(62, 'a') + "bc", b64 = std::string(62, 'a') + "cb";
  CHECK(bm::EditPattern(a64).distance_within(b64, 3) == 1);
  CHECK(bm::EditPattern(a64 + "d").distance_within(b64 + "d", 3) == 1);  // 65: the table
  for (int i = 0; i < 2000; ++i) {  // keys up to 70 bytes, on either side of one word
    std::string a = word(70), b = word(70);
    INFO(a << " / " << b);
    REQUIRE(bm::EditPattern(a).distance_within(b, 80) == bm::edit_distance(a, b));
  }
  CHECK(bm::EditPattern("").distance_within("abc", 5) == 3);
}

TEST_CASE("a gazetteer built in memory finds its places and builds them on demand", "[gazetteer]") {
  bm::Place a;
  a.id = "x_one";
  a.name = "Kök-Tash (Test District)";
  a.alt_names = {"Koktash", "Кёк-Таш"};
  a.kind = "village";
  a.country = "KG";
  a.admin1 = "Batken Region";
  a.admin2 = "Test District (Sambula aiyl okmotu)";
  a.point = bm::LonLat{70.5, 39.9};
  bm::Place b = a;
  b.id = "x_two";
  b.name = "Isfara";
  b.alt_names = {};
  b.point.reset();
  bm::Gazetteer g({a, b});
  REQUIRE(g.size() == 2);
  auto r = g.resolve("Кёк-Таш");
  REQUIRE(r.place != nullptr);
  CHECK(r.place->id == "x_one");
  CHECK(r.place->alt_names.size() == 2);
  REQUIRE(r.place->point.has_value());
  CHECK(r.place->point->lon == 70.5);
  // The bracketed rural community is a region hint as specific as the district.
  auto hinted = g.resolve("Kok Tash", {"", "Sambula"});
  REQUIRE(hinted.place != nullptr);
  CHECK(hinted.note.find("Sambula") != std::string::npos);
  CHECK_FALSE(g.resolve("Isfarra").place == nullptr);  // fuzzy, via the deletion table
}

TEST_CASE("an index image that does not add up is refused", "[gazetteer]") {
  bm::Gazetteer::Index built;
  bm::Place p;
  p.id = "x";
  p.name = "Batken";
  p.kind = "town";
  built.build({p});
  std::string copy(built.image());
  // Misaligned copies are refused as well; keep the copy 8-byte aligned.
  auto words = std::make_shared<std::vector<std::uint64_t>>((copy.size() + 7) / 8);
  std::memcpy(words->data(), copy.data(), copy.size());
  std::string_view image(reinterpret_cast<const char*>(words->data()), copy.size());
  bm::Gazetteer::Index good;
  CHECK(good.open(words, image));
  CHECK(good.size() == 1);
  CHECK(good.place(0).name == "Batken");
  bm::Gazetteer::Index truncated;
  CHECK_FALSE(truncated.open(words, image.substr(0, image.size() - 8)));
  // An entry pointing past the places.
  auto* h = reinterpret_cast<bm::ImageHeader*>(words->data());
  auto* entries =
      reinterpret_cast<bm::NameEntry*>(reinterpret_cast<char*>(words->data()) + h->entries.off);
  entries[0].place = 99;
  bm::Gazetteer::Index broken;
  CHECK_FALSE(broken.open(words, image));
}
