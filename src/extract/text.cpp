#include "extract/text.hpp"

#include <algorithm>

#include "extract/lexicon.hpp"
#include "extract/lexicon_ru.hpp"

namespace bm::extract {
namespace {

// Length of the UTF-8 sequence at s[i], and its code point.
std::size_t decode(std::string_view s, std::size_t i, char32_t& cp) {
  auto c = static_cast<unsigned char>(s[i]);
  std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
  if (i + n > s.size()) n = 1;
  cp = n == 1 ? c : static_cast<char32_t>(c & (0x3Fu >> (n - 1)));
  for (std::size_t k = 1; k < n; ++k)
    cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  return n;
}

bool is_letter(char32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  // Latin-1 letters, Latin Extended, Greek, Cyrillic and beyond: treat as letters,
  // except general punctuation (U+2000..U+206F) and symbols/quotes.
  if (cp >= 0x2000 && cp <= 0x206F) return false;
  if (cp == 0xA0 || cp == 0xAB || cp == 0xBB || cp == 0xB7 || cp == 0xB0) return false;
  return cp >= 0xC0;
}

bool is_upper(char32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return true;
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return true;
  if (cp >= 0x400 && cp <= 0x42F) return true;         // Cyrillic capitals
  if (cp >= 0x100 && cp <= 0x17F) return cp % 2 == 0;  // Latin Extended-A pairs
  return false;
}

bool is_cyrillic(char32_t cp) { return cp >= 0x400 && cp <= 0x4FF; }

bool is_apostrophe(char32_t cp) { return cp == '\'' || cp == 0x2019; }

// "2 700", "12 000", "1 200 000": Russian and French group thousands with a
// space, a no-break space or a narrow one. [i, j) holds 1-3 plain digits;
// the end of the number with its groups of exactly three digits.
std::size_t thousands_groups(std::string_view s, std::size_t i, std::size_t j) {
  if (j - i > 3) return j;
  auto digit = [&](std::size_t k) { return k < s.size() && s[k] >= '0' && s[k] <= '9'; };
  for (std::size_t k = i; k < j; ++k)
    if (!digit(k)) return j;
  for (;;) {
    std::size_t gap = 0;
    if (s.substr(j, 1) == " ")
      gap = 1;
    else if (s.substr(j, 2) == "\xC2\xA0")
      gap = 2;
    else if (s.substr(j, 3) == "\xE2\x80\xAF" || s.substr(j, 3) == "\xE2\x80\x89")
      gap = 3;
    std::size_t g = j + gap;
    if (!gap || !digit(g) || !digit(g + 1) || !digit(g + 2) || digit(g + 3)) return j;
    // "2 700,5" or "2 700-" would be something else: only a plain group.
    if (g + 3 < s.size() && (s[g + 3] == ',' || s[g + 3] == '.') && digit(g + 4)) return j;
    j = g + 3;
  }
}

}  // namespace

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() &&
         (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> out;
  // About one token per five bytes of English text: reserved once, a long
  // text's tokens are not copied to a vector twice their size as they grow.
  out.reserve(s.size() / 5 + 16);
  std::size_t i = 0;
  while (i < s.size()) {
    char32_t cp = 0;
    std::size_t n = decode(s, i, cp);
    if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0) {
      i += n;
      continue;
    }
    Token t;
    t.begin = i;
    if (cp >= '0' && cp <= '9') {
      // 137,000  1.5  10:00  2022-09-16
      std::size_t j = i + 1;
      while (j < s.size()) {
        char c = s[j];
        if (c >= '0' && c <= '9') {
          ++j;
        } else if ((c == ',' || c == '.' || c == ':' || c == '-') && j + 1 < s.size() &&
                   s[j + 1] >= '0' && s[j + 1] <= '9') {
          j += 2;
        } else {
          break;
        }
      }
      j = thousands_groups(s, i, j);
      t.end = j;
      t.kind = TokKind::number;
    } else if (is_letter(cp)) {
      t.capital = is_upper(cp);
      t.cyrillic = is_cyrillic(cp);
      std::size_t j = i + n;
      while (j < s.size()) {
        char32_t c2 = 0;
        std::size_t m = decode(s, j, c2);
        if (is_letter(c2) || (c2 >= '0' && c2 <= '9')) {
          j += m;
          continue;
        }
        // Inner hyphen or apostrophe followed by a letter: Kok-Tash, O'sh, Kyrgyzstan's.
        if ((c2 == '-' || is_apostrophe(c2)) && j + m < s.size()) {
          char32_t c3 = 0;
          decode(s, j + m, c3);
          if (is_letter(c3)) {
            j += m;
            continue;
          }
        }
        break;
      }
      t.end = j;
      t.kind = TokKind::word;
      // "al-Fashaga", "el-Arish": an Arabic name written with its article
      // is a name like any capitalised word.
      if (!t.capital && j - i > 4 && (s.substr(i, 3) == "al-" || s.substr(i, 3) == "el-")) {
        char32_t c3 = 0;
        decode(s, i + 3, c3);
        t.capital = is_upper(c3);
      }
    } else {
      t.end = i + n;
      t.kind = TokKind::punct;
    }
    t.lower = lower_ascii(s.substr(t.begin, t.end - t.begin));
    // Cyrillic (and any other non-ASCII) words are lowered by ICU.
    if (t.kind == TokKind::word && !std::all_of(t.lower.begin(), t.lower.end(), [](char c) {
          return static_cast<unsigned char>(c) < 0x80;
        }))
      t.lower = lex::ru::lower(t.lower);
    if (t.kind == TokKind::word) {
      for (const char* suffix : {"'s", "\xE2\x80\x99s"}) {
        std::string_view sv(suffix);
        if (t.lower.size() > sv.size() + 1 && std::string_view(t.lower).ends_with(sv)) {
          t.lower.resize(t.lower.size() - sv.size());
          t.possessive = true;
          break;
        }
      }
    }
    out.push_back(std::move(t));
    i = out.back().end;
  }
  return out;
}

