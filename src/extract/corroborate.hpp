#pragma once
// Places whose country the article never names ("Chaman", "Spin Boldak" in
// a story that says neither Pakistan nor Afghanistan) are left unresolved by
// find_places, so a name matched by chance on another continent is never
// taken. The article may still say where they are; this pass takes them then.
#include <vector>

#include "extract/places.hpp"

namespace bm::extract {

// Resolves a mention left with `unnamed_country` candidates when
//  - a border or named line of the article runs along the candidate's
//    country ("the Line of Control" names India and Pakistan), or
//  - another place of the article, of another name, lies within
//    `corroboration_km` of it (two exact names of one small area seldom
//    match together by chance), preferring the nearest such candidate.
// `borders` are the article's border and line mentions (find_borders).
void corroborate_places(std::vector<PlaceMention>& places,
                        const std::vector<PlaceMention>& borders);

inline constexpr double corroboration_km = 150.0;

}  // namespace bm::extract
