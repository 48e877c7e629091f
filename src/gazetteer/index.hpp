#pragma once
// The gazetteer's lookup structures, as one flat image: every name and
// alternate name of every place under two keys (exact, sound-alike), sorted
// for binary search, a deletion table over the keys for the fuzzy pass,
// and the places themselves as fixed-size records whose strings live in one
// pool. The same bytes are the index cache on disk, so a cold start maps the
// file and reads nothing it does not need: a Place is built on first use.
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "gazetteer/fuzzy_index.hpp"
#include "gazetteer/gazetteer.hpp"
#include "gazetteer/key_table.hpp"

namespace bm {

// A string in the image's pool.
struct Str {
  std::uint32_t off = 0, len = 0;
};

struct NameEntry {
  std::uint32_t place = 0;
  std::uint32_t key_off = 0, key_len = 0;      // exact key in the pool
  std::uint32_t sound_off = 0, sound_len = 0;  // sound key in the pool
};

// Per-place sound keys the ranking compares often, computed once.
struct PlaceKeys {
  std::uint32_t base_off = 0, base_len = 0;      // name without brackets or area word
  std::uint32_t admin1_off = 0, admin1_len = 0;  // admin_key(admin1)
  std::uint32_t admin2_off = 0, admin2_len = 0;  // admin_key(admin2)
  // The unit named in the admin-2 text's bracket ("Sambula" in "Leilek
  // District (Sambula aiyl okmotu)"): a hint naming it is as specific.
  std::uint32_t unit_off = 0, unit_len = 0;
};

// A place as stored. Strings are in the pool; alternate names are a run of
// the alt_names array; the area is a run of polygons of rings of points.
struct PlaceRec {
  Str id, name, kind, country, admin1, admin2, source;
  std::uint32_t alt_begin = 0, alt_count = 0;
  std::uint32_t poly_begin = 0, poly_count = 0;
  double lon = 0, lat = 0, uncertainty_m = 0;
  std::int64_t population = 0;
  std::int32_t coord_precision = 0;
  std::uint8_t has_point = 0, has_area = 0, pad0 = 0, pad1 = 0;
};
struct PolyRec {
  std::uint32_t ring_begin = 0, ring_count = 0;
};
struct RingRec {
  std::uint64_t point_begin = 0, point_count = 0;
};
struct CountryWord {
  Str word, iso2;
};
// The image starts with this header; every section is 8-byte aligned.
struct ImageSection {
  std::uint64_t off = 0, size = 0;  // bytes
};
struct ImageHeader {
  char magic[8] = {};
  char bundle_sha256[64] = {};  // hex SHA-256 of the GeoPackage it was built from
  std::uint64_t total = 0;      // bytes in the whole image
  ImageSection fingerprint, pool, recs, alts, polys, rings, points, entries, by_key, by_sound, keys,
      country_words, fuzzy_dir, fuzzy_postings, key_slots, sound_slots;
};
// Bump when the layout or the way build() makes keys changes; key-rule
// changes are caught by keys_fingerprint().
inline constexpr char kImageMagic[8] = {'B', 'M', 'G', 'A', 'Z', '0', '1', '2'};

// What Index::place() hands out: a Place that knows its own number.
struct IndexedPlace : Place {
  std::uint32_t number = 0;
};

struct Gazetteer::Index {
  Index();
  ~Index();
  Index(const Index&) = delete;
  Index& operator=(const Index&) = delete;

  // Builds the keys (ICU work: slow, hence the cache) and the image from
  // `places`, with the country names given by add_country() before.
  void build(std::vector<Place> places);
  void add_country(const std::string& name, const std::string& iso2);

  // Takes an image (built, or mapped from the cache) whose bytes `owner`
  // keeps alive. Checks every offset; false when the image is inconsistent
  // (or this index was opened before).
  bool open(std::shared_ptr<const void> owner, std::string_view image);
  std::string_view image() const { return image_; }

  std::size_t size() const { return recs_.size(); }
  const Place& place(std::uint32_t number) const;
  std::uint32_t number(const Place& p) const { return static_cast<const IndexedPlace&>(p).number; }

