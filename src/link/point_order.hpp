#pragma once
// Points in an order that keeps near ones together: a Z-order (Morton) curve
// over the world in 2048 x 2048 cells. Linking a table in this order makes
// each search find the cells, chunks and edges the one before it loaded
// still in cache; in the input's order (spread over the world) every search
// missed the cache many times, which was half of world 1M's time.
#include <cstdint>
#include <span>
#include <vector>

#include "core/geometry.hpp"

namespace bm {

class SpatialOrder {
 public:
  // Room for `capacity` points: sort() allocates nothing.
  explicit SpatialOrder(std::size_t capacity);
  // Orders the offsets 0 .. points.size() - 1 (at most capacity) along the
  // curve; ties keep their input order. A point off the world (or NaN) is
  // taken to its nearest cell.
  void sort(std::span<const LonLat> points) noexcept;
  std::size_t size() const { return n_; }
  // The offset of the k-th point along the curve.
  std::uint32_t operator[](std::size_t k) const { return static_cast<std::uint32_t>(keys_[k]); }

 private:
  std::vector<std::uint64_t> keys_, scratch_;  // cell code << 32 | offset
  std::size_t n_ = 0;
};

}  // namespace bm
