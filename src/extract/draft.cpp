#include "extract/draft.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <regex>
#include <set>

#include "extract/borders.hpp"
#include "extract/lexicon.hpp"
#include "extract/related.hpp"
#include "gazetteer/normalize.hpp"

namespace bm::extract {
namespace {

std::string slug(const std::string& s) {
  std::string out;
  for (char c : lower_ascii(s)) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out += c;
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "place" : out;
}

bool actor_verb(const std::string& w) {
  return lex::speech_verb(w) || w == "tried" || w == "wants" || w == "has" || w == "is" ||
         w == "also" || w == "offered" || w == "urged" || w == "called" || w == "denied" ||
         w == "insisted";
}

// incident / venue / actor / mention, following places.hpp.
void classify(PlaceMention& m, const std::vector<Token>& toks, const Sentence& s,
              const SentenceEvents& ev, bool has_claims) {
  if (m.is_country) return;
  // "Batken was shelled", "Vorukh has been hit": the place suffered the event.
  for (std::size_t k = m.last; k < s.last && k < m.last + 3; ++k) {
    const std::string& w = toks[k].lower;
    if (w == "shelled" || w == "hit" || w == "attacked" || w == "struck" || w == "bombed" ||
        w == "targeted" || w == "bombarded" || w == "captured" || w == "seized") {
      m.role = "incident";
      return;
    }
    if (w != "was" && w != "were" && w != "has" && w != "had" && w != "have" && w != "been" &&
        w != "is" && w != "also" && w != "again" && w != "reportedly")
      break;
  }
  if (m.last < s.last && actor_verb(toks[m.last].lower)) {
    m.role = "actor";
    return;
  }
  if (m.first == s.first && m.last < s.last && lex::speech_verb(toks[m.last].lower)) {
    m.role = "actor";
    return;
  }
  for (std::size_t k = m.first; k > s.first && m.first - k < 8; --k)
    if (lex::venue_word(toks[k - 1].lower) || (toks[k - 1].lower == "held" && m.first - k < 3)) {
      m.role = "venue";
      return;
    }
  if (!m.place && m.note.empty()) return;
  // The object of an attack verb: "shelled Jermuk", "mortar fire hit the village of X".
  for (std::size_t k = m.first; k > s.first && m.first - k < 6; --k) {
    const std::string& w = toks[k - 1].lower;
    if (w == "hit" || w == "shelled" || w == "struck" || w == "attacked" || w == "bombed" ||
        w == "targeted" || w == "stormed" || w == "captured" || w == "seized" || w == "raided" ||
        w == "bombarded" || w == "overran" || w == "shelling" || w == "targeting") {
      m.role = "incident";
      return;
    }
    // "seized the Tajik outpost \"X\"": articles, demonyms, quotes and
    // generic words may stand between the verb and the name.
    bool quote = w == "\"" || w == "\xE2\x80\x9C" || w == "\xC2\xAB";
    if (w != "the" && w != "of" && !lex::settlement_word(w) && !lex::area_word(w) &&
        w != "border" && !quote && lex::country_word(w).empty())
      break;
  }
  if (ev.cues.empty() && !has_claims) return;
  // A locative word shortly before: "in", "on the border town of", "from the settlements of".
  for (std::size_t k = m.first; k > s.first && m.first - k < 6; --k) {
    const std::string& w = toks[k - 1].lower;
    if (w == "," || w == "." || w == ";") break;
    if ((lex::locative(w) && w != "and" && w != "of" && w != "by") ||
        (w == "of" && k >= s.first + 2 &&
         (lex::settlement_word(toks[k - 2].lower) || lex::area_word(toks[k - 2].lower)))) {
      m.role = "incident";
      return;
    }
  }
}

// "said on April 30", "reported Tuesday": the date a statement was made.
bool statement_date(const std::vector<Token>& toks, const Sentence& s, const DateMention& dm) {
  std::size_t k = s.first;
  while (k < s.last && toks[k].begin < dm.begin) ++k;
  if (k > s.first && toks[k - 1].lower == "on") --k;
  return k > s.first && lex::speech_verb(toks[k - 1].lower);
}

// "Armenian-Azerbaijani", "Kyrgyz–Tajik": two countries joined by a hyphen
// or dash; empty when the text is anything else.
std::pair<std::string, std::string> country_pair(const std::string& text) {
  for (std::string_view dash : {"-", "\xE2\x80\x93", "\xE2\x80\x94"}) {
    std::size_t at = text.find(dash);
    if (at == std::string::npos) continue;
    std::string a = lex::country_word(lower_ascii(text.substr(0, at)));
    std::string b = lex::country_word(lower_ascii(text.substr(at + dash.size())));
    if (!a.empty() && !b.empty() && a != b) return {a, b};
  }
  return {};
}

// "strikes were reported from X ... all the way down to Y": the far end of
// a from-to range is a scene like the near one.
bool reaches_to(const std::vector<Token>& toks, const Sentence& s,
                const std::vector<PlaceMention*>& in_sentence, std::size_t k) {
  std::size_t t = in_sentence[k]->first;
  while (t > s.first &&
         (toks[t - 1].lower == "the" || toks[t - 1].lower == "down" || toks[t - 1].lower == "up" ||
          toks[t - 1].lower == "way" || toks[t - 1].lower == "all"))
    --t;
  if (t == s.first || (toks[t - 1].lower != "to" && toks[t - 1].lower != "through")) return false;
  for (std::size_t j = 0; j < k; ++j) {
    const PlaceMention& a = *in_sentence[j];
    if (a.role != "incident") continue;
    for (std::size_t b = a.first; b > s.first && a.first - b < 3; --b)
      if (toks[b - 1].lower == "from") return true;
  }
  return false;
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

void add_claim(DraftIncident& d, const ClaimMention& cm, const std::string& source) {
  Claim c = cm.claim;
  c.source = source;
  for (Claim& old : d.incident.claims) {
    // One article repeating a figure (headline, caption, body) makes one
    // claim; a repetition that says whose people or who said it completes it.
    bool side_fits = old.side == c.side || old.side == "unknown" || c.side == "unknown";
    bool claimant_fits = old.claimant == c.claimant || old.claimant.empty() || c.claimant.empty();
    bool group_fits = old.group == c.group || old.group.empty() || c.group.empty();
    if (old.source == c.source && old.kind == c.kind && old.low == c.low && old.high == c.high &&
        side_fits && claimant_fits && group_fits && old.approx == c.approx) {
      if (old.side == "unknown") old.side = c.side;
      if (old.claimant.empty()) old.claimant = c.claimant;
      if (old.group.empty()) old.group = c.group;
      return;
    }
  }
  d.incident.claims.push_back(std::move(c));
  d.claim_spans.push_back(cm);
  d.evidence.push_back({source, cm.begin, cm.end, "claim", ""});
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

// The dateline's own date ("Dec 12, 2022 - Indian and ...") dates the
// article, not the events of the sentence it runs into.
bool is_dateline(std::string_view text, const DateMention& dm) {
  if (dm.begin >= 300) return false;
  std::size_t k = dm.end;
  while (k < text.size() && text[k] == ' ') ++k;
  std::string_view rest = text.substr(k, 3);
  if (rest.starts_with("-") || rest.starts_with("(") || rest.starts_with("\xE2\x80\x94") ||
      rest.starts_with("\xE2\x80\x93"))
    return true;
  // "date 2022-12-15 Troops clashed ...": the page's publication stamp runs
  // into the first sentence; it says when the article appeared, not when the
  // event happened.
  std::size_t from = dm.begin > 20 ? dm.begin - 20 : 0;
  std::string before(text.substr(from, dm.begin - from));
  for (char& c : before) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  while (!before.empty() && (before.back() == ' ' || before.back() == ':')) before.pop_back();
  for (std::string_view cue :
       {"date", "published", "published on", "updated", "updated on", "posted", "posted on"})
    if (before.ends_with(cue) &&
        (before.size() == cue.size() ||
         !std::isalpha(static_cast<unsigned char>(before[before.size() - cue.size() - 1]))))
      return true;
  return false;
}

// "X, close to the Tajik enclave of Y", "X of the northeastern state of Y":
// Y says where X is; it is not a scene of its own.
// A lead often leaves the date to a later sentence ("Troops clashed at X.
// ... the clash in the early hours of December 9 ..."): the first date of a
// sentence that tells of a violent event dates undated ones. Not the day
// something was said ("said on Wednesday"), not long before publication; a
// named day beats a vague "overnight" of an earlier sentence.
const DateMention* find_story_date(std::string_view text, const std::vector<Token>& toks,
                                   const std::vector<Sentence>& sents,
                                   const std::vector<std::vector<DateMention>>& sent_dates,
                                   const std::string& pub) {
  std::optional<Ymd> pub_ymd = parse_iso(pub);
  const DateMention* vague = nullptr;
  for (std::size_t si = 0; si < sents.size(); ++si) {
    // "following the incident on December 11" refers back to the story too.
    bool incident_word = false;
    for (std::size_t k = sents[si].first; k < sents[si].last; ++k)
      incident_word = incident_word || toks[k].lower == "incident";
    if (!incident_word && !find_events(toks, sents[si].first, sents[si].last).violent()) continue;
    for (const auto& dm : sent_dates[si]) {
      if (dm.range.start.empty() || is_dateline(text, dm) || dm.text == pub) continue;
      if (statement_date(toks, sents[si], dm)) continue;
      if (dm.range.precision != "day" && dm.range.precision != "range") continue;
      auto end = parse_iso(dm.range.end);
      if (pub_ymd && end && days_from_civil(*pub_ymd) - days_from_civil(*end) > 60) continue;
      if (dm.rule != "overnight" && dm.rule != "last_night") return &dm;
      if (!vague) vague = &dm;
    }
  }
  return vague;
}

bool locating_phrase(const std::string& gap) {
  static const std::regex re(
      R"(^(, )?((close to|near|next to|adjacent to|not far from|bordering|in|of) )?(the )?([a-z-]+ ){0,2})"
      R"((enclave|exclave|state|province|region|district|oblast|county|village|town|city|jamoat|municipality) of $)");
  return std::regex_match(gap, re);
}

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

  std::vector<bool> skip(toks.size(), false);
  std::vector<std::vector<DateMention>> sent_dates(sents.size());
  for (std::size_t si = 0; si < sents.size(); ++si) {
    sent_dates[si] = find_dates(text, toks, sents[si].first, sents[si].last, pub);
    for (const auto& dm : sent_dates[si]) {
      for (std::size_t k = sents[si].first; k < sents[si].last; ++k)
        if (toks[k].begin >= dm.begin && toks[k].end <= dm.end) skip[k] = true;
      x.dates.push_back(dm);
    }
  }
  std::optional<Ymd> pub_ymd = parse_iso(pub);

  std::map<std::string, std::size_t> by_key;
  Attribution who;
  // Conflict-wide figures, one report per (side, day of the statement, kind class).
  std::map<std::string, DraftIncident> totals;
  std::size_t next_place = 0;
  const DateMention* para_date = nullptr;
  // The first dated sentence usually sets the time of the story; later
  // undated paragraphs tell the same story.
  const DateMention* lead_date = nullptr;
  const DateMention* story_date = find_story_date(text, toks, sents, sent_dates, pub);
  for (std::size_t si = 0; si < sents.size(); ++si) {
    const Sentence& s = sents[si];
    SentenceEvents ev = find_events(toks, s.first, s.last);
    Attribution a = find_attribution(text, toks, s, who, lookup);
    if (!a.claimant.empty()) who = a;
    std::vector<ClaimMention> claims = find_claims(text, toks, s, si, a, skip);
    std::vector<PlaceMention*> in_sentence;
    // Places come in sentence order: walk them with one cursor.
    while (next_place < x.places.size() && x.places[next_place].sentence < si) ++next_place;
    for (std::size_t pi = next_place; pi < x.places.size() && x.places[pi].sentence == si; ++pi) {
      classify(x.places[pi], toks, s, ev, !claims.empty());
      in_sentence.push_back(&x.places[pi]);
    }
    // Lists share a role ("the regions of Batken and Osh"); in "X in the Y
    // region of Z" Y and Z locate X and are not incidents of their own.
    for (std::size_t k = 1; k < in_sentence.size(); ++k) {
      PlaceMention& prev = *in_sentence[k - 1];
      PlaceMention& m = *in_sentence[k];
      if (m.role == "mention" && !m.is_country && reaches_to(toks, s, in_sentence, k))
        m.role = "incident";
      std::string gap;
      bool list = m.first > prev.last;  // only commas, "and", "or" and unknown names between
      for (std::size_t t = prev.last; t < m.first; ++t) {
        gap += toks[t].lower + " ";
        list = list && (toks[t].lower == "," || toks[t].lower == "and" || toks[t].lower == "or" ||
                        toks[t].capital);
      }
      if (list && gap != "( " && !m.is_country && !prev.is_country) {
        m.role = prev.role;
        if (!m.place && m.country.empty() && !prev.country.empty()) {
          m.country = prev.country;
          m.note += "; country hint from the list it is in";
        }
        if (!prev.place && prev.country.empty() && m.place && !m.country.empty()) {
          prev.country = m.country;
          prev.note += "; country hint from the list it is in";
        }
      } else if ((gap == "in the " || gap == "in " || gap == ", " || gap == "of " || gap == "( " ||
                  locating_phrase(gap)) &&
                 (prev.role == "incident" || prev.role == "context" || prev.role == "venue")) {
        m.role = "context";
      } else if (prev.is_country && prev.role == "context" && !m.is_country &&
                 std::regex_match(gap, std::regex("^('s )?([a-z-]+ ){0,2}$"))) {
        // "the Leylek district of Kyrgyzstan's southwestern Batken region"
        m.role = "context";
      }
    }
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
    if (background) {
      for (auto* m : here)
        m->role = "mention", m->note += (m->note.empty() ? "" : "; ") + std::string("background");
      continue;
    }
    // The sentence's date, else the paragraph's, the lead's, the story's,
    // else the week before publication; with a note saying which.
    auto sentence_date = [&]() {
      DateRange date;
      std::string date_note;
      if (when) {
        date = when->range;
      } else if (para_date) {
        date = para_date->range;
        date_note = "date from an earlier sentence of the paragraph (\"" + para_date->text + "\")";
      } else if (lead_date) {
        date = lead_date->range;
        date_note =
            "no date in the sentence: the date of the article's lead (\"" + lead_date->text + "\")";
      } else if (story_date) {
        date = story_date->range;
        date_note = "no date in the sentence: the date the article gives the event later (\"" +
                    story_date->text + "\")";
      } else if (pub_ymd) {
        long p = days_from_civil(*pub_ymd);
        date = {to_iso(civil_from_days(p - 7)), pub, "range"};
        date_note = "no date in the sentence: within the week before publication";
      } else {
        date_note = "no date in the sentence and no publication date (give --date)";
      }
      return std::make_pair(date, date_note);
    };
    for (const auto& cm : claims)
      if (!cm.subevent.empty()) {
        auto [date, note] = sentence_date();
        x.incidents.push_back(subevent_draft(cm, in_sentence, date, note, x.doc.source));
      }
    for (std::size_t hi = 0; hi < here.size(); ++hi) {
      PlaceMention& m = *here[hi];
      auto [date, date_note] = sentence_date();
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
        inc.notes = date_note;
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
  // An undated mention (a headline) of a place that the article also dates
  // joins the dated incident instead of standing alone.
  for (std::size_t i = 0; i < x.incidents.size(); ++i) {
    DraftIncident& d = x.incidents[i];
    if (d.incident.date.precision != "range" || !d.incident.notes.starts_with("no date")) continue;
    for (std::size_t j = 0; j < x.incidents.size(); ++j) {
      DraftIncident& t = x.incidents[j];
      bool same = d.incident.place_id.empty() ? t.incident.place == d.incident.place
                                              : t.incident.place_id == d.incident.place_id;
      if (i == j || t.incident.notes.starts_with("no date") || !same) continue;
      for (std::size_t k = 0; k < d.incident.claims.size(); ++k)
        add_claim(t, d.claim_spans[k], x.doc.source);
      t.evidence.insert(t.evidence.end(), d.evidence.begin(), d.evidence.end());
      if (event_rank(d.incident.event_type) < event_rank(t.incident.event_type))
        t.incident.event_type = d.incident.event_type;
      for (const auto& a : d.weapons)
        if (std::find(t.weapons.begin(), t.weapons.end(), a) == t.weapons.end())
          t.weapons.push_back(a);
      d.incident.place.clear();  // marks it merged
      break;
    }
  }
  std::erase_if(x.incidents, [](const DraftIncident& d) { return d.incident.place.empty(); });
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
  merge_borders(x.places, find_borders(text, toks, sents));
  std::set<std::string> reported;
  for (auto& m : x.places)
    if (!m.place && !m.is_country && m.border.empty() && reported.insert(m.text).second)
      x.rejected.push_back({x.doc.source, 0, m.text, "place not resolved: " + m.note});
  return x;
}

std::vector<DraftIncident> merge_drafts(const std::vector<DocExtraction>& docs) {
  std::vector<DraftIncident> out;
  std::map<std::string, std::size_t> by_key;
  for (const auto& x : docs) {
    for (const auto& d : x.incidents) {
      const Incident& inc = d.incident;
      bool conflict = inc.resolve_note == "conflict-wide";
      std::string key = conflict
                            ? "conflict|" + inc.place + "|" + inc.event_type + "|" + inc.date.start
                            : (inc.place_id.empty() ? slug(inc.place) : inc.place_id) + "|" +
                                  inc.date.start + "|" + inc.date.end;
      auto [it, fresh] = by_key.emplace(key, out.size());
      if (fresh) {
        out.push_back(d);
        continue;
      }
      DraftIncident& m = out[it->second];
      Incident& mi = m.incident;
      if (event_rank(inc.event_type) < event_rank(mi.event_type)) mi.event_type = inc.event_type;
      for (const auto& a : d.weapons)
        if (std::find(m.weapons.begin(), m.weapons.end(), a) == m.weapons.end())
          m.weapons.push_back(a);
      for (const auto& s : inc.sources)
        if (std::find(mi.sources.begin(), mi.sources.end(), s) == mi.sources.end())
          mi.sources.push_back(s);
      for (std::size_t i = 0; i < d.claim_spans.size(); ++i) {
        ClaimMention cm = d.claim_spans[i];
        cm.claim = inc.claims[i];
        add_claim(m, cm, inc.claims[i].source);
      }
      m.evidence.insert(m.evidence.end(), d.evidence.begin(), d.evidence.end());
      if (conflict && !inc.date.start.empty()) {
        if (mi.date.start.empty() || inc.date.start < mi.date.start) mi.date.start = inc.date.start;
        if (mi.date.end.empty() || inc.date.end > mi.date.end) mi.date.end = inc.date.end;
        if (mi.date.start != mi.date.end) mi.date.precision = "range";
      }
    }
  }
  for (auto& d : out) {
    if (d.weapons.empty()) continue;
    std::string list;
    for (const auto& w : d.weapons) list += (list.empty() ? "" : ", ") + w;
    d.incident.notes += (d.incident.notes.empty() ? "" : "; ") + std::string("weapons: ") + list;
  }
  // Stable, readable ids.
  std::map<std::string, int> used;
  for (auto& d : out) {
    Incident& inc = d.incident;
    std::string base = "x-" + slug(normalize_name(inc.place)) +
                       (inc.date.start.empty() ? "" : "-" + inc.date.start);
    int n = ++used[base];
    inc.id = n == 1 ? base : base + "-" + std::to_string(n);
  }
  return out;
}

}  // namespace bm::extract
