#pragma once
// Parsing the scalar values every input format shares: numbers, degrees,
// and the text clean-ups. Failures throw InputError naming the column.
#include <string>

namespace bm::io {

std::string trim(const std::string& s);
std::string lower(std::string s);
// Only decimal digits, sign, point and exponent (no "0x46", "inf", "nan").
bool is_decimal_text(const std::string& s);

// A whole number ("12", " 12 ", "12.0"); throws InputError naming `column`.
long parse_long(const std::string& s, const std::string& column);

// Whether `s` is a real calendar date YYYY-MM-DD (2022-02-30 is not).
bool is_calendar_date(const std::string& s);
// Throws InputError naming `column` unless `s` is a calendar date.
void check_calendar_date(const std::string& s, const std::string& column);
// A figure of people (killed, injured, ...): a whole number >= 0.
long parse_count(const std::string& s, const std::string& column);

// Degrees within ±limit; throws InputError naming `column`.
double parse_degrees(const std::string& s, const std::string& column, double limit);

}  // namespace bm::io
