// Index::build: normalises every name (ICU), makes the keys, sorts them,
// builds the fuzzy deletion table and lays it all out as one flat image (the
// layout of the cache file).
#include <algorithm>
#include <cstring>
#include <type_traits>

#include "core/error.hpp"
#include "core/geometry.hpp"
#include "gazetteer/context.hpp"
#include "gazetteer/index.hpp"
#include "gazetteer/normalize.hpp"

namespace bm {
namespace {

// The unit in an admin-2 text's bracket: "Leilek District (Sambula aiyl
// okmotu)" -> "sambula"; "" when the bracket only says "seat" or "city".
std::string unit_key(const std::string& admin2) {
  auto open = admin2.find('(');
  if (open == std::string::npos) return {};
  std::string inner = admin2.substr(open + 1, admin2.find_first_of("),;", open + 1) - open - 1);
  std::string k = normalize_name(inner);
  auto drop_suffix = [&](std::string_view w) {
    if (k.size() > w.size() && k.ends_with(w) && k[k.size() - w.size() - 1] == ' ') {
      k.resize(k.size() - w.size() - 1);
      return true;
    }
    return false;
  };
  drop_suffix("seat");
  for (std::string_view w : {"aiyl okmotu", "ayil okmotu", "aiyl okrug", "aiyl aimak",
                             "rural community", "rural area", "okmotu", "jamoat"})
    if (drop_suffix(w)) break;
  for (std::string_view generic : {"seat", "city", "town", "village", "see notes"})
    if (k == generic) return {};
  return k.empty() ? std::string() : sound_key(k);
}

// Appends typed sections to an 8-byte aligned image.
class ImageWriter {
 public:
  std::vector<std::uint64_t> words{std::vector<std::uint64_t>(words_for(sizeof(ImageHeader)))};

  template <class T>
  ImageSection put(const T* data, std::size_t n) {
    static_assert(std::is_trivially_copyable_v<T>);
    ImageSection s{words.size() * 8, n * sizeof(T)};
    words.resize(words.size() + words_for(s.size));
    if (s.size) std::memcpy(reinterpret_cast<char*>(words.data()) + s.off, data, s.size);
    return s;
  }
  template <class T>
  ImageSection put(const std::vector<T>& v) {
    return put(v.data(), v.size());
  }
  ImageSection put(std::string_view s) { return put(s.data(), s.size()); }
  ImageHeader& header() { return *reinterpret_cast<ImageHeader*>(words.data()); }

