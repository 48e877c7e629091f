#include "extract/dates.hpp"

#include <cctype>

#include <cstdio>

#include "extract/lexicon.hpp"

namespace bm::extract {
namespace {

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

int to_int(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

bool valid(const Ymd& d) {
  static const int len[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (d.y % 4 == 0 && d.y % 100 != 0) || d.y % 400 == 0;
  if (d.m == 2 && d.d == 29 && !leap) return false;
  return d.y >= 1900 && d.y <= 2100 && d.m >= 1 && d.m <= 12 && d.d >= 1 && d.d <= len[d.m - 1];
}

DateRange day(const Ymd& d) { return {to_iso(d), to_iso(d), "day"}; }
DateRange span(long a, long b, const char* precision) {
  return {to_iso(civil_from_days(a)), to_iso(civil_from_days(b)), precision};
}

// A month-day without a year takes the anchor's year, or the year before
// when that would put it more than a month after publication.
Ymd with_year(int m, int d, const std::optional<Ymd>& anchor) {
  Ymd out{anchor ? anchor->y : 0, m, d};
  if (anchor && days_from_civil(out) - days_from_civil(*anchor) > 31) out.y -= 1;
  return out;
}

bool day_number(const std::vector<Token>& toks, std::size_t i, std::size_t last) {
  return i < last && all_digits(toks[i].lower) && toks[i].lower.size() <= 2;
}

bool range_joint(std::string_view w) {
  return w == "-" || w == "\xE2\x80\x93" || w == "\xE2\x80\x94" || w == "to" || w == "and" ||
         w == "till" || w == "until";
}

// "14–17 September 2022", "from 28 to 30 April", "8 and 9 July": a day
// range written day first. Returns the interval and the token after it.
std::optional<std::pair<DateRange, std::size_t>> day_first_range(const std::vector<Token>& toks,
                                                                 std::size_t i, std::size_t last,
                                                                 const std::optional<Ymd>& anchor) {
  if (!day_number(toks, i, last) || i + 3 >= last) return std::nullopt;
  if (!range_joint(toks[i + 1].lower) || !day_number(toks, i + 2, last)) return std::nullopt;
  int m = lex::month(toks[i + 3].lower);
  if (!m) return std::nullopt;
  std::size_t e = i + 4;
  int year = 0;
  if (e < last && all_digits(toks[e].lower) && toks[e].lower.size() == 4)
    year = to_int(toks[e++].lower);
  if (!year && !anchor) return std::nullopt;
  Ymd a = year ? Ymd{year, m, to_int(toks[i].lower)} : with_year(m, to_int(toks[i].lower), anchor);
  Ymd b{a.y, m, to_int(toks[i + 2].lower)};
  if (!valid(a) || !valid(b) || b.d <= a.d) return std::nullopt;
  return std::make_pair(DateRange{to_iso(a), to_iso(b), "range"}, e);
}

}  // namespace

std::optional<Ymd> parse_iso(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  if (!all_digits(s.substr(0, 4)) || !all_digits(s.substr(5, 2)) || !all_digits(s.substr(8, 2)))
    return std::nullopt;
  Ymd d{to_int(s.substr(0, 4)), to_int(s.substr(5, 2)), to_int(s.substr(8, 2))};
  if (!valid(d)) return std::nullopt;
  return d;
}

std::optional<Ymd> parse_numeric_date(std::string_view s) {
  // 17.09.2022: day first, as every dotted numeric date is written.
  if (s.size() == 10 && s[2] == '.' && s[5] == '.') {
    std::string iso = std::string(s.substr(6, 4)) + "-" + std::string(s.substr(3, 2)) + "-" +
                      std::string(s.substr(0, 2));
    return parse_iso(iso);
  }
  return parse_iso(s);
}

std::string to_iso(const Ymd& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.y, d.m, d.d);
  return buf;
}

// Howard Hinnant's civil calendar algorithms.
long days_from_civil(const Ymd& dt) {
  long y = dt.y - (dt.m <= 2 ? 1 : 0);
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long mp = (dt.m + 9) % 12;
  long doy = (153 * mp + 2) / 5 + dt.d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Ymd civil_from_days(long z) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long y = yoe + era * 400;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  long d = doy - (153 * mp + 2) / 5 + 1;
  long m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<int>(y + (m <= 2 ? 1 : 0)), static_cast<int>(m), static_cast<int>(d)};
}

int weekday_of(const Ymd& d) {
  long z = days_from_civil(d);  // 1970-01-01 was a Thursday (3)
  return static_cast<int>(((z % 7) + 7 + 3) % 7);
}

namespace {

// A word written in capitals, as wire datelines write the city ("YEREVAN").
bool is_upper_word(std::string_view text, const Token& t) {
  if (t.kind != TokKind::word || t.end - t.begin < 3) return false;
  for (std::size_t k = t.begin; k < t.end; ++k) {
    unsigned char c = static_cast<unsigned char>(text[k]);
    if (c < 0x80 && !(std::isupper(c) || c == '-')) return false;
  }
  return true;
}

}  // namespace

std::string find_publication_date(std::string_view text) {
  std::string_view head = text.substr(0, 600);
  std::vector<Token> toks = tokenize(head);
  // A line of its own that starts with the token: "18 September, 2022".
  auto starts_line = [&](const Token& t) {
    std::size_t k = t.begin;
    while (k > 0 && (head[k - 1] == ' ' || head[k - 1] == '\t')) --k;
    return k == 0 || head[k - 1] == '\n';
  };
  for (std::size_t i = 0; i < toks.size(); ++i) {
    const Token& t = toks[i];
    if (t.begin >= 400 && !starts_line(t)) continue;  // past the head: only whole date lines
    bool cue = i == 0 || starts_line(t) ||
               (i > 0 && (toks[i - 1].lower == "date" || toks[i - 1].lower == "published" ||
                          toks[i - 1].lower == "updated" || toks[i - 1].lower == "posted" ||
                          toks[i - 1].lower == "dateline"));
    // "Published: ...", "Published On ...", "Updated on: ..."
    for (std::size_t back = 2; back <= 3 && back <= i; ++back) {
      const std::string& w = toks[i - back].lower;
      bool joiner = toks[i - 1].lower == ":" || toks[i - 1].lower == "on";
      if (joiner &&
          (w == "date" || w == "published" || w == "updated" || w == "posted" || w == "on"))
        cue = true;
    }
    // A wire dateline: "ISLAMABAD, December 11, 2022 -", "KYIV, 3 March 2022 (AP)".
    if (i >= 2 && toks[i - 1].lower == "," && is_upper_word(head, toks[i - 2])) cue = true;
    // "Tue 13 Sep 2022", "Tuesday, September 13, 2022"
    bool day_abbr = t.lower == "mon" || t.lower == "tue" || t.lower == "tues" || t.lower == "wed" ||
                    t.lower == "thu" || t.lower == "thurs" || t.lower == "fri" ||
                    t.lower == "sat" || t.lower == "sun";
    if (cue && (lex::weekday(t.lower) >= 0 || day_abbr) && i + 1 < toks.size()) {
      cue = false;
      std::size_t k = i + 1;
      if (toks[k].lower == "," && k + 1 < toks.size()) ++k;
      i = k - 1;
      if (lex::weekday(toks[k].lower) < 0) {
        // re-run the cue test on the next token by faking "date" before it
        std::string rest(head.substr(toks[k].begin));
        std::string d = find_publication_date("date " + rest);
        if (!d.empty()) return d;
      }
      continue;
    }
    if (!cue) continue;
    if (t.kind == TokKind::number) {
      if (auto d = parse_numeric_date(head.substr(t.begin, t.end - t.begin))) return to_iso(*d);
      // 16 September 2022, 18 September, 2022
      std::size_t y = i + 2;
      if (y < toks.size() && toks[y].lower == ",") ++y;
      if (y < toks.size() && lex::month(toks[i + 1].lower) && all_digits(toks[y].lower)) {
        Ymd d{to_int(toks[y].lower), lex::month(toks[i + 1].lower), to_int(t.lower)};
        if (valid(d)) return to_iso(d);
      }
    } else if (int m = lex::month(t.lower); m && i + 1 < toks.size()) {
      // "Sept. 13, 2022": skip the abbreviation's full stop.
      if (toks[i + 1].lower == "." && i + 2 < toks.size()) ++i;
      if (!all_digits(toks[i + 1].lower)) continue;
      // September 16, 2022
      std::size_t k = i + 2;
      if (k < toks.size() && toks[k].lower == ",") ++k;
      if (k < toks.size() && all_digits(toks[k].lower)) {
        Ymd d{to_int(toks[k].lower), m, to_int(toks[i + 1].lower)};
        if (valid(d)) return to_iso(d);
      }
    }
  }
  return {};
}

std::vector<DateMention> find_dates(std::string_view text, const std::vector<Token>& toks,
                                    std::size_t first, std::size_t last,
                                    const std::string& anchor_iso) {
  std::vector<DateMention> out;
  std::optional<Ymd> anchor = parse_iso(anchor_iso);
  long a = anchor ? days_from_civil(*anchor) : 0;
  auto at = [&](std::size_t i) -> const std::string& {
    static const std::string empty;
    return i < last ? toks[i].lower : empty;
  };
  auto push = [&](std::size_t b, std::size_t e, DateRange r, const char* rule) {
    DateMention m;
    m.begin = toks[b].begin;
    m.end = toks[e - 1].end;
    m.text = std::string(text.substr(m.begin, m.end - m.begin));
    m.range = std::move(r);
    m.rule = rule;
    out.push_back(std::move(m));
  };
  for (std::size_t i = first; i < last; ++i) {
    const std::string& w = toks[i].lower;
    // ISO dates in running text.
    if (toks[i].kind == TokKind::number) {
      if (auto d = parse_numeric_date(text.substr(toks[i].begin, toks[i].end - toks[i].begin))) {
        push(i, i + 1, day(*d), "iso");
        continue;
      }
      // 14–17 September [2022], 20 to 22 August, 8 and 9 July: one interval.
      if (auto r = day_first_range(toks, i, last, anchor)) {
        push(i, r->second, r->first, "day_month_range");
        i = r->second - 1;
        continue;
      }
      // 16 September [2022]
      if (int m = lex::month(at(i + 1)); m && all_digits(w) && w.size() <= 2) {
        bool has_year = all_digits(at(i + 2)) && at(i + 2).size() == 4;
        Ymd d = has_year ? Ymd{to_int(at(i + 2)), m, to_int(w)} : with_year(m, to_int(w), anchor);
        if (valid(d) || (!anchor && !has_year)) {
          push(i, has_year ? i + 3 : i + 2, valid(d) ? day(d) : DateRange{}, "day_month");
          i += has_year ? 2 : 1;
        }
        continue;
      }
      continue;
    }
    if (int m = lex::month(w); m && toks[i].capital) {
      // "between September 14 and 16", "September 14-16", "September 16[, 2022]", "April 2021", "in
      // May"; "Aug. 5, 2023": past an abbreviation's full stop.
      std::size_t n = at(i + 1) == "." && w.size() <= 4 ? i + 2 : i + 1;
      std::string d1 = at(n);
      if (all_digits(d1) && d1.size() <= 2) {
        std::size_t e = n + 1;
        int day2 = 0;
        if ((at(e) == "and" || at(e) == "to" || at(e) == "-" || at(e) == "\xE2\x80\x93") &&
            all_digits(at(e + 1)) && at(e + 1).size() <= 2) {
          day2 = to_int(at(e + 1));
          e += 2;
        }
        int year = 0;
        if (at(e) == "," && all_digits(at(e + 1)) && at(e + 1).size() == 4) {
          year = to_int(at(e + 1));
          e += 2;
        } else if (all_digits(at(e)) && at(e).size() == 4) {
          year = to_int(at(e));
          e += 1;
        }
        Ymd s = year ? Ymd{year, m, to_int(d1)} : with_year(m, to_int(d1), anchor);
        if (!year && !anchor) {
          push(i, e, {}, "month_day");
        } else if (day2 && valid(s) && valid(Ymd{s.y, m, day2}) && day2 > s.d) {
          push(i, e, {to_iso(s), to_iso(Ymd{s.y, m, day2}), "range"}, "month_day_range");
        } else if (valid(s)) {
          push(i, e, day(s), "month_day");
        }
        i = e - 1;
      } else if (all_digits(d1) && d1.size() == 4) {
        Ymd s{to_int(d1), m, 1};
        Ymd e{s.y, m, 28};
        while (valid(Ymd{e.y, e.m, e.d + 1})) ++e.d;
        push(i, n + 1, {to_iso(s), to_iso(e), "month"}, "month_year");
        i = n;
      } else if (anchor && i > first &&
                 (at(i - 1) == "in" || at(i - 1) == "since" || at(i - 1) == "early" ||
                  at(i - 1) == "late" || at(i - 1) == "mid" || at(i - 1) == "last")) {
        // "In February": the latest such month not after publication.
        Ymd s{anchor->y, m, 1};
        if (m > anchor->m) s.y -= 1;
        Ymd e{s.y, m, 28};
        while (valid(Ymd{e.y, e.m, e.d + 1})) ++e.d;
        push(i, i + 1, {to_iso(s), to_iso(e), "month"}, "month");
      }
      continue;
    }
    if (int wd = lex::weekday(w); wd >= 0) {
      // The most recent such weekday on or before publication.
      DateRange r;
      if (anchor) {
        int back = (weekday_of(*anchor) - wd + 7) % 7;
        r = day(civil_from_days(a - back));
      }
      auto part_of_day = [&](std::size_t k) {
        return at(k) == "morning" || at(k) == "afternoon" || at(k) == "evening" || at(k) == "night";
      };
      std::size_t e = i + 1;
      if (part_of_day(e)) ++e;
      // "on Tuesday and Wednesday", "from Monday to Wednesday": one interval.
      const std::string& join = at(e);
      int wd2 = lex::weekday(at(e + 1));
      if (anchor && wd2 >= 0 &&
          (join == "and" || join == "to" || join == "through" || join == "-" ||
           join == "\xE2\x80\x93")) {
        long end = a - (weekday_of(*anchor) - wd2 + 7) % 7;
        if (auto start = parse_iso(r.start); start && end > days_from_civil(*start)) {
          r = span(days_from_civil(*start), end, "range");
          e += 2;
          if (part_of_day(e)) ++e;
        }
      }
      std::size_t b = i;
      if (i > first && (at(i - 1) == "late" || at(i - 1) == "early" || at(i - 1) == "earlier" ||
                        at(i - 1) == "last"))
        b = i - 1;
      push(b, e, r, "weekday");
      i = e - 1;
      continue;
    }
    if (w == "yesterday") {
      push(i, i + 1, anchor ? day(civil_from_days(a - 1)) : DateRange{}, "yesterday");
    } else if (w == "today") {
      push(i, i + 1, anchor ? day(*anchor) : DateRange{}, "today");
    } else if ((w == "last" || w == "past") && (at(i + 1) == "night")) {
      push(i, i + 2, anchor ? span(a - 1, a, "range") : DateRange{}, "last_night");
      ++i;
    } else if (w == "overnight") {
      push(i, i + 1, anchor ? span(a - 1, a, "range") : DateRange{}, "overnight");
    } else if (w == "last" && at(i + 1) == "week") {
      push(i, i + 2, anchor ? span(a - 7, a - 1, "week") : DateRange{}, "last_week");
      ++i;
    } else if (w == "this" && at(i + 1) == "week") {
      push(i, i + 2, anchor ? span(a - weekday_of(*anchor), a, "week") : DateRange{}, "this_week");
      ++i;
    } else if ((w == "in" || w == "since") && all_digits(at(i + 1)) && at(i + 1).size() == 4) {
      int y = to_int(at(i + 1));
      if (y >= 1900 && y <= 2100) {
        push(i + 1, i + 2, {to_iso(Ymd{y, 1, 1}), to_iso(Ymd{y, 12, 31}), "year"}, "year");
        ++i;
      }
    } else if (w == "last" && at(i + 1) == "year" && anchor) {
      push(i, i + 2, {to_iso(Ymd{anchor->y - 1, 1, 1}), to_iso(Ymd{anchor->y - 1, 12, 31}), "year"},
           "last_year");
      ++i;
    }
  }
  return out;
}

}  // namespace bm::extract
