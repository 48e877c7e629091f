#include "extract/figure_rules.hpp"

#include <algorithm>
#include <iterator>

#include "extract/lexicon.hpp"
#include "extract/numbers.hpp"

namespace bm::extract {

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

// "210 houses had been destroyed", "damaged 23 houses", "повреждены 12
// домов": buildings destroyed or damaged, a figure of their own kind.
std::string property_damage(const std::vector<Token>& toks, const Sentence& s, std::size_t first,
                            std::size_t last, std::size_t& kind_at) {
  static const char* const buildings[] = {"houses",
                                          "homes",
                                          "buildings",
                                          "dwellings",
                                          "\xD0\xB4\xD0\xBE\xD0\xBC\xD0\xBE\xD0\xB2",  // домов
                                          "\xD0\xB4\xD0\xBE\xD0\xBC\xD0\xB0"};         // дома
  auto is = [&](std::size_t k, auto const& words) {
    return std::any_of(std::begin(words), std::end(words),
                       [&](const char* w) { return toks[k].lower == w; });
  };
  std::size_t noun = last;
  while (noun < s.last && noun < last + 3 && !is(noun, buildings)) ++noun;
  if (noun >= s.last || noun >= last + 3) return {};
  auto verdict = [&](std::size_t k) -> std::string {
    const std::string& w = toks[k].lower;
    if (w == "destroyed" || w == "razed" || w == "burnt" || w == "burned" ||
        w.starts_with("\xD1\x80\xD0\xB0\xD0\xB7\xD1\x80\xD1\x83\xD1\x88"))  // разруш-
      return "houses_destroyed";
    if (w == "damaged" ||
        w.starts_with("\xD0\xBF\xD0\xBE\xD0\xB2\xD1\x80\xD0\xB5\xD0\xB6\xD0\xB4"))  // поврежд-
      return "houses_damaged";
    return {};
  };
  for (std::size_t k = noun + 1; k < s.last && k < noun + 5; ++k)
    if (std::string v = verdict(k); !v.empty()) return kind_at = k, v;
  for (std::size_t k = first; k > s.first && first - k < 3; --k)
    if (std::string v = verdict(k - 1); !v.empty()) return kind_at = k - 1, v;
  return {};
}

// "were moved to temporary shelters", "taken to safer areas": evacuation.
bool moved_to_safety(const std::vector<Token>& toks, std::size_t k, std::size_t last) {
  const std::string& w = toks[k].lower;
  if (w != "moved" && w != "taken" && w != "transferred" && w != "relocated") return false;
  for (std::size_t j = k + 1; j < last && j < k + 5; ++j) {
    const std::string& n = toks[j].lower;
    if (n == "shelters" || n == "shelter" || n == "safety" || n == "safer" || n == "camps" ||
        n == "bunkers" || n == "hall" || n == "halls" || n == "tents" || n == "dormitories")
      return true;
  }
  return false;
}

bool in_hospital(const std::vector<Token>& toks, std::size_t k, std::size_t last) {
  const std::string& w = toks[k].lower;
  if (w == "hospitalised" || w == "hospitalized") return true;
  bool moved = w == "taken" || w == "admitted" || w == "rushed" || w == "brought" ||
               w == "airlifted" || w == "flown";
  bool stays = w == "remain" || w == "remained" || w == "remains" || w == "still";
  if (!moved && !stays) return false;
  for (std::size_t j = k + 1; j < last && j < k + 4; ++j) {
    const std::string& n = toks[j].lower;
    if (n == "hospital" || n == "hospitals") return true;
    if (n != "to" && n != "a" && n != "the" && n != "in" && n != "local" && n != "regional")
      return false;
  }
  return false;
}

// "wounded people died", "injured soldiers were killed": a kind word used as
// an adjective before a person noun, then a verb of another kind. The
// verb's token, or 0.
std::size_t verb_after_adjective(const std::vector<Token>& toks, std::size_t k, std::size_t last) {
  if (k + 2 >= last) return 0;
  const std::string& noun = toks[k + 1].lower;
  bool person = noun == "people" || noun == "persons" ||
                !lex::group(noun, k + 2 < last ? std::string_view(toks[k + 2].lower) : "").empty();
  if (!person) return 0;
  std::string here = lex::casualty_kind(toks[k].lower);
  for (std::size_t j = k + 2; j < last && j < k + 5; ++j) {
    std::string other = lex::casualty_kind(toks[j].lower);
    if (!other.empty() && other != here) return j;
    if (toks[j].kind != TokKind::word) break;
  }
  return 0;
}

std::string side_header(const std::vector<Token>& toks, const Sentence& s) {
  if (s.last - s.first < 2 || s.last - s.first > 4 || toks[s.last - 1].lower != ":") return {};
  std::string iso;
  for (std::size_t k = s.first; k + 1 < s.last; ++k) {
    const std::string& w = toks[k].lower;
    if (w == "side" || w == "the" || w == "on") continue;
    std::string c = lex::country_word(w);
    if (c.empty() || (!iso.empty() && c != iso)) return {};
    iso = c;
  }
  return iso;
}

}  // namespace bm::extract
