// A tree of balls over the index's chunks, for points far from every edge
// (the nearest *disputed* segment is often hundreds of kilometres off, where
// walking grid rings finds nothing): each node's ball holds its children's,
// and a search descends nearer child first, skipping every ball whose lower
// bound exceeds the best distance so far. Tens of balls per search instead
// of every chunk.
#include <algorithm>
#include <array>
#include <cmath>
#include <functional>

#include "link/segment_index.hpp"
#include "link/segment_search.hpp"

namespace bm {
namespace {

double distance3(const Vec3& a, const Vec3& b) {
  const double dx = a.x - b.x, dy = a.y - b.y, dz = a.z - b.z;
  return std::sqrt(dx * dx + dy * dy + dz * dz);
}

double axis(const Vec3& v, int k) { return k == 0 ? v.x : k == 1 ? v.y : v.z; }

}  // namespace

// Chunks [lo, hi) of `order` under one node: split at the median along the
// axis where their centres spread most.
std::int32_t SegmentIndex::build_tree(std::vector<std::uint32_t>& order, std::size_t lo,
                                      std::size_t hi) {
  Vec3 min{1e300, 1e300, 1e300}, max{-1e300, -1e300, -1e300};
  for (std::size_t i = lo; i < hi; ++i) {
    const Chunk& c = chunks_[order[i]];
    min = {std::min(min.x, c.centre.x - c.radius_m), std::min(min.y, c.centre.y - c.radius_m),
           std::min(min.z, c.centre.z - c.radius_m)};
    max = {std::max(max.x, c.centre.x + c.radius_m), std::max(max.y, c.centre.y + c.radius_m),
           std::max(max.z, c.centre.z + c.radius_m)};
  }
  Node node;
  node.centre = {(min.x + max.x) / 2, (min.y + max.y) / 2, (min.z + max.z) / 2};
  for (std::size_t i = lo; i < hi; ++i) {
    const Chunk& c = chunks_[order[i]];
    node.radius_m = std::max(node.radius_m, distance3(node.centre, c.centre) + c.radius_m);
  }
  node.radius_m = node.radius_m * (1 + 1e-12) + 1e-3;  // for rounding
  const auto at = static_cast<std::int32_t>(tree_.size());
  if (hi - lo == 1) {
    node.left = -1 - static_cast<std::int32_t>(order[lo]);
    tree_.push_back(node);
    return at;
  }
  tree_.push_back(node);
  const Vec3 spread{max.x - min.x, max.y - min.y, max.z - min.z};
  const int k = spread.x >= spread.y && spread.x >= spread.z ? 0 : spread.y >= spread.z ? 1 : 2;
  const std::size_t mid = lo + (hi - lo) / 2;
  std::nth_element(order.begin() + static_cast<std::ptrdiff_t>(lo),
                   order.begin() + static_cast<std::ptrdiff_t>(mid),
                   order.begin() + static_cast<std::ptrdiff_t>(hi),
                   [&](std::uint32_t a, std::uint32_t b) {
                     return axis(chunks_[a].centre, k) < axis(chunks_[b].centre, k);
                   });
  const std::int32_t left = build_tree(order, lo, mid);
  const std::int32_t right = build_tree(order, mid, hi);
  tree_[static_cast<std::size_t>(at)].left = left;
  tree_[static_cast<std::size_t>(at)].right = right;
  return at;
}

void SegmentIndex::init_tree() {
  if (chunks_.empty()) return;
  std::vector<std::uint32_t> order(chunks_.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<std::uint32_t>(i);
  tree_.reserve(2 * chunks_.size());
  build_tree(order, 0, order.size());
}

// Every chunk that can hold an edge as near as the best so far is opened
// (the same set as bounding each chunk, so the same answer), nearest ball
// first: far off many chunks are about as near, and the first opened sets
// the bound that keeps the others' edges from being refined.
void SegmentIndex::descend(LonLat p, const Vec3& p3, const std::int32_t* rank, Best& best) const {
  if (tree_.empty()) return;
  using Visit = std::pair<double, std::int32_t>;  // (lower bound, node)
  thread_local std::vector<Visit> heap;
  heap.clear();
  auto push = [&](std::int32_t i) {
    const Node& v = tree_[static_cast<std::size_t>(i)];
    const double lb = distance3(p3, v.centre) - v.radius_m;
    if (lb > best.limit) return;
    heap.push_back({lb, i});
    std::push_heap(heap.begin(), heap.end(), std::greater<>());
  };
  push(0);
  while (!heap.empty()) {
    std::pop_heap(heap.begin(), heap.end(), std::greater<>());
    const auto [lb, at] = heap.back();
    heap.pop_back();
    if (lb > best.limit) break;  // every ball left is farther
    const Node& node = tree_[static_cast<std::size_t>(at)];
    if (node.left < 0) {
      open(p, p3, chunks_[static_cast<std::size_t>(-1 - node.left)], rank, best);
    } else {
      push(node.left);
      push(node.right);
    }
  }
}

}  // namespace bm
