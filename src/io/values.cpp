#include "io/values.hpp"

#include <cctype>
#include <cmath>

#include "core/error.hpp"

namespace bm::io {

std::string trim(const std::string& s) {
  auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// std::stod also reads hexadecimal ("0x46" is 70), "inf" and "nan": a
// table's number is written in decimal digits, so only those may reach it.
bool is_decimal_text(const std::string& s) {
  return !s.empty() && s.find_first_not_of("0123456789+-.eE") == std::string::npos;
}

namespace {

// std::stod accepts a prefix; we want the whole field to be the number.
bool to_double(const std::string& s, double& v) {
  if (!is_decimal_text(s)) return false;
  std::size_t used = 0;
  try {
    v = std::stod(s, &used);
  } catch (const std::exception&) {
    return false;
  }
  return used == s.size() && std::isfinite(v);
}

}  // namespace

long parse_long(const std::string& text, const std::string& column) {
  std::string s = trim(text);
  double v = 0;
  // Spreadsheets turn 12 into 12.0; a fraction is a real error.
  if (!to_double(s, v) || v != std::floor(v) || std::fabs(v) > 1e15)
    throw InputError("column '" + column + "' is '" + text + "' — expected a whole number");
  return static_cast<long>(v);
}

bool is_calendar_date(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  const int y = std::stoi(s.substr(0, 4)), m = std::stoi(s.substr(5, 2)),
            d = std::stoi(s.substr(8, 2));
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= kDays[m - 1] + (m == 2 && leap ? 1 : 0);
}

void check_calendar_date(const std::string& s, const std::string& column) {
  if (!is_calendar_date(s))
    throw InputError("column '" + column + "' is '" + s + "' — expected a real date as YYYY-MM-DD");
}

long parse_count(const std::string& s, const std::string& column) {
  long v = parse_long(s, column);
  if (v < 0)
    throw InputError("column '" + column + "' is " + trim(s) + " — a figure cannot be negative");
  return v;
}

}  // namespace bm::io
