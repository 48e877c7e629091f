#include "gazetteer/index.hpp"

#include <algorithm>

#include "gazetteer/context.hpp"
#include "gazetteer/normalize.hpp"

namespace bm {

std::uint32_t trigram_code(char a, char b, char c) {
  auto u = [](char x) { return static_cast<std::uint32_t>(static_cast<unsigned char>(x)); };
  return (u(a) << 16) | (u(b) << 8) | u(c);
}

void Gazetteer::Index::build() {
  blob.clear();
  entries.clear();
  auto add_key = [&](std::uint32_t place, const std::string& k) {
    if (k.empty()) return;
    std::string s = sound_key(k);
    NameEntry e;
    e.place = place;
    e.key_off = static_cast<std::uint32_t>(blob.size());
    e.key_len = static_cast<std::uint32_t>(k.size());
    blob += k;
    e.sound_off = static_cast<std::uint32_t>(blob.size());
    e.sound_len = static_cast<std::uint32_t>(s.size());
    blob += s;
    entries.push_back(e);
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
  const std::size_t named = entries.size();
  for (std::size_t i = 0; i < named; ++i) {
    std::string k(key(entries[i]));
    if (strip_area_word(k) || strip_settlement_word(k)) add_key(entries[i].place, k);
  }
  place_keys.resize(places.size());
  auto put = [&](const std::string& k, std::uint32_t& off, std::uint32_t& len) {
    off = static_cast<std::uint32_t>(blob.size());
    len = static_cast<std::uint32_t>(k.size());
    blob += k;
  };
  for (std::size_t i = 0; i < places.size(); ++i) {
    const Place& p = places[i];
    PlaceKeys& pk = place_keys[i];
    put(admin_key(p.name), pk.base_off, pk.base_len);
    put(p.admin1.empty() ? std::string() : admin_key(p.admin1), pk.admin1_off, pk.admin1_len);
    put(p.admin2.empty() ? std::string() : admin_key(p.admin2), pk.admin2_off, pk.admin2_len);
  }
  std::sort(country_words.begin(), country_words.end());
  country_words.erase(std::unique(country_words.begin(), country_words.end()), country_words.end());
  by_key.resize(entries.size());
  for (std::size_t i = 0; i < entries.size(); ++i) by_key[i] = static_cast<std::uint32_t>(i);
  by_sound = by_key;
  std::sort(by_key.begin(), by_key.end(),
            [&](auto a, auto b) { return key(entries[a]) < key(entries[b]); });
  std::sort(by_sound.begin(), by_sound.end(),
            [&](auto a, auto b) { return sound(entries[a]) < sound(entries[b]); });
}

std::vector<std::uint32_t> Gazetteer::Index::find_key(std::string_view k) const {
  auto [lo, hi] = std::equal_range(by_key.begin(), by_key.end(), k, [&](auto a, auto b) {
    if constexpr (std::is_same_v<decltype(a), std::string_view>)
      return a < key(entries[b]);
    else
      return key(entries[a]) < b;
  });
  return {lo, hi};
}

std::vector<std::uint32_t> Gazetteer::Index::find_sound(std::string_view k) const {
  auto [lo, hi] = std::equal_range(by_sound.begin(), by_sound.end(), k, [&](auto a, auto b) {
    if constexpr (std::is_same_v<decltype(a), std::string_view>)
      return a < sound(entries[b]);
    else
      return sound(entries[a]) < b;
  });
  return {lo, hi};
}

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
  for (auto& f : forms) country_words.emplace_back(std::move(f), iso2);
}

std::string Gazetteer::Index::country_of_word(std::string_view key) const {
  auto it = std::lower_bound(country_words.begin(), country_words.end(), key,
                             [](const auto& e, std::string_view k) { return e.first < k; });
  return it != country_words.end() && it->first == key ? it->second : std::string();
}

namespace {

template <class F>
void for_each_trigram(std::string_view k, F&& f) {
  std::string p = "$$" + std::string(k) + "$";
  for (std::size_t i = 0; i + 3 <= p.size(); ++i) f(trigram_code(p[i], p[i + 1], p[i + 2]));
}

}  // namespace

// Postings are keyed by trigram and the entry's sound-key length, so a query
// only reads names of about its own length.
std::uint32_t posting_key(std::uint32_t trigram, std::size_t len) {
  return (static_cast<std::uint32_t>(std::min<std::size_t>(len, 255)) << 24) | trigram;
}

void Gazetteer::Index::build_trigrams() const {
  for (std::size_t i = 0; i < entries.size(); ++i) {
    std::size_t len = entries[i].sound_len;
    for_each_trigram(sound(entries[i]), [&](std::uint32_t t) {
      auto& v = trigrams_[posting_key(t, len)];
      if (v.empty() || v.back() != i) v.push_back(static_cast<std::uint32_t>(i));
    });
  }
}

std::vector<std::uint32_t> Gazetteer::Index::trigram_candidates(std::string_view k,
                                                                std::size_t limit) const {
  std::call_once(trigram_once_, [this] { build_trigrams(); });
  std::vector<std::uint32_t> grams;
  for_each_trigram(k, [&](std::uint32_t t) { grams.push_back(t); });
  std::sort(grams.begin(), grams.end());
  grams.erase(std::unique(grams.begin(), grams.end()), grams.end());
  // Keep entries sharing at least half of the query's trigrams (the fuzzy
  // pass accepts about one edit in five letters, which keeps more).
  const std::size_t need = std::max<std::size_t>(1, grams.size() / 2);
  // Count shared trigrams per entry; a thread-local counter array avoids
  // clearing 200k counters per query.
  thread_local std::vector<std::uint8_t> count;
  thread_local std::vector<std::uint32_t> touched;
  if (count.size() < entries.size()) count.assign(entries.size(), 0);
  touched.clear();
  const std::size_t window = std::max<std::size_t>(1, k.size() / 4);
  const std::size_t lo = k.size() > window ? k.size() - window : 1;
  for (std::size_t len = lo; len <= k.size() + window; ++len) {
    std::vector<const std::vector<std::uint32_t>*> lists;
    for (std::uint32_t g : grams)
      if (auto it = trigrams_.find(posting_key(g, len)); it != trigrams_.end())
        lists.push_back(&it->second);
    if (lists.size() < need) continue;
    std::sort(lists.begin(), lists.end(), [](auto* a, auto* b) { return a->size() < b->size(); });
    // An entry sharing `need` trigrams is in one of the rarest
    // (lists - need + 1) lists: only those may add new entries, the common
    // ones only count entries already seen. Same result, far less work.
    const std::size_t seeding = lists.size() - need + 1;
    const std::size_t first_new = touched.size();
    for (std::size_t li = 0; li < lists.size(); ++li) {
      const auto& list = *lists[li];
      std::size_t seen = touched.size() - first_new;
      if (li >= seeding && seen * 16 < list.size()) {
        // Postings are sorted by entry: look the few seen entries up.
        for (std::size_t t = first_new; t < touched.size(); ++t)
          if (std::binary_search(list.begin(), list.end(), touched[t]) && count[touched[t]] < 255)
            ++count[touched[t]];
        continue;
      }
      for (std::uint32_t e : list) {
        if (count[e] == 0) {
          if (li >= seeding) continue;
          touched.push_back(e);
        }
        if (count[e] < 255) ++count[e];
      }
    }
  }
  std::vector<std::pair<int, std::uint32_t>> scored;
  for (std::uint32_t e : touched) {
    if (count[e] >= need) {
      // Dice-like overlap, penalising length difference.
      int len_diff = std::abs(static_cast<int>(entries[e].sound_len) - static_cast<int>(k.size()));
      scored.emplace_back(count[e] * 4 - len_diff, e);
    }
    count[e] = 0;
  }
  std::size_t n = std::min(limit, scored.size());
  std::partial_sort(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(n), scored.end(),
                    [](auto& a, auto& b) { return a.first > b.first; });
  std::vector<std::uint32_t> out;
  for (std::size_t i = 0; i < n; ++i) out.push_back(scored[i].second);
  return out;
}

}  // namespace bm
