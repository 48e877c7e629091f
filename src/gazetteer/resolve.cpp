// Gazetteer::resolve: exact -> variant -> fuzzy candidates, ranked with the
// context, the same place seen twice merged, then chosen or abstained.
#include <algorithm>
#include <cmath>

#include "core/geodesic.hpp"
#include "core/geometry.hpp"
#include "gazetteer/context.hpp"
#include "gazetteer/gazetteer.hpp"
#include "gazetteer/index.hpp"
#include "gazetteer/normalize.hpp"
#include "gazetteer/russian_cases.hpp"
#include "geodata/bundle.hpp"

namespace bm {
namespace {

// With no hint at all, a sound-alike of a small town is a guess across the
// world ("Galwan" is not Galván in the Dominican Republic, "Heglig" not High
// Legh in Cheshire): only curated places and cities take one unplaced.
constexpr long kSoundAlikeCity = 100000;
bool bare_sound_alike(const Candidate& top, const ResolveHints& hints) {
  const Place& p = *top.place;
  const bool settlement = p.kind == "city" || p.kind == "town" || p.kind == "village";
  return top.match == MatchType::variant && !hints.caller_judges && hints.near.empty() &&
         hints.country.empty() && hints.region.empty() && settlement && !is_curated(p) &&
         p.population < kSoundAlikeCity;
}

// What would tell equal candidates apart, given the hints there were.
std::string missing_hint(const ResolveHints& hints) {
  if (hints.country.empty()) return hints.region.empty() ? "a country or region" : "a country";
  return hints.region.empty() ? "a region or district (admin1)" : "coordinates";
}

// Spelling similarity of each pass; fuzzy is scaled below variant.
constexpr double kVariantSim = 0.92;
constexpr double kFuzzyScale = 0.9;
constexpr double kAbstainBelow = 0.4;   // confidence under which we abstain
constexpr double kTieMargin = 0.03;     // distinct places closer than this: ambiguous
constexpr double kOwnNameBonus = 0.05;  // matched the place's name, not an alternate

// Metres between nearby points; an equirectangular approximation is plenty
// for "within a few km" and much cheaper than a geodesic.
double approx_distance_m(LonLat a, LonLat b) {
  constexpr double kDeg = 111195.0;
  double dx = (a.lon - b.lon) * std::cos((a.lat + b.lat) * 0.5 * M_PI / 180.0);
  return std::hypot(dx, a.lat - b.lat) * kDeg;
}

// Two rows for one place: the reference row and its GeoNames twin, or an
// admin-1 polygon and the reference row of the same region.
bool same_place(const Gazetteer::Index& ix, const Place& a, const Place& b) {
  auto base_sound = [&](const Place& p) { return ix.base_of(p); };
  if (a.country != b.country || is_area_kind(a) != is_area_kind(b)) return false;
  // A district is never its region, even when both are called "Batken".
  if ((a.kind == "district") != (b.kind == "district")) return false;
  if (a.kind == "region" && b.kind == "region") {
    if (base_sound(a) == base_sound(b)) return true;
    return (a.point && b.area && point_in_area(*a.point, *b.area)) ||
           (b.point && a.area && point_in_area(*b.point, *a.area));
  }
  if (a.point && b.point) {
    double d = approx_distance_m(*a.point, *b.point);
    // Copies of one town's coordinates differ by a few km.
    return d < 5000 || (d < 15000 && base_sound(a) == base_sound(b));
  }
  if (base_sound(a) != base_sound(b)) return false;
  // Unlocated rows: only when nothing tells them apart.
  if (!a.admin2.empty() && !b.admin2.empty() && ix.admin2_of(a) != ix.admin2_of(b)) return false;
  // "Somoniyon (Isfara)" in Sughd is not GeoNames' Somoniyon near Dushanbe.
  if (!a.admin1.empty() && !b.admin1.empty() && ix.admin1_of(a) != ix.admin1_of(b)) return false;
  return true;
}

double radius_m(const MultiPolygon& area) {
  Bounds b = bounds_of(area);
  if (b.empty()) return 0;
  return geodesic_distance({b.min_lon, b.min_lat}, {b.max_lon, b.max_lat}) / 2;
}

}  // namespace

Resolution Gazetteer::resolve(std::string_view name, const ResolveHints& given) const {
  // A country hint may come as "tj" or "Tajikistan": make it ISO2. The hints
  // are copied only then (they may carry a whole article's places).
  std::string country = given.country;
  if (country.size() == 2) {
    for (char& c : country)
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  } else if (!country.empty()) {
    if (std::string w = index_->country_of_word(normalize_name(country)); !w.empty()) country = w;
  }
  ResolveHints fixed;
  if (country != given.country) {
    fixed = given;
    fixed.country = country;
  }
  const ResolveHints& hints = country != given.country ? fixed : given;
  const std::string as_written(name);
  // A possessive is never part of the name: "Batken's airport".
  for (std::string_view poss : {"'s", "\u2019s"})
    if (name.size() > poss.size() + 1 && name.ends_with(poss)) name.remove_suffix(poss.size());
  Resolution r = resolve_name(name, hints);
  r.query = as_written;
  if (is_acronym(name)) return acronym_only(std::move(r), name);
  // "из Исфары", "в Баткенской области": a declined Russian name is found
  // by its nominative, which beats a near spelling of the declined form.
  if (r.match_type == MatchType::unresolved || r.match_type == MatchType::fuzzy) {
    if (Resolution n = resolve_nominative(name, hints); n.place) {
      n.query = as_written;
      return n;
    }
  }
  if (r.place) return r;
  // Names often carry their own hints: "Kolkand, Tajikistan", "Kök-Tash
  // (Batken)", "Batken's", "the Tajik village of Kolkand", "Isfara of
  // Tajikistan". Read them only when the name as given found nothing.
  std::string n(name);
  ResolveHints h = hints;
  auto trim = [](std::string t) {
    auto b = t.find_first_not_of(" \t"), e = t.find_last_not_of(" \t");
    return b == std::string::npos ? std::string() : t.substr(b, e - b + 1);
  };
  auto hint_from = [&](const std::string& text) {
    std::string iso2 = index_->country_of_word(normalize_name(text));
    if (!iso2.empty()) {
      if (h.country.empty()) h.country = iso2;
    } else if (h.region.empty()) {
      h.region = trim(text);
    }
  };
  if (auto open = n.find('('); open != std::string::npos && n.ends_with(")") && open > 0) {
    hint_from(n.substr(open + 1, n.size() - open - 2));
    n = trim(n.substr(0, open));
  }
  if (auto comma = n.find(','); comma != std::string::npos && comma > 0) {
    hint_from(n.substr(comma + 1));
    n = trim(n.substr(0, comma));
  }
  // Country words before or after the name, as whole words of the key.
  // Non-ASCII names go through ICU: normalise the name once, not per use.
  const std::string name_key = normalize_name(name);
  std::vector<std::string> words = split(n == name ? name_key : normalize_name(n), ' ');
  if (words.size() > 1 && words.front() == "the") words.erase(words.begin());
  while (words.size() > 1 && !index_->country_of_word(words.front()).empty()) {
    if (h.country.empty()) h.country = index_->country_of_word(words.front());
    words.erase(words.begin());
  }
  if (words.size() > 2 && !index_->country_of_word(words.back()).empty() &&
      (words[words.size() - 2] == "of" || words[words.size() - 2] == "in")) {
    if (h.country.empty()) h.country = index_->country_of_word(words.back());
    words.resize(words.size() - 2);
  }
  std::string rebuilt;
  for (const auto& w : words) rebuilt += (rebuilt.empty() ? "" : " ") + w;
  if (rebuilt.empty() ||
      (rebuilt == name_key && h.country == hints.country && h.region == hints.region))
    return r;
  Resolution again = resolve_name(rebuilt, h);
  if (!again.place) return r;
  again.query = as_written;
  again.note = "read as '" + rebuilt + "'" + (h.country.empty() ? "" : " in " + h.country) +
               (h.region.empty() ? "" : ", region " + h.region) +
               (again.note.empty() ? "" : "; " + again.note);
  return again;
}

Resolution Gazetteer::resolve_name(std::string_view name, const ResolveHints& hints) const {
  const Index& ix = *index_;
  Resolution r;
  r.query = std::string(name);
  std::string key = normalize_name(name);
  std::string base = key;
  // Words around the name in running text: "the border town of Batken".
  for (std::string_view w : {"the ", "border ", "frontier ", "disputed "})
    if (base.starts_with(w) && base.size() > w.size()) base.erase(0, w.size());
  Context ctx = make_context(ix, hints);
  // An area word in a bracket says where the place is, not what it is:
  // "Kök-Tash (Batken District)" is a village.
  const std::string before_area_word = base;
  if (strip_area_word(base) && name.find('(') == std::string_view::npos) {
    ctx.wants_area = true;
    const bool generic =
        before_area_word.ends_with(" area") || before_area_word.starts_with("area ");
    ctx.area_level = names_district(before_area_word) ? 2 : generic ? 0 : 1;
  }
  if (strip_settlement_word(base)) ctx.wants_settlement = true;
  if (base.empty()) base = key;
  // "Galwan Valley": a feature word is no part of the name to spell-match
  // approximately (else "galwan valley" sounds like "Kalanwali").
  std::string loose = base;
  for (std::string_view w : {"valley", "river", "pass", "lake", "gorge", "sector", "area",
                             "heights", "ridge", "plateau", "mountains", "hills", "canal"})
    if (loose.size() > w.size() + 1 && loose.ends_with(w) &&
        loose[loose.size() - w.size() - 1] == ' ') {
      loose.resize(loose.size() - w.size() - 1);
      break;
    }
  if (key.empty()) {
    r.note = "empty name";
    return r;
  }
  if (is_function_word(key)) {
    r.note = "'" + key + "' alone is no place name";
    return r;
  }

  // Candidates by place number; few, so a vector searched in order (the
  // ranking below sorts them, so their order here does not matter).
  std::vector<std::pair<std::uint32_t, Candidate>> found;
  auto offer = [&](std::uint32_t entry, MatchType m, double sim) {
    std::uint32_t pi = ix.entries[entry].place;
    auto it =
        std::find_if(found.begin(), found.end(), [&](const auto& f) { return f.first == pi; });
    if (it == found.end()) it = found.insert(found.end(), {pi, Candidate{}});
    Candidate& c = it->second;
    if (!c.place || sim > c.similarity) {
      c.place = &ix.place(pi);
      c.match = m;
      c.similarity = sim;
    }
  };
  const std::string qs = sound_key(base);
  for (const std::string* k : {&key, &base}) {
    if (k == &base && base == key) break;  // the same searches again would add nothing
    for (auto e : ix.find_key(*k)) offer(e, MatchType::exact, 1.0);
    for (auto e : ix.find_sound(*k == base ? qs : sound_key(*k)))
      offer(e, MatchType::variant, kVariantSim);
  }
  // Fuzzy pass when spelling alone found nothing in the hinted country.
  bool need_fuzzy = std::none_of(found.begin(), found.end(), [&](const auto& kv) {
    return country_matches(*kv.second.place, hints.country);
  });
  // The name is spelled exactly like a place outside the hinted country.
  const bool spelled_elsewhere = need_fuzzy && !found.empty();
  const std::string lqs = loose == base ? qs : sound_key(loose);
  if (need_fuzzy && lqs.size() >= 4)
    for (auto [e, sim] : fuzzy_matches(ix, lqs, loose))
      offer(e, MatchType::fuzzy, sim * kFuzzyScale);

  std::vector<Candidate> ranked;
  // The news writes a place's own name: Goris is the Armenian town, not
  // Gori in Georgia whose Lithuanian name is "Goris".
  // admin_key(base), without redoing what base already went through
  // (normalised, one area word stripped): most often it is qs itself.
  std::string own_name = base;
  own_name = strip_area_word(own_name) ? sound_key(own_name) : qs;
  for (auto& [pi, c] : found) {
    c.score = c.similarity + hint_score(*c.place, ctx, nullptr) + prior_score(*c.place, ctx);
    if (ix.base_of(*c.place) == own_name) c.score += kOwnNameBonus;
    ranked.push_back(c);
  }
  std::sort(ranked.begin(), ranked.end(), [](const Candidate& a, const Candidate& b) {
    if (a.score != b.score) return a.score > b.score;
    return a.place->id < b.place->id;  // deterministic
  });
  // Merge rows that are one place, keeping the best-ranked.
  std::vector<Candidate>& distinct = r.ranked;
  for (const Candidate& c : ranked) {
    auto twin = std::find_if(distinct.begin(), distinct.end(), [&](const Candidate& d) {
      return same_place(ix, *d.place, *c.place);
    });
    if (twin == distinct.end()) {
      if (distinct.size() < 8) distinct.push_back(c);
      continue;
    }
    // Keep the twin's rank but the row that can be drawn (located, with
    // area) and, of two such, the curated one: GeoNames' population may rank
    // its copy of a reference town higher.
    auto drawable = [](const Place& p) {
      return (p.point ? 4 : 0) + (p.area ? 2 : 0) + (is_curated(p) ? 1 : 0);
    };
    if (drawable(*c.place) > drawable(*twin->place)) twin->place = c.place;
  }
  for (std::size_t i = 1; i < distinct.size(); ++i) r.candidates.push_back(distinct[i].place);
  if (distinct.empty()) {
    r.note = "no place with a similar name";
    return r;
  }

  const Candidate& top = distinct.front();
  if (!country_matches(*top.place, hints.country)) {
    r.note = "nothing matches in " + hints.country + "; nearest elsewhere listed";
    r.candidates.insert(r.candidates.begin(), top.place);
    return r;
  }
  // As with the country: a region hint that no candidate lies in means the
  // place the text means is not in the gazetteer ("Ban Phue" in Sisaket is
  // not GeoNames' Ban Phue in Udon Thani).
  if (region_matches(*top.place, ctx) == 0 &&
      std::none_of(distinct.begin(), distinct.end(),
                   [&](const Candidate& c) { return region_matches(*c.place, ctx) > 0; })) {
    r.note = "nothing matches in " + hints.region + "; nearest elsewhere listed";
    r.candidates.insert(r.candidates.begin(), top.place);
    return r;
  }
  // A sound-alike is a near spelling too once the text places it: in a
  // story about Tajikistan "Khovar" is not Chóvar in Spain.
  const bool placed_variant = top.match == MatchType::variant && !hints.near.empty();
  if (bare_sound_alike(top, hints)) {
    r.note = "only a sound-alike (" + top.place->name + ", " + top.place->country +
             ") and nothing to place it by; candidates listed";
    r.candidates.insert(r.candidates.begin(), top.place);
    return r;
  }
  if (top.match == MatchType::fuzzy || placed_variant) {
    if (std::string doubt = fuzzy_doubt(*top.place, spelled_elsewhere, hints, ctx);
        !doubt.empty()) {
      r.note = doubt;
      r.candidates.insert(r.candidates.begin(), top.place);
      return r;
    }
  }
  double conf = top.similarity;
  if (region_matches(*top.place, ctx) == 0) conf *= 0.8;
  bool context_decided = false;
  if (distinct.size() > 1) {
    const Candidate& second = distinct[1];
    double margin = top.score - second.score;
    conf *= 0.55 + 0.45 * std::min(1.0, margin / 0.25);
    if (margin < kTieMargin) {
      r.ambiguous = top.match != MatchType::fuzzy;
      r.note = top.match == MatchType::fuzzy
                   ? "no close match; nearest spellings listed"
                   : "ambiguous: " + std::to_string(distinct.size()) + "+ places match '" +
                         std::string(name) + "' equally — give " + missing_hint(hints);
      r.candidates.insert(r.candidates.begin(), top.place);
      return r;
    }
    // Context decided when the spelling alone would not have chosen this one.
    context_decided =
        second.similarity >= top.similarity &&
        hint_score(*top.place, ctx, nullptr) > hint_score(*second.place, ctx, nullptr);
  }
  if (conf < kAbstainBelow) {
    r.note = "not sure enough (confidence " + std::to_string(conf).substr(0, 4) + ")";
    r.candidates.insert(r.candidates.begin(), top.place);
    return r;
  }

  const Place& p = *top.place;
  r.place = top.place;
  r.confidence = std::min(1.0, conf);
  r.match_type = context_decided ? MatchType::context : top.match;
  r.match = to_string(r.match_type);
  std::string why;
  hint_score(p, ctx, &why);
  r.note = why;

  if (p.point) {
    r.location = p.point;
    if (p.kind == "region" || p.kind == "country") {
      r.precision = GeoPrecision::region;
      r.uncertainty_m = p.area ? radius_m(*p.area) : p.uncertainty_m;
    } else if (p.kind == "district") {
      r.precision = GeoPrecision::near;
      r.uncertainty_m = p.uncertainty_m;
    } else {
      r.precision =
          p.coord_precision == GeoPrecision::unknown ? GeoPrecision::settlement : p.coord_precision;
      r.uncertainty_m = p.uncertainty_m;
      // Say so when the bundle itself marks the point as an approximation.
      if (r.precision != GeoPrecision::settlement)
        r.note += std::string(r.note.empty() ? "" : "; ") + p.id +
                  "'s point is approximate (precision " +
                  std::to_string(static_cast<int>(r.precision)) + ", ±" +
                  std::to_string(static_cast<long>(r.uncertainty_m / 1000)) + " km)";
    }
    if (ctx.wants_area && !is_area_kind(p)) r.precision = GeoPrecision::near;
    return r;
  }
  // Known but unlocated: fall back to the smallest located parent area.
  auto find_parent = [&](const std::string& admin, bool district) -> const Place* {
    if (admin.empty()) return nullptr;
    std::string k = normalize_name(admin.substr(0, admin.find_first_of("(,/")));
    strip_area_word(k);
    const Place* best = nullptr;
    for (auto e : ix.find_sound(sound_key(k))) {
      const Place& q = ix.place(ix.entries[e].place);
      if (!q.point || q.id == p.id) continue;
      if (district ? q.kind != "district" : q.kind != "region") continue;
      if (!country_matches(q, p.country.substr(0, 2))) continue;
      if (!best || (q.area && !best->area)) best = &q;
    }
    return best;
  };
  const Place* parent = nullptr;
  if (p.kind != "district" && p.kind != "region") parent = find_parent(p.admin2, true);
  if (parent) {
    r.precision = GeoPrecision::near;
    r.uncertainty_m = std::max(parent->uncertainty_m, 25000.0);
  } else if ((parent = find_parent(p.admin1, false))) {
    r.precision = GeoPrecision::region;
    r.uncertainty_m = parent->area ? radius_m(*parent->area) : 150000.0;
  }
  if (parent) {
    r.parent = parent;
    r.location = parent->point;
    r.note += std::string(r.note.empty() ? "" : "; ") + p.id +
              " has no cited coordinate: placed at " + parent->name + " (" + parent->id + "), ±" +
              std::to_string(static_cast<long>(r.uncertainty_m / 1000)) + " km";
  } else {
    r.precision = GeoPrecision::region;
    r.note += std::string(r.note.empty() ? "" : "; ") + p.id +
              " has no cited coordinate and no located parent area";
  }
  return r;
}

}  // namespace bm
