#include "gazetteer/index.hpp"

#include <algorithm>
#include <cstring>

#include "core/error.hpp"
#include "core/geometry.hpp"
#include "gazetteer/fuzzy_index.hpp"
#include "gazetteer/normalize.hpp"

namespace bm {

Gazetteer::Index::Index() = default;

Gazetteer::Index::~Index() {
  if (!slots_) return;
  for (std::size_t i = 0; i < recs_.size(); ++i) delete slots_[i].load(std::memory_order_relaxed);
}

namespace {

template <class T>
bool section(std::string_view image, const ImageSection& s, std::span<const T>& out) {
  if (s.off > image.size() || s.size > image.size() - s.off || s.off % alignof(T) != 0 ||
      s.size % sizeof(T) != 0)
    return false;
  out = {reinterpret_cast<const T*>(image.data() + s.off), s.size / sizeof(T)};
  return true;
}

bool in_pool(std::string_view pool, std::uint32_t off, std::uint32_t len) {
  return off <= pool.size() && len <= pool.size() - off;
}

}  // namespace

bool Gazetteer::Index::open(std::shared_ptr<const void> owner, std::string_view image) {
  if (slots_) return false;  // opened once: its places may be in use
  if (image.size() < sizeof(ImageHeader) ||
      reinterpret_cast<std::uintptr_t>(image.data()) % alignof(ImageHeader) != 0)
    return false;
  const auto& h = *reinterpret_cast<const ImageHeader*>(image.data());
  if (std::memcmp(h.magic, kImageMagic, sizeof h.magic) != 0 || h.total != image.size())
    return false;
  std::span<const char> fp, pool;
  if (!section(image, h.fingerprint, fp) ||
      std::string_view(fp.data(), fp.size()) != keys_fingerprint())
    return false;
  if (!section(image, h.pool, pool) || pool.size() > UINT32_MAX) return false;
  pool_ = {pool.data(), pool.size()};
  if (!section(image, h.recs, recs_) || !section(image, h.alts, alts_) ||
      !section(image, h.polys, polys_) || !section(image, h.rings, rings_) ||
      !section(image, h.points, points_) || !section(image, h.entries, entries) ||
      !section(image, h.by_key, by_key_) || !section(image, h.by_sound, by_sound_) ||
      !section(image, h.keys, keys_) || !section(image, h.country_words, country_words_) ||
      !section(image, h.fuzzy_dir, fuzzy_dir_) ||
      !section(image, h.fuzzy_postings, fuzzy_postings_) ||
      !section(image, h.key_slots, key_slots_) || !section(image, h.sound_slots, sound_slots_) ||
      fuzzy_dir_.size() != kFuzzyBuckets + 1 || fuzzy_dir_.back() != fuzzy_postings_.size())
    return false;
  // The index arrays are read on every lookup: check them all once. Place
  // records are checked when a place is first built.
  if (by_key_.size() != entries.size() || by_sound_.size() != entries.size() ||
      keys_.size() != recs_.size())
    return false;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const NameEntry& e = entries[i];
    if (e.place >= recs_.size() || !in_pool(pool_, e.key_off, e.key_len) ||
        !in_pool(pool_, e.sound_off, e.sound_len) ||
        (i > 0 && e.sound_len < entries[i - 1].sound_len))  // the fuzzy pass relies on the order
      return false;
  }
  for (std::uint32_t e : by_key_)
    if (e >= entries.size()) return false;
  for (std::uint32_t e : by_sound_)
    if (e >= entries.size()) return false;
  if (!key_table_ok(key_slots_, by_key_.size()) || !key_table_ok(sound_slots_, by_sound_.size()))
    return false;
  for (const PlaceKeys& k : keys_)
    if (!in_pool(pool_, k.base_off, k.base_len) || !in_pool(pool_, k.admin1_off, k.admin1_len) ||
        !in_pool(pool_, k.admin2_off, k.admin2_len) || !in_pool(pool_, k.unit_off, k.unit_len))
      return false;
  for (const CountryWord& w : country_words_)
    if (!in_pool(pool_, w.word.off, w.word.len) || !in_pool(pool_, w.iso2.off, w.iso2.len))
      return false;
  key_len_.resize(entries.size());
  for (std::size_t i = 0; i < entries.size(); ++i)
    key_len_[i] =
        static_cast<std::uint8_t>(std::min<std::size_t>(entries[i].key_len, kMaxKeyLength));
  by_length_.assign(kMaxKeyLength + 2, 0);
  for (const NameEntry& e : entries)
    ++by_length_[std::min<std::size_t>(e.sound_len, kMaxKeyLength) + 1];
  for (std::size_t n = 1; n < by_length_.size(); ++n) by_length_[n] += by_length_[n - 1];
  owner_ = std::move(owner);
  image_ = image;
  slots_ = std::make_unique<std::atomic<IndexedPlace*>[]>(recs_.size());
  return true;
}

