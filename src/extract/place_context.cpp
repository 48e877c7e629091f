#include "extract/place_context.hpp"

#include <algorithm>
#include <unordered_map>

#include "extract/lexicon.hpp"
#include "extract/lexicon_ru.hpp"
#include "gazetteer/context.hpp"

namespace bm::extract {
namespace {

// "Баткенской области": the region in the nominative ("Баткенская
// область") when the gazetteer knows it so, else the word as written.
std::string russian_region(std::string_view text, const std::vector<Token>& toks, std::size_t k,
                           const PlaceLookup& lookup) {
  std::string written = span_text(text, toks, k, k + 2);
  for (const std::string& form : lex::ru::case_forms(written)) {
    LookupResult r = lookup.lookup(form);
    if (r.place && !r.fuzzy && area_kind(*r.place)) return form;
  }
  return span_text(text, toks, k, k + 1);
}

// normalize_name (an ICU transliteration) of the gazetteer's names, once
// per name: the same candidates come back for every article naming them.
const std::string& normalized(const std::string& name) {
  thread_local std::unordered_map<std::string, std::string> memo;
  auto it = memo.find(name);
  if (it == memo.end()) it = memo.emplace(name, normalize_name(name)).first;
  return it->second;
}

}  // namespace

std::string span_text(std::string_view text, const std::vector<Token>& toks, std::size_t a,
                      std::size_t b) {
  std::string out(text.substr(toks[a].begin, toks[b - 1].end - toks[a].begin));
  // Drop a trailing possessive from the lookup text.
  for (std::string_view suf : {std::string_view("'s"), std::string_view("\xE2\x80\x99s")})
    if (toks[b - 1].possessive && out.size() > suf.size() && std::string_view(out).ends_with(suf))
      out.resize(out.size() - suf.size());
  return out;
}

bool area_kind(const Place& p) { return p.kind == "region" || p.kind == "district"; }
bool is_settlement_kind(const Place& p) {
  return p.kind == "city" || p.kind == "town" || p.kind == "village" || p.kind == "settlement";
}

// The places of exactly this name (not near spellings) among `places`.
std::vector<const Place*> exact_homonyms(const std::string& name,
                                         const std::vector<const Place*>& places) {
  std::vector<const Place*> out;
  if (places.empty()) return out;
  const std::string& want = normalized(name);
  for (const Place* p : places) {
    bool same = normalized(p->name) == want;
    for (const std::string& alt : p->alt_names) same = same || normalized(alt) == want;
    if (same) out.push_back(p);
  }
  return out;
}

// The gazetteer's answer and its runners-up of the very same name (not
// near spellings): the homonyms a later pass may choose among.
std::vector<const Place*> same_name(const LookupResult& r) {
  std::vector<const Place*> out{r.place};
  const std::string& name = normalized(r.place->name);
  for (const Place* p : r.candidates)
    if (p != r.place && normalized(p->name) == name) out.push_back(p);
  return out;
}

Hints local_hints(std::string_view text, const std::vector<Token>& toks, std::size_t from,
                  std::size_t last, const PlaceLookup& lookup) {
  Hints h;
  std::size_t stop = std::min(last, from + 10);
  for (std::size_t k = from; k < stop; ++k) {
    const Token& t = toks[k];
    if (t.lower == "." || t.lower == ";") break;
    if (t.capital && k + 1 < last && lex::area_word(toks[k + 1].lower) && h.region.empty() &&
        lex::country_word(t.lower).empty())
      h.region =
          t.cyrillic ? russian_region(text, toks, k, lookup) : span_text(text, toks, k, k + 1);
    if (t.capital && h.country.empty()) {
      std::string iso = lookup.country_iso(span_text(text, toks, k, k + 1));
      bool country_name = !iso.empty();
      if (country_name && (k == from || toks[k - 1].lower == "of" || toks[k - 1].lower == "," ||
                           toks[k - 1].lower == "(" || toks[k - 1].lower == "in"))
        h.country = iso;
    }
  }
  return h;
}

std::pair<const Place*, int> pick_by_context(const LookupResult& best,
                                             const CountryCounts& countries, const Hints& h,
                                             bool settlement_before, const PlaceLookup& lookup) {
  const Place* pick = nullptr;
  int best_score = -1;
  for (const Place* p : best.candidates) {
    // A place listed in several countries (a river, a border facility)
    // counts with its least-named country, so it never outranks a
    // place of the one country the article is about.
    int score = 0;
    bool every = true;
    for (std::size_t at = 0; at < p->country.size() && every; at += 3) {
      std::string iso2 = p->country.substr(at, 2);
      auto it = countries.find(iso2);
      if (it == countries.end()) every = false;
      int here = it == countries.end() ? 0 : 2 + std::min(it->second, 5);
      score = at == 0 ? here : std::min(score, here);
    }
    if (!every) {
      score = 0;
      for (const auto& [iso2, n] : countries)
        if (p->country.find(iso2) != std::string::npos) score = std::max(score, 2);
    }
    if (!h.country.empty() && p->country.find(h.country) != std::string::npos) score += 10;
    if (settlement_before && is_settlement_kind(*p)) score += 1;
    if (p->population > 1000000) score = std::max(score, 1);
    // The spelling's own answer, in a country next to one the article
    // names: "the Tajik side attacked ... the villages of Kulundu, Maksat".
    if (score == 0 && p == best.place && !best.fuzzy)
      for (const auto& [iso2, n] : countries)
        if (p->country.size() == 2 && lookup.near_country(best.location, iso2)) score = 1;
    if (score > best_score) {
      best_score = score;
      pick = p;
    }
  }
  return {pick, best_score};
}

// "In Thailand's Sisaket province, shelling struck a petrol station in Ban
// Phue": a region that opens the sentence frames every place in it. A place
// the gazetteer put outside that region is the wrong one of its name.
void frame_check(PlaceScan& scan, const std::vector<Token>& toks,
                 const std::vector<Sentence>& sentences) {
  for (std::size_t k = 0; k < scan.places.size(); ++k) {
    const PlaceMention& frame = scan.places[k];
    if (!frame.place || !frame.place->area || !area_kind(*frame.place)) continue;
    const Sentence& s = sentences[frame.sentence];
    std::size_t t = frame.first;
    while (t > s.first && (toks[t - 1].lower == "the" || toks[t - 1].possessive)) --t;
    // "In ..." opens the sentence (after a publication stamp, if any).
    bool opens = t > s.first && toks[t - 1].lower == "in" &&
                 (t - 1 == s.first || toks[t - 2].kind == TokKind::number);
    std::size_t after = frame.last;
    if (after < s.last && lex::area_word(toks[after].lower)) ++after;
    if (!opens || after >= s.last || toks[after].lower != ",") continue;
    for (std::size_t j = k + 1; j < scan.places.size() && scan.places[j].sentence == frame.sentence;
         ++j) {
      PlaceMention& m = scan.places[j];
      if (!m.place || m.is_country || area_kind(*m.place) || !m.place->point ||
          m.place->country != frame.place->country ||
          point_in_area(*m.place->point, *frame.place->area))
        continue;
      m.note = m.place->name + " (" + m.place->admin1 + ") lies outside " + frame.place->name +
               ", which frames the sentence: left unresolved";
      m.place = nullptr;
      m.precision = GeoPrecision::unknown;
    }
  }
}

void choose_by_nearness(PlaceScan& scan, const PlaceLookup& lookup) {
  std::vector<LonLat> near;
  for (const PlaceMention& m : scan.places)
    if (m.place && m.place->point && !area_kind(*m.place) && m.place->kind != "country")
      near.push_back(*m.place->point);
  for (PlaceMention& m : scan.places) {
    if (m.place || near.empty() || !m.ambiguous) continue;
    LookupResult r = lookup.lookup_near(m.query, m.country, near);
    if (!r.place) continue;
    m.place = r.place;
    m.country = r.place->country;
    m.precision = r.precision;
    m.ambiguous = false;
    m.note = "chosen by nearness to the other places the article names";
  }
}

}  // namespace bm::extract
