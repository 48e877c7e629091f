#pragma once
// Merging: a figure into a draft (a repeated figure makes one claim), an
// undated mention into the dated draft of its place, and the drafts of
// several articles into one list.
#include <string>
#include <vector>

#include "extract/draft.hpp"

namespace bm::extract {

// A plain id part from a name ("Kok-Tash" -> "kok-tash").
std::string slug(const std::string& s);

void add_claim(DraftIncident& d, const ClaimMention& cm, const std::string& source);

// A draft of a place whose date was borrowed (a headline) joins a draft of
// the same place the article dates itself; the joined ones are removed.
void join_undated_mentions(std::vector<DraftIncident>& drafts, const std::string& source);

}  // namespace bm::extract
