#pragma once
// "2,300 refugees had crossed into Ethiopia": people who crossed into one
// country of a two-country story came from the other one.
#include <vector>

#include "extract/figures.hpp"
#include "extract/places.hpp"

namespace bm::extract {

void sides_of_crossings(std::vector<std::vector<ClaimMention>>& claims,
                        const std::vector<Token>& toks, const std::vector<PlaceMention>& places);

}  // namespace bm::extract
