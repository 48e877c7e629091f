#include "link/fixed_format.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>

namespace bm {
namespace {

__extension__ typedef unsigned __int128 u128;  // GCC and Clang on 64-bit targets

constexpr std::uint64_t kPow10[] = {1,         10,         100,         1000,
                                    10000,     100000,     1000000,     10000000,
                                    100000000, 1000000000, 10000000000, 100000000000};

// |v| = m * 2^-shift exactly (m a 53-bit integer), so |v| * 10^d is the
// integer m * 10^d (< 2^90) shifted right by `shift`: exact in 128 bits,
// and the bits shifted out decide the rounding.
bool fast_fixed(std::string& out, double v, int decimals) {
  if (!std::isfinite(v) || decimals < 1 || decimals > 11) return false;
  const double a = std::fabs(v);
  if (a >= 1e9) return false;
  int exp = 0;
  const double f = std::frexp(a, &exp);
  const auto m = static_cast<std::uint64_t>(std::ldexp(f, 53));
  const int shift = 53 - exp;
  const auto n = static_cast<u128>(m) * kPow10[decimals];
  std::uint64_t q = 0;
  if (a != 0 && shift < 120) {
    const u128 one = 1;
    q = static_cast<std::uint64_t>(n >> shift);
    const u128 rest = n & ((one << shift) - 1), half = one << (shift - 1);
    if (rest > half || (rest == half && (q & 1) != 0)) ++q;
  }
  char buf[48];
  char* p = buf;
  if (std::signbit(v)) *p++ = '-';
  const std::uint64_t unit = kPow10[decimals];
  p = std::to_chars(p, buf + sizeof buf, q / unit).ptr;
  *p++ = '.';
  std::uint64_t frac = q % unit;
  for (int i = decimals - 1; i >= 0; --i, frac /= 10) p[i] = static_cast<char>('0' + frac % 10);
  out.append(buf, p + decimals);
  return true;
}

}  // namespace

void append_fixed(std::string& out, double v, int decimals) {
  if (fast_fixed(out, v, decimals)) return;
  char buf[400];
  auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
  out.append(buf, r.ptr);
}

}  // namespace bm
