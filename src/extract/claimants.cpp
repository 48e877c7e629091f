#include "extract/claimants.hpp"

#include <algorithm>
#include <set>

#include "extract/borders.hpp"
#include "extract/crossings.hpp"
#include "extract/forces.hpp"
#include "extract/lexicon.hpp"

namespace bm::extract {
namespace {

// The places of one sentence (find_places lists them in sentence order).
std::pair<std::vector<PlaceMention>::const_iterator, std::vector<PlaceMention>::const_iterator>
places_of(const std::vector<PlaceMention>& places, std::size_t sentence) {
  auto before = [](const PlaceMention& m, std::size_t si) { return m.sentence < si; };
  auto after = [](std::size_t si, const PlaceMention& m) { return si < m.sentence; };
  return {std::lower_bound(places.begin(), places.end(), sentence, before),
          std::upper_bound(places.begin(), places.end(), sentence, after)};
}

bool name_link(const std::string& w) { return w == "of" || w == "the" || w == "for" || w == "and"; }

bool moved_or_houses(const std::string& kind) {
  return kind == "evacuated" || kind == "displaced" || kind == "houses_destroyed" ||
         kind == "houses_damaged";
}

bool full_stop(const Token& t) {
  return t.lower == "." || t.lower == "!" || t.lower == "?" || t.lower == "\"" ||
         t.lower == "\xE2\x80\x9D";
}

// A blank line between two sentences ends a paragraph.
bool new_paragraph(std::string_view text, const std::vector<Sentence>& sents, std::size_t si) {
  if (si == 0) return true;
  return text.substr(sents[si - 1].end, sents[si].begin - sents[si - 1].end).find("\n\n") !=
         std::string_view::npos;
}

// "The health ministry", "the ministry of defence": a government body named
// without its country, which is the country of the body named before it.
bool bare_ministry(const std::string& lw) {
  return lw.starts_with("the ") && lw.find("ministry") != std::string::npos &&
         std::count(lw.begin(), lw.end(), ' ') <= 4;
}

// "fled their homes in Cambodia's border provinces": a country named as
// where it happened, not as a speaker or a demonym.
bool in_country(const std::vector<Token>& toks, const PlaceMention& m) {
  return m.first > 0 && (toks[m.first - 1].lower == "in" || toks[m.first - 1].lower == "inside");
}

// "the army", "the military": a force named without its country, which is
// the country of the one who spoke before it.
bool bare_force(const std::string& lw) {
  return lw == "the army" || lw == "the military" || lw == "the armed forces" ||
         lw == "the border guards" || lw == "the border service";
}

// ("Eight killed" over "at least eight people were killed": the same figure)
bool same_figure(const Claim& a, const Claim& b) {
  auto stated = [](const Claim& c) { return c.low ? c.low : c.high; };
  return a.kind == b.kind && stated(a) == stated(b);
}

void take_claimant(ClaimMention& to, const ClaimMention& from) {
  to.claim.claimant = from.claim.claimant;
  to.claimant_begin = from.claimant_begin;
  to.claimant_end = from.claimant_end;
}

// The body's first telling of a headline's figure: the one told in full.
ClaimMention* first_repeat(std::vector<std::vector<ClaimMention>>& claims, std::size_t body,
                           const Claim& head) {
  for (std::size_t si = body; si < claims.size(); ++si)
    for (auto& cm : claims[si])
      if (!cm.increment && same_figure(head, cm.claim)) return &cm;
  // "Dozens of Taliban fighters killed" over "killed 35 Taliban fighters":
  // a vague headline count (a floor only) is the body's first figure of its
  // kind and side that meets it.
  if (head.high || !head.low) return nullptr;
  for (std::size_t si = body; si < claims.size(); ++si)
    for (auto& cm : claims[si])
      if (!cm.increment && cm.claim.kind == head.kind && cm.claim.low &&
          *cm.claim.low >= *head.low && (head.side == "unknown" || cm.claim.side == head.side))
        return &cm;
  return nullptr;
}

// "published by the Kyrgyz Ministry of Health and by the Tajik Ministry of
// Internal Affairs on 23 August": each agent after "by", as token ranges.
std::vector<std::pair<std::size_t, std::size_t>> agents_after_by(const std::vector<Token>& toks,
                                                                 const Sentence& s) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (std::size_t i = s.first + 1; i + 1 < s.last; ++i) {
    if (toks[i].lower != "by" || !lex::speech_verb(toks[i - 1].lower)) continue;
    std::size_t b = i + 1;
    for (std::size_t k = b; k <= s.last; ++k) {
      bool stop = k == s.last || lex::phrase_stop(toks[k].lower) || toks[k].lower == "on" ||
                  toks[k].kind == TokKind::number ||
                  (toks[k].lower == "and" && k + 1 < s.last && toks[k + 1].lower == "by");
      if (!stop) continue;
      if (k > b) out.push_back({b, k});
      if (k + 1 < s.last && toks[k].lower == "and" && toks[k + 1].lower == "by") {
        b = k + 2;
        k = b - 1;
        continue;
      }
      break;
    }
    break;
  }
  return out;
}

// A list's figures (lines without a full stop before this sentence) that
// have no source take the agent of their side from "published by X and by Y".
void claimants_after_list(std::vector<std::vector<ClaimMention>>& claims, std::string_view text,
                          const std::vector<Token>& toks, const std::vector<Sentence>& sents,
                          std::size_t si) {
  auto agents = agents_after_by(toks, sents[si]);
  if (agents.empty()) return;
  for (std::size_t l = si; l > 0 && !full_stop(toks[sents[l - 1].last - 1]); --l)
    for (auto& cm : claims[l - 1]) {
      if (!cm.claim.claimant.empty()) continue;
      for (auto [b, e] : agents) {
        std::string iso = country_in(toks, b, e);
        if (agents.size() > 1 && iso != cm.claim.side) continue;
        cm.claim.claimant =
            std::string(text.substr(toks[b].begin, toks[e - 1].end - toks[b].begin));
        cm.claimant_begin = toks[b].begin;
        cm.claimant_end = toks[e - 1].end;
        break;
      }
    }
}

// "... ранены. Об этом сообщил X": X is the source of the sentence before.
void said_after(std::vector<ClaimMention>& before, const Attribution& a) {
  for (auto& cm : before) {
    if (!cm.claim.claimant.empty()) continue;
    cm.claim.claimant = a.claimant;
    cm.claimant_begin = a.begin;
    cm.claimant_end = a.end;
    if (cm.claim.side == "unknown" && !a.country.empty()) {
      cm.claim.side = a.country;
      cm.side_inferred = true;
    }
  }
}

// "clashes on the Kyrgyzstan-Tajikistan border", "between the two sides",
// "between Armenia and Azerbaijan": the sentence tells of fighting between
// two countries.
bool between_two(std::string_view text, const std::vector<Token>& toks, const Sentence& s) {
  for (std::size_t j = s.first + 1; j < s.last; ++j) {
    const std::string& w = toks[j].lower;
    if (w == "border" || w == "frontier") {
      std::size_t from = j >= s.first + 3 ? j - 3 : s.first;
      for (std::size_t b = from; b < j; ++b)
        if (!country_pair(std::string(text.substr(toks[b].begin, toks[j - 1].end - toks[b].begin)))
                 .first.empty())
          return true;
    }
    if (toks[j - 1].lower != "between" || j + 2 >= s.last) continue;
    const std::string& n = toks[j + 1].lower;
    if (w == "the" && toks[j + 1].lower == "two") {
      const std::string& who = toks[j + 2].lower;
      if (who == "sides" || who == "countries" || who == "nations" || who == "neighbours" ||
          who == "neighbors" || who == "states")
        return true;
    }
    if (!lex::country_word(w).empty() && n == "and" &&
        !lex::country_word(toks[j + 2].lower).empty())
      return true;
  }
  return false;
}

// A toll of fighting between two countries that no words give to one side
// is both sides' ("at least 94 people have been killed in clashes on the
// X-Y border"); a count of "fighters" or "militants" is never the speaker's
// own people, so the speaker gives it no side.
void sides_of_conflict(std::vector<ClaimMention>& claims, std::string_view text,
                       const std::vector<Token>& toks, const Sentence& s) {
  bool both = between_two(text, toks, s);
  for (auto& cm : claims) {
    // (A claimant's count of fighters is the enemy's unless it says "its".)
    if (cm.side_inferred && !cm.own_side && cm.claim.group == "militants") {
      cm.claim.side = "unknown";
      cm.side_inferred = false;
    }
    bool people =
        cm.claim.kind == "killed" || cm.claim.kind == "injured" || cm.claim.kind == "casualties";
    if (both && people && cm.claim.side == "unknown" && cm.subevent.empty() && !cm.no_state)
      cm.claim.side = "both";
  }
}

// The figures told after a later clause's speech verb are that speaker's
// ("..., while the army said it lost five soldiers": a bare force speaks
// for the first speaker's country).
void later_clause(std::vector<ClaimMention>& claims, Attribution speaker, std::size_t from,
                  const Attribution& first) {
  if (speaker.claimant.empty()) return;
  if (speaker.country.empty() && bare_force(lower_ascii(speaker.claimant)) &&
      first.country != "both")
    speaker.country = first.country;
  for (ClaimMention& cm : claims) {
    if (cm.begin < from) continue;
    cm.claim.claimant = speaker.claimant;
    cm.claimant_begin = speaker.begin;
    cm.claimant_end = speaker.end;
    if (cm.side_inferred) {
      cm.claim.side = speaker.country.empty() ? "unknown" : speaker.country;
      cm.side_inferred = !speaker.country.empty();
    }
  }
}

}  // namespace

