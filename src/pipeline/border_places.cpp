#include "pipeline/border_places.hpp"

#include <string_view>

#include "link/linker.hpp"

namespace bm {
namespace {

// The ISO2 code of `name` when the gazetteer knows it as a country.
std::string country_code(std::string_view name, const Gazetteer& gaz) {
  Resolution r = gaz.resolve(name);
  return r.place && r.place->kind == "country" ? r.place->country : std::string();
}

std::string strip_prefix(std::string s, std::string_view prefix) {
  return s.starts_with(prefix) ? s.substr(prefix.size()) : s;
}

// "Kyrgyzstan-Tajikistan border" (hyphen, en or em dash).
std::optional<BorderPlace> pair_border(const std::string& place, const Gazetteer& gaz) {
  if (!place.ends_with(" border")) return std::nullopt;
  std::string pair = strip_prefix(place.substr(0, place.size() - 7), "the ");
  for (std::string_view dash : {"-", "\xE2\x80\x93", "\xE2\x80\x94"}) {
    std::size_t at = pair.find(dash);
    if (at == std::string::npos) continue;
    BorderPlace b{country_code(pair.substr(0, at), gaz),
                  country_code(pair.substr(at + dash.size()), gaz)};
    if (!b.a.empty() && !b.b.empty() && b.a != b.b) return b;
    return std::nullopt;
  }
  return std::nullopt;
}

// "the border with Tajikistan": the other side is the incident's country, if given.
std::optional<BorderPlace> border_with(const std::string& place, const std::string& country,
                                       const Gazetteer& gaz) {
  std::string rest = strip_prefix(place, "the ");
  if (!rest.starts_with("border with ")) return std::nullopt;
  std::string a = country_code(strip_prefix(rest.substr(12), "the "), gaz);
  if (a.empty()) return std::nullopt;
  return BorderPlace{a, country == a ? std::string() : country};
}

bool between(const BorderSegment& s, const std::string& a, const std::string& b) {
  return (s.country_a == a && s.country_b == b) || (s.country_a == b && s.country_b == a);
}

std::vector<Line> lines_between(const std::vector<BorderSegment>& segments, const std::string& a,
                                const std::string& b, const std::string& as_of) {
  std::vector<Line> active, all;
  for (const auto& s : segments) {
    if (!between(s, a, b)) continue;
    for (const auto& l : s.lines) {
      if (l.size() < 2) continue;
      all.push_back(l);
      if (active_on(s, as_of)) active.push_back(l);
    }
  }
  return active.empty() ? all : active;
}

// The two countries of `p`, completing "the border with A" from the map's
// border; the map's border keeps the map's order, so its label is one.
std::optional<std::pair<std::string, std::string>> pair_of(const BorderPlace& p,
                                                           const std::string& main_a,
                                                           const std::string& main_b) {
  const bool on_main = p.a == main_a || p.a == main_b;
  if (p.b.empty() || (on_main && (p.b == main_a || p.b == main_b)))
    return on_main ? std::optional(std::pair{main_a, main_b}) : std::nullopt;
  return std::pair{p.a, p.b};
}

// The lines of the segments `name` names: the map's, else the bundle's
// named ones, else those of the border the text or the id gives.
std::optional<BorderLine> stretch_line(const BorderPlace& p,
                                       const std::vector<BorderSegment>& segments,
                                       const std::string& as_of, const Bundle& bundle,
                                       const std::vector<Country>& countries) {
  std::vector<const BorderSegment*> found = named_segments(*p.stretch, segments);
  const std::vector<BorderSegment> named =
      found.empty() ? bundle.segments() : std::vector<BorderSegment>{};
  if (found.empty()) found = named_segments(*p.stretch, named);
  const std::vector<BorderSegment> theirs = found.empty() && !p.a.empty() && !p.b.empty()
                                                ? border_segments(bundle, p.a, p.b, countries)
                                                : std::vector<BorderSegment>{};
  if (found.empty()) found = named_segments(*p.stretch, theirs);
  if (found.empty()) return std::nullopt;
  std::vector<Line> active, all;
  for (const BorderSegment* s : found)
    for (const auto& l : s->lines) {
      if (l.size() < 2) continue;
      all.push_back(l);
      if (active_on(*s, as_of)) active.push_back(l);
    }
  if (all.empty()) return std::nullopt;
  return BorderLine{found[0]->country_a, found[0]->country_b, active.empty() ? all : active,
                    stretch_label(found[0]->name)};
}

}  // namespace

std::optional<BorderPlace> stretch_place(const std::string& place, const std::string& country,
                                         const Gazetteer& gazetteer) {
  auto name = stretch_name(place);
  if (!name) return std::nullopt;
  BorderPlace p{"", "", *name};
  if (auto ids = id_countries(name->id)) {
    p.a = ids->first, p.b = ids->second;
  } else if (!name->border.empty()) {
    if (auto b = border_place(name->border, country, gazetteer)) p.a = b->a, p.b = b->b;
  }
  return p;
}

std::optional<BorderPlace> border_place(const std::string& place, const std::string& country,
                                        const Gazetteer& gazetteer) {
  if (auto b = pair_border(place, gazetteer)) return b;
  return border_with(place, country, gazetteer);
}

BorderLines border_lines(const BorderPlaces& places, const std::vector<BorderSegment>& segments,
                         const std::string& main_a, const std::string& main_b,
                         const std::string& as_of, const Bundle& bundle,
                         const std::vector<Country>& countries) {
  BorderLines out;
  std::map<std::pair<std::string, std::string>, std::vector<Line>> cache;
  for (const auto& [id, place] : places) {
    if (place.stretch) {
      if (auto line = stretch_line(place, segments, as_of, bundle, countries)) out[id] = *line;
      continue;
    }
    auto pair = pair_of(place, main_a, main_b);
    if (!pair) continue;
    auto [it, fresh] = cache.try_emplace(*pair);
    if (fresh) {
      it->second = lines_between(segments, pair->first, pair->second, as_of);
      if (it->second.empty())  // another border than the map's
        it->second = lines_between(border_segments(bundle, pair->first, pair->second, countries),
                                   pair->first, pair->second, as_of);
    }
    if (!it->second.empty()) out[id] = {pair->first, pair->second, it->second};
  }
  return out;
}

std::vector<Rejection> not_drawn(const std::vector<Rejection>& rejected, const BorderLines& lines) {
  std::vector<Rejection> out;
  for (const auto& r : rejected)
    if (r.filtered || r.malformed || !lines.count(r.record)) out.push_back(r);
  return out;
}

}  // namespace bm
