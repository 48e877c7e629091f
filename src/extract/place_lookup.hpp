#pragma once
// The one place where src/extract talks to the gazetteer. It asks
// Gazetteer::resolve() once per candidate span; when the gazetteer grows
// find_mentions(text, hints) this adapter is the only file to change.
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "gazetteer/gazetteer.hpp"
#include "gazetteer/normalize.hpp"

namespace bm::extract {

struct LookupResult {
  const Place* place = nullptr;
  std::vector<const Place*> candidates;  // every match, best first
  bool fuzzy = false;  // the best is only a near spelling: its runners-up are guesses too
  GeoPrecision precision = GeoPrecision::unknown;
  std::string ambiguous;  // the gazetteer's reason when it abstained between places
  std::vector<std::string> ambiguous_countries;  // of those places
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
    std::string key = std::string(name) + '\x1f' + country + '\x1f' + region;
    if (auto it = cache_.find(key); it != cache_.end()) return it->second;
    LookupResult out = lookup_uncached(name, country, region);
    cache_.emplace(std::move(key), out);
    return out;
  }

  // ISO2 for a full country name ("Tajikistan", "Kyrgyz Republic"); empty if none.
  std::string country_iso(std::string_view name) const {
    std::string key(name);
    if (auto it = country_cache_.find(key); it != country_cache_.end()) return it->second;
    auto it = countries_.find(normalize_name(name));
    std::string iso = it == countries_.end() ? std::string() : it->second;
    country_cache_.emplace(std::move(key), iso);
    return iso;
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
  LookupResult lookup_uncached(std::string_view name, const std::string& country,
                               const std::string& region) const {
    LookupResult out;
    Resolution r = gaz_.resolve(name, ResolveHints{country, region});
    if (!r.place) {
      if (r.note.find("ambiguous") != std::string::npos && !r.candidates.empty()) {
        out.ambiguous = "ambiguous between";
        for (std::size_t k = 0; k < r.candidates.size() && k < 3; ++k)
          out.ambiguous +=
              (k ? ", " : " ") + r.candidates[k]->name + " (" + r.candidates[k]->country + ")";
        for (const Place* c : r.candidates) out.ambiguous_countries.push_back(c->country);
      }
      return out;
    }
    out.place = r.place;
    out.precision = r.precision;
    out.fuzzy = r.match_type == MatchType::fuzzy;
    out.candidates.push_back(r.place);
    out.candidates.insert(out.candidates.end(), r.candidates.begin(), r.candidates.end());
    return out;
  }

  const Gazetteer& gaz_;
  std::map<std::string, std::string> countries_;  // normalized name -> ISO2
  mutable std::unordered_map<std::string, LookupResult> cache_;
  mutable std::unordered_map<std::string, std::string> country_cache_;
};

}  // namespace bm::extract