Acronyms find_acronyms(std::string_view text, const std::vector<Token>& toks) {
  Acronyms out;
  for (std::size_t i = 1; i + 2 < toks.size(); ++i) {
    if (toks[i].lower != "(" || toks[i + 2].lower != ")" || !is_acronym(text, toks[i + 1]))
      continue;
    std::size_t b = i;
    while (b > 0 && i - b < 16 && (toks[b - 1].capital || name_link(toks[b - 1].lower))) --b;
    while (b < i && name_link(toks[b].lower)) ++b;
    if (i - b < 2) continue;  // one capitalised word is not a name an acronym stands for
    std::string acronym(text.substr(toks[i + 1].begin, toks[i + 1].end - toks[i + 1].begin));
    out.emplace(acronym, std::string(text.substr(toks[b].begin, toks[i - 1].end - toks[b].begin)));
  }
  return out;
}

void expand_acronym(Attribution& a, const Acronyms& acronyms) {
  std::string_view c = a.claimant;
  if (c.starts_with("the ") || c.starts_with("The ")) c.remove_prefix(4);
  if (auto it = acronyms.find(std::string(c)); it != acronyms.end())
    a.claimant = it->second + " (" + it->first + ")";
}

std::string claimant_country(const Attribution& a, const std::vector<PlaceMention>& places,
                             std::size_t sentence) {
  if (!a.country.empty() || a.claimant.empty()) return a.country;
  std::string lw = lower_ascii(a.claimant);
  for (std::string_view both : {"both ", "two "})
    for (std::string_view who : {"governments", "sides", "countries", "parties"})
      if (lw.find(std::string(both) + std::string(who)) != std::string::npos) return "both";
  std::set<std::string> found;
  auto [from, to] = places_of(places, sentence);
  for (auto it = from; it != to; ++it)
    if (const auto& m = *it; m.begin >= a.begin && m.end <= a.end && m.place && !m.is_country &&
                             m.border.empty() && !m.country.empty())
      found.insert(m.country);
  return found.size() == 1 ? *found.begin() : std::string();
}

