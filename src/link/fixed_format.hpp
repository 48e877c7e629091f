#pragma once
// Decimal text of a double with a fixed number of decimals, the same
// characters as std::to_chars(..., chars_format::fixed, decimals) (the exact
// binary value, rounded half to even) at a fraction of its cost: the link
// table has three such numbers a row, a million rows.
#include <string>

namespace bm {

// Appends v with `decimals` digits after the point.
void append_fixed(std::string& out, double v, int decimals);

}  // namespace bm
