#include "extract/roles.hpp"

#include <regex>

#include "extract/lexicon.hpp"
#include "extract/lexicon_ru.hpp"

namespace bm::extract {
namespace {

bool actor_verb(const std::string& w) {
  return lex::speech_verb(w) || w == "tried" || w == "wants" || w == "has" || w == "is" ||
         w == "also" || w == "offered" || w == "urged" || w == "called" || w == "denied" ||
         w == "insisted";
}

// "The incident took place in X", "the incident occurred near X": an event
// the article told of before, now placed.
bool incident_took_place(const std::vector<Token>& toks, const Sentence& s) {
  for (std::size_t k = s.first; k < s.last; ++k) {
    if (lex::ru::happened(toks[k].lower)) return true;  // "инцидент произошел"
    if (toks[k].lower != "incident" && toks[k].lower != "incidents") continue;
    for (std::size_t j = k + 1; j < s.last && j < k + 4; ++j) {
      const std::string& w = toks[j].lower;
      if (w == "took" || w == "occurred" || w == "happened" || w == "unfolded") return true;
    }
  }
  return false;
}

// "residents of X", "the people of X" in a sentence of figures: X is where
// it happened to them ("among them residents of X" is only a part of them).
bool people_of(const std::vector<Token>& toks, const Sentence& s, std::size_t k) {
  const std::string& w = toks[k].lower;
  if (w != "residents" && w != "inhabitants" && w != "villagers" && w != "people" &&
      w != "families")
    return false;
  for (std::size_t j = k; j > s.first && k - j < 3; --j)
    if (toks[j - 1].lower == "among" || toks[j - 1].lower == "including") return false;
  return true;
}

bool attack_verb(const std::string& w) {
  return w == "hit" || w == "shelled" || w == "struck" || w == "attacked" || w == "bombed" ||
         w == "targeted" || w == "stormed" || w == "captured" || w == "seized" || w == "raided" ||
         w == "bombarded" || w == "overran" || w == "shelling" || w == "targeting";
}

// An attack verb right before the word at k ("hit a hospital", "struck the school").
bool struck_before(const std::vector<Token>& toks, const Sentence& s, std::size_t k) {
  std::size_t j = k;
  while (j > s.first && k - j < 3 &&
         (toks[j - 1].lower == "a" || toks[j - 1].lower == "an" || toks[j - 1].lower == "the"))
    --j;
  return j > s.first && j < k && attack_verb(toks[j - 1].lower);
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
  // "Surin: 6 civilians killed": a table's row by place.
  if (has_claims && m.first == s.first && m.last < s.last && toks[m.last].lower == ":") {
    m.role = "incident";
    return;
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
    if (lex::venue_word(toks[k - 1].lower) ||
        ((toks[k - 1].lower == "held" || toks[k - 1].lower == "issued") && m.first - k < 3)) {
      // "artillery fire hit a hospital in X": a building struck is a scene.
      m.role = struck_before(toks, s, k - 1) ? "incident" : "venue";
      return;
    }
  if (!m.place && m.note.empty()) return;
  // The object of an attack verb: "shelled Jermuk", "mortar fire hit the village of X".
  for (std::size_t k = m.first; k > s.first && m.first - k < 6; --k) {
    const std::string& w = toks[k - 1].lower;
    if (attack_verb(w)) {
      m.role = "incident";
      return;
    }
    // "seized the Tajik outpost \"X\"": articles, demonyms, quotes and
    // generic words may stand between the verb and the name.
    bool quote = w == "\"" || w == "\xE2\x80\x9C" || w == "\xC2\xAB";
    // ("hit the outskirts of X": a part of the place is the place's)
    bool part = w == "outskirts" || w == "edge" || w == "centre" || w == "center";
    if (w != "the" && w != "of" && !lex::settlement_word(w) && !lex::area_word(w) &&
        w != "border" && !quote && !part && lex::country_word(w).empty())
      break;
  }
  if (ev.cues.empty() && !has_claims && !incident_took_place(toks, s)) return;
  // A locative word shortly before: "in", "on the border town of", "from the settlements of".
  for (std::size_t k = m.first; k > s.first && m.first - k < 6; --k) {
    const std::string& w = toks[k - 1].lower;
    if (w == "," || w == "." || w == ";") break;
    // ("close to", "next to": nearness in two words)
    bool near_to = w == "to" && k >= s.first + 2 &&
                   (toks[k - 2].lower == "close" || toks[k - 2].lower == "next");
    if ((lex::locative(w) && w != "and" && w != "of" && w != "by") || near_to ||
        (w == "of" && k >= s.first + 2 &&
         (lex::settlement_word(toks[k - 2].lower) || lex::area_word(toks[k - 2].lower) ||
          people_of(toks, s, k - 2)))) {
      m.role = "incident";
      return;
    }
  }
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

// "in the disputed al-Fashaga area": "in the" and one word before an area's name.
bool in_named_area(const std::string& gap, const std::vector<Token>& toks, const PlaceMention& m) {
  if (!gap.starts_with("in the ") || !lex::area_word(toks[m.last - 1].lower)) return false;
  std::string_view rest = std::string_view(gap).substr(7);
  return !rest.empty() && rest.find(' ') == rest.size() - 1;
}

bool locating_phrase(const std::string& gap) {
  static const std::regex re(
      R"(^(, )?((close to|near|next to|adjacent to|not far from|bordering|in|of) )?(the )?([a-z-]+ ){0,2})"
      R"((enclave|exclave|state|province|region|district|oblast|county|village|town|city|jamoat|municipality) of $)");
  return std::regex_match(gap, re);
}

}  // namespace

// The regex ^('s )?([a-z-]+ ){0,2}$ written out: it was compiled at every
// call, once per pair of places in a sentence.
bool few_lower_words(std::string_view gap) {
  if (gap.starts_with("'s ")) gap.remove_prefix(3);
  int words = 0;
  while (!gap.empty()) {
    std::size_t n = 0;
    while (n < gap.size() && ((gap[n] >= 'a' && gap[n] <= 'z') || gap[n] == '-')) ++n;
    if (n == 0 || n == gap.size() || gap[n] != ' ' || ++words > 2) return false;
    gap.remove_prefix(n + 1);
  }
  return true;
}

namespace {

// Lists share a role ("the regions of Batken and Osh"); in "X in the Y
// region of Z" Y and Z locate X and are not incidents of their own.
void share_roles(const std::vector<PlaceMention*>& in_sentence, const std::vector<Token>& toks,
                 const Sentence& s) {
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
      // The role only: in a border story a list can span both sides ("in
      // Spin Boldak and Kurram districts"), so an unresolved item's country
      // stays not recorded (its list-mates only ranked its candidates).
      m.role = prev.role;
    } else if ((gap == "in the " || gap == "in " || gap == ", " || gap == "of " || gap == "( " ||
                locating_phrase(gap) || in_named_area(gap, toks, m)) &&
               (prev.role == "incident" || prev.role == "context" || prev.role == "venue")) {
      m.role = "context";
      // "near Barakat Noreen in the disputed al-Fashaga area": one scene,
      // placed at the area while the name is not in the gazetteer.
      if (!prev.place && !prev.is_country && m.place && !m.is_country &&
          (gap == "in " || gap.starts_with("in the ")) && lex::area_word(toks[m.last - 1].lower))
        prev.area = m.place, prev.area_text = m.text;
      // "the Ta Muen Thom temple in Oddar Meanchey province": what the text
      // says X lies in gives X's country, unlike a list-mate.
      bool inside = gap == "in the " || gap == "in " || locating_phrase(gap);
      if (inside && !prev.place && prev.country.empty() && m.place && !m.is_country &&
          m.border.empty() && !m.line && !m.country.empty()) {
        prev.country = m.country;
        prev.note += "; country of the place it is said to lie in (" + m.text + ")";
      }
    } else if (prev.is_country && prev.role == "context" && !m.is_country && few_lower_words(gap)) {
      // "the Leylek district of Kyrgyzstan's southwestern Batken region"
      m.role = "context";
    }
  }
}

}  // namespace

void assign_roles(const std::vector<PlaceMention*>& in_sentence, const std::vector<Token>& toks,
                  const Sentence& s, const SentenceEvents& ev, bool has_claims) {
  for (PlaceMention* m : in_sentence) classify(*m, toks, s, ev, has_claims);
  share_roles(in_sentence, toks, s);
}

}  // namespace bm::extract