bool claimant_header(const std::vector<Token>& toks, const Sentence& s, const Attribution& a) {
  if (a.claimant.empty() || toks[s.last - 1].lower != ":" || a.end > toks[s.last - 1].begin)
    return false;
  // (A dateline's "9 August 2025" is no figure.)
  auto dated = [&](std::size_t k) {
    return (k > s.first && lex::month(toks[k - 1].lower)) ||
           (k + 1 < s.last && lex::month(toks[k + 1].lower));
  };
  for (std::size_t k = s.first; k < s.last; ++k)
    if (toks[k].kind == TokKind::number && !dated(k)) return false;
  return true;
}

// "Surin: 6 civilians killed, 19 injured": a row of a table by place gives
// its figures the place's people.
void side_from_row(std::vector<ClaimMention>& claims, const std::vector<PlaceMention>& places,
                   const std::vector<Token>& toks, const Sentence& s, std::size_t sentence) {
  auto [from, to] = places_of(places, sentence);
  if (from == to) return;
  const PlaceMention& m = *from;
  if (m.first != s.first || m.last >= s.last || toks[m.last].lower != ":" || !m.place ||
      m.is_country || m.country.empty())
    return;
  for (auto& cm : claims)
    if (cm.claim.side == "unknown" && !cm.no_state) {
      cm.claim.side = m.country;
      cm.side_inferred = true;
    }
}

void side_from_places(std::vector<ClaimMention>& claims, const std::vector<PlaceMention>& places,
                      const std::vector<Token>& toks, std::size_t sentence) {
  std::set<std::string> countries;
  auto [from, to] = places_of(places, sentence);
  for (auto it = from; it != to; ++it)
    if (const auto& m = *it; (m.place || (m.is_country && in_country(toks, m))) &&
                             m.border.empty() && !m.line && !m.country.empty())
      countries.insert(m.country);
  if (countries.size() != 1) return;
  for (auto& cm : claims) {
    bool civilians = cm.claim.group == "civilians" || cm.claim.group == "children";
    // (over a side inferred from the claimant: "30,000 people have been moved
    // to shelters in Surin province, the ministry said")
    bool open = cm.claim.side == "unknown" || cm.side_inferred;
    if (open && !cm.no_state && (moved_or_houses(cm.claim.kind) || civilians)) {
      cm.claim.side = *countries.begin();
      cm.side_inferred = true;
    }
  }
}