std::unique_ptr<IndexedPlace> Gazetteer::Index::materialize(std::uint32_t n) const {
  const PlaceRec& r = recs_[n];
  auto s = [&](const Str& x) {
    if (!in_pool(pool_, x.off, x.len))
      throw Error(
          "gazetteer index cache: place record out of range — delete "
          "~/.cache/bordermap/gazetteer-*.bin to rebuild it");
    return std::string(pool_.substr(x.off, x.len));
  };
  auto p = std::make_unique<IndexedPlace>();
  p->number = n;
  p->id = s(r.id);
  p->name = s(r.name);
  if (r.alt_begin > alts_.size() || r.alt_count > alts_.size() - r.alt_begin)
    throw Error("gazetteer index cache: alternate names out of range — delete the cache");
  for (std::uint32_t i = 0; i < r.alt_count; ++i) p->alt_names.push_back(s(alts_[r.alt_begin + i]));
  p->kind = s(r.kind);
  p->country = s(r.country);
  p->admin1 = s(r.admin1);
  p->admin2 = s(r.admin2);
  p->source = s(r.source);
  if (r.has_point) p->point = LonLat{r.lon, r.lat};
  p->population = static_cast<long>(r.population);
  p->coord_precision = static_cast<GeoPrecision>(r.coord_precision);
  p->uncertainty_m = r.uncertainty_m;
  if (r.has_area) {
    if (r.poly_begin > polys_.size() || r.poly_count > polys_.size() - r.poly_begin)
      throw Error("gazetteer index cache: area out of range — delete the cache");
    auto area = std::make_shared<MultiPolygon>();
    for (std::uint32_t i = 0; i < r.poly_count; ++i) {
      const PolyRec& pr = polys_[r.poly_begin + i];
      if (pr.ring_begin > rings_.size() || pr.ring_count > rings_.size() - pr.ring_begin)
        throw Error("gazetteer index cache: rings out of range — delete the cache");
      Polygon poly;
      for (std::uint32_t j = 0; j < pr.ring_count; ++j) {
        const RingRec& rr = rings_[pr.ring_begin + j];
        if (rr.point_begin > points_.size() || rr.point_count > points_.size() - rr.point_begin)
          throw Error("gazetteer index cache: ring points out of range — delete the cache");
        auto first = points_.begin() + static_cast<std::ptrdiff_t>(rr.point_begin);
        poly.rings.emplace_back(first, first + static_cast<std::ptrdiff_t>(rr.point_count));
      }
      area->push_back(std::move(poly));
    }
    p->area = std::move(area);
  }
  return p;
}

const Place& Gazetteer::Index::place(std::uint32_t n) const {
  if (IndexedPlace* p = slots_[n].load(std::memory_order_acquire)) return *p;
  std::lock_guard lock(build_mutex_);
  IndexedPlace* p = slots_[n].load(std::memory_order_relaxed);
  if (!p) {
    p = materialize(n).release();
    slots_[n].store(p, std::memory_order_release);
  }
  return *p;
}

std::span<const std::uint32_t> Gazetteer::Index::find_key(std::string_view k) const {
  return find_in_key_table(key_slots_, by_key_, k,
                           [&](std::uint32_t e) { return key(entries[e]); });
}

std::span<const std::uint32_t> Gazetteer::Index::find_sound(std::string_view k) const {
  return find_in_key_table(sound_slots_, by_sound_, k,
                           [&](std::uint32_t e) { return sound(entries[e]); });
}

std::string Gazetteer::Index::country_of_word(std::string_view k) const {
  auto word = [&](const CountryWord& w) { return pool_.substr(w.word.off, w.word.len); };
  auto it = std::lower_bound(country_words_.begin(), country_words_.end(), k,
                             [&](const CountryWord& w, std::string_view x) { return word(w) < x; });
  if (it == country_words_.end() || word(*it) != k) return {};
  return std::string(pool_.substr(it->iso2.off, it->iso2.len));
}

std::vector<std::uint32_t> Gazetteer::Index::fuzzy_candidates(
    std::span<const std::string_view> keys, std::size_t min_len, std::size_t max_len) const {
  // Names of the wanted lengths are one stretch of entry numbers; those a
  // key may differ from by c edits begin at first[c] (the limit grows with
  // the longer length), so a variant of c deletions is only read there.
  const std::uint32_t lo = by_length_[std::min(min_len, kMaxKeyLength)];
  const std::uint32_t hi = by_length_[std::min(max_len, kMaxKeyLength) + 1];
  std::vector<std::uint32_t> out;
  thread_local std::vector<FuzzyVariant> variants;
  // The first key is a sound key, compared with the entries' sound keys,
  // whose lengths the entry numbers tell; the others are compared with the
  // entries' keys as spelled, whose lengths key_len_ holds.
  for (std::size_t ki = 0; ki < keys.size(); ++ki) {
    const std::string_view k = keys[ki];
    std::uint32_t first[kFuzzyDeletions + 1];
    for (int c = 0; c <= kFuzzyDeletions; ++c) {
      std::size_t len = min_len;
      while (len <= max_len && fuzzy_edits_within(std::max(len, k.size())) < c) ++len;
      first[c] = len > max_len ? hi : by_length_[std::min(len, kMaxKeyLength)];
    }
    auto allowed = [&](std::uint32_t e, std::uint32_t c) {
      if (ki == 0) return e >= first[c];
      return fuzzy_edits_within(std::max<std::size_t>(key_len_[e], k.size())) >=
             static_cast<int>(c);
    };
    variants.clear();
    fuzzy_variants(k, variants);
    unique_variants(variants);
    for (const FuzzyVariant& v : variants) {
      const std::uint32_t b = fuzzy_bucket(v.hash);
      // Checked here rather than all 80 MB at open: a cold start that never
      // looks a name up approximately does not read the table.
      if (fuzzy_dir_[b] > fuzzy_dir_[b + 1] || fuzzy_dir_[b + 1] > fuzzy_postings_.size())
        throw Error(
            "gazetteer index cache: fuzzy table out of range — delete "
            "~/.cache/bordermap/gazetteer-*.bin to rebuild it");
      for (std::uint32_t i = fuzzy_dir_[b]; i < fuzzy_dir_[b + 1]; ++i) {
        // An entry out of range fails `e < hi`; deletions out of range fail `c`.
        const std::uint32_t p = fuzzy_postings_[i], e = p & kPostingEntryMask;
        const std::uint32_t c = std::max(v.deletions, p >> kPostingEntryBits);
        if (e >= lo && e < hi && c <= kFuzzyDeletions && allowed(e, c)) out.push_back(e);
      }
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace bm
