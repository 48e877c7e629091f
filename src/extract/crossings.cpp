#include "extract/crossings.hpp"

#include <set>
#include <string>

namespace bm::extract {
namespace {

// The story's two countries: a border it names, else the only two countries it names.
std::pair<std::string, std::string> story_pair(const std::vector<PlaceMention>& places) {
  std::set<std::string> named;
  for (const auto& m : places) {
    if (m.border.size() == 5) return {m.border.substr(0, 2), m.border.substr(3)};
    if (m.is_country && !m.country.empty()) named.insert(m.country);
  }
  if (named.size() != 2) return {};
  return {*named.begin(), *named.rbegin()};
}

bool crossing_verb(const std::string& w) {
  return w == "crossed" || w == "crossing" || w == "fled" || w == "fleeing" || w == "escaped" ||
         w == "arrived" || w == "poured";
}

}  // namespace

void sides_of_crossings(std::vector<std::vector<ClaimMention>>& claims,
                        const std::vector<Token>& toks, const std::vector<PlaceMention>& places) {
  auto [a, b] = story_pair(places);
  if (a.empty()) return;
  for (const auto& m : places) {
    if (!m.is_country || (m.country != a && m.country != b) || m.sentence >= claims.size() ||
        m.first < 2)
      continue;
    const std::string& to = toks[m.first - 1].lower;
    if ((to != "into" && to != "to" && to != "in") || !crossing_verb(toks[m.first - 2].lower))
      continue;
    const std::string& from = m.country == a ? b : a;
    for (auto& cm : claims[m.sentence])
      if ((cm.claim.kind == "displaced" || cm.claim.kind == "evacuated") && !cm.no_state &&
          (cm.claim.side == "unknown" || cm.side_inferred || cm.claim.side == m.country)) {
        cm.claim.side = from;
        cm.side_inferred = false;
      }
  }
}

}  // namespace bm::extract