void complete_headline_claims(std::vector<std::vector<ClaimMention>>& claims,
                              const std::vector<Token>& toks, const std::vector<Sentence>& sents) {
  std::size_t body = 0;  // the first sentence that ends with a full stop
  while (body < sents.size() && !full_stop(toks[sents[body].last - 1])) ++body;
  for (std::size_t h = 0; h < body && h < claims.size(); ++h)
    for (auto& head : claims[h]) {
      ClaimMention* told = head.increment ? nullptr : first_repeat(claims, body, head.claim);
      if (!told) continue;
      head.told_again = true;
      if (!told->claim.claimant.empty())
        take_claimant(head, *told);
      else
        take_claimant(*told, head);
      if (head.claim.side == "unknown") head.claim.side = told->claim.side;
      if (told->claim.side == "unknown") told->claim.side = head.claim.side;
    }
}

std::vector<std::vector<ClaimMention>> gather_claims(std::string_view text,
                                                     const std::vector<Token>& toks,
                                                     const std::vector<Sentence>& sents,
                                                     const std::vector<bool>& skip,
                                                     const std::vector<PlaceMention>& places,
                                                     const PlaceLookup& lookup) {
  std::vector<std::vector<ClaimMention>> out(sents.size());
  Acronyms acronyms = find_acronyms(text, toks);
  Attribution who, header_who, ministry;
  std::size_t clause_from = 0, header_at = sents.size();
  std::string header_side;
  for (std::size_t si = 0; si < sents.size(); ++si) {
    const Sentence& s = sents[si];
    Attribution a = find_attribution(text, toks, s, who, lookup);
    expand_acronym(a, acronyms);
    a.country = claimant_country(a, places, si);
    // ("the ministry": the last ministry named, else the last speaker)
    if (a.country.empty() && a.how != "pronoun" && bare_force(lower_ascii(a.claimant)) &&
        who.country != "both")
      a.country = who.country;
    if (a.country.empty() && a.how != "pronoun" && bare_ministry(lower_ascii(a.claimant))) {
      const Attribution& body = ministry.country.empty() ? who : ministry;
      if (body.country != "both") a.country = body.country;
    }
    if (!a.claimant.empty()) who = a;
    if (!a.country.empty() && lower_ascii(a.claimant).find("ministry") != std::string::npos)
      ministry = a;
    // "According to the Ministry of Health:" heads its paragraph, or the
    // list in the paragraph right after it.
    if (new_paragraph(text, sents, si) && !(si > 0 && header_at == si - 1)) header_who = {};
    if (claimant_header(toks, s, a)) {
      header_at = si;
      header_who = a;
      header_who.how = "header";
    } else if (a.claimant.empty()) {
      a = header_who;
    }
    out[si] = find_claims(text, toks, s, si, a, skip);
    // (The speaker first: it sets clause_from, and the order in which a
    // call's arguments are evaluated is unspecified.)
    Attribution later = clause_speaker(text, toks, s, a, lookup, clause_from);
    later_clause(out[si], later, clause_from, a);
    if (a.how == "about_this" && si > 0) said_after(out[si - 1], a);
    // "Kyrgyzstan:" over a list: the list's figures are Kyrgyz until the
    // next header or the next sentence of prose.
    if (std::string iso = side_header(toks, s); !iso.empty())
      header_side = iso;
    else if (toks[s.last - 1].lower == ".")
      header_side.clear();
    for (auto& cm : out[si])
      if (cm.claim.side == "unknown" && !header_side.empty() && !cm.no_state)
        cm.claim.side = header_side;
    side_from_row(out[si], places, toks, s, si);
    side_from_places(out[si], places, toks, si);
    claimants_after_list(out, text, toks, sents, si);
  }
  complete_headline_claims(out, toks, sents);
  sides_from_named_forces(out, toks);
  sides_of_crossings(out, toks, places);
  // (after the headline took the body's side: "both" is the last resort)
  for (std::size_t si = 0; si < sents.size(); ++si)
    sides_of_conflict(out[si], text, toks, sents[si]);
  return out;
}

}  // namespace bm::extract
