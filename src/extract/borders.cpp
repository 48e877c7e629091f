#include "extract/borders.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

#include "extract/lexicon.hpp"
#include "extract/lexicon_ru.hpp"

namespace bm::extract {
namespace {

bool dash(std::string_view w) {
  return w == "-" || w == "\xE2\x80\x93" || w == "\xE2\x80\x94" || w == "/";
}

bool border_noun(std::string_view w) {
  return w == "border" || w == "borders" || w == "frontier" || w == "borderland" ||
         w == "borderlands" || w == "boundary" || lex::ru::border_noun(w);
}

std::string pair_key(std::string a, std::string b) {
  if (b < a) std::swap(a, b);
  return a + "-" + b;
}

// "kyrgyz-tajik" (one token joined by a hyphen) -> "KG-TJ".
std::string hyphen_pair(std::string_view w) {
  std::size_t at = w.find('-');
  if (at == std::string_view::npos) return {};
  std::string a = lex::country_word(w.substr(0, at));
  std::string b = lex::country_word(w.substr(at + 1));
  return !a.empty() && !b.empty() && a != b ? pair_key(a, b) : std::string();
}

struct NamedLine {
  std::array<std::string_view, 4> words;  // lower case, empty = end
  std::string_view countries;
};

// Lines whose name says nothing of the countries; the pair is the usual one.
const NamedLine kLines[] = {
    {{"line", "of", "actual", "control"}, "CN-IN"}, {{"lac", "", "", ""}, "CN-IN"},
    {{"line", "of", "control", ""}, "IN-PK"},       {{"loc", "", "", ""}, "IN-PK"},
    {{"durand", "line", "", ""}, "AF-PK"},
};

std::size_t line_at(const std::vector<Token>& toks, std::size_t i, std::size_t last,
                    const NamedLine& l) {
  std::size_t k = i;
  for (std::string_view w : l.words) {
    if (w.empty()) break;
    if (k >= last || toks[k].lower != w) return 0;
    ++k;
  }
  // Acronyms must be written in capitals ("LAC", not "lac").
  if (k == i + 1 && !toks[i].capital) return 0;
  return k;
}

PlaceMention mention(std::string_view text, const std::vector<Token>& toks, std::size_t b,
                     std::size_t e, std::size_t sentence, std::string border, bool line) {
  PlaceMention m = span_mention(text, toks, b, e, sentence);
  m.border = std::move(border);
  m.line = line;
  m.note = line ? "a named line between two countries" : "the border of two countries";
  return m;
}

// "Kyrgyz–Tajik border", "Kyrgyz-Tajik border", "Armenia and Azerbaijan border".
std::size_t pair_border(const std::vector<Token>& toks, std::size_t i, std::size_t last,
                        std::string& key) {
  if (std::string k = hyphen_pair(toks[i].lower); !k.empty()) {
    if (i + 1 < last && border_noun(toks[i + 1].lower)) {
      key = k;
      return i + 2;
    }
    return 0;
  }
  std::string a = lex::country_word(toks[i].lower);
  if (a.empty() || i + 3 >= last) return 0;
  if (!dash(toks[i + 1].lower)) return 0;
  std::string b = lex::country_word(toks[i + 2].lower);
  if (b.empty() || b == a || !border_noun(toks[i + 3].lower)) return 0;
  key = pair_key(a, b);
  return i + 4;
}

}  // namespace

std::vector<PlaceMention> find_borders(std::string_view text, const std::vector<Token>& toks,
                                       const std::vector<Sentence>& sents) {
  std::vector<PlaceMention> out;
  for (std::size_t si = 0; si < sents.size(); ++si) {
    const Sentence& s = sents[si];
    for (std::size_t i = s.first; i < s.last; ++i) {
      std::string key;
      if (std::size_t e = pair_border(toks, i, s.last, key)) {
        out.push_back(mention(text, toks, i, e, si, key, false));
        i = e - 1;
        continue;
      }
      for (const NamedLine& l : kLines)
        if (std::size_t e = line_at(toks, i, s.last, l)) {
          out.push_back(mention(text, toks, i, e, si, std::string(l.countries), true));
          i = e - 1;
          break;
        }
    }
  }
  return out;
}

// merge_borders for any order of the mentions: each border scans all places.
void merge_borders_unsorted(std::vector<PlaceMention>& places, std::vector<PlaceMention> borders) {
  for (PlaceMention& b : borders) {
    auto inside = [&](const PlaceMention& p) { return p.begin >= b.begin && p.end <= b.end; };
    // "Armenia" in "the Armenia–Azerbaijan border" is not a mention of Armenia.
    std::erase_if(places, [&](const PlaceMention& p) { return inside(p) && p.is_country; });
    auto named = std::find_if(places.begin(), places.end(), inside);
    if (named != places.end()) {
      // "Kyrgyzstan-Tajikistan" found as a name: it is the border it names.
      named->border = b.border;
      named->line = b.line;
      continue;
    }
    auto at =
        std::lower_bound(places.begin(), places.end(), b.begin,
                         [](const PlaceMention& p, std::size_t pos) { return p.begin < pos; });
    places.insert(at, std::move(b));
  }
}

namespace {

bool by_position(const std::vector<PlaceMention>& v) {
  return std::is_sorted(v.begin(), v.end(), [](const PlaceMention& a, const PlaceMention& b) {
    return a.begin < b.begin;
  });
}

}  // namespace

void merge_borders(std::vector<PlaceMention>& places, std::vector<PlaceMention> borders) {
  if (!by_position(places) || !by_position(borders))
    return merge_borders_unsorted(places, std::move(borders));
  // Both in text order: one pass, as merge_borders_unsorted would do it but
  // looking only at the places that start within each border (a long
  // article has thousands of both; erasing and inserting one by one in the
  // middle of the vector made it quadratic).
  std::vector<char> gone(places.size(), 0);
  std::vector<PlaceMention> out;
  out.reserve(places.size() + borders.size());
  std::size_t pi = 0;
  auto pass_before = [&](std::size_t pos) {
    for (; pi < places.size() && places[pi].begin < pos; ++pi)
      if (!gone[pi]) out.push_back(std::move(places[pi]));
  };
  for (PlaceMention& b : borders) {
    pass_before(b.begin);
    PlaceMention* named = nullptr;
    for (std::size_t k = pi; k < places.size() && places[k].begin <= b.end; ++k) {
      if (gone[k] || places[k].end > b.end) continue;
      // "Armenia" in "the Armenia–Azerbaijan border" is not a mention of Armenia.
      if (places[k].is_country)
        gone[k] = 1;
      else if (!named)
        named = &places[k];
    }
    if (named) {
      // "Kyrgyzstan-Tajikistan" found as a name: it is the border it names.
      named->border = b.border;
      named->line = b.line;
      continue;
    }
    out.push_back(std::move(b));
  }
  pass_before(SIZE_MAX);
  places = std::move(out);
}

// "Armenian-Azerbaijani", "Kyrgyz–Tajik": two countries joined by a hyphen
// or dash; empty when the text is anything else.
std::pair<std::string, std::string> country_pair(const std::string& text) {
  for (std::string_view dash : {"-", "\xE2\x80\x93", "\xE2\x80\x94"}) {
    std::size_t at = text.find(dash);
    if (at == std::string::npos) continue;
    std::string a = lex::country_word(lower_ascii(text.substr(0, at)));
    std::string b = lex::country_word(lower_ascii(text.substr(at + dash.size())));
    if (!a.empty() && !b.empty() && a != b) return {a, b};
  }
  return {};
}

}  // namespace bm::extract
