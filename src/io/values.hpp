#pragma once
// Parsing the scalar values every input format shares: numbers, degrees,
// and the text clean-ups. Failures throw InputError naming the column.
#include <string>

namespace bm::io {

std::string trim(const std::string& s);
std::string lower(std::string s);

// A whole number ("12", " 12 ", "12.0"); throws InputError naming `column`.
long parse_long(const std::string& s, const std::string& column);

// Degrees within ±limit; throws InputError naming `column`.
double parse_degrees(const std::string& s, const std::string& column, double limit);

}  // namespace bm::io
