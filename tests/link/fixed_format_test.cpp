#include <catch2/catch.hpp>

#include <charconv>
#include <cmath>
#include <random>
#include <string>

#include "link/fixed_format.hpp"

namespace {

std::string reference(double v, int decimals) {
  char buf[400];
  auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
  return std::string(buf, r.ptr);
}

std::string fast(double v, int decimals) {
  std::string s;
  bm::append_fixed(s, v, decimals);
  return s;
}

}  // namespace

TEST_CASE("fixed decimals: the same text as std::to_chars", "[link][format]") {
  // Exact ties round to even, as to_chars does on the binary value.
  CHECK(fast(0.0625, 3) == "0.062");
  CHECK(fast(0.1875, 3) == "0.188");
  CHECK(fast(2.5, 0) == reference(2.5, 0));
  CHECK(fast(0.0, 3) == "0.000");
  CHECK(fast(-0.0, 3) == reference(-0.0, 3));
  CHECK(fast(-0.0004, 3) == reference(-0.0004, 3));
  CHECK(fast(69.5760958, 7) == reference(69.5760958, 7));
  CHECK(fast(1e300, 3) == reference(1e300, 3));  // beyond the fast range
  CHECK(fast(NAN, 3) == reference(NAN, 3));
  CHECK(fast(5e-324, 7) == "0.0000000");

  std::mt19937_64 rng(20261130);
  std::uniform_real_distribution<double> metres(0, 300000), degrees(-180, 180);
  std::uniform_int_distribution<int> digits(1, 9);
  int mismatches = 0;
  for (int i = 0; i < 300000; ++i) {
    const double m = metres(rng), d = degrees(rng);
    // Values on a rounding boundary: k / 2^j, some of them exact ties.
    const double tie =
        std::ldexp(static_cast<double>(rng() % 100000), -static_cast<int>(rng() % 12));
    const int n = digits(rng);
    if (fast(m, 3) != reference(m, 3)) ++mismatches;
    if (fast(d, 7) != reference(d, 7)) ++mismatches;
    if (fast(tie, 3) != reference(tie, 3)) ++mismatches;
    if (fast(-tie, n) != reference(-tie, n)) ++mismatches;
    if (fast(m / 7, n) != reference(m / 7, n)) ++mismatches;
  }
  CHECK(mismatches == 0);
}
