#pragma once
// Resolves place names as the news writes them to places of the bundled data.
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/model.hpp"

namespace bm {

class Bundle;

struct ResolveHints {
  std::string country;  // ISO2
  std::string region;   // admin-1 name as written
};

struct Resolution {
  std::string query;
  const Place* place = nullptr;  // null: unresolved
  GeoPrecision precision = GeoPrecision::unknown;
  double confidence = 0;
  std::string match;  // exact, unresolved
  std::vector<const Place*> candidates;
};

class Gazetteer {
 public:
  explicit Gazetteer(std::vector<Place> places);
  static Gazetteer from_bundle(const Bundle& bundle);

  Resolution resolve(std::string_view name, const ResolveHints& hints = {}) const;
  std::size_t size() const { return places_.size(); }

 private:
  std::vector<Place> places_;
  std::unordered_multimap<std::string, std::size_t> by_key_;
};

}  // namespace bm
