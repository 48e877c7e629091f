// merge_borders' one-pass merge (both lists in text order) gives what the
// border-by-border erase and insert gives, on random mentions.
#include <algorithm>
#include <catch2/catch.hpp>
#include <random>
#include <vector>

#include "extract/borders.hpp"

namespace {

using bm::extract::PlaceMention;

PlaceMention at(std::size_t begin, std::size_t end, std::string text) {
  PlaceMention m;
  m.begin = begin;
  m.end = end;
  m.text = std::move(text);
  return m;
}

}  // namespace

TEST_CASE("merge_borders in one pass agrees with merging border by border", "[extract]") {
  std::mt19937 rng(21);
  for (int round = 0; round < 300; ++round) {
    // Borders: disjoint spans in text order; places: spans anywhere, some
    // inside a border, some countries, sorted by start as find_places gives them.
    std::vector<PlaceMention> borders, places;
    std::size_t pos = 0;
    for (int b = 0, n = static_cast<int>(rng() % 6); b < n; ++b) {
      pos += 1 + rng() % 20;
      std::size_t len = 3 + rng() % 12;
      borders.push_back(at(pos, pos + len, "border" + std::to_string(b)));
      borders.back().border = "KG-TJ";
      borders.back().line = rng() % 2;
      pos += len;
    }
    for (int p = 0, n = static_cast<int>(rng() % 12); p < n; ++p) {
      std::size_t b = rng() % (pos + 10), len = 1 + rng() % 8;
      places.push_back(at(b, b + len, "place" + std::to_string(p)));
      places.back().is_country = rng() % 3 == 0;
    }
    std::stable_sort(places.begin(), places.end(),
                     [](const auto& a, const auto& b) { return a.begin < b.begin; });
    std::vector<PlaceMention> expected = places, got = places;
    bm::extract::merge_borders_unsorted(expected, borders);
    bm::extract::merge_borders(got, borders);
    REQUIRE(got.size() == expected.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
      CHECK(got[i].text == expected[i].text);
      CHECK(got[i].border == expected[i].border);
      CHECK(got[i].line == expected[i].line);
    }
  }
}
