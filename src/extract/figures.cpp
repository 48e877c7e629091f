#include "extract/figures.hpp"

#include <algorithm>
#include <iterator>
#include <set>

#include "extract/figure_rules.hpp"
#include "extract/forces.hpp"
#include "extract/lexicon.hpp"
#include "extract/lexicon_ru.hpp"
#include "extract/numbers.hpp"
#include "extract/places.hpp"

namespace bm::extract {

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
      // "58,000 residents of Surin and Si Sa Ket provinces were moved": the
      // names of their places stand between the count and its kind.
      if (w == "of" && k + 1 < s.last && toks[k + 1].capital) {
        std::size_t j = k + 1;
        while (j < s.last && j < k + 8 &&
               (toks[j].capital || toks[j].lower == "and" || lex::area_word(toks[j].lower) ||
                lex::settlement_word(toks[j].lower) || toks[j].lower == "nearby" ||
                toks[j].lower == "surrounding" || toks[j].lower == "border"))
          ++j;
        window += j - k;
        k = j - 1;
        continue;
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
          w == "and" || w == "among" || lex::phrase_stop(w) || lex::not_people(w) ||
          parse_quantity(toks, k, s.last))
        break;
      std::string c = leaves_home(toks, k, s.last)       ? "displaced"
                      : moved_to_safety(toks, k, s.last) ? "evacuated"
                      : in_hospital(toks, k, s.last)     ? "injured"
                                                         : lex::casualty_kind(w);
      if (!c.empty() && !(w == "lives" && k == q->last)) {
        kind = c;
        kind_at = k;
        np_end = k;
        // "six more wounded people died": the verb, not the adjective.
        if (std::size_t v = verb_after_adjective(toks, k, s.last)) {
          kind = lex::casualty_kind(toks[v].lower);
          kind_at = v;
        }
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
        } else if (w == "treating" || w == "treated") {
          kind = "injured";  // "was treating 12 people with burns"
        } else if (w == "dead" || w == "died") {
          break;  // "left several dead" is handled forward; "died" before a number is not its count
        } else if (w == "lost" || w == "loses" || w == "lose") {
          kind = "killed";  // "the army said it lost four soldiers" (not "lost 3 tanks": below)
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
      // "captured three Pakistani posts": things counted, past a demonym or force.
      std::size_t counted = q->last;
      if (counted + 1 < s.last && !lex::country_word(toks[counted].lower).empty()) ++counted;
      if (!kind.empty() && counted < s.last && lex::not_people(toks[counted].lower)) kind.clear();
      // The noun phrase after the number: "24 people", "two dozen on the X side".
      np_end = q->last;
      while (np_end < s.last && np_end < q->last + 4 && toks[np_end].kind == TokKind::word &&
             !lex::speech_verb(toks[np_end].lower) && toks[np_end].lower != "in" &&
             toks[np_end].lower != "from")
        ++np_end;
    }
    if (kind.empty()) kind = property_damage(toks, s, q->first, q->last, kind_at);
    // "including 15 in a mosque": the figure it is part of gives the kind.
    auto [sub_b, sub_e] = subevent_span(toks, s, q->first, q->last);
    if (kind.empty() && sub_e > sub_b && !out.empty()) {
      kind = out.back().claim.kind;
      kind_at = q->first;
    }
    if (kind.empty()) continue;
    // "killed or seriously injured", "dozens were killed and injured": one
    // count of both kinds (a number between makes two counts instead).
    // ("killing one soldier and capturing six": the number is its own count.)
    for (std::size_t k = kind_at + 1; kind_at > q->first && k + 1 < s.last && k < kind_at + 4;
         ++k) {
      if (toks[k].lower != "or" && toks[k].lower != "and/or" && toks[k].lower != "and") continue;
      std::size_t j = k + 1;
      while (j < s.last && j < k + 3 && lex::adverb(toks[j].lower)) ++j;
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
    bool stateless = false;  // "five TTP fighters": a group of no state, so no side
    for (std::size_t k = q->last; k < np_end; ++k) {
      std::string g =
          lex::group(toks[k].lower, k + 1 < s.last ? std::string_view(toks[k + 1].lower) : "");
      if (!g.empty() && cm.claim.group.empty()) cm.claim.group = g;
      if (toks[k].lower == "its" || toks[k].lower == "their") its = true;
      // "40 Taliban dead", "two BSF jawans": a force names its side.
      std::size_t force_end = 0;
      if (const Force* f = force_at(toks, k, np_end, force_end); f && side.empty() && !stateless) {
        side = f->country;
        stateless = side.empty();
        k = force_end - 1;
        continue;
      }
      if (toks[k].lower.find('-') == std::string::npos) {
        std::string iso = lex::country_word(toks[k].lower);
        if (!iso.empty() && side.empty() && !stateless) side = iso;
      }
    }
    std::size_t after = std::max(kind_at, np_end) + 1;
    // (Words of the figure itself, "a dozen Armenian soldiers", come first.)
    for (std::size_t k = after; side.empty() && k < s.last && k < after + 7; ++k) {
      // Another figure's words begin: its side is not this one's.
      if (toks[k].kind == TokKind::number || !lex::casualty_kind(toks[k].lower).empty()) break;
      if (toks[k].lower != "side" && toks[k].lower != "sides") continue;
      // "on the Tajik side", "on both sides"; not "and blamed the Kyrgyz side".
      std::size_t p = k;
      while (p > after &&
             (toks[p - 1].lower == "the" || toks[p - 1].lower == "both" ||
              toks[p - 1].lower == "and" || !lex::country_word(toks[p - 1].lower).empty()))
        --p;
      bool placed = p > after && (toks[p - 1].lower == "on" || toks[p - 1].lower == "from" ||
                                  toks[p - 1].lower == "at");
      if (placed && toks[k - 1].lower == "both") {
        side = "both";
        cm.total = true;
      } else if (placed) {
        std::string iso = country_in(toks, p, k);
        if (!iso.empty()) side = iso;
      }
      break;
    }
    // ("its soldiers": the claimant's own, so a later clause's speaker re-reads it)
    bool own = side.empty() && its && !stateless && !who.country.empty();
    if (own) side = who.country;
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
    // ("еще двое": "two more" in Russian)
    if (q->first > s.first && (toks[q->first - 1].lower == "another" ||
                               toks[q->first - 1].lower == "\xD0\xB5\xD1\x89\xD0\xB5" ||
                               toks[q->first - 1].lower == "\xD0\xB5\xD1\x89\xD1\x91"))
      chained = true;
    // "two Tajik officials killed and six soldiers and five civilians injured"
    if (q->first > s.first && toks[q->first - 1].lower == "and") chained = true;
    if (chained && !stateless && !out.empty() && side.empty() && !out.back().side_inferred &&
        out.back().claim.side != "unknown") {
      side = out.back().claim.side;
      if (cm.claim.group.empty()) cm.claim.group = out.back().claim.group;
    }
    if (side.empty() && !stateless && !who.country.empty()) {
      side = who.country;
      cm.side_inferred = true;
    }
    cm.claim.side = side.empty() ? "unknown" : side;
    cm.no_state = stateless;
    cm.side_inferred = cm.side_inferred || own;
    cm.own_side = own;
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
    // From the sentence's start, not the article's: a long article made this quadratic.
    if (!parts.empty())
      for (resume = s.first; resume < s.last && toks[resume].begin < parts.back().end;) ++resume;
    for (auto& p : parts) out.push_back(std::move(p));
    // The next counts of a list are figures of their own.
    i = listed ? q->last - 1 : std::max(q->last, kind_at + 1) - 1;
    i = std::max(i, resume);
  }
  return out;
}

}  // namespace bm::extract
