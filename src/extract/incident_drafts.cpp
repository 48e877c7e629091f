#include "extract/incident_drafts.hpp"

#include <algorithm>

#include "extract/borders.hpp"
#include "extract/merge.hpp"

namespace bm::extract {

std::string CountryNames::operator()(const std::string& iso) const {
  auto it = written.find(iso);
  return it == written.end() ? lookup->country_name(iso) : it->second;
}

SentenceDate date_of_sentence(const DateMention* when, const DateMention* para_date,
                              const DateMention* lead_date, const DateMention* story_date,
                              const std::string& pub) {
  std::optional<Ymd> pub_ymd = parse_iso(pub);
  SentenceDate d;
  if (when) {
    d.range = when->range;
  } else if (para_date) {
    d.range = para_date->range;
    d.note = "date from an earlier sentence of the paragraph (\"" + para_date->text + "\")";
  } else if (lead_date) {
    d = {lead_date->range,
         "no date in the sentence: the date of the article's lead (\"" + lead_date->text + "\")",
         true};
  } else if (story_date) {
    d = {story_date->range,
         "no date in the sentence: the date the article gives the event later (\"" +
             story_date->text + "\")",
         true};
  } else if (pub_ymd) {
    long p = days_from_civil(*pub_ymd);
    // ("week": a window the text does not state, unlike a told range)
    d = {{to_iso(civil_from_days(p - 7)), pub, "week"},
         "no date in the sentence: within the week before publication",
         true};
  } else {
    d = {{}, std::string(kUndatedNote), true};
  }
  return d;
}

DraftIncident place_draft(const PlaceMention& m, const SentenceDate& sd, const CountryNames& names,
                          const std::string& source) {
  DraftIncident d;
  Incident& inc = d.incident;
  inc.date = sd.range;
  inc.place = m.text;  // as written; the gazetteer's name goes to resolved_name
  inc.country = m.country;
  if (auto pair = country_pair(m.text); !pair.first.empty()) {
    // "the Armenian-Azerbaijani border": a whole border, no location.
    inc.place = names(pair.first) + "-" + names(pair.second) + " border";
    inc.country.clear();
    inc.resolve_note = "names only the border of two countries (\"" + m.text + "\")";
  } else if (m.place && m.place->kind == "country") {
    // A country is not a location: leave the row for the analyst to place.
    inc.country = m.place->country;
    inc.resolve_note = "names only the country " + m.place->name;
  } else if (m.place) {
    inc.admin1 = m.place->admin1;
    inc.location = m.place->point;
    inc.precision = m.precision;
    inc.place_id = m.place->id;
    inc.resolved_name = m.place->name;
  } else if (m.area) {
    // Not in the gazetteer, but in an area that is: placed there, region precision.
    inc.admin1 = m.area->admin1;
    inc.location = m.area->point;
    inc.precision = GeoPrecision::region;
    inc.country = m.area->country;
    inc.resolve_note = m.note + "; placed at the area it lies in (" + m.area_text + ")";
  } else {
    inc.resolve_note = m.note;
  }
  inc.notes = sd.note;
  d.date_borrowed = sd.borrowed;
  if (m.place && m.place->kind == "country")
    inc.notes += (inc.notes.empty() ? "" : "; ") + inc.resolve_note + ": not located";
  if (!m.place)
    inc.notes += (inc.notes.empty() ? "" : "; ") + std::string("unresolved place: ") +
                 (m.area ? "not in the gazetteer: placed at the area it lies in (" + m.area_text +
                               "), region precision"
                         : m.note);
  inc.sources.push_back(source);
  return d;
}

DraftIncident subevent_draft(const ClaimMention& cm, const std::vector<PlaceMention*>& in_sentence,
                             const SentenceDate& sd, const std::string& source) {
  DraftIncident d;
  Incident& inc = d.incident;
  inc.date = sd.range;
  inc.place = cm.subevent;
  inc.event_type = "casualty_report";
  auto named = std::find_if(in_sentence.begin(), in_sentence.end(), [&](const PlaceMention* m) {
    return m->place && !m->is_country && m->begin >= cm.sub_begin && m->end <= cm.sub_end;
  });
  if (named != in_sentence.end()) {
    const PlaceMention& m = **named;
    inc.place = m.text;
    inc.country = m.country;
    inc.admin1 = m.place->admin1;
    inc.location = m.place->point;
    inc.precision = m.precision;
    inc.place_id = m.place->id;
    inc.resolved_name = m.place->name;
    inc.notes = "part of a larger figure, at the place it names (\"" + cm.subevent + "\")";
  } else {
    inc.resolve_note = "a sub-event the text names no place for";
    inc.notes =
        "sub-event of a larger figure (\"" + cm.subevent + "\"): no place named, not located";
  }
  if (!sd.note.empty()) inc.notes += "; " + sd.note;
  inc.sources.push_back(source);
  d.evidence.push_back({source, cm.sub_begin, cm.sub_end, "event", cm.subevent});
  add_claim(d, cm, source);
  return d;
}

void ConflictTotals::add(const ClaimMention& cm, const DateMention* stated, const std::string& pub,
                         const std::string& conflict_name, const CountryNames& names,
                         const std::string& source) {
  bool moved = cm.claim.kind == "evacuated" || cm.claim.kind == "displaced";
  // The day the figure was stated: a date in the sentence within the
  // week before publication ("On Sunday, Kyrgyzstan said"), else publication.
  DateRange day = pub.empty() ? DateRange{} : DateRange{pub, pub, "day"};
  std::optional<Ymd> pub_ymd = parse_iso(pub);
  if (stated && stated->range.precision == "day" && pub_ymd) {
    auto w = parse_iso(stated->range.start);
    long lag = w ? days_from_civil(*pub_ymd) - days_from_civil(*w) : -1;
    if (lag >= 0 && lag <= 7) day = stated->range;
  }
  std::string side = cm.claim.side == "unknown" || cm.claim.side == "both" ? "" : cm.claim.side;
  DraftIncident& t = totals_[side + "|" + day.start + "|" + (moved ? "e" : "c")];
  if (t.incident.event_type.empty()) {
    t.incident.event_type = moved ? "evacuation" : "casualty_report";
    t.incident.date = day;
    t.incident.country = side;
    t.incident.place = side.empty() ? conflict_name : names(side);
  }
  add_claim(t, cm, source);
}

void ConflictTotals::finish(std::vector<DraftIncident>& out, const std::string& source) {
  for (auto& [key, t] : totals_) {
    Incident& inc = t.incident;
    inc.sources.push_back(source);
    inc.notes = inc.country.empty() ? "figures for the whole conflict (both sides or side not "
                                      "stated); not pinned to one place"
                                    : "figures for one side of the whole conflict as stated that "
                                      "day; not pinned to one place";
    inc.resolve_note = "conflict-wide";
    out.push_back(std::move(t));
  }
  totals_.clear();
}

}  // namespace bm::extract
