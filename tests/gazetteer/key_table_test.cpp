// The hash table over runs of equal keys (gazetteer/key_table.hpp) finds
// exactly what a binary search of the sorted keys finds.
#include <algorithm>
#include <catch2/catch.hpp>
#include <numeric>
#include <string>
#include <vector>

#include "gazetteer/key_table.hpp"

TEST_CASE("the key table finds every run a binary search finds, and nothing else",
          "[gazetteer][index]") {
  // Keys with repeats, entry numbers ordered by key as the index orders them.
  std::vector<std::string> keys;
  for (int i = 0; i < 3000; ++i) keys.push_back("k" + std::to_string(i % 1100 * 7919 % 5003));
  std::vector<std::uint32_t> sorted(keys.size());
  std::iota(sorted.begin(), sorted.end(), 0u);
  std::stable_sort(sorted.begin(), sorted.end(), [&](auto a, auto b) { return keys[a] < keys[b]; });
  auto key_of = [&](std::uint32_t e) { return std::string_view(keys[e]); };
  const std::vector<bm::KeySlot> table = bm::build_key_table(std::span(sorted), key_of);
  REQUIRE(bm::key_table_ok(table, sorted.size()));
  for (int probe = 0; probe < 6000; ++probe) {
    const std::string k = "k" + std::to_string(probe);
    auto [lo, hi] = std::equal_range(sorted.begin(), sorted.end(), k, [&](auto a, auto b) {
      if constexpr (std::is_same_v<decltype(a), std::string>)
        return std::string_view(a) < key_of(b);
      else
        return key_of(a) < std::string_view(b);
    });
    auto found = bm::find_in_key_table(std::span<const bm::KeySlot>(table),
                                       std::span<const std::uint32_t>(sorted), k, key_of);
    REQUIRE(found.size() == static_cast<std::size_t>(hi - lo));
    if (!found.empty()) CHECK(found.data() == &*lo);
  }
}

TEST_CASE("a damaged key table is refused before it is probed", "[gazetteer][index]") {
  std::vector<bm::KeySlot> full(8, bm::KeySlot{1, 0, 1});  // no empty slot: a probe never ends
  CHECK_FALSE(bm::key_table_ok(full, 10));
  std::vector<bm::KeySlot> odd(6);  // not a power of two
  CHECK_FALSE(bm::key_table_ok(odd, 10));
  std::vector<bm::KeySlot> outside(8);
  outside[3] = {5, 8, 3};  // a run past the end of the sorted array
  CHECK_FALSE(bm::key_table_ok(outside, 10));
  outside[3] = {5, 7, 3};
  CHECK(bm::key_table_ok(outside, 10));
}
