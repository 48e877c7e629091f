#pragma once
// Place names in article text: candidate spans (capitalised runs, Cyrillic
// words, "X region", "the village of X", possessives) looked up through
// PlaceLookup, disambiguated by the countries and regions the article names,
// and classed as incident locations or mere mentions.
#include <map>
#include <string>
#include <vector>

#include "core/model.hpp"
#include "extract/place_lookup.hpp"
#include "extract/text.hpp"

namespace bm::extract {

struct PlaceMention {
  std::size_t begin = 0, end = 0;   // byte offsets of the name as written
  std::size_t first = 0, last = 0;  // token range
  std::size_t sentence = 0;
  std::string text;
  std::string query;             // what was looked up ("Batken region")
  const Place* place = nullptr;  // null: a country or unresolved
  std::string country;           // ISO2 of the place, or of the country named
  bool is_country = false;
  GeoPrecision precision = GeoPrecision::unknown;
  // incident: the text says something happened there; venue: a meeting
  // place; actor: the name stands for a government ("Bishkek said");
  // mention: anything else. Countries are never incident locations.
  std::string role = "mention";
  std::string note;  // why unresolved, which hint decided, ...
  // An unresolved place the text puts in a resolved area ("Barakat Noreen
  // in the disputed al-Fashaga area"): its draft is placed at the area.
  const Place* area = nullptr;  // (the gazetteer's, which outlives every mention)
  std::string area_text;
  std::string border;  // "KG-TJ": the mention names the border of two countries
  bool line = false;   // ... as a named line ("Line of Actual Control")
  // The gazetteer knows several places of this name and the article gave
  // nothing to choose by: a later pass may choose by nearness.
  bool ambiguous = false;
  // Exact matches left unresolved only because the article never names
  // their country: corroborate_places may still take one.
  std::vector<const Place*> unnamed_country;
  // Listed only for corroborate_places: homonyms in countries the article
  // never names; dropped when none is corroborated.
  bool tentative = false;
};

// A mention of tokens first..last (exclusive) of sentence `sentence`, its
// text as written and looked up as such.
PlaceMention span_mention(std::string_view text, const std::vector<Token>& toks, std::size_t first,
                          std::size_t last, std::size_t sentence);

// Countries named in the document (names and demonyms) with counts.
using CountryCounts = std::map<std::string, int>;

struct PlaceScan {
  std::vector<PlaceMention> places;
  CountryCounts countries;
};

PlaceScan find_places(std::string_view text, const std::vector<Token>& toks,
                      const std::vector<Sentence>& sentences, const PlaceLookup& lookup);

// ISO2 named by the words in [first, last) (demonyms, country names), first hit.
std::string country_in(const std::vector<Token>& toks, std::size_t first, std::size_t last);

}  // namespace bm::extract
