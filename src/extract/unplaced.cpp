#include "extract/unplaced.hpp"

#include <algorithm>

namespace bm::extract {
namespace {

// Whether a draft that tells of an event (not only conflict-wide figures)
// covers the interval.
bool covered(const std::vector<DraftIncident>& drafts, const DateRange& r) {
  return std::any_of(drafts.begin(), drafts.end(), [&](const DraftIncident& d) {
    const Incident& inc = d.incident;
    bool event =
        inc.claims.empty() || std::any_of(inc.claims.begin(), inc.claims.end(),
                                          [](const Claim& c) { return c.scope == "event"; });
    return event && !inc.date.start.empty() && inc.date.start <= r.start && r.end <= inc.date.end;
  });
}

}  // namespace

bool dates_fighting(const SentenceEvents& ev, const DateMention& when) {
  const EventCue* nearest = nullptr;
  auto gap = [&](const EventCue& c) {
    return c.begin > when.begin ? c.begin - when.begin : when.begin - c.begin;
  };
  for (const EventCue& c : ev.cues)
    if (!nearest || gap(c) < gap(*nearest)) nearest = &c;
  return nearest && nearest->type != "talks" && nearest->type != "ceasefire";
}

DraftIncident border_event_draft(const std::string& conflict_name, const DateMention& when,
                                 const std::string& source) {
  DraftIncident d;
  d.incident.date = when.range;
  d.incident.place = conflict_name;
  d.incident.event_type = "armed_clash";
  d.incident.resolve_note = "the article names no scene: the border of its two countries";
  d.incident.notes =
      d.incident.resolve_note + ", at the story's date (\"" + when.text + "\"): not located";
  d.incident.sources.push_back(source);
  d.evidence.push_back({source, when.begin, when.end, "date", when.text});
  return d;
}

void draft_unplaced_fights(std::vector<DraftIncident>& drafts,
                           const std::vector<const DateMention*>& fights,
                           const std::string& conflict_name, const std::string& source) {
  if (conflict_name.empty()) return;
  for (const DateMention* when : fights)
    if (!covered(drafts, when->range))
      drafts.push_back(border_event_draft(conflict_name, *when, source));
}

}  // namespace bm::extract
