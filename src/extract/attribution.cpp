#include "extract/figures.hpp"

#include <algorithm>
#include <iterator>
#include <set>

#include "extract/forces.hpp"
#include "extract/lexicon.hpp"
#include "extract/lexicon_ru.hpp"

// Who says a figure: the subject of a speech verb, "according to X", "as
// per X", a speaker after the verb, pronouns and "the ministry" back to the
// body named before.
namespace bm::extract {
namespace {

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
    // "the Taliban government" speaks for AF; "a Pakistani Taliban
    // commander" for no state.
    std::size_t force_end = 0;
    if (const Force* f = force_at(toks, k, b, force_end)) {
      if (!f->country.empty()) found.insert(std::string(f->country));
      k = force_end - 1;
      continue;
    }
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

bool is_conjunction(const std::string& w) {
  return w == "and" || w == "but" || w == "or" || w == "then" || w == "nor";
}

// Where the subject ending before token e starts: up to 8 words, longer
// while an official name runs on in capitals and "of the" ("the Border Troops
// of the State Committee for National Security of the Republic of X").
std::size_t start_of_name(const std::vector<Token>& toks, std::size_t first, std::size_t e) {
  std::size_t b = e;
  while (b > first && !lex::phrase_stop(toks[b - 1].lower) && toks[b - 1].kind != TokKind::number) {
    const Token& t = toks[b - 1];
    bool name_word = t.capital || t.lower == "of" || t.lower == "the" || t.lower == "for";
    if (e - b >= 20 || (e - b >= 8 && !name_word)) break;
    --b;
  }
  return b;
}

Attribution phrase_after(std::string_view text, const std::vector<Token>& toks, std::size_t from,
                         std::size_t last, const char* how) {
  Attribution a;
  std::size_t e = from;
  if (e < last && toks[e].lower == "the") {
  }
  // Official names run long: "the Press Center of the Border Troops of the
  // State Committee for National Security of Tajikistan".
  while (e < last && e - from < 16 && !lex::phrase_stop(toks[e].lower) && toks[e].lower != "and")
    ++e;
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

// "the country said", "the former Soviet state said": the country that
// spoke before, not a new claimant.
bool refers_to_country(const std::string& lw) {
  if (!lw.starts_with("the ") || std::count(lw.begin(), lw.end(), ' ') > 3) return false;
  for (std::string_view noun : {" country", " state", " republic", " nation"})
    if (lw.ends_with(noun)) return true;
  return false;
}

// "the ministry said" after "the Kyrgyz health ministry said": the same one.
bool same_body(const std::string& lw, const Attribution& previous) {
  for (std::string_view body :
       {"ministry", "committee", "service", "agency", "office", "government", "authorities", "army",
        "military", "society", "organisation", "organization", "mission"})
    if (lw == "the " + std::string(body) &&
        lower_ascii(previous.claimant).find(body) != std::string::npos)
      return true;
  return false;
}

// A speech verb, or "put the toll at 19" (the Thai health ministry put
// the country's toll at 19 dead).
bool tells(const std::vector<Token>& toks, std::size_t i, std::size_t last) {
  const std::string& w = toks[i].lower;
  if (lex::speech_verb(w)) return true;
  if (w != "put" && w != "puts" && w != "putting") return false;
  for (std::size_t k = i + 1; k < last && k < i + 5; ++k)
    if (toks[k].lower == "toll" || toks[k].lower == "number") return true;
  return false;
}

// The subject of the speech verb at token i: words right before it, skipping
// "late Sunday", "had" and asides; a pronoun is the previous claimant; a
// passive ("49 soldiers have been confirmed killed") is no attribution.
Attribution subject_of(std::string_view text, const std::vector<Token>& toks, const Sentence& s,
                       std::size_t i, const Attribution& previous) {
  Attribution said;
  std::size_t e = i;
  while (e > s.first && (date_word(toks[e - 1]) || lex::adverb(toks[e - 1].lower)) &&
         toks[e - 1].kind != TokKind::number)
    --e;
  // "X, citing Y, reported", "X, who spoke on condition of anonymity, said",
  // "X, a senior doctor at the hospital in Y, told": the subject is X.
  if (e > s.first && toks[e - 1].lower == ",") {
    for (std::size_t c = e - 1; c > s.first && e - c < 20; --c) {
      const std::string& w1 = toks[c - 1].lower;
      // (", across the border,", ", in Kabul,": a place told between commas)
      bool aside = w1 == "citing" || w1 == "quoting" || w1 == "who" || w1 == "which" ||
                   (lex::locative(w1) && w1 != "and" && w1 != "of");
      bool apposition = (w1 == "a" || w1 == "an" || w1 == "the") && c + 1 < e;
      if ((aside || apposition) && c - 1 > s.first && toks[c - 2].lower == ",") {
        e = c - 2;
        break;
      }
      if (!aside && !apposition && e - c >= 12) break;
    }
  }
  // "X and claimed", "X, but said": the verb shares the subject already found.
  if (e > s.first && is_conjunction(toks[e - 1].lower)) return said;
  // "the Ministry of Emergency Situations (MoES) said": the name with its
  // acronym, which later sentences reuse.
  std::size_t name_end = e;
  if (e >= s.first + 4 && toks[e - 1].lower == ")" && toks[e - 3].lower == "(" &&
      is_acronym(text, toks[e - 2]))
    e -= 3;
  std::size_t b = start_of_name(toks, s.first, e);
  // "Officials who asked not to be named said": the subject is before "who".
  if (b < e && b > s.first + 1 && (toks[b - 1].lower == "who" || toks[b - 1].lower == "which")) {
    std::size_t b2 = start_of_name(toks, s.first, b - 1);
    if (b2 < b - 1) {
      e = name_end = b - 1;
      b = b2;
    }
  }
  // ("The BSF retaliated, and a spokesman claimed": the clause's subject)
  while (b + 1 < e && is_conjunction(toks[b].lower)) ++b;
  if (b >= e) return said;
  said.begin = toks[b].begin;
  said.end = toks[name_end - 1].end;
  said.claimant = std::string(text.substr(said.begin, said.end - said.begin));
  said.how = "said";
  std::string lw = lower_ascii(said.claimant);
  if (lw == "it" || lw == "they" || lw == "he" || lw == "she" || lw == "the side" ||
      same_body(lw, previous) || (refers_to_country(lw) && !previous.country.empty())) {
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
  // "50 deaths and raised fears": a figure's words are no speaker.
  bool figure_words = false;
  for (std::size_t k = b; k < e; ++k)
    figure_words = figure_words || !lex::casualty_kind(toks[k].lower).empty();
  if (lw.starts_with("people") || lw.starts_with("at least") || is_passive || figure_words)
    return {};
  return said;
}

// "Об этом сообщил X", "Об этом заявили в X": "X said this" after the
// sentence it is about (gather_claims gives it to that sentence's figures).
Attribution about_this(std::string_view text, const std::vector<Token>& toks, const Sentence& s) {
  std::size_t v = s.first + 2;
  if (v + 1 >= s.last || toks[s.first].lower != "\xD0\xBE\xD0\xB1" ||
      toks[s.first + 1].lower != "\xD1\x8D\xD1\x82\xD0\xBE\xD0\xBC" ||
      !lex::speech_verb(toks[v].lower))
    return {};
  std::size_t from = toks[v + 1].lower == "\xD0\xB2" ? v + 2 : v + 1;  // "в Министерстве"
  return phrase_after(text, toks, from, s.last, "about_this");
}

}  // namespace

Attribution find_attribution(std::string_view text, const std::vector<Token>& toks,
                             const Sentence& s, const Attribution& previous,
                             const PlaceLookup& lookup) {
  Attribution said, explicit_src;
  std::string via, reporter;
  // "..., Radio Liberty reported [on 14 September]." tells no figure after
  // its verb; "..., and X said two were killed" opens a clause of its own
  // (clause_speaker).
  auto closes = [&](std::size_t i) {
    for (std::size_t k = i + 1; k < s.last; ++k)
      if (!lex::casualty_kind(toks[k].lower).empty() || toks[k].lower == "lost") return false;
    return true;
  };
  if (Attribution about = about_this(text, toks, s); !about.claimant.empty()) return about;
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
    } else if ((w == "saying" || w == "claiming") && i >= s.first + 2 &&
               toks[i - 2].lower == "with" && toks[i - 1].capital) {
      // "..., with Yerevan saying Azerbaijani forces killed four soldiers",
      // "with Pakistan claiming 40 Taliban dead"
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
    } else if (tells(toks, i, s.last) &&
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
      } else if (!sub.claimant.empty() && sub.how == "said" && reporter.empty() && closes(i) &&
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
  // "According to the source, ...", "According to the ministry": the
  // source the text has just named.
  if (std::string lw = lower_ascii(out.claimant);
      (lw == "the source" || lw == "the report" || lw == "the statement" || lw == "it" ||
       lex::ru::refers_back(lw) || same_body(lw, previous)) &&
      !previous.claimant.empty()) {
    Attribution p = previous;
    p.how = "pronoun";
    p.begin = out.begin;
    p.end = out.end;
    out = p;
  }
  // ("Trend reported citing the ministry" after the ministry: no new source.)
  if (!via.empty() && out.claimant.find(via) == std::string::npos &&
      !same_body(lower_ascii(via), out))
    out.claimant += " (citing " + via + ")";
  if (!reporter.empty()) out.claimant += " (as reported by " + reporter + ")";
  if (out.how != "pronoun") {
    std::vector<Token> sub = tokenize(out.claimant);
    out.country = countries_of(sub, 0, sub.size(), lookup, out.claimant);
  }
  return out;
}

Attribution clause_speaker(std::string_view text, const std::vector<Token>& toks, const Sentence& s,
                           const Attribution& first, const PlaceLookup& lookup, std::size_t& from) {
  for (std::size_t i = s.first + 1; i + 1 < s.last; ++i) {
    if (!tells(toks, i, s.last) || toks[i + 1].lower == "." || toks[i + 1].lower == ",") continue;
    std::size_t b = start_of_name(toks, s.first, i);
    if (b >= i || b == s.first) continue;
    // The clause opens after a comma with "and", or after "while"/"but".
    bool after_and = toks[b].lower == "and" && toks[b - 1].lower == ",";
    bool after_stop = toks[b - 1].lower == "while" || toks[b - 1].lower == "but";
    if (after_and) ++b;
    if ((!after_and && !after_stop) || b >= i || toks[b].begin < first.end) continue;
    Attribution a;
    a.begin = toks[b].begin;
    a.end = toks[i - 1].end;
    a.claimant = std::string(text.substr(a.begin, a.end - a.begin));
    std::string lw = lower_ascii(a.claimant);
    if (lw == "it" || lw == "he" || lw == "she" || lw == "they" || a.claimant == first.claimant)
      continue;
    a.how = "said";
    a.country = countries_of(toks, b, i, lookup, text);
    from = toks[i].end;
    return a;
  }
  return {};
}

}  // namespace bm::extract
