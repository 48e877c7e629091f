#pragma once
// Which date is the event's: the day a statement was made ("said on
// Wednesday") and the dateline's own date are not; the story's date is the
// first date of a sentence telling of violence.
#include <string>
#include <string_view>
#include <vector>

#include "extract/dates.hpp"
#include "extract/text.hpp"

namespace bm::extract {

// "said on April 30", "reported Tuesday": the date a statement was made.
bool statement_date(const std::vector<Token>& toks, const Sentence& s, const DateMention& dm);

// The dateline's own date ("Dec 12, 2022 - Indian and ...").
bool is_dateline(std::string_view text, const DateMention& dm);

// The first date the text writes in full (with its year), as ISO; empty if
// none. Anchors relative dates when the article has no publication date.
std::string first_full_date(std::string_view text, const std::vector<Token>& toks);

// The first event date of the story (see story_dates.cpp), or null.
const DateMention* find_story_date(std::string_view text, const std::vector<Token>& toks,
                                   const std::vector<Sentence>& sents,
                                   const std::vector<std::vector<DateMention>>& sent_dates,
                                   const std::string& pub);

// "said on Tuesday that troops had advanced": a pluperfect after the
// statement's date tells of something before that day, so the day it was
// said does not date it — unless the sentence tells of fighting or of dead
// and wounded, which are reported the day they happen.
bool told_as_earlier(const std::vector<Token>& toks, const Sentence& s, const DateMention& said);

// "Fighting began on 15 April ... and ended the next day", "broke out on 3
// May and lasted until 5 May": the first date becomes the interval (the
// second, when written, is folded into it).
void join_begin_end(const std::vector<Token>& toks, const Sentence& s,
                    std::vector<DateMention>& dates);

}  // namespace bm::extract
