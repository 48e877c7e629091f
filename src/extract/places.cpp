#include "extract/places.hpp"

#include <algorithm>
#include <set>

#include "extract/lexicon.hpp"
#include "extract/lexicon_ru.hpp"
#include "extract/place_context.hpp"
#include "gazetteer/context.hpp"

namespace bm::extract {
namespace {

bool candidate_word(const Token& t) {
  if (t.kind != TokKind::word || !t.capital) return false;
  if (lex::not_a_place(t.lower) || lex::month(t.lower) || lex::weekday(t.lower) >= 0) return false;
  if (t.cyrillic && lex::ru::function_word(t.lower)) return false;
  return true;
}

// "cambodia-thailand", "kyrgyz-tajik": one token joining two countries.
bool two_countries(std::string_view w) {
  std::size_t at = w.find('-');
  return at != std::string_view::npos && !lex::country_word(w.substr(0, at)).empty() &&
         !lex::country_word(w.substr(at + 1)).empty();
}

// "Kyrgyz Republic", "United States", "Republic of Tajikistan": a country's
// name of several words, all capitalised but "of"; the end token, or 0.
std::size_t long_country_name(std::string_view text, const std::vector<Token>& toks, std::size_t i,
                              std::size_t last, const PlaceLookup& lookup) {
  if (!toks[i].capital || toks[i].kind != TokKind::word) return 0;
  std::size_t best = 0;
  for (std::size_t e = i + 2; e <= last && e <= i + 5; ++e) {
    const Token& t = toks[e - 1];
    if (t.kind != TokKind::word || (!t.capital && t.lower != "of")) break;
    if (t.capital && !lookup.country_iso(span_text(text, toks, i, e)).empty()) best = e;
    if (t.possessive) break;
  }
  return best;
}

// "Obidjon Tuychiev", "Elzada Mannanova": a given name and a surname with a
// common patronymic suffix. Only asked of names the gazetteer does not know.
bool looks_like_person(const std::vector<Token>& toks, std::size_t i, std::size_t e) {
  if (e - i != 2) return false;
  const std::string& last = toks[e - 1].lower;
  for (std::string_view suffix : {"ov", "ev", "ova", "eva", "yev", "iev", "yan", "ian", "enko",
                                  "zoda", "zade", "uulu", "kyzy", "vich", "ovna", "evna"})
    if (last.size() > suffix.size() + 2 && last.ends_with(suffix)) return true;
  return false;
}

}  // namespace

std::string country_in(const std::vector<Token>& toks, std::size_t first, std::size_t last) {
  for (std::size_t k = first; k < last; ++k) {
    if (toks[k].kind != TokKind::word) continue;
    // "Kyrgyzstan-Tajikistan" names two countries: no single side.
    if (toks[k].lower.find('-') != std::string::npos) continue;
    std::string iso = lex::country_word(toks[k].lower);
    if (!iso.empty()) return iso;
  }
  return {};
}

PlaceMention span_mention(std::string_view text, const std::vector<Token>& toks, std::size_t first,
                          std::size_t last, std::size_t sentence) {
  PlaceMention m;
  m.first = first;
  m.last = last;
  m.begin = toks[first].begin;
  m.end = toks[last - 1].end;
  m.sentence = sentence;
  m.text = std::string(text.substr(m.begin, m.end - m.begin));
  m.query = m.text;
  return m;
}

PlaceScan find_places(std::string_view text, const std::vector<Token>& toks,
                      const std::vector<Sentence>& sentences, const PlaceLookup& lookup) {
  PlaceScan scan;
  // Pass 1: countries named or implied by demonyms, for context.
  for (const Token& t : toks) {
    if (t.kind != TokKind::word) continue;
    std::string iso = lex::country_word(t.lower);
    if (iso.empty() && t.capital) iso = lookup.country_iso(text.substr(t.begin, t.end - t.begin));
    if (!iso.empty()) ++scan.countries[iso];
    // Compounds such as "Kyrgyz-Tajik" or "India-China".
    if (auto dash = t.lower.find('-'); dash != std::string::npos) {
      for (std::string part : {t.lower.substr(0, dash), t.lower.substr(dash + 1)}) {
        std::string iso2 = lex::country_word(part);
        if (!iso2.empty()) ++scan.countries[iso2];
      }
    }
  }
  // Pass 2: candidate spans per sentence. `persons`: words of multi-word
  // names that are no place ("Vladimir Putin"), so a later "Putin" is skipped.
  std::set<std::string> persons;
  std::vector<std::string> by_mentions;
  for (const auto& [iso, n] : scan.countries) by_mentions.push_back(iso);
  std::stable_sort(by_mentions.begin(), by_mentions.end(),
                   [&](const std::string& a, const std::string& b) {
                     return scan.countries.at(a) > scan.countries.at(b);
                   });
  for (std::size_t si = 0; si < sentences.size(); ++si) {
    const Sentence& s = sentences[si];
    std::size_t i = s.first;
    while (i < s.last) {
      if (std::size_t e = long_country_name(text, toks, i, s.last, lookup)) {
        PlaceMention m;
        m.first = i;
        m.last = e;
        m.begin = toks[i].begin;
        m.sentence = si;
        m.text = span_text(text, toks, i, e);
        m.end = m.begin + m.text.size();
        m.query = m.text;
        m.is_country = true;
        m.country = lookup.country_iso(m.text);
        scan.places.push_back(std::move(m));
        i = e;
        continue;
      }
      bool prefix = toks[i].capital && lex::name_prefix(toks[i].lower) && i + 1 < s.last &&
                    candidate_word(toks[i + 1]);
      if (!candidate_word(toks[i]) && !prefix) {
        ++i;
        continue;
      }
      // The whole run of capitalised words: institutions ("Shanghai Cooperation
      // Organization") and people ("President Vladimir Putin") are skipped whole.
      std::size_t run_b = i;
      while (run_b > s.first && toks[run_b - 1].capital && toks[run_b - 1].kind == TokKind::word &&
             !toks[run_b - 1].possessive && run_b - 1 != s.first)
        --run_b;
      std::size_t run_e = i + 1;
      while (run_e < s.last && toks[run_e].capital && toks[run_e].kind == TokKind::word &&
             !toks[run_e - 1].possessive)
        ++run_e;
      bool skip_run = false;
      for (std::size_t k = run_b; k < run_e; ++k)
        skip_run =
            skip_run || lex::institution_word(toks[k].lower) || persons.contains(toks[k].lower);
      if (run_b > s.first && lex::title_word(toks[run_b - 1].lower)) skip_run = true;
      // "Gen. Khov Ly": a title's abbreviation and its stop, which may have
      // ended the sentence, before the name.
      if (run_b >= 2 && toks[run_b - 1].lower == "." &&
          toks[run_b - 2].end == toks[run_b - 1].begin &&
          lex::title_abbreviation(toks[run_b - 2].lower))
        skip_run = true;
      // "Пограничная служба": a Russian body's name goes on in lower case.
      if (run_e < s.last && toks[run_e].cyrillic && lex::institution_word(toks[run_e].lower))
        skip_run = true;
      for (std::size_t k = run_b; k < run_e; ++k)
        skip_run = skip_run || lex::title_word(toks[k].lower);
      if (skip_run) {
        // Remember people's names: "President Vladimir Putin" makes a later "Putin" no place.
        for (std::size_t k = run_b; k < run_e; ++k)
          if (!lex::title_word(toks[k].lower) && !lex::institution_word(toks[k].lower))
            persons.insert(toks[k].lower);
        i = run_e;
        continue;
      }
      std::size_t e = i + 1;
      // A Russian name ends before a region in the genitive that follows it
      // ("Кок-Таш Баткенской области"): that is a place of its own.
      while (e < s.last && e - i < 4 && !toks[e - 1].possessive &&
             (candidate_word(toks[e]) || (toks[e].cyrillic && toks[e].capital)) &&
             !(toks[e].cyrillic && e + 1 < s.last && lex::area_word(toks[e + 1].lower)))
        ++e;
      bool found = false;
      std::string ambiguous;               // set when the gazetteer abstained between known places
      std::vector<const Place*> homonyms;  // ... and those places, whatever their country
      // Only the whole span, or a country at its start: a run that is no
      // place as a whole is a person or organisation, not a shorter place.
      std::vector<std::size_t> ends{e};
      if (e > i + 1 && !lookup.country_iso(span_text(text, toks, i, i + 1)).empty())
        ends.push_back(i + 1);
      for (std::size_t b : ends) {
        if (found) break;
        std::string name = span_text(text, toks, i, b);
        PlaceMention m;
        m.first = i;
        m.last = b;
        m.begin = toks[i].begin;
        m.end = m.begin + name.size();  // without a possessive 's
        m.sentence = si;
        m.text = name;
        m.query = name;
        // "the Cambodia-Thailand border" names two countries (borders.cpp), not one.
        if (b - i == 1 && two_countries(toks[i].lower)) break;
        std::string iso = lookup.country_iso(name);
        if (!iso.empty()) {
          m.is_country = true;
          m.country = iso;
          m.role = "mention";
          scan.places.push_back(std::move(m));
          found = true;
          i = b;
          break;
        }
        if (b - i == 1 && !lex::country_word(toks[i].lower).empty()) break;  // a demonym
        // "Batken region", "Sughd province": look the area up as such.
        bool area_follows =
            b < s.last && lex::area_word(toks[b].lower) && toks[b].lower.back() != 's';
        // "the regions of Batken and Osh", "the village of Kolkand"
        bool area_before = false, settlement_before = false;
        for (std::size_t k = i; k > s.first && i - k < 4; --k) {
          const std::string& w = toks[k - 1].lower;
          if (w == "of" || w == "and" || w == "," || w == "the" || toks[k - 1].capital) continue;
          if (lex::area_word(w)) area_before = true;
          if (lex::settlement_word(w)) settlement_before = true;
          break;
        }
        // "the Tajik border outpost Dushanbe", "the Dostuk frontier post": the
        // name is a post's, which may be named after a far-away city; ask for
        // the post first.
        auto post_word = [](const std::string& w) {
          return w == "outpost" || w == "post" || w == "checkpoint";
        };
        std::size_t before = i;
        while (before > s.first &&
               (toks[before - 1].lower == "\"" || toks[before - 1].lower == "\xE2\x80\x9C"))
          --before;
        std::size_t post_after = 0;  // tokens of "post" / "border post" after the name
        if (b < s.last && post_word(toks[b].lower))
          post_after = 1;
        else if (b + 1 < s.last && (toks[b].lower == "border" || toks[b].lower == "frontier") &&
                 post_word(toks[b + 1].lower))
          post_after = 2;
        bool names_post = (before > s.first && post_word(toks[before - 1].lower)) || post_after;
        Hints h = local_hints(text, toks, b, s.last, lookup);
        std::vector<std::string> queries;
        if (names_post) {
          queries.push_back(name + " border post");
          queries.push_back(name + " checkpoint");
        }
        if (post_after) {
          // The mention is the whole "X frontier post" (so "... was shelled" follows it).
          m.last = b + post_after;
          m.end = toks[m.last - 1].end;
        }
        if (area_follows) {
          queries.push_back(name + " " + toks[b].lower);
          m.end = toks[b].end;
          m.last = b + 1;
        }
        if (area_before && !settlement_before) queries.push_back(name + " region");
        queries.push_back(name);
        // "Galwan Valley", "Tawang Sector": also the name without its generic word.
        if (b - i >= 2 &&
            (lex::area_word(toks[b - 1].lower) || lex::settlement_word(toks[b - 1].lower)))
          queries.push_back(span_text(text, toks, i, b - 1));
        LookupResult best;
        for (const std::string& q : queries) {
          LookupResult r = lookup.lookup(q, h.country, h.region);
          // Kept only when one of the places is in a country the article names.
          if (homonyms.empty()) homonyms = exact_homonyms(q, r.ambiguous_places);
          if (ambiguous.empty())
            for (const std::string& cc : r.ambiguous_countries)
              for (const auto& [iso2, n] : scan.countries)
                if (cc.find(iso2) != std::string::npos) ambiguous = r.ambiguous;
          if (!r.place && !h.region.empty()) r = lookup.lookup(q, h.country);
          if (!r.place && !h.country.empty()) r = lookup.lookup(q);
          // A gazetteer that abstains on an ambiguous name gets the countries
          // the article names, most named first, as hints.
          for (std::size_t c = 0; !r.place && h.country.empty() && c < by_mentions.size(); ++c)
            r = lookup.lookup(q, by_mentions[c], h.region);
          if (r.place) {
            best = r;
            m.query = q;
            break;
          }
        }
        if (!best.place) continue;
        // Prefer a candidate in a country the article names; abstain when
        // the only matches lie in countries it never mentions.
        // A near spelling is never swapped for another near spelling that
        // happens to lie in a country the article names ("Galwan Valley" is
        // neither Galván nor Gawān).
        if (best.fuzzy) best.candidates.resize(1);
        auto [pick, best_score] =
            pick_by_context(best, scan.countries, h, settlement_before, lookup);
        m.text = std::string(text.substr(m.begin, m.end - m.begin));
        if (best_score <= 0) {
          m.note = "looks like " + best.place->name + " (" + best.place->country +
                   ") but the article names no such country: left unresolved";
          if (!best.fuzzy) m.unnamed_country = same_name(best);
        } else {
          m.place = pick;
          m.country = pick->country;
          m.precision = area_kind(*pick) ? GeoPrecision::region : pick->coord_precision;
          if (best.candidates.size() > 1)
            m.note =
                std::to_string(best.candidates.size()) + " candidates; chose by article context";
          if (!h.country.empty() || !h.region.empty())
            m.note += (m.note.empty() ? "" : "; ") + std::string("hint from text: ") + h.region +
                      (h.region.empty() || h.country.empty() ? "" : ", ") + h.country;
          bool names_area = area_follows || (b - i >= 2 && lex::area_word(toks[b - 1].lower));
          if (names_area && !area_kind(*pick)) {
            // "Banteay Ampil district" found only as the town: somewhere in the district.
            m.precision = std::max(m.precision, GeoPrecision::near);
            m.note += (m.note.empty() ? "" : "; ") + std::string("the ") +
                      toks[area_follows ? b : b - 1].lower +
                      " is known only by its namesake place " + pick->name;
          }
          if (names_post && pick->kind != "checkpoint" && !area_kind(*pick)) {
            // A post named after a place need not stand in it.
            m.precision = std::max(m.precision, GeoPrecision::near);
            m.note += (m.note.empty() ? "" : "; ") + std::string("a post named ") + name +
                      ", placed at the place of that name";
          }
        }
        scan.places.push_back(std::move(m));
        found = true;
        i = scan.places.back().last;
      }
      if (!found) {
        // Keep an unknown name next to an area or settlement word ("Kolkand
        // village", "the village of Kolkand") as an unresolved mention.
        // "the towns of Goris, Sotk and Jermuk": walk back over the list.
        bool settlement_before = false;
        for (std::size_t k = i; k >= s.first + 2 && i - k < 12; --k) {
          const Token& w = toks[k - 1];
          if (w.lower == "of") {
            settlement_before = lex::settlement_word(toks[k - 2].lower);
            break;
          }
          if (w.lower != "," && w.lower != "and" && !w.capital) break;
        }
        // "near the ancient Ta Muen Thom temple": a landmark named, kept with its word.
        bool area_after =
            e < s.last && (lex::area_word(toks[e].lower) || lex::settlement_word(toks[e].lower) ||
                           lex::landmark_word(toks[e].lower) ||
                           (toks[e].lower == "border" && e + 1 < s.last &&
                            lex::settlement_word(toks[e + 1].lower)));
        // "in Bajaur and Kurram districts": each name of the list is an area.
        std::size_t j = e;
        while (j < s.last && j < e + 8 &&
               (toks[j].lower == "," || toks[j].lower == "and" || toks[j].capital))
          ++j;
        bool listed_area =
            j > e && j < s.last && lex::area_word(toks[j].lower) && toks[j].lower.back() == 's';
        // "the disputed Galwan Valley": the generic word is part of the run.
        bool generic_last = e - i >= 2 && (lex::area_word(toks[e - 1].lower) ||
                                           lex::settlement_word(toks[e - 1].lower));
        if (e - i >= 2 && !area_after && !settlement_before && !generic_last)
          for (std::size_t k = i; k < e; ++k) persons.insert(toks[k].lower);
        // "came under fire near Sotk", "у Сотка": a word of nearness names a place.
        const std::string& before = i > s.first ? toks[i - 1].lower : toks[i].lower;
        bool near_word = before == "near" || before == "outside" || before == "around" ||
                         before == "\xD0\xB2\xD0\xB1\xD0\xBB\xD0\xB8\xD0\xB7\xD0\xB8" ||
                         before == "\xD1\x83" ||
                         before == "\xD0\xBE\xD0\xBA\xD0\xBE\xD0\xBB\xD0\xBE";
        if ((area_after || settlement_before || generic_last || near_word || listed_area ||
             !ambiguous.empty()) &&
            lex::country_word(toks[i].lower).empty() && !looks_like_person(toks, i, e)) {
          PlaceMention m;
          m.first = i;
          m.last = e + 1;
          m.begin = toks[i].begin;
          if (!area_after || toks[e].lower == "border") m.last = e;
          m.end = toks[m.last - 1].end;
          m.sentence = si;
          Hints h = local_hints(text, toks, m.last, s.last, lookup);
          m.country = h.country;
          m.text = std::string(text.substr(m.begin, m.end - m.begin));
          m.query = m.text;
          m.ambiguous = !ambiguous.empty();
          if (ambiguous.empty()) m.unnamed_country = homonyms;  // for corroborate_places
          m.note = ambiguous.empty() ? "not in the gazetteer: kept as text, no coordinates"
                                     : ambiguous + ": kept as text, no coordinates";
          scan.places.push_back(std::move(m));
        } else if (!homonyms.empty() && lex::country_word(toks[i].lower).empty() &&
                   !looks_like_person(toks, i, e)) {
          // "Asadabad" (Iran, Afghanistan) where no country is named: kept
          // for corroborate_places, which may find one near the other places.
          PlaceMention m = span_mention(text, toks, i, e, si);
          m.tentative = true;
          m.unnamed_country = homonyms;
          m.note = "several places of this name, none in a country the article names";
          scan.places.push_back(std::move(m));
        }
        i = e;
      }
    }
  }
  frame_check(scan, toks, sentences);
  choose_by_nearness(scan, lookup);
  return scan;
}

}  // namespace bm::extract
