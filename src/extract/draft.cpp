#include "extract/draft.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <regex>
#include <set>

#include "extract/borders.hpp"
#include "extract/claimants.hpp"
#include "extract/corroborate.hpp"
#include "extract/lexicon.hpp"
#include "extract/merge.hpp"
#include "extract/nights.hpp"
#include "extract/related.hpp"
#include "extract/roles.hpp"
#include "extract/story_dates.hpp"
#include "extract/unplaced.hpp"
#include "gazetteer/normalize.hpp"

namespace bm::extract {
namespace {

// An incident's date and where it came from when not from its own sentence.
struct SentenceDate {
  DateRange range;
  std::string note;
  bool borrowed = false;  // the lead's, the story's or the week before publication
};

std::string primary_conflict(const CountryCounts& counts) {
  std::vector<std::pair<int, std::string>> v;
  for (const auto& [iso, n] : counts) v.push_back({-n, iso});
  std::sort(v.begin(), v.end());
  if (v.empty()) return {};
  if (v.size() == 1) return v[0].second;
  std::string a = v[0].second, b = v[1].second;
  if (b < a) std::swap(a, b);
  return a + "-" + b;
}

// Every place of the sentence names a whole border ("clashes on the
// Kyrgyzstan-Tajikistan border"): its figures are the conflict's, not one place's.
bool only_borders(const std::vector<PlaceMention*>& here) {
  return std::all_of(here.begin(), here.end(),
                     [](const PlaceMention* m) { return !country_pair(m->text).first.empty(); });
}

// "including 15 in a mosque hit by a drone", "(Town A 4,100 people, ...)":
// a draft of its own, at the place its words name, else unlocated with why.
DraftIncident subevent_draft(const ClaimMention& cm, const std::vector<PlaceMention*>& in_sentence,
                             const DateRange& date, const std::string& date_note,
                             const std::string& source) {
  DraftIncident d;
  Incident& inc = d.incident;
  inc.date = date;
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
  if (!date_note.empty()) inc.notes += "; " + date_note;
  inc.sources.push_back(source);
  d.evidence.push_back({source, cm.sub_begin, cm.sub_end, "event", cm.subevent});
  add_claim(d, cm, source);
  return d;
}

// "The two countries clashed between September 14 and 16" in an article
// whose figures are all conflict-wide and which names no scene: one draft
// of the article's border at the story's date, unlocated, so the dates of
// the fighting are not lost.
}  // namespace

DocExtraction extract_document(Document doc, const PlaceLookup& lookup,
                               const std::string& default_date) {
  DocExtraction x;
  x.doc = std::move(doc);
  const std::string& text = x.doc.text;
  x.publication_date = find_publication_date(text);
  x.date_from = "text";
  if (x.publication_date.empty() && !x.doc.meta_date.empty()) {
    x.publication_date = x.doc.meta_date;
    x.date_from = "html_meta";
  }
  if (x.publication_date.empty()) {
    x.publication_date = default_date;
    x.date_from = default_date.empty() ? "none" : "option";
  }
  const std::string& pub = x.publication_date;
  std::vector<Token> toks = tokenize(text);
  std::vector<Sentence> sents = split_sentences(text, toks);
  for (const auto& line : drop_related_headlines(text, toks, sents))
    x.rejected.push_back({x.doc.source, 0, line, "link to another story: not this article's"});
  if (sents.empty()) {
    x.rejected.push_back({x.doc.source, 0, x.doc.source, "no text in the article"});
    return x;
  }
  PlaceScan scan = find_places(text, toks, sents, lookup);
  x.places = std::move(scan.places);
  std::vector<PlaceMention> borders = find_borders(text, toks, sents);
  corroborate_places(x.places, borders);
  std::erase_if(x.places, [](const PlaceMention& m) { return m.tentative && !m.place; });
  std::string conflict = primary_conflict(scan.countries);
  // Country names as this article writes them, for conflict-wide reports.
  std::map<std::string, std::string> written;
  for (const auto& m : x.places)
    if (m.is_country && !written.contains(m.country)) written[m.country] = m.text;
  auto country_name = [&](const std::string& iso) {
    auto it = written.find(iso);
    return it == written.end() ? lookup.country_name(iso) : it->second;
  };
  std::string conflict_name = "conflict-wide";
  if (auto dash = conflict.find('-'); dash != std::string::npos)
    conflict_name = country_name(conflict.substr(0, dash)) + "-" +
                    country_name(conflict.substr(dash + 1)) + " border";

  // Relative dates ("on Friday", "15 April") are read against publication;
  // without it, against the first full date the article writes.
  std::string anchor = pub.empty() ? first_full_date(text, toks) : pub;
  std::vector<bool> skip(toks.size(), false);
  std::vector<std::vector<DateMention>> sent_dates(sents.size());
  for (std::size_t si = 0; si < sents.size(); ++si) {
    sent_dates[si] = find_dates(text, toks, sents[si].first, sents[si].last, anchor);
    join_begin_end(toks, sents[si], sent_dates[si]);
    read_nights(toks, sents[si], sent_dates[si]);
    for (const auto& dm : sent_dates[si]) {
      for (std::size_t k = sents[si].first; k < sents[si].last; ++k)
        if (toks[k].begin >= dm.begin && toks[k].end <= dm.end) skip[k] = true;
      x.dates.push_back(dm);
    }
  }
  std::optional<Ymd> pub_ymd = parse_iso(pub);

  std::vector<std::vector<ClaimMention>> sent_claims =
      gather_claims(text, toks, sents, skip, x.places, lookup);
  std::map<std::string, std::size_t> by_key;
  // Conflict-wide figures, one report per (side, day of the statement, kind class).
  std::map<std::string, DraftIncident> totals;
  std::size_t next_place = 0;
  const DateMention* para_date = nullptr;
  // The first dated sentence usually sets the time of the story; later
  // undated paragraphs tell the same story.
  const DateMention* lead_date = nullptr;
  std::vector<const DateMention*> fights;  // dated fighting told with no scene
  const DateMention* story_date = find_story_date(text, toks, sents, sent_dates, pub);
  for (std::size_t si = 0; si < sents.size(); ++si) {
    const Sentence& s = sents[si];
    SentenceEvents ev = find_events(toks, s.first, s.last);
    std::vector<ClaimMention>& claims = sent_claims[si];
    std::vector<PlaceMention*> in_sentence;
    // Places come in sentence order: walk them with one cursor.
    while (next_place < x.places.size() && x.places[next_place].sentence < si) ++next_place;
    for (std::size_t pi = next_place; pi < x.places.size() && x.places[pi].sentence == si; ++pi)
      in_sentence.push_back(&x.places[pi]);
    assign_roles(in_sentence, toks, s, ev, !claims.empty());
    // A headline's figure the body tells again is drafted there, once.
    for (auto& cm : claims)
      if (cm.told_again) {
        cm.claim.scope = "event";
        x.claims.push_back(cm);
        x.claim_notes.push_back("headline figure told again in the body: drafted there");
      }
    std::erase_if(claims, [](const ClaimMention& cm) { return cm.told_again; });
    std::vector<PlaceMention*> here;
    for (auto* m : in_sentence)
      if (m->role == "incident") here.push_back(m);
    // The sentence's date: its first resolved expression; background (long
    // before publication) sentences are not incidents of this article.
    // A statement's date ("the ministry said on April 30 that ... clashes,
    // which started on April 28") yields to the event's own date.
    const DateMention* when = nullptr;
    for (const auto& dm : sent_dates[si])
      if (!dm.range.start.empty() && !is_dateline(text, dm) &&
          (!when || statement_date(toks, s, *when)) && !(when && statement_date(toks, s, dm)))
        when = &dm;
    const DateMention* stated = when;
    for (const auto& dm : sent_dates[si])
      if (!dm.range.start.empty() && !is_dateline(text, dm) && statement_date(toks, s, dm)) {
        stated = &dm;
        break;
      }
    // "X said on Wednesday that two soldiers were killed": the day it was
    // said is not the event's when the article dates the event elsewhere.
    if (when && story_date && story_date != when && statement_date(toks, s, *when)) when = nullptr;
    // "said on Tuesday that troops had advanced": before the day it was said.
    if (when && statement_date(toks, s, *when) && told_as_earlier(toks, s, *when)) when = nullptr;
    bool background = false;
    if (when && pub_ymd) {
      auto end = parse_iso(when->range.end);
      background = end && days_from_civil(*pub_ymd) - days_from_civil(*end) > 60;
    }
    // A paragraph usually tells one story: an undated sentence takes the
    // date of an earlier sentence of its paragraph (a blank line ends it).
    // Headlines and datelines (lines without a full stop) stand alone.
    if (si > 0) {
      const std::string& end_tok = toks[sents[si - 1].last - 1].lower;
      bool full_stop = end_tok == "." || end_tok == "!" || end_tok == "?" || end_tok == "\"" ||
                       end_tok == "\xE2\x80\x9D";
      if (!full_stop || text.substr(sents[si - 1].end, s.begin - sents[si - 1].end).find("\n\n") !=
                            std::string::npos)
        para_date = nullptr;
    }
    if (when && !background &&
        (when->range.precision == "day" || when->range.precision == "range") && when->text != pub)
      para_date = when;
    // Only a sentence that tells of an incident or a figure sets the lead's
    // date (not a "Published: ..." line).
    if (para_date == when && when && !lead_date && (!here.empty() || !claims.empty()))
      lead_date = when;
    for (auto& cm : claims) {
      std::string where;
      if (background) {
        cm.claim.scope = "background";
        where =
            "background: dated " + when->text + ", long before publication; not in any incident";
        x.rejected.push_back(
            {x.doc.source, 0,
             cm.claim.kind + " " + std::to_string(cm.claim.low.value_or(cm.claim.high.value_or(0))),
             "figure dated " + when->text +
                 ", long before publication: kept in the JSON evidence only"});
      } else if (cm.increment) {
        cm.claim.scope = "increment";
        where = "added to an earlier toll: kept as evidence, not a toll of its own";
      } else if (!cm.subevent.empty()) {
        cm.claim.scope = "event";
        where = "sub-event: " + cm.subevent;
      } else if (here.empty() || cm.total || only_borders(here)) {
        cm.claim.scope = "conflict";
        where = "conflict-wide figure";
      } else {
        cm.claim.scope = "event";
        where = "incident at " + here.front()->text;
      }
      x.claims.push_back(cm);
      x.claim_notes.push_back(where);
    }
    // "The fighting started on Wednesday ...": dated fighting with no scene
    // (a sentence, not a headline; a day the sentence names, not "overnight").
    if (when && !background && here.empty() && claims.empty() && dates_fighting(ev, *when) &&
        toks[s.last - 1].lower == "." && !statement_date(toks, s, *when) &&
        when->rule != "overnight" && when->rule != "last_night" &&
        (when->range.precision == "day" || when->range.precision == "range"))
      fights.push_back(when);
    if (background) {
      for (auto* m : here)
        m->role = "mention", m->note += (m->note.empty() ? "" : "; ") + std::string("background");
      continue;
    }
    // The sentence's date, else the paragraph's, the lead's, the story's,
    // else the week before publication; with a note saying which.
    auto sentence_date = [&]() {
      SentenceDate d;
      if (when) {
        d.range = when->range;
      } else if (para_date) {
        d.range = para_date->range;
        d.note = "date from an earlier sentence of the paragraph (\"" + para_date->text + "\")";
      } else if (lead_date) {
        d = {
            lead_date->range,
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
    };
    for (const auto& cm : claims)
      if (!cm.subevent.empty()) {
        SentenceDate sd = sentence_date();
        x.incidents.push_back(subevent_draft(cm, in_sentence, sd.range, sd.note, x.doc.source));
      }
    for (std::size_t hi = 0; hi < here.size(); ++hi) {
      PlaceMention& m = *here[hi];
      SentenceDate sd = sentence_date();
      const DateRange& date = sd.range;
      std::string key = (m.place ? m.place->id : slug(m.text)) + "|" + date.start + "|" + date.end;
      auto [it, fresh] = by_key.emplace(key, x.incidents.size());
      if (fresh) {
        DraftIncident d;
        Incident& inc = d.incident;
        inc.date = date;
        inc.place = m.text;  // as written; the gazetteer's name goes to resolved_name
        inc.country = m.country;
        if (auto pair = country_pair(m.text); !pair.first.empty()) {
          // "the Armenian-Azerbaijani border": a whole border, no location.
          inc.place = country_name(pair.first) + "-" + country_name(pair.second) + " border";
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
        } else {
          inc.resolve_note = m.note;
        }
        inc.notes = sd.note;
        d.date_borrowed = sd.borrowed;
        if (m.place && m.place->kind == "country")
          inc.notes += (inc.notes.empty() ? "" : "; ") + inc.resolve_note + ": not located";
        if (!m.place)
          inc.notes += (inc.notes.empty() ? "" : "; ") + std::string("unresolved place: ") + m.note;
        inc.sources.push_back(x.doc.source);
        x.incidents.push_back(std::move(d));
      }
      DraftIncident& d = x.incidents[it->second];
      std::string type = ev.main_type();
      if (type.empty()) type = "casualty_report";
      if (d.incident.event_type.empty() || event_rank(type) < event_rank(d.incident.event_type))
        d.incident.event_type = type;
      for (const auto& w : ev.weapons) {
        if (std::find(d.weapons.begin(), d.weapons.end(), w) == d.weapons.end())
          d.weapons.push_back(w);
      }
      d.evidence.push_back({x.doc.source, m.begin, m.end, "place", m.text});
      if (when) d.evidence.push_back({x.doc.source, when->begin, when->end, "date", when->text});
      for (const auto& c : ev.cues)
        d.evidence.push_back({x.doc.source, c.begin, c.end, "event", c.type});
      if (hi == 0)
        for (const auto& cm : claims)
          if (cm.claim.scope == "event" && cm.subevent.empty()) add_claim(d, cm, x.doc.source);
    }
    for (const auto& cm : claims)
      if (cm.claim.scope == "conflict") {
        bool moved = cm.claim.kind == "evacuated" || cm.claim.kind == "displaced";
        // The day the figure was stated: a date in the sentence within the
        // week before publication ("On Sunday, Kyrgyzstan said"), else publication.
        DateRange day = pub.empty() ? DateRange{} : DateRange{pub, pub, "day"};
        if (stated && stated->range.precision == "day" && pub_ymd) {
          auto w = parse_iso(stated->range.start);
          long lag = w ? days_from_civil(*pub_ymd) - days_from_civil(*w) : -1;
          if (lag >= 0 && lag <= 7) day = stated->range;
        }
        std::string side =
            cm.claim.side == "unknown" || cm.claim.side == "both" ? "" : cm.claim.side;
        DraftIncident& t = totals[side + "|" + day.start + "|" + (moved ? "e" : "c")];
        if (t.incident.event_type.empty()) {
          t.incident.event_type = moved ? "evacuation" : "casualty_report";
          t.incident.date = day;
          t.incident.country = side;
          t.incident.place = side.empty() ? conflict_name : country_name(side);
        }
        add_claim(t, cm, x.doc.source);
      }
  }
  date_from_lead(x.incidents, lead_date);
  join_undated_mentions(x.incidents, x.doc.source);
  // An article of conflict-wide figures only still says when the fighting was.
  if (x.incidents.empty() && story_date && conflict.find('-') != std::string::npos)
    x.incidents.push_back(border_event_draft(conflict_name, *story_date, x.doc.source));
  draft_unplaced_fights(x.incidents, fights,
                        conflict.find('-') != std::string::npos ? conflict_name : "", x.doc.source);
  for (auto& [key, t] : totals) {
    Incident& inc = t.incident;
    inc.sources.push_back(x.doc.source);
    inc.notes = inc.country.empty() ? "figures for the whole conflict (both sides or side not "
                                      "stated); not pinned to one place"
                                    : "figures for one side of the whole conflict as stated that "
                                      "day; not pinned to one place";
    inc.resolve_note = "conflict-wide";
    x.incidents.push_back(std::move(t));
  }
  merge_borders(x.places, std::move(borders));
  std::set<std::string> reported;
  for (auto& m : x.places)
    if (!m.place && !m.is_country && m.border.empty() && reported.insert(m.text).second)
      x.rejected.push_back({x.doc.source, 0, m.text, "place not resolved: " + m.note});
  return x;
}

}  // namespace bm::extract
