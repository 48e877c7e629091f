#include "extract/draft.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <regex>
#include <set>

#include "extract/borders.hpp"
#include "extract/claimants.hpp"
#include "extract/corroborate.hpp"
#include "extract/incident_drafts.hpp"
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

// "Surin (THAILAND), July 25:": a dateline's capitals are not the name the
// article uses; "US", "UK" are written so everywhere and kept.
bool shouted(const std::string& name) {
  if (name.size() <= 3) return false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    auto c = static_cast<unsigned char>(name[i]);
    auto next = i + 1 < name.size() ? static_cast<unsigned char>(name[i + 1]) : 0;
    // ASCII small letters; Cyrillic а–п (D0 B0–BF) and р–я, ё (D1 ..)
    if ((c >= 'a' && c <= 'z') || c == 0xD1 || (c == 0xD0 && next >= 0xB0 && next <= 0xBF))
      return false;
  }
  return true;
}

bool ascii_words(const std::string& name) {
  return std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalpha(static_cast<unsigned char>(c)) || c == ' ' || c == '-';
  });
}

// "THAILAND" -> "Thailand", "SOUTH SUDAN" -> "South Sudan".
std::string title_case(std::string name) {
  bool first = true;
  for (char& c : name) {
    auto u = static_cast<unsigned char>(c);
    c = static_cast<char>(first ? std::toupper(u) : std::tolower(u));
    first = c == ' ' || c == '-';
  }
  return name;
}

// "..., a day after two soldiers were killed near X": what the sentence
// tells after "a day after" happened the day before its date. The token
// index of "a", or 0 when there is none.
std::size_t day_before_clause(const std::vector<Token>& toks, const Sentence& s) {
  for (std::size_t k = s.first + 1; k + 2 < s.last; ++k)
    if ((toks[k].lower == "a" || toks[k].lower == "one") && toks[k + 1].lower == "day" &&
        toks[k + 2].lower == "after")
      return k;
  return 0;
}

SentenceDate day_before(SentenceDate sd) {
  auto day = parse_iso(sd.range.start);
  if (sd.range.precision != "day" || !day || sd.range.start != sd.range.end) return sd;
  sd.range.start = sd.range.end = to_iso(civil_from_days(days_from_civil(*day) - 1));
  sd.note += std::string(sd.note.empty() ? "" : "; ") + "\"a day after\": the day before";
  return sd;
}

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

}  // namespace

void date_publication(DocExtraction& x, const std::string& default_date) {
  x.publication_date = find_publication_date(x.doc.text);
  x.date_from = "text";
  if (x.publication_date.empty() && !x.doc.meta_date.empty()) {
    x.publication_date = x.doc.meta_date;
    x.date_from = "html_meta";
  }
  if (x.publication_date.empty()) {
    x.publication_date = default_date;
    x.date_from = default_date.empty() ? "none" : "option";
  }
}

DocExtraction extract_document(Document doc, const PlaceLookup& lookup,
                               const std::string& default_date) {
  DocExtraction x;
  x.doc = std::move(doc);
  date_publication(x, default_date);
  extract_text(x, lookup);
  return x;
}

void extract_text(DocExtraction& x, const PlaceLookup& lookup) {
  const std::string& text = x.doc.text;
  const std::string& pub = x.publication_date;
  std::vector<Token> toks = tokenize(text);
  std::vector<Sentence> sents = split_sentences(text, toks);
  for (const auto& line : drop_related_headlines(text, toks, sents))
    x.rejected.push_back({x.doc.source, 0, line, "link to another story: not this article's"});
  if (sents.empty()) {
    x.rejected.push_back({x.doc.source, 0, x.doc.source, "no text in the article"});
    return;
  }
  PlaceScan scan = find_places(text, toks, sents, lookup);
  x.places = std::move(scan.places);
  std::vector<PlaceMention> borders = find_borders(text, toks, sents);
  corroborate_places(x.places, borders);
  std::erase_if(x.places, [](const PlaceMention& m) { return m.tentative && !m.place; });
  std::string conflict = primary_conflict(scan.countries);
  // Country names as this article writes them, for conflict-wide reports.
  CountryNames country_name{{}, &lookup};
  for (const auto& m : x.places)
    if (m.is_country && !country_name.written.contains(m.country) && !shouted(m.text) &&
        ascii_words(m.text))
      country_name.written[m.country] = m.text;
  // A country written only in capitals: its words, not the gazetteer's formal
  // name ("Thailand", not "Kingdom Of Thailand"). A form in another script
  // or case ("Азербайджаном") is left to the gazetteer's English name, so a
  // border's name is of one script ("Armenia-Azerbaijan border").
  for (const auto& m : x.places)
    if (m.is_country && !country_name.written.contains(m.country) && ascii_words(m.text))
      country_name.written[m.country] = title_case(m.text);
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
  ConflictTotals totals;
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
    auto sentence_date = [&]() {
      return date_of_sentence(when, para_date, lead_date, story_date, pub);
    };
    for (const auto& cm : claims)
      if (!cm.subevent.empty()) {
        x.incidents.push_back(subevent_draft(cm, in_sentence, sentence_date(), x.doc.source));
      }
    // Places and figures after "a day after" go to the first place named
    // there, a day earlier.
    std::size_t split = day_before_clause(toks, s);
    auto later = [&](std::size_t begin) { return split && begin >= toks[split].begin; };
    std::size_t later_place = 0;
    while (later_place < here.size() && !later(here[later_place]->begin)) ++later_place;
    auto target = [&](const ClaimMention& cm) {
      return later(cm.begin) && later_place < here.size() ? later_place : 0;
    };
    for (std::size_t hi = 0; hi < here.size(); ++hi) {
      PlaceMention& m = *here[hi];
      SentenceDate sd = later(m.begin) ? day_before(sentence_date()) : sentence_date();
      const DateRange& date = sd.range;
      std::string key = (m.place ? m.place->id : slug(m.text)) + "|" + date.start + "|" + date.end;
      auto [it, fresh] = by_key.emplace(key, x.incidents.size());
      if (fresh) x.incidents.push_back(place_draft(m, sd, country_name, x.doc.source));
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
      for (const auto& cm : claims)
        if (cm.claim.scope == "event" && cm.subevent.empty() && target(cm) == hi)
          add_claim(d, cm, x.doc.source);
    }
    for (const auto& cm : claims)
      if (cm.claim.scope == "conflict")
        totals.add(cm, stated, pub, conflict_name, country_name, x.doc.source);
  }
  date_from_lead(x.incidents, lead_date);
  join_undated_mentions(x.incidents, x.doc.source);
  // An article of conflict-wide figures only still says when the fighting was.
  if (x.incidents.empty() && story_date && conflict.find('-') != std::string::npos)
    x.incidents.push_back(border_event_draft(conflict_name, *story_date, x.doc.source));
  draft_unplaced_fights(x.incidents, fights,
                        conflict.find('-') != std::string::npos ? conflict_name : "", x.doc.source);
  totals.finish(x.incidents, x.doc.source);
  merge_borders(x.places, std::move(borders));
  std::set<std::string> reported;
  for (auto& m : x.places)
    if (!m.place && !m.is_country && m.border.empty() && reported.insert(m.text).second)
      x.rejected.push_back({x.doc.source, 0, m.text, "place not resolved: " + m.note});
}

}  // namespace bm::extract
