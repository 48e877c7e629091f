#pragma once
// Borders and named lines as places: "the Kyrgyz–Tajik border", "the
// Armenia-Azerbaijan frontier", "the Line of Actual Control (LAC)", "the
// Durand Line". A border is listed as the border of its two countries, never
// as one of them; it has no point of its own (the link stage finds segments).
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/places.hpp"
#include "extract/text.hpp"

namespace bm::extract {

// Border and line mentions in the sentences, in text order. `sentence` is set;
// `border` holds the two countries ("KG-TJ", sorted) and `line` the kind.
std::vector<PlaceMention> find_borders(std::string_view text, const std::vector<Token>& toks,
                                       const std::vector<Sentence>& sents);

// Adds the border mentions to `places` (sorted by position); a place mention
// that already covers the same words takes the border instead of a copy.
void merge_borders(std::vector<PlaceMention>& places, std::vector<PlaceMention> borders);
// The same for mentions in any order: each border scans every place (what
// merge_borders falls back to, and the rule its one-pass merge must match).
void merge_borders_unsorted(std::vector<PlaceMention>& places, std::vector<PlaceMention> borders);

// "Armenian-Azerbaijani", "Kyrgyz–Tajik": the ISO2 codes of two countries
// joined by a hyphen or dash; empty when the text is anything else.
std::pair<std::string, std::string> country_pair(const std::string& text);

}  // namespace bm::extract
