// The fuzzy pass's deletion table against a brute force over every name.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstring>
#include <random>
#include <set>
#include <string>

#include "core/error.hpp"
#include "gazetteer/fuzzy_index.hpp"
#include "gazetteer/gazetteer.hpp"
#include "gazetteer/index.hpp"
#include "gazetteer/normalize.hpp"

namespace {

// Names from few letters, so that many are a few edits apart.
std::string random_name(std::mt19937& rng, std::size_t min_len, std::size_t max_len) {
  static const std::string letters = "abdeiklnorstu";
  std::uniform_int_distribution<std::size_t> len(min_len, max_len), pick(0, letters.size() - 1);
  std::string s(len(rng), 'a');
  for (char& c : s) c = letters[pick(rng)];
  s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

std::string with_edits(std::mt19937& rng, std::string s, int edits) {
  static const std::string letters = "abdeiklnorstu";
  for (int k = 0; k < edits && s.size() > 2; ++k) {
    std::uniform_int_distribution<std::size_t> at(1, s.size() - 2), pick(0, letters.size() - 1);
    const std::size_t i = at(rng);
    switch (rng() % 4) {
      case 0:
        s.erase(i, 1);
        break;
      case 1:
        s.insert(i, 1, letters[pick(rng)]);
        break;
      case 2:
        s[i] = letters[pick(rng)];
        break;
      default:
        std::swap(s[i], s[i + 1]);
    }
  }
  return s;
}

// What the fuzzy pass accepts, by the full edit distance over every entry.
std::set<std::uint32_t> brute_force(const bm::Gazetteer::Index& ix, const std::string& sound,
                                    const std::string& plain) {
  auto sim = [](std::string_view a, std::string_view b) {
    return 1.0 - bm::edit_distance(a, b) / static_cast<double>(std::max(a.size(), b.size()));
  };
  const std::size_t window = std::max<std::size_t>(1, sound.size() / 4);
  std::set<std::uint32_t> out;
  for (std::uint32_t e = 0; e < ix.entries.size(); ++e) {
    const std::string_view es = ix.sound(ix.entries[e]), ek = ix.key(ix.entries[e]);
    if (es.size() + window < sound.size() || es.size() > sound.size() + window) continue;
    const double s = std::max(sim(sound, es), sim(plain, ek));
    if (sound.size() < 6 && s < 0.8) continue;
    if (s >= bm::kFuzzyMin) out.insert(e);
  }
  return out;
}

}  // namespace

TEST_CASE("the deletion table finds every name the fuzzy pass accepts", "[gazetteer]") {
  std::mt19937 rng(21);
  std::vector<bm::Place> places;
  for (int i = 0; i < 4000; ++i) {
    bm::Place p;
    p.id = "p" + std::to_string(i);
    p.name = random_name(rng, 4, 27);
    p.kind = "village";
    p.country = "TJ";
    places.push_back(p);
  }
  bm::Gazetteer::Index ix;
  ix.build(places);
  std::size_t found = 0, queries = 0;
  for (int i = 0; i < 1500; ++i) {
    const bm::Place& p = places[rng() % places.size()];
    const std::string plain =
        bm::normalize_name(with_edits(rng, p.name, static_cast<int>(rng() % 6)));
    const std::string sound = bm::sound_key(plain);
    if (sound.size() < 4) continue;
    ++queries;
    std::set<std::uint32_t> fast;
    for (auto [e, sim] : bm::fuzzy_matches(ix, sound, plain)) {
      fast.insert(e);
      CHECK(sim >= bm::kFuzzyMin);
    }
    INFO("query " << plain << " (sound " << sound << ")");
    REQUIRE(fast == brute_force(ix, sound, plain));
    found += fast.size();
  }
  CHECK(queries > 1000);
  CHECK(found > queries / 2);  // up to five edits: many queries find nothing
}

TEST_CASE("a deletion table that does not add up is refused or ignored", "[gazetteer]") {
  bm::Place p;
  p.id = "x";
  p.name = "Batken";
  p.kind = "town";
  bm::Gazetteer::Index built;
  built.build({p});
  std::string copy(built.image());
  auto words = std::make_shared<std::vector<std::uint64_t>>((copy.size() + 7) / 8);
  std::memcpy(words->data(), copy.data(), copy.size());
  std::string_view image(reinterpret_cast<const char*>(words->data()), copy.size());
  auto* h = reinterpret_cast<bm::ImageHeader*>(words->data());
  char* base = reinterpret_cast<char*>(words->data());
  auto* dir = reinterpret_cast<std::uint32_t*>(base + h->fuzzy_dir.off);
  auto* postings = reinterpret_cast<std::uint32_t*>(base + h->fuzzy_postings.off);
  {
    bm::Gazetteer::Index good;
    REQUIRE(good.open(words, image));
    CHECK(bm::fuzzy_matches(good, "batkin", "batkenn").size() == 1);
  }
  // A posting past the entries is never a candidate.
  const std::uint32_t saved = postings[0];
  for (std::size_t i = 0; i < h->fuzzy_postings.size / 4; ++i) postings[i] = 7;
  {
    bm::Gazetteer::Index pointing_past;
    REQUIRE(pointing_past.open(words, image));
    CHECK(bm::fuzzy_matches(pointing_past, "batkin", "batkenn").empty());
  }
  postings[0] = saved;
  // A bucket past the postings: refused when probed (exact lookups never are).
  std::vector<bm::FuzzyVariant> variants;
  bm::fuzzy_variants("batkin", variants);
  dir[bm::fuzzy_bucket(variants[0].hash) + 1] = 1u << 30;
  bm::Gazetteer::Index broken;
  REQUIRE(broken.open(words, image));
  CHECK(broken.find_key("batken").size() == 1);
  CHECK_THROWS_AS(bm::fuzzy_matches(broken, "batkin", "batkenn"), bm::Error);
  // A table whose last bucket does not end the postings is refused at once.
  dir[bm::kFuzzyBuckets] += 1;
  bm::Gazetteer::Index short_table;
  CHECK_FALSE(short_table.open(words, image));
}
