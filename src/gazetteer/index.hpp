#pragma once
// The gazetteer's lookup structures: every name and alternate name of every
// place under two keys (exact, sound-alike), sorted for binary search, and a
// trigram index over the sound keys for the fuzzy pass (built on first use).
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "gazetteer/gazetteer.hpp"

namespace bm {

struct NameEntry {
  std::uint32_t place = 0;
  std::uint32_t key_off = 0, key_len = 0;      // exact key in Index::blob
  std::uint32_t sound_off = 0, sound_len = 0;  // sound key in Index::blob
};

// Per-place sound keys the ranking compares often, computed once.
struct PlaceKeys {
  std::uint32_t base_off = 0, base_len = 0;      // name without brackets or area word
  std::uint32_t admin1_off = 0, admin1_len = 0;  // admin_key(admin1)
  std::uint32_t admin2_off = 0, admin2_len = 0;  // admin_key(admin2)
};

struct Gazetteer::Index {
  std::vector<Place> places;
  std::vector<PlaceKeys> place_keys;  // parallel to places
  // Country names and the adjectives derived from them ("tajikistan",
  // "tajik", "armenian" ...) as exact keys, sorted, with their ISO2 code.
  std::vector<std::pair<std::string, std::string>> country_words;

  // ISO2 of a country word, or "".
  std::string country_of_word(std::string_view key) const;
  void add_country(const std::string& name, const std::string& iso2);
  std::string blob;
  std::vector<NameEntry> entries;
  std::vector<std::uint32_t> by_key;    // entry numbers sorted by exact key
  std::vector<std::uint32_t> by_sound;  // entry numbers sorted by sound key

  std::string_view key(const NameEntry& e) const { return {blob.data() + e.key_off, e.key_len}; }
  std::string_view sound(const NameEntry& e) const {
    return {blob.data() + e.sound_off, e.sound_len};
  }

  std::size_t number(const Place& p) const { return static_cast<std::size_t>(&p - places.data()); }
  std::string_view base_of(const Place& p) const {
    const PlaceKeys& k = place_keys[number(p)];
    return {blob.data() + k.base_off, k.base_len};
  }
  std::string_view admin1_of(const Place& p) const {
    const PlaceKeys& k = place_keys[number(p)];
    return {blob.data() + k.admin1_off, k.admin1_len};
  }
  std::string_view admin2_of(const Place& p) const {
    const PlaceKeys& k = place_keys[number(p)];
    return {blob.data() + k.admin2_off, k.admin2_len};
  }

  // Builds the keys (ICU work: slow, hence the cache) and sorts them.
  void build();
  // Entry numbers whose exact (sound) key equals `k`.
  std::vector<std::uint32_t> find_key(std::string_view k) const;
  std::vector<std::uint32_t> find_sound(std::string_view k) const;
  // Entry numbers sharing trigrams with the sound key `k`, best overlap first.
  std::vector<std::uint32_t> trigram_candidates(std::string_view k, std::size_t limit) const;

 private:
  mutable std::once_flag trigram_once_;
  mutable std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> trigrams_;
  void build_trigrams() const;
};

std::uint32_t trigram_code(char a, char b, char c);

// Binary cache of a built index beside the GeoPackage; valid while the
// GeoPackage's size and mtime are those it was built from.
std::string cache_path_for(const std::string& gpkg);
bool read_cache(const std::string& gpkg, Gazetteer::Index& out);
void write_cache(const std::string& gpkg, const Gazetteer::Index& index);

}  // namespace bm
