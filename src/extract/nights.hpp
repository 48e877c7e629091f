#pragma once
// A night straddles two calendar days, and reports seldom say on which side
// of midnight something happened. The convention (docs/extract-eval.md,
// "Nights"): a night told from the day after it ("overnight", "last night",
// "overnight into 16 September", Russian "в ночь на 16 сентября") is the
// interval of its two days; a night the writer names by one day ("on the
// night of 15 June", "Friday night") is that day, as written.
#include <vector>

#include "extract/dates.hpp"
#include "extract/text.hpp"

namespace bm::extract {

// Rewrites the sentence's date mentions for the nights it tells of:
//  - "overnight into D", "the night to D", "в ночь на D": D-1 .. D;
//  - "the night of D1 to D2", "the night from Thursday to Friday": D1 .. D2;
//  - "overnight", "last night" in a sentence that says when it was said
//    ("..., the ministry said on 15 June"): the night before that day (the
//    date finder read them against publication).
// A date folded into another mention's interval is emptied (it was told
// within it).
void read_nights(const std::vector<Token>& toks, const Sentence& s,
                 std::vector<DateMention>& dates);

}  // namespace bm::extract
