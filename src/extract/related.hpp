#pragma once
// Links to other stories inside a page ("READ MORE: ...", "Related: ...")
// are headlines of other articles: their tolls and places are not this
// article's. They are dropped before any other pass and reported.
#include <string>
#include <string_view>
#include <vector>

#include "extract/text.hpp"

namespace bm::extract {

// Removes the sentences that are related-story links; returns their text.
std::vector<std::string> drop_related_headlines(std::string_view text,
                                                const std::vector<Token>& toks,
                                                std::vector<Sentence>& sents);

}  // namespace bm::extract
