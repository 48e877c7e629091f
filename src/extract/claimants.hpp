#pragma once
// The figures of every sentence with whose people they are and who says
// so, read across sentences: acronyms defined once and reused, "According
// to X:" heading a paragraph, a speaker's country from the places its name
// holds, list headers giving a side, and a headline's figure completed by
// the body that repeats it.
#include <map>
#include <string>
#include <vector>

#include "extract/figures.hpp"
#include "extract/places.hpp"

namespace bm::extract {

// "the Ministry of Emergency Situations (MoES)": acronym -> the name before it.
using Acronyms = std::map<std::string, std::string>;
Acronyms find_acronyms(std::string_view text, const std::vector<Token>& toks);

// "The MoES said": the claimant written as "Ministry of Emergency Situations (MoES)".
void expand_acronym(Attribution& a, const Acronyms& acronyms);

// Who a claimant speaks for when its words name no country: "the two
// governments" are both; "officials in <town>" the town's country.
std::string claimant_country(const Attribution& a, const std::vector<PlaceMention>& places,
                             std::size_t sentence);

// A line of its own that names a source and ends in ":" ("According to the
// Ministry of Health:"): the paragraph below is that source's.
bool claimant_header(const std::vector<Token>& toks, const Sentence& s, const Attribution& a);

// Evacuations, flight and damaged houses are the people of the places they
// happen in: when every place the sentence names lies in one country (a
// country counts where the sentence says "in" it).
void side_from_places(std::vector<ClaimMention>& claims, const std::vector<PlaceMention>& places,
                      const std::vector<Token>& toks, std::size_t sentence);

// A headline ("Azerbaijan says two soldiers wounded") repeats a figure the
// body tells with its source: both take the fuller claimant and the side.
void complete_headline_claims(std::vector<std::vector<ClaimMention>>& claims,
                              const std::vector<Token>& toks, const std::vector<Sentence>& sents);

// Every sentence's figures, attributed (see the rules above and figures.hpp).
std::vector<std::vector<ClaimMention>> gather_claims(std::string_view text,
                                                     const std::vector<Token>& toks,
                                                     const std::vector<Sentence>& sents,
                                                     const std::vector<bool>& skip,
                                                     const std::vector<PlaceMention>& places,
                                                     const PlaceLookup& lookup);

}  // namespace bm::extract
