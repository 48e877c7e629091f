#include "render/box_index.hpp"

#include <algorithm>
#include <cmath>

namespace bm {

BoxIndex::BoxIndex(const Box& frame, double cell)
    : cell_(cell),
      x0_(frame.x0),
      y0_(frame.y0),
      nx_(std::max(1L, static_cast<long>(std::ceil((frame.x1 - frame.x0) / cell)))),
      ny_(std::max(1L, static_cast<long>(std::ceil((frame.y1 - frame.y0) / cell)))),
      cells_(static_cast<std::size_t>(nx_ * ny_)),
      bits_w_(std::max(1L, static_cast<long>(std::ceil(frame.x1 - frame.x0)))),
      bits_h_(std::max(1L, static_cast<long>(std::ceil(frame.y1 - frame.y0)))),
      words_((bits_w_ + 63) / 64),
      bits_(static_cast<std::size_t>(words_ * bits_h_)) {}

long BoxIndex::cell_of(double v, double origin, long n) const {
  double c = std::floor((v - origin) / cell_);
  if (!(c > 0)) return 0;  // also NaN
  return c >= static_cast<double>(n) ? n - 1 : static_cast<long>(c);
}

// Calls f for every cell `b` touches until f returns true; returns whether it did.
template <class F>
bool BoxIndex::for_cells(const Box& b, F f) const {
  const long x0 = cell_of(b.x0, x0_, nx_), x1 = cell_of(b.x1, x0_, nx_);
  const long y0 = cell_of(b.y0, y0_, ny_), y1 = cell_of(b.y1, y0_, ny_);
  for (long y = y0; y <= y1; ++y)
    for (long x = x0; x <= x1; ++x)
      if (f(static_cast<std::size_t>(y * nx_ + x))) return true;
  return false;
}

// A box is copied into every cell it touches: a test reads its cells' boxes
// in a row instead of chasing indices (crowded maps test ~10^5 boxes).
void BoxIndex::add(const Box& b) {
  for_cells(b, [&](std::size_t k) {
    cells_[k].push_back(b);
    return false;
  });
  cover(covered_by(b));
}

bool BoxIndex::hits(const Box& b) const {
  if (any_covered(touched_by(b))) return true;
  return for_cells(b, [&](std::size_t k) {
    for (const Box& o : cells_[k])
      if (o.overlaps(b)) return true;
    return false;
  });
}

namespace {

// A whole-numbered double as a square index, clamped to [lo, hi].
long clamp_index(double v, long lo, long hi) {
  if (!(v >= static_cast<double>(lo))) return lo;
  if (v >= static_cast<double>(hi)) return hi;
  return static_cast<long>(v);
}

// Both spans err on the small side by this much, so that rounding in
// `b.x0 - x0_` never marks a square the box does not hold (or test one the
// candidate does not reach): the bitmap must only ever say "taken" truly.
constexpr double kEps = 1e-6;

bool finite(const Box& b) {
  return std::isfinite(b.x0) && std::isfinite(b.x1) && std::isfinite(b.y0) && std::isfinite(b.y1);
}

}  // namespace

BoxIndex::Span BoxIndex::on_frame(double ax, double bx, double ay, double by) const {
  if (ax > bx || ay > by || bx < 0 || by < 0 || ax >= static_cast<double>(bits_w_) ||
      ay >= static_cast<double>(bits_h_))
    return {1, 0, 1, 0};
  return {clamp_index(ax, 0, bits_w_ - 1), clamp_index(bx, 0, bits_w_ - 1),
          clamp_index(ay, 0, bits_h_ - 1), clamp_index(by, 0, bits_h_ - 1)};
}

// Square i spans [x0_ + i, x0_ + i + 1): wholly inside b when
// b.x0 <= x0_ + i and x0_ + i + 1 <= b.x1. Squares off the frame are dropped.
BoxIndex::Span BoxIndex::covered_by(const Box& b) const {
  if (!finite(b)) return {1, 0, 1, 0};
  const double ax = std::ceil(b.x0 - x0_ + kEps), bx = std::floor(b.x1 - x0_ - kEps) - 1;
  const double ay = std::ceil(b.y0 - y0_ + kEps), by = std::floor(b.y1 - y0_ - kEps) - 1;
  return on_frame(ax, bx, ay, by);
}

// Square i's interior meets b's when b.x0 < x0_ + i + 1 and x0_ + i < b.x1:
// i from floor(b.x0 - x0_) to ceil(b.x1 - x0_) - 1 (the part on the frame).
BoxIndex::Span BoxIndex::touched_by(const Box& b) const {
  if (!finite(b)) return {1, 0, 1, 0};
  const double ax = std::floor(b.x0 - x0_ + kEps), bx = std::ceil(b.x1 - x0_ - kEps) - 1;
  const double ay = std::floor(b.y0 - y0_ + kEps), by = std::ceil(b.y1 - y0_ - kEps) - 1;
  return on_frame(ax, bx, ay, by);
}

namespace {

// Bits lo..hi (inclusive) of word w, as a mask.
std::uint64_t mask(long w, long lo, long hi) {
  const long first = std::max(lo, w * 64) - w * 64, last = std::min(hi, w * 64 + 63) - w * 64;
  const std::uint64_t upto = last == 63 ? ~0ULL : ((1ULL << (last + 1)) - 1);
  return upto & ~((1ULL << first) - 1);
}

}  // namespace

void BoxIndex::cover(const Span& s) {
  if (s.x0 > s.x1 || s.y0 > s.y1) return;
  for (long y = s.y0; y <= s.y1; ++y)
    for (long w = s.x0 / 64; w <= s.x1 / 64; ++w)
      bits_[static_cast<std::size_t>(y * words_ + w)] |= mask(w, s.x0, s.x1);
}

bool BoxIndex::any_covered(const Span& s) const {
  if (s.x0 > s.x1 || s.y0 > s.y1) return false;
  for (long y = s.y0; y <= s.y1; ++y)
    for (long w = s.x0 / 64; w <= s.x1 / 64; ++w)
      if (bits_[static_cast<std::size_t>(y * words_ + w)] & mask(w, s.x0, s.x1)) return true;
  return false;
}

}  // namespace bm
