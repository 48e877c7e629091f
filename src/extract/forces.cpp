#include "extract/forces.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "extract/lexicon.hpp"
#include "extract/word_table.hpp"

namespace bm::extract {
namespace {

constexpr std::string_view kWiki = "https://en.wikipedia.org/wiki/";

// Longer names first where one starts another ("pakistani taliban" before
// a lone "taliban" is not needed: matching takes the longest at a token).
// Sources are the English Wikipedia articles named (facts only, CC BY-SA),
// as of 2025; kind follows the article's first paragraph.
constexpr std::array kForces = {
    // Afghanistan: the Taliban are the de-facto authorities since August 2021.
    Force{"taliban", "AF", "de_facto", "Taliban"},
    Force{"islamic emirate", "AF", "de_facto", "Islamic_Emirate_of_Afghanistan"},
    // ... but the Pakistani Taliban fight Pakistan's state: no side.
    Force{"pakistani taliban", "", "non_state", "Tehrik-i-Taliban_Pakistan"},
    Force{"tehrik-i-taliban", "", "non_state", "Tehrik-i-Taliban_Pakistan"},
    Force{"tehreek-e-taliban", "", "non_state", "Tehrik-i-Taliban_Pakistan"},
    Force{"ttp", "", "non_state", "Tehrik-i-Taliban_Pakistan"},
    // Pakistan
    Force{"ispr", "PK", "state", "Inter-Services_Public_Relations"},
    Force{"frontier corps", "PK", "state", "Frontier_Corps"},
    // India
    Force{"bsf", "IN", "state", "Border_Security_Force"},
    Force{"border security force", "IN", "state", "Border_Security_Force"},
    Force{"itbp", "IN", "state", "Indo-Tibetan_Border_Police"},
    Force{"indo-tibetan border police", "IN", "state", "Indo-Tibetan_Border_Police"},
    Force{"assam rifles", "IN", "state", "Assam_Rifles"},
    // China
    Force{"pla", "CN", "state", "People%27s_Liberation_Army"},
    Force{"people liberation army", "CN", "state", "People%27s_Liberation_Army"},
    // Myanmar, Bangladesh
    Force{"tatmadaw", "MM", "state", "Myanmar_Armed_Forces"},
    Force{"arakan army", "", "non_state", "Arakan_Army"},
    Force{"bgb", "BD", "state", "Border_Guard_Bangladesh"},
    Force{"border guard bangladesh", "BD", "state", "Border_Guard_Bangladesh"},
    // Israel, Lebanon, Gaza
    Force{"idf", "IL", "state", "Israel_Defense_Forces"},
    Force{"hezbollah", "", "non_state", "Hezbollah"},
    Force{"hamas", "", "non_state", "Hamas"},
    Force{"unifil", "", "international", "United_Nations_Interim_Force_in_Lebanon"},
    // Sudan, Ethiopia, Eritrea
    Force{"saf", "SD", "state", "Sudanese_Armed_Forces"},
    Force{"rsf", "SD", "state", "Rapid_Support_Forces"},
    Force{"rapid support forces", "SD", "state", "Rapid_Support_Forces"},
    Force{"endf", "ET", "state", "Ethiopian_National_Defense_Force"},
    Force{"tplf", "ET", "regional", "Tigray_People%27s_Liberation_Front"},
    Force{"fano", "", "non_state", "Fano_(militia)"},
    Force{"edf", "ER", "state", "Eritrean_Defence_Forces"},
    // Great Lakes
    Force{"fardc", "CD", "state", "Armed_Forces_of_the_Democratic_Republic_of_the_Congo"},
    Force{"rdf", "RW", "state", "Rwanda_Defence_Force"},
    Force{"m23", "", "non_state", "March_23_Movement"},
    // Venezuela, Guyana; Serbia, Kosovo
    Force{"fanb", "VE", "state", "National_Bolivarian_Armed_Forces_of_Venezuela"},
    Force{"gdf", "GY", "state", "Guyana_Defence_Force"},
    Force{"guyana defence force", "GY", "state", "Guyana_Defence_Force"},
    Force{"kfor", "", "international", "Kosovo_Force"},
    // Cambodia
    Force{"rcaf", "KH", "state", "Royal_Cambodian_Armed_Forces"},
};

std::size_t word_count(std::string_view w) {
  std::size_t n = 1;
  for (char c : w) n += c == ' ';
  return n;
}

bool matches(const Force& f, const std::vector<Token>& toks, std::size_t k, std::size_t last) {
  std::string_view rest = f.words;
  for (std::size_t i = k; i < last; ++i) {
    std::size_t sp = rest.find(' ');
    if (toks[i].lower != rest.substr(0, sp)) return false;
    if (sp == std::string_view::npos) return true;
    rest.remove_prefix(sp + 1);
  }
  return false;
}

// "Pakistan Rangers ... three Rangers were wounded": a force the article
// once names with its country ("Pakistan Rangers", "Thai Rangers") keeps
// that country when named alone; a name given two countries keeps none.
std::map<std::string, std::string> named_forces(const std::vector<Token>& toks) {
  std::map<std::string, std::string> out;
  for (std::size_t i = 0; i + 1 < toks.size(); ++i) {
    const Token& name = toks[i + 1];
    std::string iso = lex::country_word(toks[i].lower);
    if (iso.empty() || !toks[i].capital || !name.capital || name.kind != TokKind::word ||
        !lex::country_word(name.lower).empty() || lex::institution_word(name.lower) ||
        lex::title_word(name.lower))
      continue;
    auto [it, fresh] = out.emplace(name.lower, iso);
    if (!fresh && it->second != iso) it->second.clear();
  }
  return out;
}

// Asked about most tokens of a text: a hash by first word, with the
// lexicon's cheap "not listed" test in front.
struct Index {
  WordFilter first;
  std::unordered_multimap<std::string_view, const Force*> by_first;
  std::unordered_set<std::string_view> single;  // names of one word
};

const Index& index() {
  static const Index ix = [] {
    Index out;
    for (const Force& f : kForces) {
      std::string_view head = f.words.substr(0, f.words.find(' '));
      out.first.add(head);
      out.by_first.emplace(head, &f);
      if (head.size() == f.words.size()) out.single.insert(head);
    }
    return out;
  }();
  return ix;
}

}  // namespace

std::span<const Force> forces() { return kForces; }

const Force* force_at(const std::vector<Token>& toks, std::size_t k, std::size_t last,
                      std::size_t& end) {
  if (k >= last || !toks[k].capital || !index().first.maybe(toks[k].lower)) return nullptr;
  const Force* best = nullptr;
  auto [from, to] = index().by_first.equal_range(toks[k].lower);
  for (auto it = from; it != to; ++it) {
    const Force& f = *it->second;
    if ((!best || word_count(f.words) > word_count(best->words)) && matches(f, toks, k, last))
      best = &f;
  }
  if (best) end = k + word_count(best->words);
  return best;
}

bool force_word(std::string_view lower) {
  return index().first.maybe(lower) && index().single.contains(lower);
}

void sides_from_named_forces(std::vector<std::vector<ClaimMention>>& claims,
                             const std::vector<Token>& toks) {
  auto forces = named_forces(toks);
  if (forces.empty()) return;
  auto by_begin = [](const Token& t, std::size_t at) { return t.begin < at; };
  for (auto& in_sentence : claims)
    for (auto& cm : in_sentence) {
      if (cm.no_state || cm.own_side || (cm.claim.side != "unknown" && !cm.side_inferred)) continue;
      auto t = std::lower_bound(toks.begin(), toks.end(), cm.begin, by_begin);
      for (++t; t != toks.end() && t->begin < cm.end; ++t) {
        auto f = t->capital ? forces.find(t->lower) : forces.end();
        if (f == forces.end() || f->second.empty()) continue;
        cm.claim.side = f->second;
        cm.side_inferred = false;
        break;
      }
    }
}

}  // namespace bm::extract
