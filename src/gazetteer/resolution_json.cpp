#include "gazetteer/resolution_json.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace bm {
namespace {

// Rounded through decimal text so JSON shows 40.11667, not 40.116670000000006.
double round_to(double v, double step) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", step < 1e-3 ? 5 : 3, std::round(v / step) * step);
  return std::strtod(buf, nullptr);
}

nlohmann::json place_json(const Place& p) {
  nlohmann::json j = {{"id", p.id},           {"name", p.name},     {"kind", p.kind},
                      {"country", p.country}, {"admin1", p.admin1}, {"admin2", p.admin2}};
  if (p.point)
    j["lonlat"] = {round_to(p.point->lon, 1e-5), round_to(p.point->lat, 1e-5)};
  else
    j["lonlat"] = nullptr;
  j["has_area"] = p.area != nullptr;
  return j;
}

}  // namespace

nlohmann::json to_json(const Resolution& r) {
  nlohmann::json j;
  j["query"] = r.query;
  j["match"] = r.match.empty() ? to_string(r.match_type) : r.match;
  j["place"] = r.place ? place_json(*r.place) : nlohmann::json(nullptr);
  j["precision"] = static_cast<int>(r.precision);
  j["confidence"] = round_to(r.confidence, 0.01);
  if (r.location)
    j["location"] = {round_to(r.location->lon, 1e-5), round_to(r.location->lat, 1e-5)};
  else
    j["location"] = nullptr;
  j["uncertainty_m"] = std::lround(r.uncertainty_m);
  j["parent"] = r.parent ? nlohmann::json(r.parent->id) : nlohmann::json(nullptr);
  j["note"] = r.note;
  if (!r.place) j["ambiguous"] = r.ambiguous;
  nlohmann::json cands = nlohmann::json::array();
  for (const Candidate& c : r.ranked) {
    if (c.place == r.place) continue;
    nlohmann::json cj = place_json(*c.place);
    cj["match"] = to_string(c.match);
    cj["score"] = round_to(c.score, 0.001);
    cands.push_back(cj);
  }
  j[r.place ? "runners_up" : "suggestions"] = cands;
  return j;
}

}  // namespace bm
