#include "link/point_order.hpp"

#include <array>
#include <cassert>

namespace bm {
namespace {

constexpr int kBits = 11;  // per axis: 2048 cells of 0.18 x 0.09 degrees
constexpr std::uint32_t kCells = 1u << kBits;

std::uint32_t cell_of(double v, double lo, double span) {
  const double f = (v - lo) / span * kCells;
  if (!(f >= 0)) return 0;  // also NaN
  if (f >= kCells - 1) return kCells - 1;
  return static_cast<std::uint32_t>(f);
}

// The bits of v (kBits of them) spread to every other bit.
std::uint32_t spread(std::uint32_t v) {
  v = (v | (v << 8)) & 0x00ff00ffu;
  v = (v | (v << 4)) & 0x0f0f0f0fu;
  v = (v | (v << 2)) & 0x33333333u;
  v = (v | (v << 1)) & 0x55555555u;
  return v;
}

// One stable counting pass on the kBits-wide digit at bit `shift`.
void radix_pass(const std::uint64_t* in, std::uint64_t* out, std::size_t n, int shift) {
  std::array<std::uint32_t, kCells> start{};
  for (std::size_t i = 0; i < n; ++i) ++start[(in[i] >> shift) & (kCells - 1)];
  std::uint32_t sum = 0;
  for (auto& s : start) {
    const std::uint32_t c = s;
    s = sum;
    sum += c;
  }
  for (std::size_t i = 0; i < n; ++i) out[start[(in[i] >> shift) & (kCells - 1)]++] = in[i];
}

}  // namespace

SpatialOrder::SpatialOrder(std::size_t capacity) : keys_(capacity), scratch_(capacity) {}

void SpatialOrder::sort(std::span<const LonLat> points) noexcept {
  assert(points.size() <= keys_.size());
  n_ = points.size();
  for (std::size_t i = 0; i < n_; ++i) {
    const std::uint32_t x = cell_of(points[i].lon, -180, 360);
    const std::uint32_t y = cell_of(points[i].lat, -90, 180);
    const std::uint64_t code = spread(x) | (spread(y) << 1);
    keys_[i] = code << 32 | static_cast<std::uint32_t>(i);
  }
  // The code has 2 * kBits bits: two passes, low digit first.
  radix_pass(keys_.data(), scratch_.data(), n_, 32);
  radix_pass(scratch_.data(), keys_.data(), n_, 32 + kBits);
}

}  // namespace bm
