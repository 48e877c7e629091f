#include "gazetteer/normalize.hpp"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <functional>
#include <memory>
#include <vector>

#include "core/error.hpp"

namespace bm {
namespace {

// Cyrillic letters are mapped BGN/PCGN-style before ICU's generic Any-Latin
// (which is ISO 9 and would give "kek-tas" for Кёк-Таш). Kyrgyz ө ү ң and
// Tajik ӣ ӯ қ ғ ҳ ҷ get the letters their national romanisations use.
constexpr const char* kRules =
    ":: NFC; :: Lower; "
    "щ > shch; ё > yo; ж > zh; х > kh; ц > ts; ч > ch; ш > sh; ю > yu; я > ya; "
    "й > y; ы > y; э > e; [ъь] > ; "
    "ө > o; ү > u; ң > ng; ӣ > i; ӯ > u; қ > q; ғ > gh; ҳ > h; ҷ > j; "
    "ў > u; є > ye; ї > yi; і > i; "
    ":: Any-Latin; :: Latin-ASCII; :: Lower;";

// ICU transliterators are not thread-safe to share; one per thread.
icu::Transliterator& folder() {
  thread_local std::unique_ptr<icu::Transliterator> t = [] {
    UErrorCode status = U_ZERO_ERROR;
    UParseError pe;
    std::unique_ptr<icu::Transliterator> tr(icu::Transliterator::createFromRules(
        "bordermap-names", icu::UnicodeString::fromUTF8(kRules), UTRANS_FORWARD, pe, status));
    if (U_FAILURE(status)) throw Error(std::string("ICU transliterator: ") + u_errorName(status));
    return tr;
  }();
  return *t;
}

bool is_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }
bool is_vowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

// Lower-cased ASCII: apostrophes vanish, other separators become one space.
std::string squeeze(std::string_view folded) {
  std::string out;
  out.reserve(folded.size());
  for (char c : folded) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (is_alnum(c))
      out += c;
    else if (c == '\'' || c == '`')
      continue;
    else if (!out.empty() && out.back() != ' ')
      out += ' ';
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

const std::array<std::string_view, 27> kAreaWords = {
    "region",   "province",     "oblast",      "oblasty",    "oblysy",   "oblusu",  "oblys",
    "district", "raion",        "rayon",       "rayoni",     "viloyati", "viloyat", "nohiyai",
    "nohiya i", "county",       "governorate", "prefecture", "state",    "ostan",   "marz",
    "area",     "municipality", "community",   "commune",    "tehsil",   "jamoat"};

}  // namespace

std::string normalize_name(std::string_view name) {
  // ASCII needs no ICU: lower case and separators are all the rules do to it
  // (a test checks both paths agree). This keeps exact lookups fast.
  if (std::all_of(name.begin(), name.end(), [](char c) { return (c & 0x80) == 0; }))
    return squeeze(name);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  folder().transliterate(u);
  std::string folded;
  u.toUTF8String(folded);
  return squeeze(folded);
}

std::string sound_key(std::string_view key) {
  std::string s;
  s.reserve(key.size());
  for (char c : key)
    if (c != ' ') s += c;
  // Multi-letter spellings of one sound, longest first; dispatched on the
  // first letter (this runs for every lookup).
  std::string t;
  t.reserve(s.size());
  auto next_is = [&](std::size_t i, std::string_view w) {
    return s.size() - i >= w.size() && std::string_view(s).substr(i, w.size()) == w;
  };
  for (std::size_t i = 0; i < s.size();) {
    char c = s[i];
    std::size_t used = 1;
    char to = c;
    switch (c) {
      case 's':
        if (next_is(i, "shch"))
          used = 4;
        else if (next_is(i, "sh"))
          used = 2;
        break;
      case 'd':
        if (next_is(i, "dzh"))
          used = 3, to = 'j';
        else if (next_is(i, "dj"))
          used = 2, to = 'j';
        break;
      case 't':
        if (next_is(i, "tch"))
          used = 3, to = 'c';
        else if (next_is(i, "ts"))
          used = 2, to = 'c';
        break;
      case 'z':
        if (next_is(i, "zh")) used = 2, to = 'j';
        break;
      case 'k':
        if (next_is(i, "kh")) used = 2, to = 'h';
        break;
      case 'g':
        if (next_is(i, "gh")) used = 2;
        break;
      case 'c':
        if (next_is(i, "ch"))
          used = 2;
        else if (next_is(i, "ck"))
          used = 2, to = 'k';
        break;
      case 'p':
        if (next_is(i, "ph")) used = 2, to = 'f';
        break;
      case 'q':
        to = 'k';
        break;
      case 'w':
        to = 'v';
        break;
      case 'x':
        to = 'h';
        break;
      default:
        break;
    }
    t += to;
    i += used;
  }
  // y before a vowel is a glide written or not (Yerevan/Erevan, Kyok/Kok);
  // then vowels fall into three classes: a, e/i/y, o/u.
  std::string out;
  out.reserve(t.size());
  for (std::size_t i = 0; i < t.size(); ++i) {
    char c = t[i];
    if (c == 'y' && i + 1 < t.size() && is_vowel(t[i + 1]) && t[i + 1] != 'y') continue;
    if (c == 'e' || c == 'y') c = 'i';
    if (c == 'o') c = 'u';
    if (!out.empty() && out.back() == c) continue;  // doubled letters
    out += c;
  }
  return out;
}

bool strip_area_word(std::string& key) {
  if (key.empty()) return false;
  const char first = key.front(), last = key.back();
  for (std::string_view w : kAreaWords) {
    // Most names hold no area word: a word that neither starts nor ends
    // the key as this one would is not looked at further.
    if (w.back() != last && w.front() != first) continue;
    if (key.size() > w.size() + 1 && key.ends_with(w) && key[key.size() - w.size() - 1] == ' ') {
      key.resize(key.size() - w.size() - 1);
      return true;
    }
    if (key.size() > w.size() + 1 && key.starts_with(w) && key[w.size()] == ' ') {
      key.erase(0, w.size() + 1);
      if (key.starts_with("of ")) key.erase(0, 3);
      return true;
    }
  }
  return false;
}

bool is_function_word(std::string_view key) {
  for (std::string_view w : {"the", "a", "an", "of", "de", "la", "le", "el", "al", "new", "old"})
    if (key == w) return true;
  return key.size() < 2;
}

std::string keys_fingerprint() {
  // ASCII probes only, so no ICU transliterator is built for the check.
  std::string probe = sound_key(squeeze(
      "Shchdzh Tchts Zhkhgh Chsh Phck Qwx Yoyayu Eiyou Aa-bb O'sh Kolkand Samarkandek Vorux"));
  std::string area_words;  // they make keys too ("Isfara District" is also "isfara")
  for (std::string_view w : kAreaWords) (area_words += w) += ',';
  return std::to_string(std::hash<std::string_view>{}(kRules)) + ":" +
         std::to_string(std::hash<std::string>{}(area_words)) + ":" + probe;
}

bool strip_settlement_word(std::string& key) {
  static const std::string_view kWords[] = {"village", "town", "city",     "settlement",
                                            "kishlak", "selo", "posyolok", "aul"};
  for (std::string_view w : kWords) {
    if (key.size() > w.size() + 1 && key.ends_with(w) && key[key.size() - w.size() - 1] == ' ') {
      key.resize(key.size() - w.size() - 1);
      return true;
    }
    // "village of X"
    if (key.size() > w.size() + 4 && key.starts_with(w) &&
        std::string_view(key).substr(w.size(), 4) == " of ") {
      key.erase(0, w.size() + 4);
      return true;
    }
  }
  return false;
}

int edit_distance(std::string_view a, std::string_view b) {
  // Optimal string alignment distance, two-row-plus-one memory.
  const std::size_t n = a.size(), m = b.size();
  thread_local std::vector<int> prev2, prev, cur;  // no allocation per call
  prev2.assign(m + 1, 0);
  prev.assign(m + 1, 0);
  cur.assign(m + 1, 0);
  for (std::size_t j = 0; j <= m; ++j) prev[j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= n; ++i) {
    cur[0] = static_cast<int>(i);
    for (std::size_t j = 1; j <= m; ++j) {
      int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        cur[j] = std::min(cur[j], prev2[j - 2] + 1);
    }
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return prev[m];
}

int edit_distance_within(std::string_view a, std::string_view b, int limit) {
  const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
  if (limit < 0) return limit + 1;
  if (std::abs(n - m) > limit) return limit + 1;
  constexpr int kMax = 64;  // names longer than this take the full table
  if (m >= kMax) return std::min(edit_distance(a, b), limit + 1);
  const int inf = limit + 1;
  const char* pa = a.data();
  const char* pb = b.data();
  // Three rows (OSA needs the one before the previous); cells outside the
  // band |i - j| <= limit are "too far" (inf).
  int rows[3][kMax + 1];
  int* prev2 = rows[0];
  int* prev = rows[1];
  int* cur = rows[2];
  for (int j = 0; j <= m; ++j) prev[j] = std::min(j, inf), prev2[j] = inf;
  int prev_min = 0;
  for (int i = 1; i <= n; ++i) {
    const int jlo = std::max(1, i - limit), jhi = std::min(m, i + limit);
    cur[0] = std::min(i, inf);
    if (jlo > 1) cur[jlo - 1] = inf;
    int row_min = cur[0];
    for (int j = jlo; j <= jhi; ++j) {
      int cost = pa[i - 1] == pb[j - 1] ? 0 : 1;
      int v = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && pa[i - 1] == pb[j - 2] && pa[i - 2] == pb[j - 1])
        v = std::min(v, prev2[j - 2] + 1);
      cur[j] = std::min(v, inf);
      row_min = std::min(row_min, cur[j]);
    }
    if (jhi < m) cur[jhi + 1] = inf;
    // A row only improves on the one before through a transposition (+1)
    // from the row before that: two rows over the limit end it.
    if (row_min > limit && prev_min > limit) return inf;
    prev_min = row_min;
    int* t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return std::min(prev[m], inf);
}

EditPattern::EditPattern(std::string_view key) : key_(key) {
  if (key.size() > 64) return;
  for (std::size_t i = 0; i < key.size(); ++i)
    positions_[static_cast<unsigned char>(key[i])] |= std::uint64_t{1} << i;
}

int EditPattern::distance_within(std::string_view other, int limit) const {
  const int m = static_cast<int>(key_.size()), n = static_cast<int>(other.size());
  if (limit < 0 || std::abs(n - m) > limit) return limit + 1;
  if (m > 64) return edit_distance_within(key_, other, limit);
  if (m == 0) return std::min(n, limit + 1);
  // Column j of the table as vertical differences (+1: vp, -1: vn); d0
  // marks the cells whose value equals the one up-left of them.
  std::uint64_t vp = ~std::uint64_t{0}, vn = 0, d0 = 0, prev_eq = 0;
  const std::uint64_t last = std::uint64_t{1} << (m - 1);
  int dist = m;
  for (char c : other) {
    const std::uint64_t eq = positions_[static_cast<unsigned char>(c)];
    const std::uint64_t swapped = ((~d0 & eq) << 1) & prev_eq;  // a transposition
    d0 = (((eq & vp) + vp) ^ vp) | eq | vn | swapped;
    std::uint64_t hp = vn | ~(d0 | vp);
    std::uint64_t hn = d0 & vp;
    dist += (hp & last) ? 1 : 0;
    dist -= (hn & last) ? 1 : 0;
    hp = (hp << 1) | 1;
    hn <<= 1;
    vp = hn | ~(d0 | hp);
    vn = hp & d0;
    prev_eq = eq;
  }
  return std::min(dist, limit + 1);
}

}  // namespace bm
