#pragma once
// What the hints say about a candidate place: country, admin-1/district,
// proximity to places already resolved, and the kind of feature wanted.
#include <string>
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
bool country_matches(const Place& p, const std::string& iso2);
// 2: the place's district is the hinted one, 1: it lies in the hinted
// region, 0: it lies elsewhere, -1: no hint or the place says nothing.
int region_matches(const Place& p, const Context& ctx);
// What the hints add to a candidate's score; `why` collects what matched.
double hint_score(const Place& p, const Context& ctx, std::string* why);
// Priors independent of the hints: feature kind wanted, curated rows,
// located rows, population.
double prior_score(const Place& p, const Context& ctx);

bool point_in_area(LonLat p, const MultiPolygon& area);
// The sound key of an admin text such as "Batken District (Ak-Sai aiyl okrug)".
std::string admin_key(const std::string& admin_text);

}  // namespace bm
