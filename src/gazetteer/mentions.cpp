// Gazetteer::find_mentions: toponyms in running text. Capitalised word runs
// (Latin or Cyrillic, hyphens and apostrophes inside names) are looked up
// longest first with exact and variant matching only — fuzzy matching on
// every capitalised word of an article would invent places. Then the text's
// own context is applied: "X in the Y region" gives X a region hint, and
// places resolved confidently pull the others towards them.
#include <unicode/uchar.h>

#include <algorithm>
#include <array>

#include "gazetteer/gazetteer.hpp"
#include "gazetteer/index.hpp"
#include "gazetteer/normalize.hpp"

namespace bm {
namespace {

struct Word {
  std::size_t begin = 0, end = 0;  // byte span, possessive excluded
  std::string text;
  bool capital = false;
  bool sentence_start = false;
  bool after_space = false;  // only spaces since the previous word: may continue a name
};

UChar32 decode(std::string_view s, std::size_t& i) {
  auto b = static_cast<unsigned char>(s[i]);
  std::size_t n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
  if (i + n > s.size()) {
    ++i;
    return 0xFFFD;
  }
  UChar32 c = n == 1 ? b : n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
  for (std::size_t k = 1; k < n; ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += n;
  return c;
}

bool is_apostrophe(UChar32 c) { return c == '\'' || c == 0x2019 || c == 0x02BC || c == 0x02BB; }
bool is_hyphen(UChar32 c) { return c == '-' || c == 0x2010 || c == 0x2011; }

std::vector<Word> words_of(std::string_view text) {
  std::vector<Word> out;
  bool sentence_start = true;
  bool punctuation = false;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t at = i;
    UChar32 c = decode(text, i);
    if (!u_isalnum(c)) {
      if (c == '.' || c == '!' || c == '?' || c == '\n' || c == ':') sentence_start = true;
      if (c != ' ') punctuation = true;
      continue;
    }
    Word w;
    w.begin = at;
    w.capital = u_isupper(c);
    w.sentence_start = sentence_start;
    w.after_space = !punctuation && !out.empty();
    sentence_start = false;
    punctuation = false;
    std::size_t end = i;
    while (i < text.size()) {
      std::size_t save = i;
      UChar32 d = decode(text, i);
      if (u_isalnum(d) || u_charType(d) == U_NON_SPACING_MARK) {
        end = i;
        continue;
      }
      // Inside a name: Kök-Tash, Khojai A'lo; but "Batken's" is a possessive.
      if (is_hyphen(d) || is_apostrophe(d)) {
        std::size_t look = i;
        if (look < text.size()) {
          UChar32 e = decode(text, look);
          bool possessive = is_apostrophe(d) && (e == 's' || e == 'S') &&
                            (look >= text.size() || !u_isalnum(decode(text, look)));
          if (u_isalnum(e) && !possessive) {
            i = save;
            decode(text, i);  // consume the joiner, go on with the word
            continue;
          }
        }
      }
      i = save;
      break;
    }
    w.end = end;
    w.text = std::string(text.substr(w.begin, w.end - w.begin));
    out.push_back(std::move(w));
  }
  return out;
}

// Generic words that follow a name and make it an area (or a settlement).
bool is_area_word(const std::string& key) {
  static const std::array<std::string_view, 8> kWords = {
      "region", "province", "oblast", "district", "county", "governorate", "viloyati", "rayon"};
  return std::find(kWords.begin(), kWords.end(), key) != kWords.end();
}
bool is_settlement_word(const std::string& key) {
  return key == "village" || key == "town" || key == "city" || key == "settlement";
}

// Capitalised words that are never toponyms on their own in news prose.
bool is_stopword(const std::string& key) {
  static const std::array<std::string_view, 40> kStop = {
      "the",       "a",        "an",       "in",        "on",        "at",       "of",
      "and",       "but",      "he",       "she",       "it",        "they",     "we",
      "this",      "that",     "monday",   "tuesday",   "wednesday", "thursday", "friday",
      "saturday",  "sunday",   "january",  "february",  "march",     "april",    "may",
      "june",      "july",     "august",   "september", "october",   "november", "december",
      "president", "minister", "ministry", "border",    "central"};
  return std::find(kStop.begin(), kStop.end(), key) != kStop.end();
}

// Words before a name that announce a place.
bool is_place_cue(const std::string& key) {
  static const std::array<std::string_view, 14> kCues = {
      "in",   "near",    "from",   "to",      "at",         "village", "town",
      "city", "outside", "around", "towards", "settlement", "of",      "into"};
  return std::find(kCues.begin(), kCues.end(), key) != kCues.end();
}

bool curated(const Place& p) { return p.source.find("GeoNames") == std::string::npos; }

}  // namespace

std::vector<Mention> Gazetteer::find_mentions(std::string_view text,
                                              const ResolveHints& hints) const {
  std::vector<Word> words = words_of(text);
  // The country a sentence gives a name: an adjective or country name just
  // before it ("the Tajik village of Kolkand"), else a country name after it
  // in the same sentence ("Kolkand, Tajikistan").
  auto country_near = [&](const std::vector<Word>& ws, std::size_t first,
                          std::size_t last) -> std::vector<std::string> {
    std::vector<std::string> found;
    auto add = [&](const Word& w) {
      std::string c = index_->country_of_word(normalize_name(w.text));
      if (!c.empty() && std::find(found.begin(), found.end(), c) == found.end()) found.push_back(c);
    };
    for (std::size_t b = first, steps = 0; b > 0 && steps < 8 && !ws[b].sentence_start; ++steps)
      add(ws[--b]);
    for (std::size_t f = last + 1; f < ws.size() && f <= last + 8 && !ws[f].sentence_start; ++f)
      add(ws[f]);
    return found;
  };
  std::vector<Mention> out;
  for (std::size_t i = 0; i < words.size();) {
    // Acronyms (AP, RIA) and function words are not names.
    bool acronym =
        words[i].text.size() <= 3 && std::none_of(words[i].text.begin(), words[i].text.end(),
                                                  [](char c) { return c >= 'a' && c <= 'z'; });
    const std::string first_key = normalize_name(words[i].text);
    if (!words[i].capital || acronym || is_stopword(first_key) ||
        !index_->country_of_word(first_key).empty()) {
      ++i;
      continue;
    }
    bool found = false;
    // Longest capitalised run first (up to 4 words).
    std::size_t run = 1;
    while (run < 4 && i + run < words.size() && words[i + run].capital &&
           words[i + run].after_space)
      ++run;
    for (std::size_t n = run; n >= 1 && !found; --n) {
      std::size_t last = i + n - 1;
      std::string name(text.substr(words[i].begin, words[last].end - words[i].begin));
      Mention m;
      m.begin = words[i].begin;
      m.end = words[last].end;
      m.name = name;
      // "Batken District" capitalised: the run ends in the generic word.
      if (n > 1 && is_area_word(normalize_name(words[last].text))) m.area_phrase = true;
      // "the Batken region", "Kolkand village": the generic word belongs to the span.
      if (last + 1 < words.size()) {
        std::string next = normalize_name(words[last + 1].text);
        if (is_area_word(next) || is_settlement_word(next)) {
          m.area_phrase = is_area_word(next);
          m.end = words[last + 1].end;
        }
      }
      ResolveHints h = hints;
      h.wants_area = m.area_phrase;
      // With its generic word, so that "Batken District" asks for the
      // district and "the Batken region" for the region.
      const std::string query =
          m.area_phrase ? std::string(text.substr(m.begin, m.end - m.begin)) : name;
      Resolution r = resolve(query, h);
      // The text's countries are soft hints, nearest first: "Kyrgyz guards
      // said Tajik troops fired at Kök-Tash" names two; a country in which
      // the name finds nothing is passed over.
      if (hints.country.empty()) {
        for (const std::string& c : country_near(words, i, last)) {
          ResolveHints hc = h;
          hc.country = c;
          Resolution rc = resolve(query, hc);
          if (rc.place) {
            r = std::move(rc);
            h = std::move(hc);
            break;
          }
        }
      }
      // Text is noisy (Putin, Press, Source all spell like some town): a
      // bulk GeoNames row needs an exact spelling plus a cue ("in X", "X
      // region") or the hinted country; curated rows and regions need less.
      bool cue =
          m.end != words[last].end || (i > 0 && is_place_cue(normalize_name(words[i - 1].text)));
      // Only the caller's country counts here: the text's own country words
      // would let "Chinese President Xi" through as a Chinese town.
      bool in_country = r.place && !hints.country.empty() &&
                        r.place->country.find(hints.country) != std::string::npos;
      bool ok = false;
      // The text's own country may vouch for an exact name standing alone
      // ("In Armenia, shells hit Jermuk"), not for part of a longer proper
      // noun ("Russian President Vladimir Putin").
      bool text_country = n == run && !h.country.empty() && r.place &&
                          r.place->country.find(h.country) != std::string::npos;
      if (r.place && r.match_type == MatchType::exact)
        ok = curated(*r.place) || in_country || text_country || (cue && !words[i].sentence_start);
      else if (r.place && r.match_type != MatchType::fuzzy)
        ok = curated(*r.place) || in_country;
      else if (!r.place)  // two curated places of one name ("Dostuk") need no cue
        ok = r.ambiguous && (cue || (!r.candidates.empty() && curated(*r.candidates.front())));
      if (!ok) continue;
      m.text = std::string(text.substr(m.begin, m.end - m.begin));
      m.resolution = std::move(r);
      out.push_back(std::move(m));
      i += n;
      found = true;
    }
    // A proper-noun phrase that is not a place ("Central Asia", "Vladimir
    // Putin") hides no toponym: skip it whole.
    if (!found) i += run;
  }

  // "X in the Y region": Y's region hint goes to X (with Y's generic word,
  // so "in Batken District" means the district, not the region).
  std::vector<ResolveHints> own(out.size(), hints);
  for (std::size_t k = 0; k + 1 < out.size(); ++k) {
    const Mention& next = out[k + 1];
    if (!next.area_phrase || !next.resolution.place) continue;
    std::string between = normalize_name(text.substr(out[k].end, next.begin - out[k].end));
    if (between != "in the" && between != "in" && between != "of the") continue;
    ResolveHints& h = own[k];
    h.region = next.text;
    if (h.country.empty()) h.country = next.resolution.place->country.substr(0, 2);
    out[k].resolution = resolve(out[k].area_phrase ? out[k].text : out[k].name, h);
  }
  // Proximity: sure places pull the unsure or ambiguous ones.
  ResolveHints near = hints;
  for (const Mention& m : out)
    if (m.resolution.place && m.resolution.confidence >= 0.8 && m.resolution.location &&
        m.resolution.precision != GeoPrecision::region)
      near.near.push_back(*m.resolution.location);
  if (!near.near.empty()) {
    for (std::size_t k = 0; k < out.size(); ++k) {
      Mention& m = out[k];
      if (m.resolution.place && m.resolution.confidence >= 0.8) continue;
      ResolveHints h = own[k];  // its own region hint still counts
      h.near = near.near;
      h.wants_area = m.area_phrase;
      Resolution r = resolve(m.area_phrase ? m.text : m.name, h);
      if (r.place) m.resolution = std::move(r);
    }
  }
  // Names no gazetteer row could tell apart stay, unresolved, with candidates.
  return out;
}

}  // namespace bm
