#pragma once
// The one place where src/extract talks to the gazetteer. It asks
// Gazetteer::resolve() once per candidate span; when the gazetteer grows
// find_mentions(text, hints) this adapter is the only file to change.
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/geodesic.hpp"
#include "extract/lexicon_ru.hpp"
#include "gazetteer/gazetteer.hpp"
#include "gazetteer/normalize.hpp"

namespace bm::extract {

struct LookupResult {
  const Place* place = nullptr;
  std::vector<const Place*> candidates;  // every match, best first
  std::optional<LonLat> location;        // of the best: its point or its parent area's
  bool fuzzy = false;  // the best is only a near spelling: its runners-up are guesses too
  GeoPrecision precision = GeoPrecision::unknown;
  std::string ambiguous;  // the gazetteer's reason when it abstained between places
  std::vector<std::string> ambiguous_countries;  // of those places
  std::vector<const Place*> ambiguous_places;    // the places themselves
};

class PlaceLookup {
 public:
  // `countries`: country names as the bundle spells them -> ISO2.
  PlaceLookup(const Gazetteer& gaz, std::map<std::string, std::string> countries)
      : gaz_(gaz), countries_(std::move(countries)) {}

  // Answers are cached: an article names the same places again and again,
  // and name normalisation (ICU) dominates the cost. Not thread-safe.
  LookupResult lookup(std::string_view name, const std::string& country = {},
                      const std::string& region = {}) const {
    // The key is built in a buffer kept between calls: most lookups hit
    // the cache, and a fresh key string was an allocation each.
    key_.assign(name).append(1, '\x1f').append(country).append(1, '\x1f').append(region);
    if (auto it = cache_.find(key_); it != cache_.end()) return it->second;
    LookupResult out = lookup_uncached(name, country, region);
    cache_.emplace(key_, out);
    return out;
  }

  // A name asked again with the places already found in the same article as
  // proximity hints (for names the first pass found ambiguous). Not cached.
  LookupResult lookup_near(std::string_view name, const std::string& country,
                           const std::vector<LonLat>& near) const {
    ResolveHints hints{country, {}};
    hints.near = near;
    Resolution r = gaz_.resolve(name, hints);
    LookupResult out;
    if (!r.place) return out;
    out.place = r.place;
    out.precision = r.precision;
    out.location = r.location;
    out.candidates.push_back(r.place);
    return out;
  }

  // ISO2 for a full country name ("Tajikistan", "Kyrgyz Republic"); empty if none.
  std::string country_iso(std::string_view name) const {
    // Found by the name as written, without a key string: asked of every
    // capitalised word and span.
    if (auto it = country_cache_.find(name); it != country_cache_.end()) return it->second;
    auto it = countries_.find(normalize_name(name));
    std::string iso = it == countries_.end() ? std::string() : it->second;
    if (iso.empty()) iso = russian_country(name);
    country_cache_.emplace(std::string(name), iso);
    return iso;
  }

  // Whether a place lies within 800 km of the middle of a country: a local
  // outlet writing about its neighbour's forces often never names its own
  // country ("the Tajik side attacked the villages of Kulundu, Maksat").
  bool near_country(const std::optional<LonLat>& at, const std::string& iso) const {
    if (!at) return false;
    auto it = country_point_.find(iso);
    if (it == country_point_.end()) {
      Resolution r = gaz_.resolve(country_name(iso), ResolveHints{iso, {}});
      std::optional<LonLat> middle;
      if (r.place && r.place->kind == "country") middle = r.location;
      it = country_point_.emplace(iso, middle).first;
    }
    return it->second && geodesic_distance(*at, *it->second) < 800e3;
  }

  // A readable name for an ISO2 code ("AF" -> "Afghanistan"), for reports an
  // article attributes to a country it names only by demonym; the code if none.
  std::string country_name(const std::string& iso) const {
    for (const auto& [name, code] : countries_) {
      if (code != iso) continue;
      std::string out = name;
      bool start = true;
      for (char& c : out) {
        if (start && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        start = c == ' ' || c == '-';
      }
      return out;
    }
    return iso;
  }

 private:
  // "Кыргызстана", "Армении": a country named in Russian, in any case.
  std::string russian_country(std::string_view name) const {
    std::vector<std::string> forms = lex::ru::case_forms(name);
    if (forms.empty() || name.find(' ') != std::string_view::npos) return {};
    forms.insert(forms.begin(), std::string(name));
    for (const std::string& form : forms) {
      Resolution r = gaz_.resolve(form, {});
      if (r.place && r.place->kind == "country" && r.match_type != MatchType::fuzzy)
        return r.place->country;
    }
    return {};
  }

  // An inflected Russian name ("Исфары", "Баткенской области") the
  // gazetteer does not know as written is asked in its nominative guesses;
  // only a sure answer (not a near spelling) of a guess is taken.
  Resolution resolve_forms(std::string_view name, const ResolveHints& hints) const {
    Resolution r = gaz_.resolve(name, hints);
    if ((r.place || r.ambiguous) && r.match_type != MatchType::fuzzy) return r;
    for (const std::string& form : lex::ru::case_forms(name)) {
      Resolution f = gaz_.resolve(form, hints);
      if ((f.place || f.ambiguous) && f.match_type != MatchType::fuzzy) return f;
    }
    return r;
  }

  LookupResult lookup_uncached(std::string_view name, const std::string& country,
                               const std::string& region) const {
    LookupResult out;
    ResolveHints hints{country, region};
    hints.caller_judges = true;  // pick_by_context weighs it by the article's countries
    Resolution r = resolve_forms(name, hints);
    if (!r.place) {
      if (r.ambiguous && !r.candidates.empty()) {
        out.ambiguous = "ambiguous between";
        for (std::size_t k = 0; k < r.candidates.size() && k < 3; ++k)
          out.ambiguous +=
              (k ? ", " : " ") + r.candidates[k]->name + " (" + r.candidates[k]->country + ")";
        for (const Place* c : r.candidates) out.ambiguous_countries.push_back(c->country);
        out.ambiguous_places = r.candidates;
      }
      return out;
    }
    out.place = r.place;
    out.precision = r.precision;
    out.fuzzy = r.match_type == MatchType::fuzzy;
    out.location = r.location;
    out.candidates.push_back(r.place);
    out.candidates.insert(out.candidates.end(), r.candidates.begin(), r.candidates.end());
    return out;
  }

  const Gazetteer& gaz_;
  std::map<std::string, std::string> countries_;  // normalized name -> ISO2
  mutable std::unordered_map<std::string, LookupResult> cache_;
  // Hashes a std::string and a string_view alike, so a view finds a key.
  struct NameHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  mutable std::unordered_map<std::string, std::string, NameHash, std::equal_to<>> country_cache_;
  mutable std::string key_;  // lookup's key buffer
  mutable std::unordered_map<std::string, std::optional<LonLat>> country_point_;
};

}  // namespace bm::extract
