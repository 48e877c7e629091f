#pragma once
// Quantities as news writes them: digits ("137,000", "1.5 million"), words
// ("two dozen", "thirty-five"), vague plurals ("dozens", "tens of thousands")
// and range modifiers ("at least", "nearly", "about", "more than").
#include <optional>
#include <string>
#include <vector>

#include "extract/text.hpp"

namespace bm::extract {

struct Quantity {
  std::size_t first = 0;  // token range [first, last) including the modifier
  std::size_t last = 0;
  std::optional<long> low;
  std::optional<long> high;
  bool approx = false;
  std::string modifier;  // "at least", "about", ... as matched (lower case)
};

// A quantity starting at token i (modifier included), or nullopt. Years and
// clock times are not quantities; neither are lone "a"/"an".
std::optional<Quantity> parse_quantity(const std::vector<Token>& toks, std::size_t i,
                                       std::size_t last);

}  // namespace bm::extract
