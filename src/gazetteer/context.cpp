#include "gazetteer/context.hpp"

#include <algorithm>
#include <cmath>

#include "core/geodesic.hpp"
#include "core/geometry.hpp"
#include "gazetteer/index.hpp"
#include "gazetteer/normalize.hpp"
#include "geodata/bundle.hpp"

namespace bm {
namespace {

bool in_ring(LonLat p, const Ring& r) {
  bool in = false;
  for (std::size_t i = 0, j = r.size() - 1; i < r.size(); j = i++) {
    if ((r[i].lat > p.lat) != (r[j].lat > p.lat) &&
        p.lon < (r[j].lon - r[i].lon) * (p.lat - r[i].lat) / (r[j].lat - r[i].lat) + r[i].lon)
      in = !in;
  }
  return in;
}

}  // namespace

bool point_in_area(LonLat p, const MultiPolygon& area) {
  for (const Polygon& poly : area) {
    if (poly.rings.empty() || !in_ring(p, poly.rings[0])) continue;
    bool in_hole = false;
    for (std::size_t i = 1; i < poly.rings.size() && !in_hole; ++i)
      in_hole = in_ring(p, poly.rings[i]);
    if (!in_hole) return true;
  }
  return false;
}

std::string admin_key(const std::string& admin_text) {
  // The first named unit: before a bracket, comma or " / ".
  std::string t = admin_text.substr(0, admin_text.find_first_of("(,/"));
  std::string k = normalize_name(t);
  strip_area_word(k);
  return sound_key(k);
}

bool is_area_kind(const Place& p) {
  return p.kind == "region" || p.kind == "district" || p.kind == "country";
}

bool country_matches(const Place& p, const std::string& iso2) {
  if (iso2.empty()) return true;
  // Reference rows on a border carry "KG|TJ".
  for (std::size_t i = 0; i + iso2.size() <= p.country.size(); i += 3)
    if (p.country.compare(i, iso2.size(), iso2) == 0) return true;
  return false;
}

bool names_district(const std::string& key) {
  for (const std::string& word : split(key, ' '))
    for (std::string_view w : {"district", "raion", "rayon", "rayoni", "nohiya", "nohiyai"})
      if (word == w) return true;
  return false;
}

Context make_context(const Gazetteer::Index& index, const ResolveHints& hints) {
  Context ctx;
  ctx.index = &index;
  ctx.hints = &hints;
  ctx.wants_area = hints.wants_area;
  if (hints.region.empty()) return ctx;
  std::string k = normalize_name(hints.region);
  ctx.district_only = names_district(k);
  strip_area_word(k);
  if (k.empty()) return ctx;
  ctx.region_keys.push_back(sound_key(k));
  for (std::uint32_t e : index.find_sound(sound_key(k))) {
    const Place& p = index.place(index.entries[e].place);
    if (!is_area_kind(p) || !country_matches(p, hints.country)) continue;
    if (ctx.district_only && p.kind != "district") continue;
    // Every name of the region names it: "Sughd" also means "Leninabad".
    ctx.region_keys.push_back(admin_key(p.name));
    for (const auto& alt : p.alt_names) ctx.region_keys.push_back(admin_key(alt));
    if (p.area && !p.area->empty()) ctx.region_areas.push_back(p.area.get());
  }
  std::sort(ctx.region_keys.begin(), ctx.region_keys.end());
  ctx.region_keys.erase(std::unique(ctx.region_keys.begin(), ctx.region_keys.end()),
                        ctx.region_keys.end());
  return ctx;
}

int region_matches(const Place& p, const Context& ctx) {
  if (ctx.region_keys.empty()) return -1;
  auto known = [&](std::string_view key) {
    return !key.empty() &&
           std::binary_search(ctx.region_keys.begin(), ctx.region_keys.end(), key,
                              [](std::string_view a, std::string_view b) { return a < b; });
  };
  const Gazetteer::Index& ix = *ctx.index;
  // The district, or the rural community in its bracket, named: more specific.
  if (known(ix.admin2_of(p)) || known(ix.unit_of(p))) return 2;
  if (ctx.district_only) {
    if (p.kind == "district" && known(ix.base_of(p))) return 1;
    return p.admin2.empty() ? -1 : 0;  // in another district, or it does not say
  }
  if (known(ix.admin1_of(p))) return 1;
  if (is_area_kind(p) && known(ix.base_of(p))) return 1;
  if (p.point)
    for (const MultiPolygon* a : ctx.region_areas)
      if (point_in_area(*p.point, *a)) return 1;
  if (p.admin1.empty() && !p.point) return -1;
  return 0;
}

double hint_score(const Place& p, const Context& ctx, std::string* why) {
  const ResolveHints& h = *ctx.hints;
  double s = 0;
  auto say = [&](const std::string& w) {
    if (why) *why += (why->empty() ? "" : "; ") + w;
  };
  if (!h.country.empty()) {
    if (country_matches(p, h.country)) {
      s += 0.2;
      say("in " + h.country + " as hinted");
    } else {
      s -= 0.4;
    }
  }
  if (int rm = region_matches(p, ctx); rm >= 1) {
    s += rm == 2 ? 0.25 : 0.2;
    say("in " + h.region + " as hinted");
  } else if (rm == 0) {
    s -= 0.1;
  }
  if (!h.near.empty() && p.point) {
    double best = 1e12;
    for (LonLat q : h.near) best = std::min(best, geodesic_distance(*p.point, q));
    double km = best / 1000;
    if (km < 30)
      s += 0.15;
    else if (km < 100)
      s += 0.1;
    else if (km < 300)
      s += 0.03;
    else if (km > 1000)
      s -= 0.05;
    if (km < 100) say("near the other places of the text");
  }
  return s;
}

constexpr double kPopulationFloor = 1000;
constexpr double kPerTenfold = 0.03;

bool is_curated(const Place& p) {
  return p.source.find("GeoNames") == std::string::npos && p.id.rfind("admin1:", 0) != 0;
}

double prior_score(const Place& p, const Context& ctx) {
  double s = 0;
  const bool area = is_area_kind(p);
  if (ctx.wants_area)
    s += !area                                         ? -0.25
         : ctx.area_level == 2 && p.kind != "district" ? 0
         : ctx.area_level == 1 && p.kind == "district" ? 0
                                                       : 0.25;
  else if (p.kind == "region")
    s -= 0.12;                    // "Osh" is the city, "Osh region" the area
  else if (p.kind == "country")   // "Armenia" is the country, not the Colombian
    s += 0.05 + 4 * kPerTenfold;  // town: a country outweighs a 10-million city
  else if (area)
    s -= 0.05;
  if (ctx.wants_settlement && area) s -= 0.1;
  // Priors: curated reference rows over bulk GeoNames rows, located over
  // unlocated, bigger over smaller (GeoNames' population when present).
  if (is_curated(p)) s += 0.04;
  if (p.point) s += 0.03;
  // A town named like its province is usually its capital (Kabul, Osh).
  if (!area && !p.admin1.empty() && ctx.index->admin1_of(p) == ctx.index->base_of(p)) s += 0.03;
  // A bare name is rather a settlement than a river or a facility.
  if (p.kind == "city" || p.kind == "town" || p.kind == "village" || p.kind == "enclave")
    s += 0.02;
  else if (!area)
    s -= 0.03;
  // Bigger over smaller: Paris is the French capital, not the Texan town. An
  // unknown population counts as GeoNames' floor (1,000), not as zero.
  const auto population = static_cast<double>(p.population);
  if (!area && population > kPopulationFloor)
    s += kPerTenfold * std::log10(population / kPopulationFloor);
  return s;
}

std::string fuzzy_doubt(const Place& top, bool spelled_elsewhere, const ResolveHints& hints,
                        const Context& ctx) {
  if (spelled_elsewhere)
    return "spelled exactly like a place outside " + hints.country + "; nearest spellings in " +
           hints.country + " listed";
  if (!hints.country.empty() || is_curated(top)) return {};
  if (region_matches(top, ctx) > 0) return {};
  // Further than this from every other place of the text: another continent.
  constexpr double kFarM = 3'000'000;
  bool near_one = top.point && std::any_of(hints.near.begin(), hints.near.end(), [&](LonLat q) {
                    return geodesic_distance(*top.point, q) < kFarM;
                  });
  if (near_one) return {};
  return hints.near.empty()
             ? "no exact spelling and no country to place a near spelling; candidates listed"
             : "the nearest spelling is far from the text's other places; candidates listed";
}

// "US", "UN", "EU", "NATO": capitals throughout and short. Such a word is
// an abbreviation, not a place name written in capitals (headlines write
// "KOLKAND", which is longer).
bool is_acronym(std::string_view name) {
  return name.size() >= 2 && name.size() <= 4 &&
         std::all_of(name.begin(), name.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// An acronym is a place only when the place itself is written so (a
// country's "USA"); never by a lower-case namesake ("Eu") or a sound-alike.
Resolution acronym_only(Resolution r, std::string_view name) {
  auto written_so = [&](const Place* p) {
    return p && (p->name == name ||
                 std::find(p->alt_names.begin(), p->alt_names.end(), name) != p->alt_names.end());
  };
  if (written_so(r.place)) return r;
  // Wire datelines write cities in capitals ("BAKU, 13 Sept", "OSH"): a
  // large city spelled exactly so, in any case, is taken; no abbreviation
  // in the news (US, UN, EU, NATO) is a city of 100,000.
  constexpr long kDatelineCity = 100000;
  auto same_letters = [&](const std::string& n) {
    return normalize_name(n) == normalize_name(name);
  };
  if (r.place && r.place->population >= kDatelineCity &&
      (same_letters(r.place->name) ||
       std::any_of(r.place->alt_names.begin(), r.place->alt_names.end(), same_letters)))
    return r;
  Resolution out;
  out.query = r.query;
  out.candidates = r.place ? std::vector<const Place*>{r.place} : r.candidates;
  out.note = "'" + std::string(name) + "' reads as an acronym; no place is written so";
  return out;
}

}  // namespace bm
