#pragma once
// The role of each place in a sentence (incident, context, venue, actor,
// mention; see places.hpp): from the words around it and from the places
// next to it.
#include <string_view>
#include <vector>

#include "extract/events.hpp"
#include "extract/places.hpp"
#include "extract/text.hpp"

namespace bm::extract {

// `in_sentence`: the sentence's places in text order. `has_claims`: the
// sentence reports a figure (so a locative makes a place a scene).
void assign_roles(const std::vector<PlaceMention*>& in_sentence, const std::vector<Token>& toks,
                  const Sentence& s, const SentenceEvents& ev, bool has_claims);

// "'s southwestern", "eastern ": at most two lower-case words, each followed
// by a space, after an optional "'s " (what may stand between a country and
// a place it locates).
bool few_lower_words(std::string_view gap);

}  // namespace bm::extract
