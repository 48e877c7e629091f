#pragma once
// A GEOS STRtree over bounding boxes of caller-owned items (identified by
// index). Built once, then queried read-only from any number of threads.
#include <cstddef>
#include <functional>
#include <vector>

#include "core/geometry.hpp"

typedef struct GEOSSTRtree_t GEOSSTRtree;

namespace bm::geos {

class BoxTree {
 public:
  explicit BoxTree(const std::vector<Bounds>& boxes);
  ~BoxTree();
  BoxTree(const BoxTree&) = delete;
  BoxTree& operator=(const BoxTree&) = delete;

  bool empty() const { return size_ == 0; }

  // Indices of the items whose box meets `box` (appended to `out`).
  void query(const Bounds& box, std::vector<std::size_t>& out) const;

  // The item nearest to `p` by `distance(index)`, which must be in the same
  // units as planar lon/lat box distances (degrees) for the search to prune.
  std::size_t nearest(LonLat p, const std::function<double(std::size_t)>& distance) const;

 private:
  GEOSSTRtree* tree_ = nullptr;
  std::size_t size_ = 0;
  std::vector<std::size_t> ids_;  // stable storage: GEOS keeps pointers to these
};

}  // namespace bm::geos
