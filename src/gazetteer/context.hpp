#pragma once
// What the hints say about a candidate place: country, admin-1/district,
// proximity to places already resolved, and the kind of feature wanted.
#include <string>
#include <string_view>
#include <vector>

#include "gazetteer/gazetteer.hpp"

namespace bm {

struct Context {
  const Gazetteer::Index* index = nullptr;
  const ResolveHints* hints = nullptr;
  bool wants_area = false;
  bool wants_settlement = false;  // "village of X", "X town"
  // The region hint says "district" ("Batken District"): only a district
  // matches it, not the admin-1 region of the same name.
  bool district_only = false;
  // Which area the name's own generic word asks for: 2 a district ("Batken
  // District"), 1 a region ("Batken region", "Sughd oblast"), 0 either.
  // A district and its region of the same name are then told apart.
  int area_level = 0;
  std::vector<std::string> region_keys;           // sound keys naming the hinted region
  std::vector<const MultiPolygon*> region_areas;  // its polygons, when known
};

// True when the normalised text has a word for a district ("district",
// "raion", "rayon", "nohiya").
bool names_district(const std::string& key);

// Builds the region part of the context by resolving hints.region among the
// gazetteer's regions and districts.
Context make_context(const Gazetteer::Index& index, const ResolveHints& hints);

bool is_area_kind(const Place& p);
// A row of the curated reference (or a country), not bulk GeoNames or Natural Earth.
bool is_curated(const Place& p);
bool country_matches(const Place& p, const std::string& iso2);
// 2: the place's district is the hinted one, 1: it lies in the hinted
// region, 0: it lies elsewhere, -1: no hint or the place says nothing.
int region_matches(const Place& p, const Context& ctx);
// What the hints add to a candidate's score; `why` collects what matched.
double hint_score(const Place& p, const Context& ctx, std::string* why);
// Priors independent of the hints: feature kind wanted, curated rows,
// located rows, population.
double prior_score(const Place& p, const Context& ctx);

// Why a fuzzy best match is no answer, or "" when it may stand: the name is
// spelled exactly like a place in another country than the hinted one
// (`spelled_elsewhere`: "Kolkand" with UZ is not Kokand), or no country is
// hinted and the match is a bulk row far (another continent) from the
// text's other places, or with nothing at all to place it by.
std::string fuzzy_doubt(const Place& top, bool spelled_elsewhere, const ResolveHints& hints,
                        const Context& ctx);

// "US", "UN", "EU", "NATO": 2-4 capitals. Such a word is an abbreviation,
// not a place name in capitals (headlines write "KOLKAND", which is longer).
bool is_acronym(std::string_view name);
// `r` when its place is written exactly as the acronym `name` (a country's
// "USA"), else unresolved with `r`'s place among the candidates.
Resolution acronym_only(Resolution r, std::string_view name);

bool point_in_area(LonLat p, const MultiPolygon& area);
// The sound key of an admin text such as "Batken District (Ak-Sai aiyl okrug)".
std::string admin_key(const std::string& admin_text);

}  // namespace bm
