#pragma once
// How find_places chooses among the gazetteer's answers by what the article
// says around a name: hints after it ("Y region", ", Z", "(Z)"), the
// countries the article names, a region that frames the sentence, and
// nearness to the other places it names.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/place_lookup.hpp"
#include "extract/places.hpp"
#include "extract/text.hpp"

namespace bm::extract {

// The text of tokens [a, b), without a trailing possessive 's.
std::string span_text(std::string_view text, const std::vector<Token>& toks, std::size_t a,
                      std::size_t b);

bool area_kind(const Place& p);
bool is_settlement_kind(const Place& p);

// The places of exactly this name (not near spellings) among `places`.
std::vector<const Place*> exact_homonyms(const std::string& name,
                                         const std::vector<const Place*>& places);

// The gazetteer's answer and its runners-up of the very same name (not
// near spellings): the homonyms a later pass may choose among.
std::vector<const Place*> same_name(const LookupResult& r);

// Local hints after a name: "in the Y region of Z", "Y region", ", Z", "(Z)".
struct Hints {
  std::string country;
  std::string region;
};
Hints local_hints(std::string_view text, const std::vector<Token>& toks, std::size_t from,
                  std::size_t last, const PlaceLookup& lookup);

// The candidate of `best` in a country the article names (or the hint's),
// with its score; a score of 0 or less: none is in such a country.
std::pair<const Place*, int> pick_by_context(const LookupResult& best,
                                             const CountryCounts& countries, const Hints& h,
                                             bool settlement_before, const PlaceLookup& lookup);

// A region opening the sentence ("In Thailand's Sisaket province, ...")
// leaves unresolved the places the gazetteer put outside it.
void frame_check(PlaceScan& scan, const std::vector<Token>& toks,
                 const std::vector<Sentence>& sentences);

// Names two places share ("Kok-Tash"): the one near the other places the
// article names.
void choose_by_nearness(PlaceScan& scan, const PlaceLookup& lookup);

}  // namespace bm::extract