std::vector<Sentence> split_sentences(std::string_view s, const std::vector<Token>& toks) {
  std::vector<Sentence> out;
  std::size_t first = 0;
  auto close = [&](std::size_t last) {
    if (last > first) {
      out.push_back({toks[first].begin, toks[last - 1].end, first, last});
    }
    first = last;
  };
  for (std::size_t i = 0; i < toks.size(); ++i) {
    const Token& t = toks[i];
    // A line break between this token and the next ends the sentence.
    bool newline = false;
    if (i + 1 < toks.size())
      newline = s.substr(t.end, toks[i + 1].begin - t.end).find('\n') != std::string_view::npos;
    bool stop = false;
    if (t.kind == TokKind::punct && (t.lower == "." || t.lower == "!" || t.lower == "?")) {
      // Not after a single capital letter (initials) and only before a capital/quote/end.
      bool initial =
          i > 0 && toks[i - 1].kind == TokKind::word && toks[i - 1].end - toks[i - 1].begin == 1;
      bool next_ok =
          i + 1 >= toks.size() || toks[i + 1].capital || toks[i + 1].kind != TokKind::word;
      // "Aug. 5, 2023": a month's abbreviation before its day ends nothing.
      bool month_abbr = i > 0 && i + 1 < toks.size() && toks[i - 1].lower.size() <= 4 &&
                        lex::month(toks[i - 1].lower) && toks[i + 1].kind == TokKind::number;
      stop = !initial && !month_abbr && next_ok;
      // Keep a closing quote with its sentence.
      if (stop && i + 1 < toks.size() && toks[i + 1].kind == TokKind::punct &&
          (toks[i + 1].lower == "\"" || toks[i + 1].lower == "\xE2\x80\x9D") && !newline) {
        ++i;
        newline = i + 1 < toks.size() &&
                  s.substr(toks[i].end, toks[i + 1].begin - toks[i].end).find('\n') !=
                      std::string_view::npos;
      }
    }
    if (stop || newline) close(i + 1);
  }
  close(toks.size());
  return out;
}

// "MoES", "ISPR", "МЧС": a word with two or more capitals (Latin or Cyrillic).
bool is_acronym(std::string_view text, const Token& t) {
  if (t.kind != TokKind::word || !t.capital) return false;
  std::string_view w = text.substr(t.begin, t.end - t.begin);
  int capitals = 0;
  for (std::size_t k = 0; k < w.size(); ++k) {
    auto c = static_cast<unsigned char>(w[k]);
    auto next = k + 1 < w.size() ? static_cast<unsigned char>(w[k + 1]) : 0;
    if ((c >= 'A' && c <= 'Z') || (c == 0xD0 && ((next >= 0x90 && next <= 0xAF) || next == 0x81)))
      ++capitals;
  }
  return capitals >= 2;
}

}  // namespace bm::extract