 private:
  static std::size_t words_for(std::size_t bytes) { return (bytes + 7) / 8; }
};

}  // namespace

void Gazetteer::Index::add_country(const std::string& name, const std::string& iso2) {
  std::string k = normalize_name(name);
  if (k.empty() || iso2.empty()) return;
  // Adjectives by the usual English endings: Armenia-n, Iran-ian,
  // Azerbaijan-i, Tajik-istan, Kyrgyz-stan. Forms that are not words never
  // occur in text, so generating a few too many is harmless.
  std::vector<std::string> forms = {k, k + "n", k + "an", k + "ian", k + "i", k + "ese"};
  if (k.ends_with("a")) forms.push_back(k.substr(0, k.size() - 1) + "ese");  // China
  if (k.ends_with("istan")) forms.push_back(k.substr(0, k.size() - 5));
  if (k.ends_with("stan")) forms.push_back(k.substr(0, k.size() - 4));
  for (auto& f : forms) pending_countries_.emplace_back(std::move(f), iso2);
}

void Gazetteer::Index::build(std::vector<Place> places) {
  std::string pool;
  auto str = [&](std::string_view s) {
    Str r{static_cast<std::uint32_t>(pool.size()), static_cast<std::uint32_t>(s.size())};
    pool += s;
    return r;
  };

  // Keys of every name.
  std::vector<NameEntry> entries_v;
  auto add_key = [&](std::uint32_t place, const std::string& k) {
    if (k.empty()) return;
    std::string s = sound_key(k);
    NameEntry e;
    e.place = place;
    Str a = str(k), b = str(s);
    e.key_off = a.off, e.key_len = a.len, e.sound_off = b.off, e.sound_len = b.len;
    entries_v.push_back(e);
  };
  auto add = [&](std::uint32_t place, const std::string& name) {
    add_key(place, normalize_name(name));
  };
  for (std::size_t i = 0; i < places.size(); ++i) {
    auto pi = static_cast<std::uint32_t>(i);
    add(pi, places[i].name);
    // "Kök-Tash (Batken District)": the bracket tells two places apart, the
    // name without it is how texts write it.
    if (auto b = places[i].name.find(" ("); b != std::string::npos)
      add(pi, places[i].name.substr(0, b));
    for (const auto& alt : places[i].alt_names) add(pi, alt);
  }
  // "Isfara District", "Tawang Town": texts often drop the generic word.
  const std::size_t named = entries_v.size();
  for (std::size_t i = 0; i < named; ++i) {
    std::string k(pool.substr(entries_v[i].key_off, entries_v[i].key_len));
    // Not when a bare article or preposition is left ("The City" -> "the").
    if ((strip_area_word(k) || strip_settlement_word(k)) && !is_function_word(k))
      add_key(entries_v[i].place, k);
  }
  // Entries in order of sound-key length: a fuzzy lookup reads names of
  // about its own length only, so its counters stay in a small, cached
  // stretch of memory.
  std::stable_sort(entries_v.begin(), entries_v.end(), [](const NameEntry& a, const NameEntry& b) {
    return a.sound_len < b.sound_len;
  });
  std::vector<PlaceKeys> keys(places.size());
  for (std::size_t i = 0; i < places.size(); ++i) {
    const Place& p = places[i];
    PlaceKeys& pk = keys[i];
    Str b = str(admin_key(p.name));
    Str a1 = str(p.admin1.empty() ? std::string() : admin_key(p.admin1));
    Str a2 = str(p.admin2.empty() ? std::string() : admin_key(p.admin2));
    Str u = str(unit_key(p.admin2));
    pk.base_off = b.off, pk.base_len = b.len, pk.admin1_off = a1.off, pk.admin1_len = a1.len;
    pk.admin2_off = a2.off, pk.admin2_len = a2.len, pk.unit_off = u.off, pk.unit_len = u.len;
  }
  auto view = [&](const NameEntry& e, bool sound_side) {
    return sound_side ? std::string_view(pool).substr(e.sound_off, e.sound_len)
                      : std::string_view(pool).substr(e.key_off, e.key_len);
  };
  std::vector<std::uint32_t> by_key(entries_v.size());
  for (std::size_t i = 0; i < entries_v.size(); ++i) by_key[i] = static_cast<std::uint32_t>(i);
  std::vector<std::uint32_t> by_sound = by_key;
  std::stable_sort(by_key.begin(), by_key.end(), [&](auto a, auto b) {
    return view(entries_v[a], false) < view(entries_v[b], false);
  });
  std::stable_sort(by_sound.begin(), by_sound.end(), [&](auto a, auto b) {
    return view(entries_v[a], true) < view(entries_v[b], true);
  });

  // Country words, sorted, unique.
  std::sort(pending_countries_.begin(), pending_countries_.end());
  pending_countries_.erase(std::unique(pending_countries_.begin(), pending_countries_.end()),
                           pending_countries_.end());
  std::vector<CountryWord> words;
  for (const auto& [w, iso2] : pending_countries_) words.push_back({str(w), str(iso2)});

  // The fuzzy pass's deletion table, over both keys of every entry.
  FuzzyTable fuzzy =
      build_fuzzy_table(entries_v.size(), [&](std::size_t e, std::vector<std::string_view>& out) {
        out.push_back(view(entries_v[e], true));
        out.push_back(view(entries_v[e], false));
      });

  // The places as records.
  std::vector<PlaceRec> recs(places.size());
  std::vector<Str> alts;
  std::vector<PolyRec> polys;
  std::vector<RingRec> rings;
  std::vector<LonLat> points;
  for (std::size_t i = 0; i < places.size(); ++i) {
    const Place& p = places[i];
    PlaceRec& r = recs[i];
    r.id = str(p.id), r.name = str(p.name), r.kind = str(p.kind), r.country = str(p.country);
    r.admin1 = str(p.admin1), r.admin2 = str(p.admin2), r.source = str(p.source);
    r.alt_begin = static_cast<std::uint32_t>(alts.size());
    for (const auto& a : p.alt_names) alts.push_back(str(a));
    r.alt_count = static_cast<std::uint32_t>(p.alt_names.size());
    r.has_point = p.point.has_value();
    if (p.point) r.lon = p.point->lon, r.lat = p.point->lat;
    r.population = p.population;
    r.coord_precision = static_cast<std::int32_t>(p.coord_precision);
    r.uncertainty_m = p.uncertainty_m;
    r.has_area = p.area != nullptr;
    r.poly_begin = static_cast<std::uint32_t>(polys.size());
    if (p.area) {
      for (const Polygon& poly : *p.area) {
        polys.push_back({static_cast<std::uint32_t>(rings.size()),
                         static_cast<std::uint32_t>(poly.rings.size())});
        for (const Ring& ring : poly.rings) {
          rings.push_back({points.size(), ring.size()});
          points.insert(points.end(), ring.begin(), ring.end());
        }
      }
    }
    r.poly_count = static_cast<std::uint32_t>(polys.size()) - r.poly_begin;
  }

  ImageWriter w;
  ImageHeader h;
  std::memcpy(h.magic, kImageMagic, sizeof h.magic);
  h.fingerprint = w.put(keys_fingerprint());
  h.pool = w.put(std::string_view(pool));
  h.recs = w.put(recs);
  h.alts = w.put(alts);
  h.polys = w.put(polys);
  h.rings = w.put(rings);
  h.points = w.put(points);
  h.entries = w.put(entries_v);
  h.by_key = w.put(by_key);
  h.by_sound = w.put(by_sound);
  h.keys = w.put(keys);
  h.country_words = w.put(words);
  h.fuzzy_dir = w.put(fuzzy.dir);
  h.fuzzy_postings = w.put(fuzzy.postings);
  h.key_slots = w.put(build_key_table(std::span<const std::uint32_t>(by_key),
                                      [&](std::uint32_t e) { return view(entries_v[e], false); }));
  h.sound_slots = w.put(build_key_table(std::span<const std::uint32_t>(by_sound),
                                        [&](std::uint32_t e) { return view(entries_v[e], true); }));
  h.total = w.words.size() * 8;
  w.header() = h;
  auto owner = std::make_shared<std::vector<std::uint64_t>>(std::move(w.words));
  std::string_view image(reinterpret_cast<const char*>(owner->data()), owner->size() * 8);
  if (!open(owner, image)) throw Error("gazetteer: the index image just built is inconsistent");
}

}  // namespace bm
