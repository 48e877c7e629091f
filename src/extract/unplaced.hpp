#pragma once
// Fighting an article dates but places nowhere ("The fighting started on
// Wednesday ..."): a draft at the border of the article's two countries,
// unlocated, so the day is not lost from the story.
#include <string>
#include <vector>

#include "extract/dates.hpp"
#include "extract/draft.hpp"
#include "extract/events.hpp"

namespace bm::extract {

// Whether the event cue nearest to the date is fighting ("The fighting
// started on Wednesday"), not talks or a ceasefire ("agreed a ceasefire on
// Friday, despite claims of shelling").
bool dates_fighting(const SentenceEvents& ev, const DateMention& when);

// One unlocated draft at `conflict_name` ("Kyrgyzstan-Tajikistan border").
DraftIncident border_event_draft(const std::string& conflict_name, const DateMention& when,
                                 const std::string& source);

// For each date of a sentence that tells of fighting and names no scene, a
// border draft — unless a draft of the article (one with no figures or with
// an event's) already covers that day. Nothing without a border of two
// countries (`conflict_name` empty).
void draft_unplaced_fights(std::vector<DraftIncident>& drafts,
                           const std::vector<const DateMention*>& fights,
                           const std::string& conflict_name, const std::string& source);

}  // namespace bm::extract
