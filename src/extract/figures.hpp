#pragma once
// Casualty and displacement figures with their range, whose people they are
// and who says so. Each becomes a Claim carrying the sentence as its quote.
#include <string>
#include <vector>

#include "core/model.hpp"
#include "extract/place_lookup.hpp"
#include "extract/text.hpp"

namespace bm::extract {

struct Attribution {
  std::string claimant;  // as written, e.g. "the Kyrgyz health ministry"
  std::size_t begin = 0, end = 0;
  std::string country;  // ISO2 (or "both") the claimant speaks for, if any
  std::string how;      // said, according_to, citing, as_per, pronoun
};

struct ClaimMention {
  Claim claim;
  std::size_t sentence = 0;
  std::size_t begin = 0, end = 0;              // the figure ("at least 24 people have been killed")
  std::size_t quote_begin = 0, quote_end = 0;  // the sentence
  std::size_t claimant_begin = 0, claimant_end = 0;
  bool side_inferred = false;  // side taken from the claimant, not the words
  bool own_side = false;       // "nine of its fighters": the claimant's own people
  bool no_state = false;       // people of a group of no state ("TTP fighters"): no side
  bool total = false;          // "death toll", "in total", "so far", "both sides"
  bool increment = false;      // "13 more deaths, taking the toll to 59": added to a toll
  bool told_again = false;     // a headline's figure the body tells again: drafted there
  std::string subevent;        // "including 15 in a mosque": the sub-event's words
  std::size_t sub_begin = 0, sub_end = 0;
};

// Who a sentence attributes its statements to; `previous` resolves "it said".
Attribution find_attribution(std::string_view text, const std::vector<Token>& toks,
                             const Sentence& s, const Attribution& previous,
                             const PlaceLookup& lookup);

// "..., and a Taliban spokesman said two Afghan soldiers were killed": the
// speaker of a later clause, who gives the figures told after its verb
// (`from`, a byte offset); an empty claimant when the sentence has none.
Attribution clause_speaker(std::string_view text, const std::vector<Token>& toks, const Sentence& s,
                           const Attribution& first, const PlaceLookup& lookup, std::size_t& from);

// A line that heads a list with one country ("Kyrgyzstan:", "Tajik side:"):
// its ISO2, else empty. Figures in the lines below are that country's.
std::string side_header(const std::vector<Token>& toks, const Sentence& s);

// Figures in one sentence. Token indices in `skip` (dates) are not numbers.
std::vector<ClaimMention> find_claims(std::string_view text, const std::vector<Token>& toks,
                                      const Sentence& s, std::size_t sentence_index,
                                      const Attribution& who, const std::vector<bool>& skip);

}  // namespace bm::extract
