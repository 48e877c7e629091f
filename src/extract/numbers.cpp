#include "extract/numbers.hpp"

#include <cmath>
#include <string_view>

#include "extract/lexicon.hpp"
#include "extract/lexicon_ru.hpp"

namespace bm::extract {
namespace {

enum class Mod { none, at_least, more_than, at_most, nearly, about };

struct ModWords {
  const char* words[3];
  Mod mod;
};

const ModWords kMods[] = {
    {{"at", "least", nullptr}, Mod::at_least},
    {{"no", "fewer", "than"}, Mod::at_least},
    {{"more", "than", nullptr}, Mod::more_than},
    {{"over", nullptr, nullptr}, Mod::more_than},
    {{"upwards", "of", nullptr}, Mod::more_than},
    {{"in", "excess", "of"}, Mod::more_than},
    {{"at", "most", nullptr}, Mod::at_most},
    {{"up", "to", nullptr}, Mod::at_most},
    {{"as", "many", "as"}, Mod::at_most},
    {{"fewer", "than", nullptr}, Mod::at_most},
    {{"less", "than", nullptr}, Mod::at_most},
    {{"nearly", nullptr, nullptr}, Mod::nearly},
    {{"almost", nullptr, nullptr}, Mod::nearly},
    {{"nears", nullptr, nullptr}, Mod::nearly},
    {{"approaching", nullptr, nullptr}, Mod::nearly},
    {{"close", "to", nullptr}, Mod::nearly},
    {{"about", nullptr, nullptr}, Mod::about},
    {{"around", nullptr, nullptr}, Mod::about},
    {{"approximately", nullptr, nullptr}, Mod::about},
    {{"roughly", nullptr, nullptr}, Mod::about},
    {{"some", nullptr, nullptr}, Mod::about},
    {{"an", "estimated", nullptr}, Mod::about},
    {{"estimated", nullptr, nullptr}, Mod::about},
    {{"approx", nullptr, nullptr}, Mod::about},
    {{"\xD0\xB1\xD0\xBE\xD0\xBB\xD0\xB5\xD0\xB5", nullptr, nullptr}, Mod::more_than},  // более
    {{"\xD1\x81\xD0\xB2\xD1\x8B\xD1\x88\xD0\xB5", nullptr, nullptr}, Mod::more_than},  // свыше
    {{"\xD0\xBE\xD0\xBA\xD0\xBE\xD0\xBB\xD0\xBE", nullptr, nullptr}, Mod::about},      // около
    {{"\xD0\xBF\xD0\xBE\xD1\x87\xD1\x82\xD0\xB8", nullptr, nullptr}, Mod::nearly}};    // почти

bool digits_only(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}

// "137,000" -> 137000, "1.5" -> 1.5; nullopt for times, dates, years-in-text.
std::optional<double> parse_digits(std::string_view s) {
  if (s.find(':') != std::string_view::npos || s.find('-') != std::string_view::npos)
    return std::nullopt;
  std::string clean;  // without thousands separators: ',' and the spaces of "2 700"
  for (char c : s)
    if ((c >= '0' && c <= '9') || c == '.') clean += c;
  try {
    return std::stod(clean);
  } catch (...) {
    return std::nullopt;
  }
}

double scale(std::string_view w) {
  if (w == "hundred") return 100;
  if (w == "thousand") return 1000;
  if (w == "million") return 1e6;
  if (w == "billion") return 1e9;
  return static_cast<double>(lex::ru::scale(w));
}

// "a [Tajik] [border] guard", "an Indian soldier", "a civilian": a singular
// person noun within three words.
bool single_person(const std::vector<Token>& toks, std::size_t k, std::size_t last) {
  static const char* const nouns[] = {"soldier",  "guard",    "civilian",  "child",   "woman",
                                      "man",      "resident", "policeman", "officer", "serviceman",
                                      "villager", "farmer",   "shepherd",  "boy",     "girl",
                                      "teenager", "person"};
  for (std::size_t j = k; j < last && j < k + 3; ++j) {
    for (const char* n : nouns)
      if (!toks[j].lower.empty() && toks[j].lower[0] == n[0] && toks[j].lower == n) return true;
    if (toks[j].kind != TokKind::word) return false;
  }
  return false;
}

}  // namespace

std::optional<Quantity> parse_quantity(const std::vector<Token>& toks, std::size_t i,
                                       std::size_t last) {
  // "between 12 and 15": one figure, a range.
  if (i + 1 < last && toks[i].lower == "between") {
    auto a = parse_quantity(toks, i + 1, last);
    if (!a || !a->low || a->low != a->high || a->last + 1 >= last || toks[a->last].lower != "and")
      return std::nullopt;
    auto b = parse_quantity(toks, a->last + 1, last);
    if (!b || !b->low || b->low != b->high || *b->low <= *a->low) return std::nullopt;
    Quantity q = *a;
    q.first = i;
    q.high = b->high;
    q.last = b->last;
    q.modifier = "between";
    return q;
  }
  auto at = [&](std::size_t k) -> std::string_view {
    return k < last ? std::string_view(toks[k].lower) : "";
  };
  Quantity q;
  q.first = i;
  Mod mod = Mod::none;
  for (const auto& m : kMods) {
    std::size_t k = i;
    bool ok = true;
    for (const char* w : m.words) {
      if (!w) break;
      // The first byte first: most tokens differ there, and the literal's
      // strlen is then never paid.
      if (at(k).empty() || at(k)[0] != w[0] || at(k) != w) {
        ok = false;
        break;
      }
      ++k;
    }
    if (ok) {
      mod = m.mod;
      for (std::size_t j = i; j < k; ++j) q.modifier += (j > i ? " " : "") + toks[j].lower;
      i = k;
      break;
    }
  }
  std::optional<long> low, high;
  bool approx = false;
  std::size_t k = i;
  std::string_view w = at(k);
  if (w.empty()) return std::nullopt;
  if (toks[k].kind == TokKind::number) {
    auto v = parse_digits(std::string_view(w));
    if (!v) return std::nullopt;
    // A bare 4-digit number from 1900..2100 without a separator is a year.
    if (digits_only(w) && w.size() == 4 && *v >= 1900 && *v <= 2100) return std::nullopt;
    double value = *v;
    ++k;
    if (double s = scale(at(k)); s > 0) {
      value *= s;
      ++k;
    }
    if (at(k) == "%" || at(k) == "percent" || at(k) == "km" || at(k) == "kilometres" ||
        at(k) == "kilometers" || at(k) == "miles" || at(k) == "gmt" || at(k) == "am" ||
        at(k) == "pm")
      return std::nullopt;
    low = high = std::lround(value);
  } else if ((w == "a" || w == "one") && at(k + 1) == "dozen") {
    low = high = 12;
    k += 2;
  } else if (w == "dozens" || w == "scores") {
    low = 24;
    approx = true;
    ++k;
    if (at(k) == "of") ++k;
  } else if (w == "hundreds" || w == "thousands") {
    low = w == "hundreds" ? 200 : 2000;
    approx = true;
    ++k;
    if (at(k) == "of") ++k;
  } else if (w == "tens" && at(k + 1) == "of" &&
             (at(k + 2) == "thousands" || at(k + 2) == "millions")) {
    low = at(k + 2) == "thousands" ? 20000 : 20000000;
    approx = true;
    k += 3;
    if (at(k) == "of") ++k;
  } else if (w == "several" || (w == "a" && at(k + 1) == "few")) {
    low = 2;
    approx = true;
    k += w == "a" ? 2u : 1u;
  } else if ((w == "a" || w == "an") && single_person(toks, k + 1, last)) {
    // "a Tajik border guard was killed": one person.
    low = high = 1;
    ++k;
  } else if (auto n = lex::number_word(w); n && w != "score" && w != "dozen") {
    long value = *n;
    ++k;
    // twenty-five arrives as one token "twenty-five"; "two dozen", "three hundred"
    if (at(k) == "dozen") {
      value *= 12;
      ++k;
    } else if (double s = scale(at(k)); s > 0) {
      value = std::lround(static_cast<double>(value) * s);
      ++k;
    }
    low = high = value;
  } else if (auto dash = w.find('-'); dash != std::string_view::npos) {
    auto a = lex::number_word(w.substr(0, dash));
    auto b = lex::number_word(w.substr(dash + 1));
    if (!a || !b || *a < 20 || *b >= 10) return std::nullopt;
    low = high = *a + *b;
    ++k;
  } else {
    return std::nullopt;
  }
  switch (mod) {
    case Mod::none:
      break;
    case Mod::at_least:
    case Mod::more_than:
      high.reset();
      break;
    case Mod::at_most:
      low.reset();
      break;
    case Mod::nearly:
      low.reset();
      approx = true;
      break;
    case Mod::about:
      approx = true;
      break;
  }
  q.low = low;
  q.high = high;
  q.approx = approx;
  q.last = k;
  return q;
}

}  // namespace bm::extract
