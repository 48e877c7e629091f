#include "extract/figures.hpp"

#include <algorithm>
#include <iterator>
#include <set>

#include "extract/lexicon.hpp"
#include "extract/numbers.hpp"
#include "extract/places.hpp"

namespace bm::extract {
namespace {

bool stops_phrase(const std::string& w) {
  return w == "," || w == "." || w == ";" || w == ":" || w == "\"" || w == "(" || w == ")" ||
         w == "\xE2\x80\x9C" || w == "\xE2\x80\x9D" || w == "-" || w == "\xE2\x80\x94" ||
         w == "\xE2\x80\x93" || w == "that" || w == "which" || w == "who" || w == "while" ||
         w == "when" || w == "after" || w == "as" || w == "but" || w == "however";
}

bool date_word(const Token& t) {
  return lex::weekday(t.lower) >= 0 || lex::month(t.lower) || t.lower == "late" ||
         t.lower == "early" || t.lower == "earlier" || t.lower == "on" || t.lower == "yesterday" ||
         t.lower == "today" || t.lower == "morning" || t.lower == "also" || t.lower == "had" ||
         t.lower == "has" || t.lower == "have" || t.lower == "later" || t.kind == TokKind::number;
}

std::string countries_of(const std::vector<Token>& toks, std::size_t a, std::size_t b,
                         const PlaceLookup& lookup, std::string_view text) {
  std::set<std::string> found;
  for (std::size_t k = a; k < b; ++k) {
    if (toks[k].kind != TokKind::word) continue;
    std::string iso = lex::country_word(toks[k].lower);
    if (iso.empty() && toks[k].capital)
      iso = lookup.country_iso(text.substr(toks[k].begin, toks[k].end - toks[k].begin));
    // A news agency's nationality ("Russian state news agency") is not a side.
    if (!iso.empty()) found.insert(iso);
  }
  if (found.size() == 1) return *found.begin();
  if (found.size() > 1) return "both";
  return {};
}

// Nouns after a number that show it counts something other than people.
bool adverb(const std::string& w) {
  // "officially", "reportedly": -ly words between a subject and its verb.
  if (w.size() > 4 && w.ends_with("ly")) return true;
  return w == "however" || w == "also" || w == "meanwhile" || w == "later" || w == "earlier" ||
         w == "previously" || w == "separately" || w == "further" || w == "furthermore";
}

Attribution phrase_after(std::string_view text, const std::vector<Token>& toks, std::size_t from,
                         std::size_t last, const char* how) {
  Attribution a;
  std::size_t e = from;
  if (e < last && toks[e].lower == "the") {
  }
  // Official names run long: "the Press Center of the Border Troops of the
  // State Committee for National Security of Tajikistan".
  while (e < last && e - from < 16 && !stops_phrase(toks[e].lower) && toks[e].lower != "and") ++e;
  while (e > from &&
         (toks[e - 1].lower == "of" || toks[e - 1].lower == "the" || toks[e - 1].lower == "for" ||
          toks[e - 1].lower == "in" || toks[e - 1].lower == "on" || toks[e - 1].lower == "at"))
    --e;
  if (e == from) return a;
  a.begin = toks[from].begin;
  a.end = toks[e - 1].end;
  a.claimant = std::string(text.substr(a.begin, a.end - a.begin));
  a.how = how;
  return a;
}

}  // namespace

namespace {

// The subject of the speech verb at token i: words right before it, skipping
// "late Sunday", "had" and asides; a pronoun is the previous claimant; a
// passive ("49 soldiers have been confirmed killed") is no attribution.
Attribution subject_of(std::string_view text, const std::vector<Token>& toks, const Sentence& s,
                       std::size_t i, const Attribution& previous) {
  Attribution said;
  std::size_t e = i;
  while (e > s.first && (date_word(toks[e - 1]) || adverb(toks[e - 1].lower)) &&
         toks[e - 1].kind != TokKind::number)
    --e;
  // "X, citing Y, reported", "X, who spoke on condition of anonymity, said",
  // "X, a senior doctor at the hospital in Y, told": the subject is X.
  if (e > s.first && toks[e - 1].lower == ",") {
    for (std::size_t c = e - 1; c > s.first && e - c < 20; --c) {
      const std::string& w1 = toks[c - 1].lower;
      bool aside = w1 == "citing" || w1 == "quoting" || w1 == "who" || w1 == "which";
      bool apposition = (w1 == "a" || w1 == "an" || w1 == "the") && c + 1 < e;
      if ((aside || apposition) && c - 1 > s.first && toks[c - 2].lower == ",") {
        e = c - 2;
        break;
      }
      if (!aside && !apposition && e - c >= 12) break;
    }
  }
  std::size_t b = e;
  while (b > s.first && e - b < 8 && !stops_phrase(toks[b - 1].lower) &&
         toks[b - 1].kind != TokKind::number)
    --b;
  if (b >= e) return said;
  said.begin = toks[b].begin;
  said.end = toks[e - 1].end;
  said.claimant = std::string(text.substr(said.begin, said.end - said.begin));
  said.how = "said";
  std::string lw = lower_ascii(said.claimant);
  // "the ministry said" after "the Kyrgyz health ministry said": the same one.
  bool same_body = false;
  for (std::string_view body : {"ministry", "committee", "service", "agency", "office",
                                "government", "authorities", "army", "military"})
    if (lw == "the " + std::string(body) &&
        lower_ascii(previous.claimant).find(body) != std::string::npos)
      same_body = true;
  if (lw == "it" || lw == "they" || lw == "he" || lw == "she" || lw == "the side" || same_body) {
    if (previous.claimant.empty()) return {};
    Attribution p = previous;
    p.how = "pronoun";
    p.begin = said.begin;
    p.end = said.end;
    return p;
  }
  // "Bishkek also said": a passive or clause-internal verb is not attribution.
  static const char* const passive[] = {" were", " was", " are", " is", " been", " be"};
  bool is_passive = std::any_of(std::begin(passive), std::end(passive),
                                [&](const char* p) { return lw.ends_with(p); });
  if (lw.starts_with("people") || lw.starts_with("at least") || is_passive) return {};
  return said;
}

}  // namespace

Attribution find_attribution(std::string_view text, const std::vector<Token>& toks,
                             const Sentence& s, const Attribution& previous,
                             const PlaceLookup& lookup) {
  Attribution said, explicit_src;
  std::string via, reporter;
  for (std::size_t i = s.first; i < s.last; ++i) {
    const std::string& w = toks[i].lower;
    if (w == "according" && i + 1 < s.last && toks[i + 1].lower == "to") {
      explicit_src = phrase_after(text, toks, i + 2, s.last, "according_to");
    } else if (w == "\xD0\xBF\xD0\xBE" && i + 1 < s.last &&
               toks[i + 1].lower == "\xD0\xB4\xD0\xB0\xD0\xBD\xD0\xBD\xD1\x8B\xD0\xBC") {
      // "по данным X": "according to X" in Russian.
      explicit_src = phrase_after(text, toks, i + 2, s.last, "according_to");
    } else if (w == "as" && i + 1 < s.last && toks[i + 1].lower == "per") {
      explicit_src = phrase_after(text, toks, i + 2, s.last, "as_per");
    } else if ((w == "citing" || w == "quoting") && via.empty()) {
      via = phrase_after(text, toks, i + 1, s.last, "citing").claimant;
    } else if (w == "saying" && i >= s.first + 2 && toks[i - 2].lower == "with" &&
               toks[i - 1].capital) {
      // "..., with Yerevan saying Azerbaijani forces killed four soldiers"
      Attribution sub;
      sub.begin = toks[i - 1].begin;
      sub.end = toks[i - 1].end;
      sub.claimant = std::string(text.substr(sub.begin, sub.end - sub.begin));
      sub.how = "said";
      said = sub;  // the one who gives the figure, over a mutual accusation before it
    } else if (lex::speech_verb(w) && i + 2 < s.last && toks[i + 1].lower == "each" &&
               toks[i + 2].lower == "other") {
      // "accused each other", "blamed each other": no one side speaks.
      continue;
    } else if (lex::speech_verb(w) &&
               !(i > s.first && (toks[i - 1].lower == "the" || toks[i - 1].lower == "a" ||
                                 toks[i - 1].lower == "an" || toks[i - 1].lower == "its" ||
                                 toks[i - 1].lower == "their"))) {
      // ("the declared ceasefire": a participle after a determiner says nothing.)
      Attribution sub = subject_of(text, toks, s, i, previous);
      // "..., reports the Press Center of the Border Troops": the speaker
      // follows the verb.
      if (sub.claimant.empty() && i > s.first && toks[i - 1].lower == "," && i + 1 < s.last &&
          (toks[i + 1].lower == "the" || toks[i + 1].capital || toks[i + 1].cyrillic) &&
          !date_word(toks[i + 1]))
        sub = phrase_after(text, toks, i + 1, s.last, "said");
      if (said.claimant.empty()) {
        said = sub;
      } else if (!sub.claimant.empty() && sub.how == "said" && reporter.empty() &&
                 sub.claimant != said.claimant && sub.begin > said.end &&
                 text.substr(said.end, sub.begin - said.end).find(',') != std::string_view::npos) {
        // "Kyrgyzstan raised the toll to 13, Radio Liberty reported": the
        // outlet passes on Kyrgyzstan's figure.
        reporter = sub.claimant;
      }
    }
  }
  Attribution out = !said.claimant.empty() ? said : explicit_src;
  if (out.claimant.empty()) return out;
  // "According to the source, ...": the source the text has just named.
  if (std::string lw = lower_ascii(out.claimant);
      (lw == "the source" || lw == "the report" || lw == "the statement" || lw == "it") &&
      !previous.claimant.empty()) {
    Attribution p = previous;
    p.how = "pronoun";
    p.begin = out.begin;
    p.end = out.end;
    out = p;
  }
  if (!via.empty() && out.claimant.find(via) == std::string::npos)
    out.claimant += " (citing " + via + ")";
  if (!reporter.empty()) out.claimant += " (as reported by " + reporter + ")";
  if (out.how != "pronoun") {
    std::vector<Token> sub = tokenize(out.claimant);
    out.country = countries_of(sub, 0, sub.size(), lookup, out.claimant);
  }
  return out;
}

namespace {

// The sentence says a toll grew ("taking the total to 59", "has risen to 19").
bool toll_grows(const std::vector<Token>& toks, const Sentence& s) {
  static const char* const cues[] = {"toll",     "total",  "risen",  "rose",    "rises",
                                     "bringing", "taking", "adding", "climbed", "reached"};
  for (std::size_t k = s.first; k < s.last; ++k)
    for (const char* c : cues)
      if (toks[k].lower == c) return true;
  return false;
}

// "13 more deaths", "an additional 13 people", "a further six" in a sentence
// where a toll grows: the count is added to a toll, it is not a toll.
bool increment_of_toll(const std::vector<Token>& toks, const Sentence& s, std::size_t first,
                       std::size_t last) {
  bool more = last < s.last && (toks[last].lower == "more" || toks[last].lower == "additional");
  bool added = first > s.first &&
               (toks[first - 1].lower == "additional" || toks[first - 1].lower == "further");
  return (more || added) && toll_grows(toks, s);
}

// "30 killed, including 15 in a mosque hit by a drone": the words after
// "in"/"at" up to the next comma tell a sub-event of its own.
std::pair<std::size_t, std::size_t> subevent_span(const std::vector<Token>& toks, const Sentence& s,
                                                  std::size_t first, std::size_t last) {
  if (first == s.first || toks[first - 1].lower != "including") return {0, 0};
  std::size_t k = last;
  if (k < s.last && (toks[k].lower == "people" || toks[k].lower == "of" || toks[k].lower == "them"))
    ++k;
  if (k >= s.last || (toks[k].lower != "in" && toks[k].lower != "at")) return {0, 0};
  std::size_t e = k + 1;
  while (e < s.last && toks[e].lower != "," && toks[e].lower != "." && toks[e].lower != ";") ++e;
  return e > k + 1 ? std::make_pair(k + 1, e) : std::make_pair(std::size_t{0}, std::size_t{0});
}

// "were forced to leave their homes", "had left their villages", "fled the
// town": leaving a home is displacement.
bool leaves_home(const std::vector<Token>& toks, std::size_t k, std::size_t last) {
  static const char* const verbs[] = {"leave", "left", "flee", "fled", "abandon", "abandoned"};
  static const char* const homes[] = {"home",     "homes", "houses", "village",
                                      "villages", "town",  "towns",  "area"};
  if (std::none_of(std::begin(verbs), std::end(verbs),
                   [&](const char* v) { return toks[k].lower == v; }))
    return false;
  for (std::size_t j = k + 1; j < last && j < k + 4; ++j)
    for (const char* h : homes)
      if (toks[j].lower == h) return true;
  return false;
}

// "(Town A 4,100 people, Town B 2,300)" after a figure: one figure per
// place, of the same kind, side and claimant. Every item must be a
// capitalised name and a number, else it is no breakdown.
std::vector<ClaimMention> breakdown(std::string_view text, const std::vector<Token>& toks,
                                    const Sentence& s, std::size_t from, const ClaimMention& of,
                                    const std::vector<bool>& skip) {
  std::size_t open = from;
  while (open < s.last && toks[open].lower != "(" &&
         (toks[open].kind != TokKind::number || skip[open]))
    ++open;
  if (open >= s.last || toks[open].lower != "(") return {};
  std::vector<ClaimMention> items;
  std::size_t k = open + 1;
  while (k < s.last && toks[k].lower != ")") {
    std::size_t name = k;
    while (k < s.last && toks[k].kind == TokKind::word && toks[k].capital) ++k;
    auto q = k > name ? parse_quantity(toks, k, s.last) : std::nullopt;
    if (!q || toks[q->first].kind != TokKind::number) return {};
    ClaimMention cm = of;
    cm.claim.low = q->low;
    cm.claim.high = q->high;
    cm.begin = toks[name].begin;
    cm.end = toks[q->last - 1].end;
    cm.sub_begin = toks[name].begin;
    cm.sub_end = toks[k - 1].end;
    cm.subevent = std::string(text.substr(cm.sub_begin, cm.sub_end - cm.sub_begin));
    cm.total = false;
    items.push_back(std::move(cm));
    k = q->last;
    while (k < s.last && toks[k].kind == TokKind::word && !toks[k].capital) ++k;  // "people"
    if (k < s.last && (toks[k].lower == "," || toks[k].lower == ";" || toks[k].lower == "and")) ++k;
  }
  return k < s.last ? items : std::vector<ClaimMention>{};
}

}  // namespace

std::vector<ClaimMention> find_claims(std::string_view text, const std::vector<Token>& toks,
                                      const Sentence& s, std::size_t sentence_index,
                                      const Attribution& who, const std::vector<bool>& skip) {
  std::vector<ClaimMention> out;
  bool total_cue = false;
  for (std::size_t k = s.first; k < s.last; ++k) {
    const std::string& w = toks[k].lower;
    if (w == "toll" || w == "total" || w == "overall" || w == "altogether" || w == "cumulative" ||
        (w == "so" && k + 1 < s.last && toks[k + 1].lower == "far") ||
        (w == "both" && k + 1 < s.last && toks[k + 1].lower == "sides"))
      total_cue = true;
  }
  for (std::size_t i = s.first; i < s.last; ++i) {
    if (skip[i]) continue;
    auto q = parse_quantity(toks, i, s.last);
    if (!q) continue;
    bool dated = false;
    for (std::size_t k = q->first; k < q->last; ++k) dated = dated || skip[k];
    if (dated) continue;
    // Forward: "36 people were killed", "130 wounded", "13 more deaths".
    std::string kind;
    std::size_t kind_at = 0, np_end = q->last;
    std::size_t window = q->last + 7;
    bool listed = false;  // other counts stand between this one and its kind
    for (std::size_t k = q->last; k < s.last && k < window; ++k) {
      const std::string& w = toks[k].lower;
      // "three soldiers, including an officer, died": skip the aside.
      if (w == "," && k + 1 < s.last && toks[k + 1].lower == "including") {
        std::size_t j = k + 2;
        while (j < s.last && j < k + 8 && toks[j].lower != ",") ++j;
        if (j < s.last && toks[j].lower == ",") {
          window += j + 1 - k;
          k = j;
          continue;
        }
      }
      // "six soldiers and five civilians injured": both counts take the kind.
      if (w == "and" && k + 1 < s.last) {
        if (auto q2 = parse_quantity(toks, k + 1, s.last)) {
          window += q2->last + 1 - k;
          k = q2->last - 1;
          listed = true;
          continue;
        }
      }
      // "seven people among the injured": a part of a figure, not a new one.
      if (toks[k].kind == TokKind::number || w == "," || w == ";" || w == "(" || w == "." ||
          w == "and" || w == "among" || stops_phrase(w) || lex::not_people(w) ||
          parse_quantity(toks, k, s.last))
        break;
      std::string c = leaves_home(toks, k, s.last) ? "displaced" : lex::casualty_kind(w);
      if (!c.empty() && !(w == "lives" && k == q->last)) {
        kind = c;
        kind_at = k;
        np_end = k;
        break;
      }
    }
    // Backward: "killed at least 24", "evacuated about 137,000", "toll to 59", "lives of".
    if (kind.empty()) {
      for (std::size_t k = q->first; k > s.first && q->first - k < 4; --k) {
        const std::string& w = toks[k - 1].lower;
        if (w == "," || w == "." || w == "and" || toks[k - 1].kind == TokKind::number) break;
        if (w == "toll") {
          kind = "killed";
        } else if (w == "dead" || w == "died") {
          break;  // "left several dead" is handled forward; "died" before a number is not its count
        } else {
          kind = lex::casualty_kind(w);
        }
        if (!kind.empty()) {
          kind_at = k - 1;
          break;
        }
      }
      // "the death toll from their border conflict had risen to 81": the toll
      // named earlier in the sentence, then a verb of rising right before.
      if (kind.empty() && q->first >= s.first + 2 && toks[q->first - 1].lower == "to") {
        static const char* const rise[] = {"risen",     "rose",   "rises", "climbed", "reached",
                                           "increased", "jumped", "grown", "grew"};
        const std::string& v = toks[q->first - 2].lower;
        bool rising =
            std::any_of(std::begin(rise), std::end(rise), [&](const char* r) { return v == r; });
        for (std::size_t k = s.first; rising && k + 2 < q->first; ++k)
          if (toks[k].lower == "toll") {
            kind = "killed";
            kind_at = k;
          }
      }
      if (!kind.empty() && q->last < s.last && lex::not_people(toks[q->last].lower)) kind.clear();
      // The noun phrase after the number: "24 people", "two dozen on the X side".
      np_end = q->last;
      while (np_end < s.last && np_end < q->last + 4 && toks[np_end].kind == TokKind::word &&
             !lex::speech_verb(toks[np_end].lower) && toks[np_end].lower != "in" &&
             toks[np_end].lower != "from")
        ++np_end;
    }
    // "including 15 in a mosque": the figure it is part of gives the kind.
    auto [sub_b, sub_e] = subevent_span(toks, s, q->first, q->last);
    if (kind.empty() && sub_e > sub_b && !out.empty()) {
      kind = out.back().claim.kind;
      kind_at = q->first;
    }
    if (kind.empty()) continue;
    // "killed or seriously injured", "dozens were killed and injured": one
    // count of both kinds (a number between makes two counts instead).
    for (std::size_t k = kind_at + 1; k + 1 < s.last && k < kind_at + 4; ++k) {
      if (toks[k].lower != "or" && toks[k].lower != "and/or" && toks[k].lower != "and") continue;
      std::size_t j = k + 1;
      while (j < s.last && j < k + 3 && adverb(toks[j].lower)) ++j;
      std::string other = j < s.last ? lex::casualty_kind(toks[j].lower) : "";
      if (!other.empty() && other != kind) kind = "casualties";
      break;
    }
    // "five injured children were among the wounded": part of a figure.
    bool part = false;
    for (std::size_t k = std::max(kind_at, np_end) + 1; k < s.last && k < kind_at + 6; ++k)
      if (toks[k].lower == "among" && k + 2 < s.last && toks[k + 1].lower == "the" &&
          !lex::casualty_kind(toks[k + 2].lower).empty())
        part = true;
    if (part) continue;
    ClaimMention cm;
    cm.claim.kind = kind;
    cm.claim.low = q->low;
    cm.claim.high = q->high;
    cm.claim.approx = q->approx;
    cm.sentence = sentence_index;
    cm.begin = toks[std::min(q->first, kind_at)].begin;
    cm.end = toks[std::max(q->last - 1, kind_at)].end;
    cm.quote_begin = s.begin;
    cm.quote_end = s.end;
    cm.claim.quote = std::string(text.substr(s.begin, s.end - s.begin));
    // Whose people: words in the noun phrase, then "on the X side", then "its".
    std::string side;
    bool its = false;
    for (std::size_t k = q->last; k < np_end; ++k) {
      std::string g =
          lex::group(toks[k].lower, k + 1 < s.last ? std::string_view(toks[k + 1].lower) : "");
      if (!g.empty() && cm.claim.group.empty()) cm.claim.group = g;
      if (toks[k].lower == "its" || toks[k].lower == "their") its = true;
      if (toks[k].lower.find('-') == std::string::npos) {
        std::string iso = lex::country_word(toks[k].lower);
        if (!iso.empty() && side.empty()) side = iso;
      }
    }
    std::size_t after = std::max(kind_at, np_end) + 1;
    for (std::size_t k = after; k < s.last && k < after + 5; ++k) {
      if (toks[k].lower == "side" || toks[k].lower == "sides") {
        if (k > 0 && toks[k - 1].lower == "both") {
          side = "both";
          cm.total = true;
        } else {
          std::string iso = country_in(toks, after, k);
          if (!iso.empty()) side = iso;
        }
        break;
      }
    }
    if (side.empty() && its && !who.country.empty()) side = who.country;
    // "On the Kyrgyz side, two soldiers and two civilians were injured."
    if (side.empty() && s.last - s.first > 4 && toks[s.first].lower == "on" &&
        toks[s.first + 1].lower == "the" &&
        (toks[s.first + 3].lower == "side" || toks[s.first + 3].lower == "sides")) {
      std::string iso = lex::country_word(toks[s.first + 2].lower);
      if (!iso.empty()) side = iso;
    }
    // "one Tajik border guard was killed and three more were injured"
    bool chained =
        np_end > q->last && (toks[q->last].lower == "more" || toks[q->last].lower == "others");
    if (q->first > s.first && toks[q->first - 1].lower == "another") chained = true;
    // "two Tajik officials killed and six soldiers and five civilians injured"
    if (q->first > s.first && toks[q->first - 1].lower == "and") chained = true;
    if (chained && !out.empty() && side.empty() && !out.back().side_inferred &&
        out.back().claim.side != "unknown") {
      side = out.back().claim.side;
      if (cm.claim.group.empty()) cm.claim.group = out.back().claim.group;
    }
    if (side.empty() && !who.country.empty()) {
      side = who.country;
      cm.side_inferred = true;
    }
    cm.claim.side = side.empty() ? "unknown" : side;
    cm.claim.claimant = who.claimant;
    cm.claimant_begin = who.begin;
    cm.claimant_end = who.end;
    cm.increment = increment_of_toll(toks, s, q->first, q->last);
    cm.total = !cm.increment && (cm.total || total_cue);
    if (sub_e > sub_b) {
      cm.sub_begin = toks[sub_b].begin;
      cm.sub_end = toks[sub_e - 1].end;
      cm.subevent = std::string(text.substr(cm.sub_begin, cm.sub_end - cm.sub_begin));
      cm.total = false;
      if (cm.claim.side == "unknown" && !out.empty()) cm.claim.side = out.back().claim.side;
    }
    std::vector<ClaimMention> parts = breakdown(text, toks, s, std::max(kind_at, np_end), cm, skip);
    out.push_back(std::move(cm));
    std::size_t resume = 0;  // past the breakdown's closing parenthesis
    if (!parts.empty())
      while (resume < s.last && toks[resume].begin < parts.back().end) ++resume;
    for (auto& p : parts) out.push_back(std::move(p));
    // The next counts of a list are figures of their own.
    i = listed ? q->last - 1 : std::max(q->last, kind_at + 1) - 1;
    i = std::max(i, resume);
  }
  return out;
}

}  // namespace bm::extract
