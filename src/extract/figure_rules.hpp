#pragma once
// Rules that read one figure's surroundings, each a function of its own:
// increments of a toll, sub-events, breakdowns in parentheses, displacement
// and property wording, list headers that give a side. find_claims calls them.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/figures.hpp"
#include "extract/text.hpp"

namespace bm::extract {

// The sentence says a toll grew ("taking the total to 59", "has risen to 19").
bool toll_grows(const std::vector<Token>& toks, const Sentence& s);

// "13 more deaths", "an additional 13 people" in a sentence where a toll
// grows: the count [first, last) is added to a toll, it is not a toll.
bool increment_of_toll(const std::vector<Token>& toks, const Sentence& s, std::size_t first,
                       std::size_t last);

// "including 15 in a mosque hit by a drone": the token range of the
// sub-event's words after "in"/"at", or {0, 0}.
std::pair<std::size_t, std::size_t> subevent_span(const std::vector<Token>& toks, const Sentence& s,
                                                  std::size_t first, std::size_t last);

// "were forced to leave their homes", "fled the town" at token k.
bool leaves_home(const std::vector<Token>& toks, std::size_t k, std::size_t last);

// "were moved to temporary shelters", "taken to safer areas" at token k.
bool moved_to_safety(const std::vector<Token>& toks, std::size_t k, std::size_t last);

// "(Town A 4,100 people, Town B 2,300)" after the figure `of`: one figure
// per place, or none when the parenthesis is anything else.
std::vector<ClaimMention> breakdown(std::string_view text, const std::vector<Token>& toks,
                                    const Sentence& s, std::size_t from, const ClaimMention& of,
                                    const std::vector<bool>& skip);

// "210 houses had been destroyed", "damaged 23 houses": houses_destroyed or
// houses_damaged (kind_at set to the verb), else empty.
std::string property_damage(const std::vector<Token>& toks, const Sentence& s, std::size_t first,
                            std::size_t last, std::size_t& kind_at);

// "were taken to hospital", "admitted to hospitals", "remain in hospital",
// "hospitalised" at token k: the people are injured.
bool in_hospital(const std::vector<Token>& toks, std::size_t k, std::size_t last);

// "wounded people died": the verb's token after a kind word used as an
// adjective at k, or 0.
std::size_t verb_after_adjective(const std::vector<Token>& toks, std::size_t k, std::size_t last);

}  // namespace bm::extract
