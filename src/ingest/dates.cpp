#include "ingest/dates.hpp"

#include <chrono>
#include <cstdio>
#include <regex>

#include "io/values.hpp"

namespace bm::ingest {
using namespace bm::io;  // the shared value parsers and record loop
namespace {

namespace ch = std::chrono;

std::optional<std::string> iso(int y, int m, int d) {
  ch::year_month_day ymd{ch::year{y}, ch::month{static_cast<unsigned>(m)},
                         ch::day{static_cast<unsigned>(d)}};
  if (y < 1000 || y > 9999 || !ymd.ok()) return std::nullopt;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return std::string(buf);
}

ch::year_month_day ymd_of(const std::string& s) {
  return {ch::year{std::stoi(s.substr(0, 4))},
          ch::month{static_cast<unsigned>(std::stoi(s.substr(5, 2)))},
          ch::day{static_cast<unsigned>(std::stoi(s.substr(8, 2)))}};
}

std::string format(ch::year_month_day d) {
  return *iso(static_cast<int>(d.year()), static_cast<int>(static_cast<unsigned>(d.month())),
              static_cast<int>(static_cast<unsigned>(d.day())));
}

int month_number(const std::string& name) {
  static const char* names[] = {"january",   "february", "march",    "april",
                                "may",       "june",     "july",     "august",
                                "september", "october",  "november", "december"};
  std::string n = lower(name);
  if (n.size() < 3) return 0;
  for (int i = 0; i < 12; ++i) {
    std::string full = names[i];
    // "Sep" and "Sept" abbreviate September; anything longer must be the full name.
    if (full.rfind(n, 0) == 0 && (n.size() <= 4 || n == full)) return i + 1;
  }
  return 0;
}

// Excel's day 0 is 1899-12-30 (its 1900 leap-year bug included); five-digit
// serials are 1927-05-18 to 2173-10-14, where no other reading of the
// number is a date.
std::optional<std::string> excel_serial(long n) {
  return format(ch::year_month_day{ch::sys_days{ch::year{1899} / 12 / 30} + ch::days{n}});
}

}  // namespace

std::optional<std::string> parse_date(const std::string& text) {
  static const std::regex iso_re(R"((\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?)");
  static const std::regex words_re(R"((\d{1,2})[ \-]+([A-Za-z]+)\.?[ \-,]+(\d{4}))");
  static const std::regex dmy_re(R"((\d{1,2})([\-./])(\d{1,2})\2(\d{4}))");
  static const std::regex mdy_words_re(R"(([A-Za-z]+)\.? (\d{1,2}),? (\d{4}))");
  // A spreadsheet's date cell exported as its serial number (44820 =
  // 2022-09-16), with or without the time as a fraction.
  static const std::regex excel_re(R"(([1-9]\d{4})(?:\.\d+)?)");
  std::string s = trim(text);
  std::smatch m;
  if (std::regex_match(s, m, iso_re)) return iso(std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3]));
  if (std::regex_match(s, m, words_re)) {
    int month = month_number(m[2]);
    if (month == 0) return std::nullopt;
    return iso(std::stoi(m[3]), month, std::stoi(m[1]));
  }
  if (std::regex_match(s, m, mdy_words_re)) {
    int month = month_number(m[1]);
    if (month == 0) return std::nullopt;
    return iso(std::stoi(m[3]), month, std::stoi(m[2]));
  }
  if (std::regex_match(s, m, dmy_re)) {
    const int first = std::stoi(m[1]), second = std::stoi(m[3]);
    // Day first (ACLED's dd-mm-yyyy, Europe's 14.09.2022); "09/16/2022"
    // can only be month first, so it is read that way.
    if (second > 12 && first <= 12) return iso(std::stoi(m[4]), first, second);
    return iso(std::stoi(m[4]), second, first);
  }
  if (std::regex_match(s, m, excel_re)) return excel_serial(std::stol(m[1]));
  return std::nullopt;
}

std::optional<Period> parse_period(const std::string& text) {
  static const std::regex ym_re(R"((\d{4})[\-/.](\d{1,2}))");
  static const std::regex my_re(R"((\d{1,2})[\-/.](\d{4}))");
  static const std::regex words_re(R"(([A-Za-z]+)\.?,? (\d{4}))");
  static const std::regex year_re(R"(\d{4})");
  std::string s = trim(text);
  std::smatch m;
  std::optional<std::string> first;
  if (std::regex_match(s, m, ym_re))
    first = iso(std::stoi(m[1]), std::stoi(m[2]), 1);
  else if (std::regex_match(s, m, my_re))
    first = iso(std::stoi(m[2]), std::stoi(m[1]), 1);
  else if (std::regex_match(s, m, words_re) && month_number(m[1]) > 0)
    first = iso(std::stoi(m[2]), month_number(m[1]), 1);
  if (first) return Period{*first, last_of_month(*first), "month"};
  if (std::regex_match(s, year_re) && (first = iso(std::stoi(s), 1, 1)))
    return Period{*first, last_of_year(*first), "year"};
  return std::nullopt;
}

std::string add_days(const std::string& s, int days) {
  return format(ch::year_month_day{ch::sys_days{ymd_of(s)} + ch::days{days}});
}

std::string first_of_month(const std::string& s) { return s.substr(0, 8) + "01"; }

std::string last_of_month(const std::string& s) {
  auto d = ymd_of(s);
  return format(ch::year_month_day{ch::year_month_day_last{d.year(), d.month() / ch::last}});
}

std::string first_of_year(const std::string& s) { return s.substr(0, 4) + "-01-01"; }
std::string last_of_year(const std::string& s) { return s.substr(0, 4) + "-12-31"; }

}  // namespace bm::ingest
