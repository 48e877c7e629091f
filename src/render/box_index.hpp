#pragma once
// The boxes labels must keep clear of, for fast "is this box free?" tests.
#include <cstdint>
#include <vector>

#include "render/canvas.hpp"

namespace bm {

// Boxes bucketed on a uniform grid over the frame, so a candidate is tested
// only against its neighbours (thousands of symbols and labels stay fast).
// Cells are a flat array; boxes beyond the frame fall in its edge cells
// (clamping keeps overlapping boxes in a shared cell). A bitmap of the whole
// unit squares the boxes cover answers most tests on a crowded map (a
// crowded label tries up to 150 places, nearly all taken) before the exact
// test; it only ever says "taken" where a box truly is.
class BoxIndex {
 public:
  BoxIndex(const Box& frame, double cell);
  void add(const Box& b);
  // Whether `b` overlaps (with positive area) any box added.
  bool hits(const Box& b) const;

 private:
  struct Span {
    long x0, x1, y0, y1;  // unit squares, inclusive; empty when x0 > x1 or y0 > y1
  };
  Span covered_by(const Box& b) const;  // squares wholly inside b
  Span touched_by(const Box& b) const;  // squares whose interior meets b's
  // The squares ax..bx, ay..by (frame offsets) cut to the frame; empty off it.
  Span on_frame(double ax, double bx, double ay, double by) const;
  bool any_covered(const Span& s) const;
  void cover(const Span& s);
  long cell_of(double v, double origin, long n) const;
  template <class F>
  bool for_cells(const Box& b, F f) const;

  double cell_, x0_, y0_;
  long nx_, ny_;
  std::vector<std::vector<Box>> cells_;
  long bits_w_, bits_h_, words_;  // the bitmap: rows of `words_` 64-bit words
  std::vector<std::uint64_t> bits_;
};

}  // namespace bm