  // ISO2 of a country word ("tajikistan", "tajik", "armenian"...), or "".
  std::string country_of_word(std::string_view key) const;

  std::span<const NameEntry> entries;
  std::string_view key(const NameEntry& e) const { return pool_.substr(e.key_off, e.key_len); }
  std::string_view sound(const NameEntry& e) const {
    return pool_.substr(e.sound_off, e.sound_len);
  }
  std::string_view base_of(const Place& p) const {
    const PlaceKeys& k = keys_[number(p)];
    return pool_.substr(k.base_off, k.base_len);
  }
  std::string_view admin1_of(const Place& p) const {
    const PlaceKeys& k = keys_[number(p)];
    return pool_.substr(k.admin1_off, k.admin1_len);
  }
  std::string_view admin2_of(const Place& p) const {
    const PlaceKeys& k = keys_[number(p)];
    return pool_.substr(k.admin2_off, k.admin2_len);
  }
  std::string_view unit_of(const Place& p) const {
    const PlaceKeys& k = keys_[number(p)];
    return pool_.substr(k.unit_off, k.unit_len);
  }

  // Entry numbers whose exact (sound) key equals `k`, as a range of the
  // sorted order.
  std::span<const std::uint32_t> find_key(std::string_view k) const;
  std::span<const std::uint32_t> find_sound(std::string_view k) const;
  // Entry numbers, ascending, whose sound-key length is in [min_len,
  // max_len] and whose sound or exact key begins or ends like one of `keys`
  // give or take the edits the similarity limit allows (fuzzy_index.hpp).
  std::vector<std::uint32_t> fuzzy_candidates(std::span<const std::string_view> keys,
                                              std::size_t min_len, std::size_t max_len) const;

 private:
  std::shared_ptr<const void> owner_;
  std::string_view image_;
  std::string_view pool_;
  std::span<const PlaceRec> recs_;
  std::span<const Str> alts_;
  std::span<const PolyRec> polys_;
  std::span<const RingRec> rings_;
  std::span<const LonLat> points_;
  std::span<const std::uint32_t> by_key_, by_sound_;
  std::span<const PlaceKeys> keys_;
  std::span<const CountryWord> country_words_;
  std::span<const std::uint32_t> fuzzy_dir_, fuzzy_postings_;
  // Entries are in order of sound-key length: those of length n are
  // [by_length_[n], by_length_[n + 1]).
  std::vector<std::uint32_t> by_length_;
  std::vector<std::uint8_t> key_len_;  // each entry's key length (at most kMaxKeyLength)
  // Hash tables over by_key_ and by_sound_ (key_table.hpp).
  std::span<const KeySlot> key_slots_, sound_slots_;
  // Country names collected before build().
  std::vector<std::pair<std::string, std::string>> pending_countries_;

  // Places built on first use; the slot is published once built.
  std::unique_ptr<std::atomic<IndexedPlace*>[]> slots_;
  mutable std::mutex build_mutex_;
  std::unique_ptr<IndexedPlace> materialize(std::uint32_t number) const;
};

// The fuzzy pass: entries whose sound key is near `sound` (a sound key of
// 4 bytes or more) or whose key is near `plain` (the name as normalised),
// with the spelling similarity (1 - edits / longer length, >= kFuzzyMin).
std::vector<std::pair<std::uint32_t, double>> fuzzy_matches(const Gazetteer::Index& ix,
                                                            std::string_view sound,
                                                            std::string_view plain);

// Binary cache of a built index in the user's cache folder
// ($XDG_CACHE_HOME/bordermap), named by the GeoPackage's SHA-256 and the
// image format, so installed copies, build trees and users never share or
// overwrite a cache that is not theirs. "" when there is no cache folder.
std::string cache_path_for(const std::string& gpkg);
bool read_cache(const std::string& gpkg, Gazetteer::Index& out);
void write_cache(const std::string& gpkg, const Gazetteer::Index& index);

}  // namespace bm
