#include "extract/story_dates.hpp"

#include <cctype>
#include <optional>

#include "extract/events.hpp"
#include "extract/lexicon.hpp"
#include "extract/lexicon_ru.hpp"

namespace bm::extract {

namespace {

// "handed over on 3 October", "returned on": done after the deaths, so the
// day it was done is not theirs.
bool after_the_fact(const std::vector<Token>& toks, std::size_t j) {
  const std::string& w = toks[j].lower;
  if (w == "repatriated") return true;  // (not "exchanged": "exchanged fire")
  return (w == "over" || w == "back") && j > 0 &&
         (toks[j - 1].lower == "handed" || toks[j - 1].lower == "given" ||
          toks[j - 1].lower == "returned");
}

bool begins(const std::string& w) {
  return w == "began" || w == "begun" || w == "started" || w == "erupted" || w == "broke" ||
         w == "flared";
}

bool ends(const std::string& w) {
  return w == "ended" || w == "stopped" || w == "ceased" || w == "lasted" || w == "continued" ||
         w == "subsided" || w == "until" || w == "till";
}

// "БИШКЕК, " / "BISHKEK, " before a date that opens its line: a dateline
// (Russian agencies end it with a full stop, not a dash).
bool capital_city_before(std::string_view prefix) {
  while (!prefix.empty() && prefix.back() == ' ') prefix.remove_suffix(1);
  if (prefix.size() < 3 || prefix.back() != ',') return false;
  int capitals = 0;
  for (std::size_t k = 0; k + 1 < prefix.size(); ++k) {
    auto c = static_cast<unsigned char>(prefix[k]);
    auto n = static_cast<unsigned char>(prefix[k + 1]);
    bool lower_cyr = (c == 0xD0 && n >= 0xB0 && n <= 0xBF) || (c == 0xD1 && n >= 0x80 && n <= 0x8F);
    if ((c >= 'a' && c <= 'z') || lower_cyr) return false;
    if ((c >= 'A' && c <= 'Z') || (c == 0xD0 && n >= 0x90 && n <= 0xAF)) ++capitals;
  }
  return capitals >= 3;
}

}  // namespace

// "said on April 30", "reported Tuesday", "told parliament on 13 December",
// "As of 16 September": the date a statement was made (or a running figure
// stood), not the event's.
bool statement_date(const std::vector<Token>& toks, const Sentence& s, const DateMention& dm) {
  std::size_t k = s.first;
  while (k < s.last && toks[k].begin < dm.begin) ++k;
  if (k >= s.first + 2 && toks[k - 1].lower == "of" && toks[k - 2].lower == "as") return true;
  if (k > s.first && toks[k - 1].lower == "on") --k;
  // "were published by the Kyrgyz Ministry of Health on 23 August": a
  // passive speech verb and its agent.
  for (std::size_t j = k; j > s.first + 1 && k - j < 16; --j) {
    if (toks[j - 1].lower == "by" && lex::speech_verb(toks[j - 2].lower)) return true;
    const std::string& w = toks[j - 1].lower;
    if (w == "," || w == ";" || w == "that" || !lex::event_cue(w).empty() ||
        !lex::casualty_kind(w).empty())
      break;
  }
  // "were handed over to Armenia near Goris on 3 October"
  for (std::size_t j = k; j > s.first && k - j < 8; --j) {
    if (after_the_fact(toks, j - 1)) return true;
    if (toks[j - 1].kind != TokKind::word || !lex::event_cue(toks[j - 1].lower).empty()) break;
  }
  // A few words may stand between the verb and its date ("told parliament
  // on", "said in a statement on"), but no event word ("said fighting on
  // Tuesday killed ..." dates the fighting) and no clause break.
  for (std::size_t j = k; j > s.first && k - j < 4; --j) {
    const std::string& w = toks[j - 1].lower;
    if (lex::speech_verb(w)) return true;
    if (toks[j - 1].kind != TokKind::word || w == "that" || !lex::event_cue(w).empty() ||
        !lex::casualty_kind(w).empty())
      return false;
  }
  return false;
}

bool told_as_earlier(const std::vector<Token>& toks, const Sentence& s, const DateMention& said) {
  // Losses and fighting are reported the day they happen or the morning
  // after ("said on Tuesday that 49 soldiers had been killed when ...
  // shelled"): that day stays theirs. Movements and displacement ("troops
  // had advanced", "civilians had been displaced") build up over days.
  if (find_events(toks, s.first, s.last).violent()) return false;
  for (std::size_t j = s.first; j < s.last; ++j) {
    std::string kind = lex::casualty_kind(toks[j].lower);
    if (kind == "killed" || kind == "injured") return false;
  }
  std::size_t k = s.first;
  while (k < s.last && toks[k].begin < said.end) ++k;
  for (; k + 1 < s.last; ++k) {
    if (toks[k].lower != "had") continue;
    const std::string& next = toks[k + 1].lower;
    // "had been displaced", "had advanced", "had fled" ("had no ..." is no tense)
    if (next == "been" || next.ends_with("ed") || next.ends_with("en") || next == "fled" ||
        next == "left")
      return true;
  }
  return false;
}

// The dateline's own date ("Dec 12, 2022 - Indian and ...") dates the
// article, not the events of the sentence it runs into.
bool is_dateline(std::string_view text, const DateMention& dm) {
  if (dm.begin >= 300) return false;
  std::size_t k = dm.end;
  while (k < text.size() && text[k] == ' ') ++k;
  std::string_view rest = text.substr(k, 3);
  // A dateline opens its line ("YEREVAN, 14 February 2024 (wire) —"); a
  // date deep in a sentence followed by a parenthesis is the sentence's.
  std::size_t line = text.rfind('\n', dm.begin);
  bool opens_line = dm.begin - (line == std::string_view::npos ? 0 : line + 1) <= 40;
  if (!opens_line) rest = {};
  if (opens_line &&
      capital_city_before(text.substr(line == std::string_view::npos ? 0 : line + 1,
                                      dm.begin - (line == std::string_view::npos ? 0 : line + 1))))
    return true;
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
    // "following the incident on December 11" refers back to the story too,
    // and so does a sentence telling of the dead and wounded.
    bool incident_word = false;
    for (std::size_t k = sents[si].first; k < sents[si].last; ++k)
      // ("the strike took place on 20 July": a happening, dated)
      incident_word =
          incident_word || toks[k].lower == "incident" ||
          (toks[k].lower == "took" && k + 1 < sents[si].last && toks[k + 1].lower == "place") ||
          toks[k].lower == "occurred" || toks[k].lower == "happened" ||
          lex::ru::happened(toks[k].lower) || lex::casualty_kind(toks[k].lower) == "killed" ||
          lex::casualty_kind(toks[k].lower) == "injured";
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

std::string first_full_date(std::string_view text, const std::vector<Token>& toks) {
  for (const DateMention& d : find_dates(text, toks, 0, toks.size(), ""))
    if (d.range.precision == "day" && !d.range.start.empty()) return d.range.start;
  return {};
}

void join_begin_end(const std::vector<Token>& toks, const Sentence& s,
                    std::vector<DateMention>& dates) {
  for (std::size_t d = 0; d < dates.size(); ++d) {
    DateMention& start = dates[d];
    auto from = parse_iso(start.range.start);
    if (!from || start.range.precision != "day") continue;
    std::size_t k = s.first;
    while (k < s.last && toks[k].begin < start.begin) ++k;
    bool began = false;  // "began on 15 April", "broke out on"
    for (std::size_t j = k; j > s.first && k - j < 4 && !began; --j)
      began = begins(toks[j - 1].lower);
    if (!began) continue;
    for (std::size_t j = k; j + 2 < s.last; ++j) {
      if (!ends(toks[j].lower)) continue;
      // "... and ended the next day", "... and lasted until 17 April"
      for (std::size_t n = j + 1; n + 1 < s.last && n < j + 8; ++n) {
        bool next_day =
            (toks[n].lower == "next" || toks[n].lower == "following") && toks[n + 1].lower == "day";
        if (next_day) {
          start.range = {start.range.start, to_iso(civil_from_days(days_from_civil(*from) + 1)),
                         "range"};
          return;
        }
        for (std::size_t e = d + 1; e < dates.size(); ++e)
          if (dates[e].begin >= toks[n].begin && dates[e].begin < toks[n].end &&
              dates[e].range.end > start.range.start) {
            start.range = {start.range.start, dates[e].range.end, "range"};
            dates[e].range = {};  // told within the interval above
            return;
          }
      }
    }
  }
}

}  // namespace bm::extract
