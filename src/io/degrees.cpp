// Coordinates as people type them: decimal degrees, a decimal comma
// ("40,06", as Excel writes in many locales), or degrees-minutes-seconds with
// a hemisphere ("40°03′36″N", "70 48 E" is not accepted: a degree sign or
// a hemisphere letter must say it is DMS). Each form is accepted only when
// it has one reading.
#include <cctype>
#include <charconv>
#include <cmath>
#include <optional>
#include <regex>

#include "core/error.hpp"
#include "io/values.hpp"

namespace bm::io {
namespace {

// The common case, "40.06" or "-7": digits with at most one point, read
// without the regex and the copies (a profile of a 1M-row export showed the
// decimal-comma regex at 7 % of the run). std::from_chars and std::stod
// both round correctly, so the value is the same.
std::optional<double> simple_decimal(const std::string& s) {
  std::size_t i = (!s.empty() && (s[0] == '-' || s[0] == '+')) ? 1 : 0;
  std::size_t digits = 0, points = 0;
  for (std::size_t k = i; k < s.size(); ++k) {
    if (s[k] >= '0' && s[k] <= '9')
      ++digits;
    else if (s[k] == '.' && ++points == 1)
      continue;
    else
      return std::nullopt;
  }
  if (digits == 0 || s[i] == '.' || s.back() == '.') return std::nullopt;
  const char* first = s.data() + (s[0] == '+' ? 1 : 0);
  double v = 0;
  auto [end, ec] = std::from_chars(first, s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

std::optional<double> plain_number(std::string s) {
  if (auto v = simple_decimal(s)) return v;
  // "40,06": with no point, a single comma between digits is the decimal
  // mark (as a thousands separator it would make 4006, no coordinate).
  static const std::regex decimal_comma(R"(^[+-]?\d+,\d+$)");
  if (std::regex_match(s, decimal_comma)) s[s.find(',')] = '.';
  if (!is_decimal_text(s)) return std::nullopt;
  std::size_t used = 0;
  try {
    double v = std::stod(s, &used);
    if (used == s.size() && std::isfinite(v)) return v;
  } catch (const std::exception&) {
  }
  return std::nullopt;
}

// Degrees, minutes, seconds and a hemisphere: N/S for latitude, E/W for
// longitude (a letter of the other axis is an error: lat/lon swapped?).
std::optional<double> dms(const std::string& s, const std::string& column, bool latitude) {
  static const std::regex re(R"(^([NSEWnsew])?\s*(\d{1,3}(?:[.,]\d+)?)\s*(?:°|º|˚|deg|d)?\s*)"
                             R"((?:(\d{1,2}(?:[.,]\d+)?)\s*(?:'|′|’|m)\s*)?)"
                             R"((?:(\d{1,2}(?:[.,]\d+)?)\s*(?:"|″|”|''|′′|s)\s*)?([NSEWnsew])?$)");
  std::smatch m;
  if (!std::regex_match(s, m, re)) return std::nullopt;
  if (m[1].matched && m[5].matched) return std::nullopt;  // "N40°E"
  const std::string hemi = m[1].matched ? m[1].str() : m[5].str();
  const bool marked = s.find_first_of("°º˚") != std::string::npos || m[3].matched;
  if (hemi.empty() && !marked) return std::nullopt;  // bare numbers are not DMS
  const char h = hemi.empty() ? 0 : static_cast<char>(std::toupper(hemi[0]));
  if (h && (h == 'N' || h == 'S') != latitude)
    throw InputError("column '" + column + "' is '" + s + "' — " + std::string(1, h) +
                     " is a hemisphere of the other axis: lat/lon swapped?");
  auto num = [](const std::ssub_match& g) {
    std::string t = g.str();
    if (auto c = t.find(','); c != std::string::npos) t[c] = '.';
    return g.matched ? std::stod(t) : 0.0;
  };
  const double deg = num(m[2]), min = num(m[3]), sec = num(m[4]);
  if (min >= 60 || sec >= 60)
    throw InputError("column '" + column + "' is '" + s +
                     "' — minutes and seconds must be below 60");
  const double v = deg + min / 60 + sec / 3600;
  return (h == 'S' || h == 'W') ? -v : v;
}

}  // namespace

double parse_degrees(const std::string& text, const std::string& column, double limit) {
  std::string s = trim(text);
  std::optional<double> v = plain_number(s);
  if (!v) v = dms(s, column, limit == 90);
  if (!v)
    throw InputError("column '" + column + "' is '" + text +
                     "' — expected a number in degrees (40.06, 40,06 or 40°03′36″N)");
  if (*v < -limit || *v > limit)
    throw InputError("column '" + column + "' is " + s + " — outside ±" +
                     std::to_string(static_cast<int>(limit)) + " degrees");
  return *v;
}

}  // namespace bm::io
