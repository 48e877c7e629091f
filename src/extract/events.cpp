#include "extract/events.hpp"

#include <algorithm>

#include "extract/lexicon.hpp"

namespace bm::extract {

int event_rank(const std::string& type) {
  static const char* const order[] = {
      "drone_strike",         "air_strike", "shelling",  "armed_clash", "attack_on_civilians",
      "property_destruction", "evacuation", "ceasefire", "talks",       "casualty_report"};
  for (int i = 0; i < 10; ++i)
    if (type == order[i]) return i;
  return 99;
}

std::string SentenceEvents::main_type() const {
  std::string best;
  for (const auto& c : cues)
    if (best.empty() || event_rank(c.type) < event_rank(best)) best = c.type;
  return best;
}

bool SentenceEvents::violent() const {
  return std::any_of(cues.begin(), cues.end(),
                     [](const EventCue& c) { return c.type != "talks" && c.type != "ceasefire"; });
}

SentenceEvents find_events(const std::vector<Token>& toks, std::size_t first, std::size_t last) {
  SentenceEvents out;
  for (std::size_t i = first; i < last; ++i) {
    const std::string& w = toks[i].lower;
    const std::string& next = i + 1 < last ? toks[i + 1].lower : w;
    std::string type =
        lex::event_cue(w, i + 1 < last ? std::string_view(next) : std::string_view());
    if (!type.empty()) out.cues.push_back({type, i, toks[i].begin, toks[i].end});
    std::string wp = lex::weapon(w, i + 1 < last ? std::string_view(next) : std::string_view());
    if (!wp.empty() && std::find(out.weapons.begin(), out.weapons.end(), wp) == out.weapons.end())
      out.weapons.push_back(wp);
  }
  // A drone is a weapon; it makes a drone strike when the text says it struck.
  for (std::size_t i = first; i < last; ++i) {
    const std::string& w = toks[i].lower;
    if (w != "drone" && w != "drones" && w != "uav" && w != "uavs") continue;
    for (std::size_t k = i > first + 4 ? i - 4 : first; k < last && k < i + 5; ++k) {
      const std::string& v = toks[k].lower;
      if (v == "bombed" || v == "struck" || v == "strike" || v == "strikes" || v == "hit" ||
          v == "attack" || v == "attacked" || v == "dropped") {
        out.cues.push_back({"drone_strike", i, toks[i].begin, toks[i].end});
        break;
      }
    }
  }
  return out;
}

}  // namespace bm::extract
