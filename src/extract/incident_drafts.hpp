#pragma once
// The drafts one sentence makes: an incident at a place it names, a
// sub-event of a larger figure ("including 15 in a mosque"), and the
// conflict-wide figures of one side and day, pinned to no place.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "extract/dates.hpp"
#include "extract/draft.hpp"

namespace bm::extract {

// Country names as the article writes them ("Kyrgyz"), else the bundle's.
struct CountryNames {
  std::map<std::string, std::string> written;
  const PlaceLookup* lookup = nullptr;
  std::string operator()(const std::string& iso) const;
};

// The date of a sentence's drafts and, when not its own, where it came from.
struct SentenceDate {
  DateRange range;
  std::string note;
  bool borrowed = false;  // the lead's, the story's or the week before publication
};

// The sentence's own date (`when`), else its paragraph's, the lead's, the
// story's, else the week before publication; with a note saying which.
SentenceDate date_of_sentence(const DateMention* when, const DateMention* para_date,
                              const DateMention* lead_date, const DateMention* story_date,
                              const std::string& pub);

// A new draft at place mention `m` (a place, a country, a whole border or
// an unresolved name), with no claims yet.
DraftIncident place_draft(const PlaceMention& m, const SentenceDate& sd, const CountryNames& names,
                          const std::string& source);

// "including 15 in a mosque hit by a drone", "(Town A 4,100 people, ...)":
// a draft of its own, at the place its words name, else unlocated with why.
DraftIncident subevent_draft(const ClaimMention& cm, const std::vector<PlaceMention*>& in_sentence,
                             const SentenceDate& sd, const std::string& source);

// Conflict-wide figures, one report per (side, day of the statement, kind class).
class ConflictTotals {
 public:
  // `stated`: the sentence's date of the statement, if any.
  void add(const ClaimMention& cm, const DateMention* stated, const std::string& pub,
           const std::string& conflict_name, const CountryNames& names, const std::string& source);
  // Appends the reports to `out`, with their notes.
  void finish(std::vector<DraftIncident>& out, const std::string& source);

 private:
  std::map<std::string, DraftIncident> totals_;
};

}  // namespace bm::extract
