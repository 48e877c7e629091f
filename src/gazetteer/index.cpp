#include "gazetteer/index.hpp"

#include <algorithm>
#include <cstring>

#include "core/error.hpp"
#include "core/geometry.hpp"
#include "gazetteer/normalize.hpp"

namespace bm {

std::uint32_t trigram_code(char a, char b, char c) {
  auto u = [](char x) { return static_cast<std::uint32_t>(static_cast<unsigned char>(x)); };
  return (u(a) << 16) | (u(b) << 8) | u(c);
}

std::uint32_t posting_key(std::uint32_t trigram, std::size_t len) {
  return (static_cast<std::uint32_t>(std::min<std::size_t>(len, 255)) << 24) | trigram;
}

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
      !section(image, h.grams, grams_) || !section(image, h.postings, postings_) ||
      !section(image, h.key_slots, key_slots_) || !section(image, h.sound_slots, sound_slots_))
    return false;
  // The index arrays are read on every lookup: check them all once. Place
  // records are checked when a place is first built.
  if (by_key_.size() != entries.size() || by_sound_.size() != entries.size() ||
      keys_.size() != recs_.size() || grams_.empty() || (grams_.size() & (grams_.size() - 1)))
    return false;
  for (const NameEntry& e : entries)
    if (e.place >= recs_.size() || !in_pool(pool_, e.key_off, e.key_len) ||
        !in_pool(pool_, e.sound_off, e.sound_len))
      return false;
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
  bool has_empty = false;  // a probe for a missing trigram must end somewhere
  for (const GramSlot& g : grams_) {
    if (g.begin > postings_.size() || g.count > postings_.size() - g.begin) return false;
    has_empty = has_empty || g.key == 0;
  }
  if (!has_empty) return false;
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

const GramSlot* Gazetteer::Index::gram_slot(std::uint32_t key) const {
  const std::size_t mask = grams_.size() - 1;
  for (std::size_t at = gram_hash(key) & mask;; at = (at + 1) & mask) {
    const GramSlot& g = grams_[at];
    if (g.key == key) return &g;
    if (g.key == 0) return nullptr;
  }
}

std::vector<std::uint32_t> Gazetteer::Index::trigram_candidates(std::string_view k,
                                                                std::size_t limit) const {
  // Postings are entry numbers: checked once, on the first fuzzy lookup
  // (an exact lookup never reads them), rather than per posting.
  std::call_once(postings_checked_, [this] {
    postings_ok_ = std::all_of(postings_.begin(), postings_.end(),
                               [&](std::uint32_t e) { return e < entries.size(); });
  });
  if (!postings_ok_)
    throw Error(
        "gazetteer index cache: trigram postings out of range — delete "
        "~/.cache/bordermap/gazetteer-*.bin to rebuild it");
  // Per-thread scratch, reused: no allocation per query once warm.
  thread_local std::vector<std::uint8_t> count;
  thread_local std::vector<std::uint32_t> touched, grams;
  thread_local std::vector<std::span<const std::uint32_t>> lists;
  thread_local std::vector<std::pair<int, std::uint32_t>> scored;
  grams.clear();
  std::string p = "$$" + std::string(k) + "$";
  for (std::size_t i = 0; i + 3 <= p.size(); ++i)
    grams.push_back(trigram_code(p[i], p[i + 1], p[i + 2]));
  std::sort(grams.begin(), grams.end());
  grams.erase(std::unique(grams.begin(), grams.end()), grams.end());
  // A count is one byte: a name of more than 254 distinct trigrams is
  // compared on its first 254.
  if (grams.size() > 254) grams.resize(254);
  // Keep entries sharing at least half of the query's trigrams (the fuzzy
  // pass accepts about one edit in five letters, which keeps more).
  const std::size_t need = std::max<std::size_t>(1, grams.size() / 2);
  if (count.size() < entries.size()) count.assign(entries.size(), 0);
  std::uint8_t* const cnt = count.data();
  std::size_t n_touched = 0;
  const std::size_t window = std::max<std::size_t>(1, k.size() / 4);
  const std::size_t lo = k.size() > window ? k.size() - window : 1;
  for (std::size_t len = lo; len <= k.size() + window; ++len) {
    lists.clear();
    for (std::uint32_t g : grams)
      if (const GramSlot* s = gram_slot(posting_key(g, len)))
        lists.emplace_back(postings_.data() + s->begin, s->count);
    if (lists.size() < need) continue;
    std::sort(lists.begin(), lists.end(), [](const auto& a, const auto& b) {
      return a.size() != b.size() ? a.size() < b.size() : a.data() < b.data();
    });
    // An entry sharing `need` trigrams is in one of the rarest
    // (lists - need + 1) lists: only those may add new entries, the common
    // ones only count entries already seen. Same result, far less work.
    const std::size_t seeding = lists.size() - need + 1;
    const std::size_t first_new = n_touched;
    for (std::size_t li = 0; li < lists.size(); ++li) {
      const auto list = lists[li];
      if (li < seeding) {
        if (touched.size() < n_touched + list.size()) touched.resize(n_touched + list.size());
        std::uint32_t* const out = touched.data();
        // Branch-free: whether an entry is new is unpredictable.
        for (std::uint32_t e : list) {
          out[n_touched] = e;
          n_touched += cnt[e] == 0;
          ++cnt[e];
        }
        continue;
      }
      const std::size_t seen = n_touched - first_new;
      if (seen * 16 < list.size()) {
        // Postings are sorted by entry: look the few seen entries up.
        for (std::size_t t = first_new; t < n_touched; ++t)
          if (std::binary_search(list.begin(), list.end(), touched[t])) ++cnt[touched[t]];
        continue;
      }
      for (std::uint32_t e : list) cnt[e] = static_cast<std::uint8_t>(cnt[e] + (cnt[e] != 0));
    }
  }
  scored.clear();
  for (std::size_t t = 0; t < n_touched; ++t) {
    const std::uint32_t e = touched[t];
    if (cnt[e] >= need) {
      // Dice-like overlap, penalising length difference.
      int len_diff = std::abs(static_cast<int>(entries[e].sound_len) - static_cast<int>(k.size()));
      scored.emplace_back(cnt[e] * 4 - len_diff, e);
    }
    cnt[e] = 0;
  }
  // The best `limit`, and every entry tied with the last of them (up to a
  // cap): where a cut falls among equals must not decide what is found.
  auto better = [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  };
  std::size_t n = std::min(limit, scored.size());
  if (n > 0 && n < scored.size()) {
    std::nth_element(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(n - 1),
                     scored.end(), better);
    const int last = scored[n - 1].first;
    auto tied = std::partition(scored.begin() + static_cast<std::ptrdiff_t>(n), scored.end(),
                               [&](const auto& x) { return x.first == last; });
    n = std::min(static_cast<std::size_t>(tied - scored.begin()), limit * 4);
  }
  std::partial_sort(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(n), scored.end(),
                    better);
  std::vector<std::uint32_t> out;
  out.reserve(n);
  for (std::size_t i = 0; i < n; ++i) out.push_back(scored[i].second);
  return out;
}

}  // namespace bm
