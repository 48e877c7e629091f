#include "gazetteer/gazetteer.hpp"

#include <algorithm>
#include <memory>
#include <unordered_map>

#include "gazetteer/normalize.hpp"
#include "geodata/bundle.hpp"
#include "geom/measure.hpp"

namespace bm {
namespace {

// Region names as written ("Batken region") carry a generic word that the
// stored names may lack.
const char* const kAreaWords[] = {" region", " province", " oblast", " district", " viloyati"};

int kind_rank(const Place& p) {
  // Prefer curated reference rows, then bigger places.
  return p.source.find("GeoNames") == std::string::npos ? 0 : 1;
}

}  // namespace

struct Gazetteer::Index {
  std::vector<Place> places_;
  std::unordered_multimap<std::string, std::size_t> by_key_;
};

const char* to_string(MatchType m) {
  switch (m) {
    case MatchType::exact:
      return "exact";
    case MatchType::variant:
      return "variant";
    case MatchType::fuzzy:
      return "fuzzy";
    case MatchType::context:
      return "context";
    case MatchType::unresolved:
      break;
  }
  return "unresolved";
}

Gazetteer::~Gazetteer() = default;
Gazetteer::Gazetteer(Gazetteer&&) noexcept = default;
Gazetteer& Gazetteer::operator=(Gazetteer&&) noexcept = default;
std::size_t Gazetteer::size() const { return index_->places_.size(); }
const std::vector<Place>& Gazetteer::places() const { return index_->places_; }

std::vector<Mention> Gazetteer::find_mentions(std::string_view, const ResolveHints&) const {
  return {};  // placeholder until the text scanner lands
}

Gazetteer::Gazetteer(std::vector<Place> places) : index_(std::make_unique<Index>()) {
  auto& places_ = index_->places_;
  places_ = std::move(places);
  for (std::size_t i = 0; i < places_.size(); ++i) {
    index_->by_key_.emplace(normalize_name(places_[i].name), i);
    for (const auto& alt : places_[i].alt_names) index_->by_key_.emplace(normalize_name(alt), i);
  }
}

Gazetteer Gazetteer::from_bundle(const Bundle& bundle) {
  std::vector<Place> places = bundle.places();
  for (auto& r : bundle.regions()) {
    Place p;
    p.id = "admin1:" + r.id;
    p.name = r.name;
    p.alt_names = r.alt_names;
    p.kind = "region";
    p.country = r.country;
    p.admin1 = r.name;
    auto area = std::make_shared<MultiPolygon>(std::move(r.area));
    if (!area->empty()) p.point = point_on_surface(*area);
    p.area = std::move(area);
    p.coord_precision = GeoPrecision::region;
    p.source = "Natural Earth admin-1";
    places.push_back(std::move(p));
  }
  return Gazetteer(std::move(places));
}

Resolution Gazetteer::resolve(std::string_view name, const ResolveHints& hints) const {
  Resolution r;
  r.query = std::string(name);
  std::string key = normalize_name(name);
  bool wants_area = false;
  for (const char* w : kAreaWords) {
    std::string suffix = normalize_name(w);
    if (key.size() > suffix.size() + 1 && key.ends_with(" " + suffix)) {
      key.resize(key.size() - suffix.size() - 1);
      wants_area = true;
    }
  }
  const auto& places_ = index_->places_;
  auto [lo, hi] = index_->by_key_.equal_range(key);
  std::vector<const Place*> found;
  for (auto it = lo; it != hi; ++it) {
    const Place& p = places_[it->second];
    if (!hints.country.empty() && p.country.find(hints.country) == std::string::npos) continue;
    bool is_area = p.kind == "region" || p.kind == "district";
    if (wants_area != is_area) continue;
    found.push_back(&p);
  }
  std::sort(found.begin(), found.end(), [](const Place* a, const Place* b) {
    if (kind_rank(*a) != kind_rank(*b)) return kind_rank(*a) < kind_rank(*b);
    if (a->point.has_value() != b->point.has_value()) return a->point.has_value();
    return a->population > b->population;
  });
  found.erase(std::unique(found.begin(), found.end()), found.end());
  if (found.empty()) {
    r.match = "unresolved";
    return r;
  }
  r.place = found.front();
  r.candidates.assign(found.begin() + 1, found.end());
  r.match = "exact";
  r.confidence = found.size() == 1 ? 1.0 : 0.8;
  r.precision = wants_area ? GeoPrecision::region : r.place->coord_precision;
  return r;
}

}  // namespace bm
